/** Above this many distinct values a user's counts move from a flat array into a Map. */
const flatLimit = 32;

/**
 * One user's login counts: per feature the number of logins that had it, and per value id how often
 * the user used it. Kept compact because there may be a million users: most have a handful of values,
 * held in one small array of integers `[total_0 .. total_{F−1}, id, count, id, count, ...]` (a linear scan
 * beats a Map at this size); users with many values (service accounts, shared IPs) switch to a Map.
 */
export class UserCounts {
  private readonly entries: number[];
  private large: Map<number, number> | null = null;

  constructor(private readonly features: number) {
    this.entries = new Array<number>(features).fill(0);
  }

  /** Logins of this user that had a value for `feature`. */
  total(feature: number): number {
    return this.entries[feature];
  }

  /** How often this user used value `id`. */
  count(id: number): number {
    if (this.large) return this.large.get(id) ?? 0;
    const entries = this.entries;
    for (let i = this.features; i < entries.length; i += 2) if (entries[i] === id) return entries[i + 1];
    return 0;
  }

  /** Count one more login with value `id` of `feature`. */
  add(feature: number, id: number): void {
    this.entries[feature]++;
    if (this.large) {
      this.large.set(id, (this.large.get(id) ?? 0) + 1);
      return;
    }
    const entries = this.entries;
    for (let i = this.features; i < entries.length; i += 2) {
      if (entries[i] === id) {
        entries[i + 1]++;
        return;
      }
    }
    entries.push(id, 1);
    if ((entries.length - this.features) / 2 > flatLimit) {
      this.large = new Map();
      for (let i = this.features; i < entries.length; i += 2) this.large.set(entries[i], entries[i + 1]);
      entries.length = this.features;
    }
  }

  /** The flat form `[totals..., id, count, ...]` for saving. */
  toArray(): number[] {
    if (!this.large) return this.entries.slice();
    const flat = this.entries.slice();
    for (const [id, count] of this.large) flat.push(id, count);
    return flat;
  }

  /** Counts from their flat form (as `toArray` wrote it). */
  static fromArray(features: number, flat: readonly number[]): UserCounts {
    const counts = new UserCounts(features);
    for (let feature = 0; feature < features; feature++) counts.entries[feature] = flat[feature];
    const values = (flat.length - features) / 2;
    if (values > flatLimit) counts.large = new Map();
    for (let i = features; i < flat.length; i += 2) {
      if (counts.large) counts.large.set(flat[i], flat[i + 1]);
      else counts.entries.push(flat[i], flat[i + 1]);
    }
    return counts;
  }
}
