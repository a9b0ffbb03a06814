import { ProgressBar } from '../components/progress-bar';
import { formatBytes, formatCount, formatDuration } from '../format';
import type { RunningImport } from './import-panel';

/** The running import: bar, bytes, events per second, time left, rejects; and a way to stop it. */
export function ImportProgressView({ running, onCancel }: { running: RunningImport; onCancel(): void }) {
  const progress = running.progress;
  const fraction = progress && progress.bytesTotal > 0 ? progress.bytesRead / progress.bytesTotal : null;
  const seconds = progress ? progress.elapsedMs / 1000 : 0;
  const rate = progress && seconds > 0 ? progress.eventsImported / seconds : null;
  const remaining = fraction && fraction > 0.01 && progress ? (progress.elapsedMs / fraction) * (1 - fraction) : null;
  return (
    <div className="import-progress" aria-live="polite">
      <div className="import-progress-head">
        <span>
          {running.fileCount > 1 ? `File ${running.fileIndex + 1} of ${running.fileCount}: ` : ''}
          <span className="mono">{progress?.path ?? 'starting…'}</span>
        </span>
        <button type="button" className="button-secondary" onClick={onCancel}>
          Stop import
        </button>
      </div>
      <ProgressBar fraction={fraction} label="Import progress" />
      {progress && (
        <dl className="import-figures">
          <div>
            <dt>Read</dt>
            <dd>
              {formatBytes(progress.bytesRead)} of {formatBytes(progress.bytesTotal)}
            </dd>
          </div>
          <div>
            <dt>Events</dt>
            <dd>{formatCount(progress.eventsImported)}</dd>
          </div>
          <div>
            <dt>Speed</dt>
            <dd>{rate === null ? '—' : `${formatCount(rate)} events/s`}</dd>
          </div>
          <div>
            <dt>Time left</dt>
            <dd>{remaining === null ? '—' : formatDuration(remaining)}</dd>
          </div>
          <div>
            <dt>Rejected</dt>
            <dd>{formatCount(progress.rejected)}</dd>
          </div>
        </dl>
      )}
    </div>
  );
}
