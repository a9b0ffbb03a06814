import type { ListenerKind, LiveListener } from '../../../../src-shared/api';
import { DataTable } from '../../components/data-table';
import { formatCount, formatTime, type DisplayZone } from '../../format';

/** How each kind of listener is named. */
export const kindNames: Record<ListenerKind, string> = { 'syslog-udp': 'Syslog over UDP', 'syslog-tcp': 'Syslog over TCP', 'file-tail': 'Followed file' };

/** Running listeners with every counter: what was read is stored, rejected, ignored or counted as lost. */
export function ListenerTable({ listeners, zone, busy, onStop }: { listeners: LiveListener[]; zone: DisplayZone; busy: boolean; onStop(id: number): void }) {
  return (
    <DataTable
      caption="Running listeners"
      rows={listeners}
      rowKey={(row) => row.id}
      columns={[
        { header: 'Source', cell: (row) => `#${row.id} ${kindNames[row.kind]}` },
        { header: 'Address', kind: 'mono', cell: (row) => row.address },
        { header: 'Since', kind: 'mono', cell: (row) => formatTime(row.startedAt, zone) },
        { header: 'Received', kind: 'number', cell: (row) => formatCount(row.received) },
        { header: 'Stored', kind: 'number', cell: (row) => formatCount(row.stored) },
        { header: 'Scored', kind: 'number', cell: (row) => formatCount(row.scored) },
        { header: 'Rejected', kind: 'number', cell: (row) => formatCount(row.rejected) },
        { header: 'Not logins', kind: 'number', cell: (row) => formatCount(row.ignored) },
        {
          header: 'Lost',
          kind: 'number',
          cell: (row) => (
            <span className={row.dropped + (row.kernelDrops ?? 0) > 0 ? 'text-danger' : undefined} title="dropped for want of queue room, plus datagrams the kernel dropped">
              {formatCount(row.dropped + (row.kernelDrops ?? 0))}
            </span>
          ),
        },
        { header: 'Queued', kind: 'number', cell: (row) => formatCount(row.queueDepth) },
        { header: 'Last login', kind: 'mono', cell: (row) => (row.lastEventAt ? formatTime(row.lastEventAt, zone) : '—') },
        {
          header: 'Stop',
          cell: (row) => (
            <button type="button" className="button-secondary button-small" disabled={busy} onClick={() => onStop(row.id)} aria-label={`Stop listener #${row.id}`}>
              Stop
            </button>
          ),
        },
      ]}
    />
  );
}
