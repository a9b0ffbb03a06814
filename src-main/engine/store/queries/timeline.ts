import { bucketSizes, type BucketName, type TimeRange, type Timeline, type TimelineBucket } from '../../../../src-shared/api.js';
import type { CaseDatabase } from '../database.js';
import { alertSeries, type Alerting } from './timeline-risk.js';

/** Buckets 'auto' aims for, and the most any request may produce. */
const autoBuckets = 150;
const maximumBuckets = 5000;
/** Buckets are aligned to Monday 1970-01-05 00:00 UTC, so days start at midnight UTC and weeks on Monday. */
const alignment = 4 * 86_400_000;

/**
 * Logins and failures per bucket over a range (null: the whole case), with empty buckets filled in;
 * with `alerting`, also that run's alerts per bucket.
 */
export function timeline(db: CaseDatabase, range: TimeRange | null, requested: TimelineBucket, alerting: Alerting | null = null): Timeline {
  const span = db.prepare(`SELECT MIN(ts) AS first, MAX(ts) AS last FROM events`).get() as { first: number | null; last: number | null };
  const from = range?.from ?? span.first;
  const to = range?.to ?? (span.last === null ? null : span.last + 1);
  if (from === null || to === null || to <= from) {
    const bucket = requested === 'auto' ? 'hour' : requested;
    return { bucket, bucketMs: bucketSizes[bucket], from, to, points: [], risk: null };
  }
  const bucket = chooseBucket(to - from, requested);
  // For the whole case a sequential table scan is faster than the time index plus a lookup per row.
  const spansCase = from <= (span.first ?? from) && to > (span.last ?? to);
  const size = bucketSizes[bucket];
  const firstStart = alignDown(from, size);
  const rows = db
    .prepare(
      // JS numbers bind as REAL: cast so the division is an integer one and each bucket one group.
      `SELECT (ts - CAST(? AS INTEGER)) / CAST(? AS INTEGER) AS slot, COUNT(*) AS events, SUM(outcome = 0) AS failures
       FROM events ${spansCase ? 'NOT INDEXED' : ''} WHERE ts >= ? AND ts < ? GROUP BY slot`,
    )
    .all(firstStart, size, from, to) as { slot: number; events: number; failures: number }[];
  const slots = Math.ceil((to - firstStart) / size);
  const points = Array.from({ length: slots }, (_, index) => ({ start: firstStart + index * size, events: 0, failures: 0 }));
  for (const row of rows) {
    const point = points[row.slot];
    if (point) {
      point.events = row.events;
      point.failures = row.failures;
    }
  }
  const risk = alerting ? alertSeries(db, alerting, { firstStart, size, slots, from, to }) : null;
  return { bucket, bucketMs: size, from, to, points, risk };
}

/** The requested bucket, or the smallest that keeps the chart legible (auto) or bounded (explicit). */
export function chooseBucket(spanMs: number, requested: TimelineBucket): BucketName {
  const names = Object.keys(bucketSizes) as BucketName[];
  const limit = requested === 'auto' ? autoBuckets : maximumBuckets;
  const start = requested === 'auto' ? 0 : names.indexOf(requested);
  for (const name of names.slice(start)) {
    if (spanMs / bucketSizes[name] <= limit) return name;
  }
  return 'week';
}

function alignDown(time: number, size: number): number {
  return alignment + Math.floor((time - alignment) / size) * size;
}
