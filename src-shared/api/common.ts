import { z } from 'zod';

/** A half-open time range [from, to) in UTC milliseconds; a null end is open. */
export const timeRangeSchema = z.object({
  from: z.number().int().nullable(),
  to: z.number().int().nullable(),
});
export type TimeRange = z.infer<typeof timeRangeSchema>;

/** A keyset page request: `after` is the opaque cursor of the previous page's last row. */
export const pageRequestSchema = z.object({
  after: z.string().max(200).nullable(),
  limit: z.number().int().min(1).max(1000),
});
export type PageRequest = z.infer<typeof pageRequestSchema>;

/** A row count that may be a lower bound, so a count never scans millions of rows for a number. */
export interface CountEstimate {
  count: number;
  /** False when counting stopped at `count` ("at least"). */
  exact: boolean;
}

/** A value with how often it occurs, for top-N tables. */
export interface Tally {
  value: string;
  count: number;
}
