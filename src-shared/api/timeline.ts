import { z } from 'zod';
import type { RiskLevel } from './detection.js';

/** Bucket sizes the timeline offers, in milliseconds; 'auto' picks one for about 150 buckets. */
export const bucketSizes = {
  minute: 60_000,
  '5 minutes': 300_000,
  '15 minutes': 900_000,
  hour: 3_600_000,
  '6 hours': 21_600_000,
  day: 86_400_000,
  week: 604_800_000,
} as const;
export type BucketName = keyof typeof bucketSizes;

export const bucketSchema = z.enum(['auto', ...(Object.keys(bucketSizes) as BucketName[])]);
export type TimelineBucket = z.infer<typeof bucketSchema>;

/** Event counts per bucket; buckets without events are present with zeros so charts keep a true axis. */
export interface Timeline {
  bucket: BucketName;
  bucketMs: number;
  from: number | null;
  to: number | null;
  points: { start: number; events: number; failures: number }[];
  /** Alerts of the newest complete run in the same buckets; null before any run is complete. */
  risk: TimelineRisk | null;
}

/** Alerts per bucket: the risk series and its markers. */
export interface TimelineRisk {
  runId: number;
  /** Risk at or above which a login alerts (the challenge threshold in Settings). */
  threshold: number;
  /** One entry per timeline point, in the same order. */
  points: { alerts: number; maxRisk: number | null; level: RiskLevel | null }[];
}
