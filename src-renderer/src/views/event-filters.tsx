import { useState, type FormEvent } from 'react';
import { riskLevels, type EventFilter, type RiskLevel } from '../../../src-shared/api';
import { fromDateTimeInput, toDateTimeInput, type DisplayZone } from '../format';

/** The Events filter form; applying it puts the filter in the address, so it can be shared and gone back to. */
export function EventFilters({ filter, zone, onApply }: { filter: EventFilter; zone: DisplayZone; onApply(filter: EventFilter): void }) {
  const [draft, setDraft] = useState({
    from: toDateTimeInput(filter.from ?? null, zone),
    to: toDateTimeInput(filter.to ?? null, zone),
    user: filter.user ?? '',
    ip: filter.ip ?? '',
    country: filter.country ?? '',
    outcome: filter.outcome ?? '',
    risk: filter.risk ?? '',
    text: filter.text ?? '',
    sort: filter.sort ?? 'desc',
  });
  const set = (name: keyof typeof draft) => (event: { target: { value: string } }) => setDraft({ ...draft, [name]: event.target.value });
  const from = fromDateTimeInput(draft.from, zone);
  const to = fromDateTimeInput(draft.to, zone);
  const invalid = Number.isNaN(from) || Number.isNaN(to);
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (invalid) return;
    onApply({
      from,
      to,
      user: draft.user.trim() || undefined,
      ip: draft.ip.trim() || undefined,
      country: draft.country.trim() || undefined,
      outcome: draft.outcome === 'success' || draft.outcome === 'failure' ? draft.outcome : undefined,
      risk: (riskLevels as readonly string[]).includes(draft.risk) ? (draft.risk as RiskLevel) : undefined,
      text: draft.text.trim() || undefined,
      sort: draft.sort === 'asc' ? 'asc' : 'desc',
    });
  };
  const zoneName = zone === 'UTC' ? 'UTC' : 'local';
  return (
    <form className="filters" onSubmit={submit} aria-label="Event filters">
      <label className="field field-time">
        <span>From ({zoneName})</span>
        <input className="mono" value={draft.from} onChange={set('from')} placeholder="YYYY-MM-DD hh:mm" aria-invalid={Number.isNaN(from)} />
      </label>
      <label className="field field-time">
        <span>To ({zoneName})</span>
        <input className="mono" value={draft.to} onChange={set('to')} placeholder="YYYY-MM-DD hh:mm" aria-invalid={Number.isNaN(to)} />
      </label>
      <label className="field">
        <span>User</span>
        <input value={draft.user} onChange={set('user')} placeholder="exact name" />
      </label>
      <label className="field">
        <span>IP or CIDR</span>
        <input className="mono" value={draft.ip} onChange={set('ip')} placeholder="203.0.113.0/24" />
      </label>
      <label className="field field-narrow">
        <span>Country</span>
        <input value={draft.country} onChange={set('country')} placeholder="NO" />
      </label>
      <label className="field field-narrow">
        <span>Outcome</span>
        <select value={draft.outcome} onChange={set('outcome')}>
          <option value="">Any</option>
          <option value="success">Success</option>
          <option value="failure">Failure</option>
        </select>
      </label>
      <label className="field field-narrow">
        <span>Risk</span>
        <select value={draft.risk} onChange={set('risk')}>
          <option value="">Any</option>
          {riskLevels.map((level) => (
            <option key={level} value={level}>
              {level === 'low' ? 'Scored' : level === 'critical' ? 'Critical' : `≥ ${level}`}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Search</span>
        <input type="search" value={draft.text} onChange={set('text')} placeholder="user, IP, user agent, host" />
      </label>
      <label className="field field-narrow">
        <span>Order</span>
        <select value={draft.sort} onChange={set('sort')}>
          <option value="desc">Newest first</option>
          <option value="asc">Oldest first</option>
        </select>
      </label>
      <div className="filter-buttons">
        <button type="submit" className="button-primary" disabled={invalid} title={invalid ? 'Write times as 2026-01-31 or 2026-01-31 13:05:09' : undefined}>
          Apply
        </button>
        <button type="button" className="button-secondary" onClick={() => onApply({})}>
          Clear
        </button>
      </div>
    </form>
  );
}
