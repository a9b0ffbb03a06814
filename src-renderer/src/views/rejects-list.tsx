import { useEffect, useState } from 'react';
import type { ApiError, RejectPage, SourceInfo } from '../../../src-shared/api';
import { useClient } from '../client/context';
import { DataTable } from '../components/data-table';
import { ErrorMessage, Loading } from '../components/states';
import { formatCount } from '../format';

const pageSize = 100;

/** A source's rejected lines, a page at a time, with counts by reason. */
export function RejectsList({ source, onClose }: { source: SourceInfo; onClose(): void }) {
  const client = useClient();
  const [pages, setPages] = useState<RejectPage[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(false);

  const load = (after: string | null): void => {
    setLoading(true);
    client
      .listRejects(source.id, { after, limit: pageSize })
      .then((page) => setPages((previous) => (after === null ? [page] : [...previous, page])))
      .catch((reason: ApiError) => setError(reason))
      .finally(() => setLoading(false));
  };
  useEffect(() => load(null), [source.id]);

  const first = pages[0];
  const rows = pages.flatMap((page) => page.rows);
  const next = pages[pages.length - 1]?.nextCursor ?? null;
  return (
    <div className="rejects">
      <div className="rejects-head">
        <h3>
          Rejected lines of <span className="mono">{source.name}</span>
        </h3>
        <button type="button" className="button-secondary" onClick={onClose}>
          Close
        </button>
      </div>
      {first && (
        <ul className="reasons">
          {Object.entries(first.byReason)
            .sort((a, b) => b[1] - a[1])
            .map(([reason, count]) => (
              <li key={reason}>
                {formatCount(count)}: {reason}
              </li>
            ))}
        </ul>
      )}
      {error && <ErrorMessage error={error} />}
      <div className="scroll-box">
        <DataTable
          rows={rows}
          rowKey={(row) => row.id}
          columns={[
            { header: 'Line', kind: 'number', cell: (row) => formatCount(row.line) },
            { header: 'Reason', cell: (row) => row.reason },
            { header: 'Raw (first 1,024 characters)', kind: 'mono', cell: (row) => <span className="raw-cell">{row.raw}</span> },
          ]}
        />
      </div>
      {loading && <Loading />}
      {next && !loading && (
        <button type="button" className="button-secondary" onClick={() => load(next)}>
          Show more ({formatCount(rows.length)} of {formatCount(first?.total ?? 0)})
        </button>
      )}
    </div>
  );
}
