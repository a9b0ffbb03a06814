/** Letters that Unicode NFD does not split into a base letter and an accent. */
const plainLetters: Record<string, string> = { ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h' };

const plainWords = /^[a-z]+( [a-z]+)*$/;

/**
 * A place name in comparable form: lower case, accents removed (NFD, and ø → o, æ → ae, ß → ss, ...),
 * hyphens, apostrophes, dots and underscores as spaces, runs of spaces collapsed.
 * "Bjørnevatn" and "Bjornevatn", "Saint-Étienne" and "saint etienne" compare equal.
 */
export function normalisePlaceName(name: string): string {
  const lower = name.toLowerCase();
  // Most names are plain words already in comparable form.
  if (plainWords.test(lower)) return lower;
  return lower
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[øæœßłđðþıħ]/g, (letter) => plainLetters[letter])
    .replace(/[-‐‑–—'’`´._,()]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Whether two normalised region names denote the same region: equal, or one is the other plus
 * whole words ("oslo county" ~ "oslo", "state of berlin" ~ "berlin"), since sources differ in suffixes.
 */
export function regionMatches(first: string, second: string): boolean {
  if (!first || !second) return false;
  if (first === second) return true;
  const [shorter, longer] = first.length < second.length ? [first, second] : [second, first];
  return ` ${longer} `.includes(` ${shorter} `);
}
