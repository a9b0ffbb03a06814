import { riskLevels, type EventFilter, type RiskLevel } from '../../../src-shared/api';

/** An Events filter from the address parameters (unknown or malformed values are left out). */
export function filterFromParams(params: URLSearchParams): EventFilter {
  const number = (name: string): number | undefined => {
    const value = params.get(name);
    return value !== null && /^-?\d+$/.test(value) ? Number(value) : undefined;
  };
  const text = (name: string): string | undefined => params.get(name) || undefined;
  const outcome = params.get('outcome');
  const sort = params.get('sort');
  const risk = params.get('risk');
  return {
    from: number('from'),
    to: number('to'),
    user: text('user'),
    ip: text('ip'),
    country: text('country'),
    outcome: outcome === 'success' || outcome === 'failure' ? outcome : undefined,
    risk: (riskLevels as readonly string[]).includes(risk ?? '') ? (risk as RiskLevel) : undefined,
    text: text('text'),
    sort: sort === 'asc' ? 'asc' : undefined,
  };
}

/** The address parameters of a filter. */
export function filterToParams(filter: EventFilter): Record<string, string | number | undefined> {
  return {
    from: filter.from ?? undefined,
    to: filter.to ?? undefined,
    user: filter.user,
    ip: filter.ip,
    country: filter.country,
    outcome: filter.outcome,
    risk: filter.risk,
    text: filter.text,
    sort: filter.sort === 'asc' ? 'asc' : undefined,
  };
}

/** Whether a filter narrows anything. */
export function isFiltered(filter: EventFilter): boolean {
  return Object.entries(filter).some(([name, value]) => name !== 'sort' && value !== undefined && value !== null && value !== '');
}
