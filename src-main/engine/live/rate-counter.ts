/** Counts per wall-clock minute over the last few minutes: the live view's "events per minute" sparkline. */
export class RateCounter {
  private readonly buckets = new Map<number, number>();

  constructor(private readonly minutes: number) {}

  /** Count `count` items at `time` (UTC ms). */
  add(time: number, count: number): void {
    const minute = Math.floor(time / 60_000);
    this.buckets.set(minute, (this.buckets.get(minute) ?? 0) + count);
    for (const key of this.buckets.keys()) if (key <= minute - this.minutes) this.buckets.delete(key);
  }

  /** Counts of the last `minutes` minutes up to `time`, oldest first (the current, partial minute last). */
  perMinute(time: number): number[] {
    const minute = Math.floor(time / 60_000);
    return Array.from({ length: this.minutes }, (_, index) => this.buckets.get(minute - this.minutes + 1 + index) ?? 0);
  }
}
