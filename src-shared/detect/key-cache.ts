/**
 * Remembers a text built from two or three parts (a device's "Chrome · Windows · desktop", a city's
 * "Bergen|NO"), looked up part by part. Logs repeat a few hundred such combinations millions of times:
 * building the text anew for every login, and hashing the new string in every map it keys, cost more
 * than the lookups here, and every login of one combination gets the same string (hashed once).
 * Parts may be null. Bounded: it forgets everything past `limit` entries. The text is built by a function
 * of the parts given once, not a closure per lookup: a closure per login was a tenth of the causal pass's
 * allocation.
 */
export class KeyCache {
  private readonly first = new Map<string | null, Map<string | null, Map<string | null, string>>>();
  private entries = 0;

  constructor(
    private readonly build: (a: string | null, b: string | null, c: string | null) => string,
    private readonly limit = 50_000,
  ) {}

  /** The text for (a, b, c), built on first sight. */
  get(a: string | null, b: string | null, c: string | null): string {
    let second = this.first.get(a);
    if (!second) {
      if (this.entries >= this.limit) this.clear();
      second = new Map();
      this.first.set(a, second);
    }
    let third = second.get(b);
    if (!third) {
      third = new Map();
      second.set(b, third);
    }
    let text = third.get(c);
    if (text === undefined) {
      text = this.build(a, b, c);
      third.set(c, text);
      // Clearing here would drop `second` and `third` from under us: the bound is checked on the next miss above.
      this.entries++;
    }
    return text;
  }

  private clear(): void {
    this.first.clear();
    this.entries = 0;
  }
}
