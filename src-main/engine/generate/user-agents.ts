/** How a browser's version moves over time (auto-update), so a user's user agent changes as in real logs. */
export type VersionTrack = 'chrome' | 'firefox' | 'safari' | 'samsung' | 'fixed';

/** The device class a log states. */
export type DeviceType = 'desktop' | 'mobile' | 'tablet' | 'bot';

/** A client as a user agent template; `{v}` is replaced by the version of its track at a date. */
export interface UserAgentTemplate {
  id: string;
  type: DeviceType;
  track: VersionTrack;
  userAgent: string;
  /** "Browser Name and Version" in the RBA dataset's ua-parser style, e.g. "Chrome Mobile {v}". */
  browser: string;
  /** "OS Name and Version", e.g. "Windows 10", "iOS 18.6". */
  os: string;
  /** Share among users choosing a device of this type. */
  weight: number;
}

type Row = [id: string, type: DeviceType, track: VersionTrack, weight: number, browser: string, os: string, userAgent: string];

const webkit = 'AppleWebKit/537.36 (KHTML, like Gecko)';
const safariKit = 'AppleWebKit/605.1.15 (KHTML, like Gecko)';

// Current-style agents (Chrome's reduced UA: "{major}.0.0.0", Android "10; K", macOS frozen at 10_15_7).
const benignRows: Row[] = [
  ['windows-chrome', 'desktop', 'chrome', 34, 'Chrome {v}.0.0', 'Windows 10', `Mozilla/5.0 (Windows NT 10.0; Win64; x64) ${webkit} Chrome/{v}.0.0.0 Safari/537.36`],
  ['windows-edge', 'desktop', 'chrome', 16, 'Edge {v}.0.0', 'Windows 10', `Mozilla/5.0 (Windows NT 10.0; Win64; x64) ${webkit} Chrome/{v}.0.0.0 Safari/537.36 Edg/{v}.0.0.0`],
  ['windows-firefox', 'desktop', 'firefox', 6, 'Firefox {v}.0', 'Windows 10', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:{v}.0) Gecko/20100101 Firefox/{v}.0'],
  ['windows7-firefox-esr', 'desktop', 'fixed', 1, 'Firefox 115.0', 'Windows 7', 'Mozilla/5.0 (Windows NT 6.1; Win64; x64; rv:115.0) Gecko/20100101 Firefox/115.0'],
  ['mac-chrome', 'desktop', 'chrome', 12, 'Chrome {v}.0.0', 'Mac OS X 10.15.7', `Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) ${webkit} Chrome/{v}.0.0.0 Safari/537.36`],
  ['mac-safari', 'desktop', 'safari', 10, 'Safari {v}', 'Mac OS X 10.15.7', `Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) ${safariKit} Version/{v} Safari/605.1.15`],
  ['mac-firefox', 'desktop', 'firefox', 3, 'Firefox {v}.0', 'Mac OS X 10.15', 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:{v}.0) Gecko/20100101 Firefox/{v}.0'],
  ['ubuntu-firefox', 'desktop', 'firefox', 4, 'Firefox {v}.0', 'Ubuntu', 'Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:{v}.0) Gecko/20100101 Firefox/{v}.0'],
  ['linux-chrome', 'desktop', 'chrome', 3, 'Chrome {v}.0.0', 'Linux', `Mozilla/5.0 (X11; Linux x86_64) ${webkit} Chrome/{v}.0.0.0 Safari/537.36`],
  ['chromeos', 'desktop', 'chrome', 2, 'Chrome {v}.0.0', 'Chrome OS 16433.64.0', `Mozilla/5.0 (X11; CrOS x86_64 16433.64.0) ${webkit} Chrome/{v}.0.0.0 Safari/537.36`],
  ['iphone-safari', 'mobile', 'safari', 42, 'Mobile Safari {v}', 'iOS 18.6', `Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) ${safariKit} Version/{v} Mobile/15E148 Safari/604.1`],
  ['iphone-old-safari', 'mobile', 'fixed', 3, 'Mobile Safari 16.6', 'iOS 16.7.10', `Mozilla/5.0 (iPhone; CPU iPhone OS 16_7_10 like Mac OS X) ${safariKit} Version/16.6 Mobile/15E148 Safari/604.1`],
  ['iphone-chrome', 'mobile', 'chrome', 5, 'Chrome Mobile iOS {v}.0.7499', 'iOS 18.6', `Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) ${safariKit} CriOS/{v}.0.7499.92 Mobile/15E148 Safari/604.1`],
  ['android-chrome', 'mobile', 'chrome', 34, 'Chrome Mobile {v}.0.0', 'Android 10', `Mozilla/5.0 (Linux; Android 10; K) ${webkit} Chrome/{v}.0.0.0 Mobile Safari/537.36`],
  ['android-samsung', 'mobile', 'samsung', 11, 'Samsung Internet {v}.0', 'Android 10', `Mozilla/5.0 (Linux; Android 10; K) ${webkit} SamsungBrowser/{v}.0 Chrome/136.0.0.0 Mobile Safari/537.36`],
  ['android-firefox', 'mobile', 'firefox', 2, 'Firefox Mobile {v}.0', 'Android 15', 'Mozilla/5.0 (Android 15; Mobile; rv:{v}.0) Gecko/{v}.0 Firefox/{v}.0'],
  ['ipad-safari', 'tablet', 'safari', 6, 'Mobile Safari {v}', 'iOS 18.6', `Mozilla/5.0 (iPad; CPU OS 18_6 like Mac OS X) ${safariKit} Version/{v} Mobile/15E148 Safari/604.1`],
  ['android-tablet-chrome', 'tablet', 'chrome', 4, 'Chrome {v}.0.0', 'Android 10', `Mozilla/5.0 (Linux; Android 10; K) ${webkit} Chrome/{v}.0.0.0 Safari/537.36`],
];

// What attack tooling sends: libraries, headless browsers, stale hard-coded browser strings, and a
// misconfigured tool that sends its quotes along (a real sight in logs, and a CSV quoting test).
const attackRows: Row[] = [
  ['python-requests', 'bot', 'fixed', 6, 'Python Requests 2.32', '-', 'python-requests/2.32.3'],
  ['curl', 'bot', 'fixed', 3, 'curl 8.5.0', '-', 'curl/8.5.0'],
  ['go-http', 'bot', 'fixed', 3, 'Go-http-client 1.1', '-', 'Go-http-client/1.1'],
  ['okhttp', 'bot', 'fixed', 2, 'okhttp 4.12.0', 'Android', 'okhttp/4.12.0'],
  ['headless-chrome', 'desktop', 'fixed', 4, 'HeadlessChrome 120.0.6099', 'Windows 10', `Mozilla/5.0 (Windows NT 10.0; Win64; x64) ${webkit} HeadlessChrome/120.0.6099.109 Safari/537.36`],
  ['msie6', 'desktop', 'fixed', 2, 'IE 6.0', 'Windows XP', 'Mozilla/4.0 (compatible; MSIE 6.0; Windows NT 5.1; SV1)'],
  ['stale-chrome-91', 'desktop', 'fixed', 5, 'Chrome 91.0.4472', 'Windows 10', `Mozilla/5.0 (Windows NT 10.0; Win64; x64) ${webkit} Chrome/91.0.4472.124 Safari/537.36`],
  ['stale-android', 'mobile', 'fixed', 3, 'Chrome Mobile 116.0.0', 'Android 8.0.0', `Mozilla/5.0 (Linux; Android 8.0.0; SM-G955U Build/R16NW) ${webkit} Chrome/116.0.0.0 Mobile Safari/537.36`],
  ['quoted-chrome', 'desktop', 'fixed', 2, 'Chrome 120.0.0', 'Windows 10', `"Mozilla/5.0 (Windows NT 10.0; Win64; x64) ${webkit} Chrome/120.0.0.0 Safari/537.36"`],
];

function toTemplate([id, type, track, weight, browser, os, userAgent]: Row): UserAgentTemplate {
  return { id, type, track, weight, browser, os, userAgent };
}

/** Clients real users run. */
export const benignTemplates: readonly UserAgentTemplate[] = benignRows.map(toTemplate);
/** Clients attack tools present. */
export const attackTemplates: readonly UserAgentTemplate[] = attackRows.map(toTemplate);
