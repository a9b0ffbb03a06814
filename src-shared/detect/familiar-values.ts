/** The kinds of value a profile weighs, as positions in a login's `ProfileKeys`. */
export const profileKinds = ['ip', 'network', 'asn', 'country', 'city', 'device'] as const;

/** One of `profileKinds`, by position. */
export type ProfileKind = number;

/**
 * A login's value of each kind as a key (`profileKey`), -1 where the login has none: `profileKinds.length`
 * numbers, in kind order.
 */
export type ProfileKeys = Float64Array;

/** Key bits that hold the kind: room for 8 kinds, so a key's kind is `key & kindMask`. */
const kindBits = 3;
const kindMask = (1 << kindBits) - 1;

/**
 * The key of value `id` (a non-negative integer, interned per kind, or an ASN) of kind `kind`. The kind
 * sits in the low bits, read back with a mask (a remainder of a double costs a library call per entry).
 * For keys past 32 bits the mask still reads the kind: ToInt32 keeps the low 32 bits.
 */
export function profileKey(kind: ProfileKind, id: number): number {
  return id * (kindMask + 1) + kind;
}

/** Above this many values a profile's weights move from a flat array into a Map. */
const flatLimit = 48;

/**
 * The weight a user's trusted logins gave each value they used (IPs, networks, providers, countries,
 * cities, devices), all kinds in one store keyed by `profileKey`. Most users have a few dozen values at
 * most, held in one flat array `[key, weight, key, weight, ...]` that a login's keys are looked up in by a
 * single scan (cheaper than six maps, and one object per user instead of six); users with many values
 * (service accounts, shared IPs) switch to a Map.
 */
export class FamiliarValues {
  private readonly entries: number[] = [];
  private large: Map<number, number> | null = null;

  /** The weight of each of `keys` into `weights` (0 for a value never used, and for -1). */
  weightsOf(keys: ProfileKeys, weights: Float64Array): void {
    // A loop, not fill: for six numbers the typed-array call costs more.
    for (let kind = 0; kind < keys.length; kind++) weights[kind] = 0;
    const large = this.large;
    if (large) {
      for (let kind = 0; kind < keys.length; kind++) if (keys[kind] >= 0) weights[kind] = large.get(keys[kind]) ?? 0;
      return;
    }
    const entries = this.entries;
    for (let index = 0; index < entries.length; index += 2) {
      const key = entries[index];
      if (keys[key & kindMask] === key) weights[key & kindMask] = entries[index + 1];
    }
  }

  /** Add `weight` to the value `key`; its new weight. */
  add(key: number, weight: number): number {
    const large = this.large;
    if (large) {
      const total = (large.get(key) ?? 0) + weight;
      large.set(key, total);
      return total;
    }
    const entries = this.entries;
    for (let index = 0; index < entries.length; index += 2) {
      if (entries[index] === key) return (entries[index + 1] += weight);
    }
    entries.push(key, weight);
    if (entries.length > 2 * flatLimit) {
      this.large = new Map();
      for (let index = 0; index < entries.length; index += 2) this.large.set(entries[index], entries[index + 1]);
      entries.length = 0;
    }
    return weight;
  }
}
