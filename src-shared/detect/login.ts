/** The facts of one login that detection reads (no ground-truth label: it never reaches a model). */
export interface DetectionLogin {
  id: number;
  /** UTC ms. */
  time: number;
  user: string;
  success: boolean;
  ip: string | null;
  network: string | null;
  asn: number | null;
  country: string | null;
  region: string | null;
  city: string | null;
  latitude: number | null;
  longitude: number | null;
  browser: string | null;
  os: string | null;
  deviceType: string | null;
}

/** A device as a user would name it: browser family, OS family and device type, without versions. */
export function deviceKey(login: Pick<DetectionLogin, 'browser' | 'os' | 'deviceType'>): string | null {
  if (!login.browser && !login.os && !login.deviceType) return null;
  return `${family(login.browser, /^\d+(\.\d+)*$/)} · ${family(login.os, /^\d+(\.\d+)+$/)} · ${login.deviceType ?? '?'}`;
}

/**
 * The name without its version: a browser update is not a new device ("Chrome 85" → "Chrome"), but an OS
 * keeps a bare product number ("Windows 10" stays, "iOS 13.4" → "iOS").
 */
function family(name: string | null, version: RegExp): string {
  if (!name) return '?';
  const words = name.split(' ');
  return words.length > 1 && version.test(words[words.length - 1]) ? words.slice(0, -1).join(' ') : name;
}

/** "Bergen, NO" / "NO" / "unknown place". */
export function placeName(login: Pick<DetectionLogin, 'city' | 'country'>): string {
  if (login.city && login.country) return `${login.city}, ${login.country}`;
  return login.country ?? 'unknown place';
}
