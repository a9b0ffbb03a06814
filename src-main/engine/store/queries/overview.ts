import type { DatasetSummary, Overview } from '../../../../src-shared/api.js';
import type { CaseDatabase } from '../database.js';

/** Rows in each top-N table of the overview. */
export const overviewTopLimit = 10;

/**
 * The case at a glance. Each aggregate is one pass over the events (or an index); on tens of millions
 * of rows this takes seconds, so the service runs it in its read worker and keeps it until the next import.
 * They read the `event_rows` table, not the `events` view: NOT INDEXED on the view made SQLite compute every
 * column of every row, place and client lookups included (failures by user on 5M events: 23 s, against 1 s).
 */
export function overview(db: CaseDatabase): Overview {
  const totals = db
    .prepare(`SELECT COUNT(*) AS events, COALESCE(SUM(outcome), 0) AS successes, MIN(ts) AS first, MAX(ts) AS last FROM event_rows`)
    .get() as { events: number; successes: number; first: number | null; last: number | null };
  const users = (db.prepare(`SELECT COUNT(DISTINCT user) AS count FROM event_rows`).get() as { count: number }).count;
  const distinctIps = (db.prepare(`SELECT COUNT(DISTINCT ip) AS count FROM event_rows`).get() as { count: number }).count;
  const sources = (db.prepare(`SELECT COUNT(*) AS count FROM sources`).get() as { count: number }).count;
  // NOT INDEXED: one sequential pass over the table beats walking an index with a row lookup per entry.
  const failedUsers = db
    .prepare(`SELECT user, COUNT(*) AS failures FROM event_rows NOT INDEXED WHERE outcome = 0 GROUP BY user ORDER BY failures DESC, user LIMIT ?`)
    .all(overviewTopLimit) as { user: string; failures: number }[];
  const userEvents = db.prepare(`SELECT COUNT(*) FROM event_rows WHERE user = ?`).pluck();
  const topUsersByFailures = failedUsers.map((row) => ({ ...row, events: userEvents.get(row.user) as number }));
  const failedIps = db
    .prepare(
      `SELECT ip, COUNT(*) AS failures, COUNT(DISTINCT user) AS users FROM event_rows NOT INDEXED
       WHERE outcome = 0 AND ip IS NOT NULL GROUP BY ip ORDER BY failures DESC, ip LIMIT ?`,
    )
    .all(overviewTopLimit) as { ip: string; failures: number; users: number }[];
  const ipEvents = db.prepare(`SELECT COUNT(*) FROM event_rows WHERE ip = ?`).pluck();
  const topIpsByFailures = failedIps.map((row) => ({ ip: row.ip, failures: row.failures, events: ipEvents.get(row.ip) as number, users: row.users }));
  // By place first (a few thousand), then by the places' countries.
  const countries = db
    .prepare(
      `SELECT places.country AS country, SUM(byPlace.events) AS events, SUM(byPlace.failures) AS failures
       FROM (SELECT place_id, COUNT(*) AS events, SUM(outcome = 0) AS failures FROM event_rows NOT INDEXED GROUP BY place_id) AS byPlace
       LEFT JOIN places ON places.id = byPlace.place_id
       GROUP BY places.country ORDER BY events DESC, country`,
    )
    .all() as Overview['countries'];
  return {
    events: totals.events,
    users,
    sources,
    distinctIps,
    from: totals.first,
    to: totals.last,
    successes: totals.successes,
    failures: totals.events - totals.successes,
    topUsersByFailures,
    topIpsByFailures,
    countries,
  };
}

/** What a model would learn from: volume, span and the ground-truth labels found in the data. */
export function datasetSummary(db: CaseDatabase): DatasetSummary {
  const totals = db.prepare(`SELECT COUNT(*) AS events, MIN(ts) AS first, MAX(ts) AS last FROM event_rows`).get() as {
    events: number;
    first: number | null;
    last: number | null;
  };
  const users = (db.prepare(`SELECT COUNT(DISTINCT user) AS count FROM event_rows`).get() as { count: number }).count;
  const labels = db
    .prepare(`SELECT label, COUNT(*) AS count FROM event_rows NOT INDEXED WHERE label IS NOT NULL GROUP BY label ORDER BY count DESC`)
    .all() as { label: string; count: number }[];
  const labelled = labels.reduce((sum, entry) => sum + entry.count, 0);
  return { events: totals.events, users, from: totals.first, to: totals.last, labels, unlabelled: totals.events - labelled };
}
