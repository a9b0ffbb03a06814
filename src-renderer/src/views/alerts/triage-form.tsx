import { useState, type FormEvent } from 'react';
import type { AlertStatus, ApiError, Incident } from '../../../../src-shared/api';
import { useClient } from '../../client/context';
import { ErrorMessage } from '../../components/states';

const actions: { status: AlertStatus; label: string }[] = [
  { status: 'acknowledged', label: 'Acknowledge' },
  { status: 'false-positive', label: 'False positive' },
  { status: 'resolved', label: 'Resolve' },
  { status: 'new', label: 'Reopen' },
];

/** Set an incident's status with an optional note; the note is kept in its history with who and when. */
export function TriageForm({ incident, onChanged }: { incident: Incident; onChanged(incident: Incident): void }) {
  const client = useClient();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const act = async (status: AlertStatus): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      onChanged(await client.updateIncident(incident.id, { status, note: note.trim() || undefined }));
      setNote('');
    } catch (reason) {
      setError(reason as ApiError);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="triage-form" aria-label="Triage" onSubmit={(event: FormEvent) => event.preventDefault()}>
      <label className="field">
        <span>Note (kept in the incident's history)</span>
        <textarea value={note} onChange={(event) => setNote(event.target.value)} rows={2} maxLength={4000} placeholder="What you checked, who you called…" />
      </label>
      <div className="triage-buttons">
        {actions
          .filter((action) => action.status !== incident.status)
          .map((action) => (
            <button key={action.status} type="button" className={action.status === 'acknowledged' ? 'button-primary' : 'button-secondary'} disabled={busy} onClick={() => void act(action.status)}>
              {action.label}
            </button>
          ))}
      </div>
      {error && <ErrorMessage error={error} />}
    </form>
  );
}
