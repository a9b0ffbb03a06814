/**
 * A small, fast, seeded pseudo-random generator (sfc32, seeded through splitmix32).
 * Every random algorithm in Vigil takes a seed and draws from this, so runs are reproducible.
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  integer(n: number): number;
  /** Uniform in [low, high). */
  between(low: number, high: number): number;
  /** Standard normal (Box–Muller). */
  normal(): number;
  /** An element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** True with probability p. */
  chance(p: number): boolean;
}

/** A generator for a seed; the same seed always yields the same sequence. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const splitmix = (): number => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  // The state lives in a typed array: plain `let` numbers past 2^31 would be boxed on every step.
  const words = new Uint32Array([splitmix(), splitmix(), splitmix(), splitmix()]);
  const next = (): number => {
    const a = words[0];
    const b = words[1];
    const c = words[2];
    const d = words[3];
    const t = (((a + b) >>> 0) + d) >>> 0;
    words[3] = d + 1;
    words[0] = b ^ (b >>> 9);
    words[1] = c + (c << 3);
    words[2] = ((c << 21) | (c >>> 11)) + t;
    return t / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return {
    next,
    integer: (n) => Math.floor(next() * n),
    between: (low, high) => low + next() * (high - low),
    normal: () => {
      const u = 1 - next();
      const v = next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (p) => next() < p,
  };
}
