import { UAParser } from 'ua-parser-js';

/** What a user agent string says about the client. */
export interface ClientDescription {
  /** Browser name and major version, e.g. "Chrome 85". */
  browser: string | null;
  /** OS name and version, e.g. "Windows 10", "iOS 13.4". */
  os: string | null;
  /** desktop, mobile, tablet, smarttv, wearable, console, embedded or bot. */
  deviceType: string | null;
}

const botPattern = /bot|crawl|spider|slurp|curl|wget|python-requests|go-http-client|libwww|httpclient|okhttp|scanner/i;
const cacheLimit = 50_000;

/**
 * Describe clients from user agent strings (ua-parser-js 1.x, MIT). Logs repeat the same few agents,
 * so results are cached; the cache is cleared when full to keep memory bounded.
 */
export function createUserAgentParser(): (userAgent: string) => ClientDescription {
  const cache = new Map<string, ClientDescription>();
  const parser = new UAParser();
  return (userAgent) => {
    const cached = cache.get(userAgent);
    if (cached) return cached;
    parser.setUA(userAgent);
    const result = parser.getResult();
    const browser = result.browser.name ? `${result.browser.name}${result.browser.major ? ` ${result.browser.major}` : ''}` : null;
    const os = result.os.name ? `${result.os.name}${result.os.version ? ` ${result.os.version}` : ''}` : null;
    const deviceType = botPattern.test(userAgent) ? 'bot' : (result.device.type ?? (browser || os ? 'desktop' : null));
    const description = { browser, os, deviceType };
    if (cache.size >= cacheLimit) cache.clear();
    cache.set(userAgent, description);
    return description;
  };
}
