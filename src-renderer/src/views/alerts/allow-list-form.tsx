import { useState, type FormEvent } from 'react';
import type { AllowListKind, ApiError, Incident } from '../../../../src-shared/api';
import { useClient } from '../../client/context';
import { ErrorMessage } from '../../components/states';

/** What an incident offers to allow-list: its users, its addresses and their /24 networks. */
function candidates(incident: Incident): { kind: AllowListKind; value: string; label: string }[] {
  const users = incident.users.slice(0, 5).map((user) => ({ kind: 'user' as const, value: user, label: `User ${user}` }));
  const addresses = incident.ips.slice(0, 5).flatMap((ip) => {
    const network = /^(\d+\.\d+\.\d+)\.\d+$/.exec(ip);
    return [{ kind: 'ip' as const, value: ip, label: `Address ${ip}` }, ...(network ? [{ kind: 'ip' as const, value: `${network[1]}.0/24`, label: `Network ${network[1]}.0/24` }] : [])];
  });
  return [...users, ...addresses];
}

/**
 * Trust a user, address or network of this incident from now on: its logins keep their scores but stop
 * alerting (the incident disappears when all its alerts are covered). The entry is kept in Settings.
 */
export function AllowListForm({ incident, onAdded }: { incident: Incident; onAdded(): void }) {
  const client = useClient();
  const options = candidates(incident);
  const [choice, setChoice] = useState(0);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  if (options.length === 0) return null;
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const { kind, value, label } = options[choice];
    setBusy(true);
    setError(null);
    try {
      await client.addAllowListEntry({ kind, value, note: note.trim() || `from incident #${incident.id}` });
      setAdded(label);
      setNote('');
      onAdded();
    } catch (reason) {
      setError(reason as ApiError);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="allow-form" aria-label="Allow-list" onSubmit={(event) => void submit(event)}>
      <div className="form-row">
        <label className="field">
          <span>Never alert on</span>
          <select value={choice} onChange={(event) => setChoice(Number(event.target.value))}>
            {options.map((option, index) => (
              <option key={`${option.kind}:${option.value}`} value={index}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        <label className="field field-wide">
          <span>Why it is trusted</span>
          <input value={note} onChange={(event) => setNote(event.target.value)} maxLength={2000} placeholder="office VPN, vulnerability scanner…" />
        </label>
        <button type="submit" className="button-secondary" disabled={busy}>
          Add to allow-list
        </button>
      </div>
      {added && (
        <p role="status" className="saved">
          {added} is allow-listed: its logins keep their risk but no longer alert.
        </p>
      )}
      {error && <ErrorMessage error={error} />}
    </form>
  );
}
