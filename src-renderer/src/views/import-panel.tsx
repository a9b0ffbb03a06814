import { useState, type FormEvent } from 'react';
import { formatNames } from '../../../src-shared/event';
import { fromErrorShape, type ApiError, type ImportRequest } from '../../../src-shared/api';
import type { ImportProgress, ImportSummary } from '../../../src-shared/import';
import { useAppState } from '../app-state';
import { useClient } from '../client/context';
import { Panel } from '../components/panel';
import { ErrorMessage } from '../components/states';
import { useVigilEvent } from '../hooks/use-vigil-event';
import { ImportProgressView } from './import-progress';
import { ImportSummaryView } from './import-summary';

/** Progress of the running import, with which file of how many. */
export interface RunningImport {
  fileIndex: number;
  fileCount: number;
  progress: ImportProgress | null;
}

/**
 * Import log files into the case. In a browser the server reads a path on its own machine; on the
 * desktop a native dialog picks the files. Progress streams in as events; the summary follows.
 */
export function ImportPanel() {
  const client = useClient();
  const { caseInfo, settings } = useAppState();
  const [path, setPath] = useState('');
  const [format, setFormat] = useState<NonNullable<ImportRequest['format']>>('auto');
  const [timeZone, setTimeZone] = useState('');
  const [running, setRunning] = useState<RunningImport | null>(null);
  const [summaries, setSummaries] = useState<ImportSummary[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  // Events also cover imports started elsewhere (the desktop menu, another browser tab).
  useVigilEvent((event) => {
    if (event.type === 'importProgress') setRunning({ fileIndex: event.fileIndex, fileCount: event.fileCount, progress: event.progress });
    if (event.type === 'importFinished') {
      setRunning(null);
      setSummaries(event.summaries.length > 0 ? event.summaries : null);
      setError(event.error ? fromErrorShape(event.error) : null);
    }
  });

  const start = async (paths: string[]): Promise<void> => {
    setSummaries(null);
    setError(null);
    setRunning({ fileIndex: 0, fileCount: paths.length, progress: null });
    try {
      const request: ImportRequest = { format, ...(timeZone.trim() ? { timeZone: timeZone.trim() } : {}) };
      setSummaries(await client.importFiles(paths, request));
    } catch (reason) {
      setError(reason as ApiError);
    } finally {
      setRunning(null);
    }
  };
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (path.trim()) void start([path.trim()]);
  };
  const choose = async (): Promise<void> => {
    const paths = await client.chooseImportFiles();
    if (paths.length > 0) await start(paths);
  };
  const picker = caseInfo.capabilities.filePicker.available;

  return (
    <Panel title="Import logs">
      <form className="import-form" onSubmit={submit} aria-label="Import logs">
        {picker ? (
          <button type="button" className="button-primary" disabled={running !== null} onClick={() => void choose()}>
            Choose files…
          </button>
        ) : (
          <label className="field field-wide">
            <span>Log file path on the server</span>
            <input className="mono" value={path} onChange={(event) => setPath(event.target.value)} placeholder="/var/log/auth.log or /data/rba-dataset.csv.gz" disabled={running !== null} />
          </label>
        )}
        <label className="field">
          <span>Format</span>
          <select value={format} onChange={(event) => setFormat(event.target.value as typeof format)} disabled={running !== null}>
            <option value="auto">Detect automatically</option>
            {formatNames.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Time zone of the log</span>
          <input value={timeZone} onChange={(event) => setTimeZone(event.target.value)} placeholder={settings.importTimeZone} disabled={running !== null} />
        </label>
        {!picker && (
          <button type="submit" className="button-primary" disabled={running !== null || path.trim() === ''}>
            Import
          </button>
        )}
      </form>
      {running && <ImportProgressView running={running} onCancel={() => void client.cancelImport()} />}
      {error && <ErrorMessage error={error} />}
      {summaries && <ImportSummaryView summaries={summaries} />}
    </Panel>
  );
}
