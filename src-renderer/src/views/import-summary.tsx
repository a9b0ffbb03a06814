import type { ImportSummary } from '../../../src-shared/import';
import { formatCount, formatDuration } from '../format';

/** What each file's import did: every line accounted for, and what the parser assumed. */
export function ImportSummaryView({ summaries }: { summaries: ImportSummary[] }) {
  return (
    <div className="import-summaries" role="status" aria-label="Import summary">
      {summaries.map((summary) => (
        <article key={summary.sourceId} className="import-summary">
          <h3>
            <span className="mono">{summary.path}</span>
          </h3>
          {summary.alreadyImported ? (
            <p>
              Already imported as source #{summary.sourceId} (same SHA-256): nothing added, {formatCount(summary.duplicates)} events were already in the
              case.
            </p>
          ) : (
            <>
              <p>
                Imported <strong>{formatCount(summary.eventsImported)} events</strong> as source #{summary.sourceId} ({summary.format}
                {summary.resumed ? ', resumed' : ''}) in {formatDuration(summary.elapsedMs)}.
              </p>
              <dl className="import-figures">
                <div>
                  <dt>Lines read</dt>
                  <dd>{formatCount(summary.linesRead)}</dd>
                </div>
                <div>
                  <dt>Imported</dt>
                  <dd>{formatCount(summary.eventsImported)}</dd>
                </div>
                <div>
                  <dt>Duplicates</dt>
                  <dd>{formatCount(summary.duplicates)}</dd>
                </div>
                <div>
                  <dt>Rejected</dt>
                  <dd>{formatCount(summary.rejected)}</dd>
                </div>
                <div>
                  <dt>Not logins</dt>
                  <dd>{formatCount(summary.ignored)}</dd>
                </div>
              </dl>
              {Object.keys(summary.rejectedByReason).length > 0 && (
                <ul className="reasons">
                  {Object.entries(summary.rejectedByReason)
                    .sort((a, b) => b[1] - a[1])
                    .map(([reason, count]) => (
                      <li key={reason}>
                        {formatCount(count)} rejected: {reason}
                      </li>
                    ))}
                </ul>
              )}
            </>
          )}
          {summary.assumptions.length > 0 && <p className="muted small">Assumed: {summary.assumptions.join('; ')}.</p>}
        </article>
      ))}
    </div>
  );
}
