import { useState } from 'react';
import { exportFormats, type ApiError, type ExportFormat, type IncidentFilter } from '../../../../src-shared/api';
import { useClient } from '../../client/context';
import { ErrorMessage } from '../../components/states';
import { saveFile } from '../../download';

const formatNames: Record<ExportFormat, string> = { csv: 'CSV', json: 'JSON', html: 'HTML report' };

/** Export the incidents the filter shows: a CSV table, a JSON document with every alert and note, or an HTML report. */
export function ExportButtons({ filter, disabled }: { filter: IncidentFilter; disabled: boolean }) {
  const client = useClient();
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const run = async (format: ExportFormat): Promise<void> => {
    setBusy(format);
    setError(null);
    try {
      saveFile(await client.exportIncidents(format, filter));
    } catch (reason) {
      setError(reason as ApiError);
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="export-buttons" role="group" aria-label="Export incidents">
      <span className="muted small">Export</span>
      {exportFormats.map((format) => (
        <button key={format} type="button" className="button-secondary" disabled={disabled || busy !== null} onClick={() => void run(format)}>
          {busy === format ? 'Exporting…' : formatNames[format]}
        </button>
      ))}
      {error && <ErrorMessage error={error} />}
    </div>
  );
}
