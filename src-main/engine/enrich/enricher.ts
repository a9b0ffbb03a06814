import type { LoginEventInput } from '../../../src-shared/event.js';
import { networkOf } from './network.js';
import { createUserAgentParser } from './user-agent.js';

/** Facts added to a parsed event before it is stored. */
export interface Enrichment {
  network: string | null;
  browser: string | null;
  os: string | null;
  deviceType: string | null;
}

/** Place facts a location source can fill when the log lacks them. */
export interface Place {
  country: string | null;
  region: string | null;
  city: string | null;
  latitude: number | null;
  longitude: number | null;
}

/** Optional location sources: an IP database and a gazetteer of place names. */
export interface LocationSources {
  /** IP → place (offline city database); null for private or unknown addresses. */
  locateIp?: (ip: string) => Place | null;
  /** Country/region/city names → coordinates. */
  locateName?: (country: string, region: string | null, city: string | null) => { latitude: number; longitude: number } | null;
  /** Make `locateName` ready now (it may otherwise index its data on the first call). */
  prepareNames?: () => void;
  /** Make `locateIp` ready now (it may otherwise read its database on the first call). */
  prepareAddresses?: () => void;
}

/**
 * Build the enricher of one import: network, client description from the user agent,
 * and location from the IP or the place names, each only where the log itself is silent.
 * Fills the event's place fields in place and returns the derived facts.
 */
export function createEnricher(locations: LocationSources = {}): (event: LoginEventInput) => Enrichment {
  const describe = createUserAgentParser();
  return (event) => {
    const network = event.ip ? networkOf(event.ip) : null;
    let browser = event.browser ?? null;
    let os = event.os ?? null;
    let deviceType = event.deviceType ?? null;
    if (event.userAgent && (browser === null || os === null || deviceType === null)) {
      const client = describe(event.userAgent);
      browser ??= client.browser;
      os ??= client.os;
      deviceType ??= client.deviceType;
    }
    if (event.country === null && event.ip && locations.locateIp) {
      const place = locations.locateIp(event.ip);
      if (place) Object.assign(event, place);
    }
    if (event.latitude === null && event.country && locations.locateName) {
      const point = locations.locateName(event.country, event.region, event.city);
      if (point) {
        event.latitude = point.latitude;
        event.longitude = point.longitude;
      }
    }
    return { network, browser, os, deviceType };
  };
}
