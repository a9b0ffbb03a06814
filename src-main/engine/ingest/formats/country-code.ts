/**
 * Country names as ISO 3166 alpha-2 codes, so a provider that writes "United States" (Okta) and one that
 * writes "US" (Entra ID, the RBA dataset) give one user one country. Names come from the ICU data Node
 * ships (Intl.DisplayNames), so no table is kept here.
 */
let codesByName: Map<string, string> | null = null;

function nameIndex(): Map<string, string> {
  const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  const index = new Map<string, string>();
  for (let first = 65; first <= 90; first++) {
    for (let second = 65; second <= 90; second++) {
      const code = String.fromCharCode(first, second);
      const name = names.of(code);
      // The first code keeps a name: GB, not the reserved UK that ICU also calls United Kingdom.
      if (name && !index.has(name.toLowerCase())) index.set(name.toLowerCase(), code);
    }
  }
  return index;
}

/** A two-letter code as is (upper case); an English country name as its code; anything else unchanged. */
export function countryCode(text: string | null): string | null {
  if (text === null) return null;
  if (/^[A-Za-z]{2}$/.test(text)) return text.toUpperCase();
  codesByName ??= nameIndex();
  return codesByName.get(text.toLowerCase()) ?? text;
}
