import type { EventRow } from '../../../src-shared/api';
import { OutcomeBadge, RiskBadge } from '../components/badges';
import type { VirtualColumn } from '../components/virtual-table';
import { formatTime, orDash, type DisplayZone } from '../format';

/** Whether any row carries a score: before the first training a Risk column would only say "not scored". */
export function anyScored(rows: readonly EventRow[]): boolean {
  return rows.some((row) => row.risk !== null);
}

/** The columns of an event list, in the order an analyst scans them; Risk first once events are scored. */
export function eventColumns(zone: DisplayZone, options: { scored: boolean; user?: boolean }): VirtualColumn<EventRow>[] {
  let columns: VirtualColumn<EventRow>[] = [
    { header: `Time (${zone === 'UTC' ? 'UTC' : 'local'})`, width: 11.5, kind: 'mono', cell: (row) => formatTime(row.time, zone) },
    { header: 'User', width: 8.5, grow: 1.2, cell: (row) => <span title={row.user}>{row.user}</span> },
    { header: 'Outcome', width: 5.5, cell: (row) => <OutcomeBadge outcome={row.outcome} /> },
    { header: 'IP', width: 9.5, grow: 1, kind: 'mono', cell: (row) => <span title={row.ip ?? undefined}>{orDash(row.ip)}</span> },
    { header: 'Country', width: 4.8, cell: (row) => orDash(row.country) },
    { header: 'City', width: 5, grow: 0.8, cell: (row) => orDash(row.city) },
    { header: 'ASN', width: 4.5, kind: 'number', cell: (row) => orDash(row.asn) },
    { header: 'Device', width: 7.5, grow: 1.4, cell: (row) => orDash([row.browser, row.os, row.deviceType].filter(Boolean).join(' · ')) },
    { header: 'Service', width: 5, cell: (row) => orDash(row.service) },
  ];
  // In one user's own list the user column would only repeat the name.
  if (options.user === false) columns = columns.filter((column) => column.header !== 'User');
  // Risk comes first: it is what an analyst sorts the rest of the row by.
  if (options.scored) columns.unshift({ header: 'Risk', width: 7, cell: (row) => <RiskBadge level={row.risk} risk={row.riskScore} /> });
  return columns;
}
