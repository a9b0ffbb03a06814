import type { CaseDatabase } from './database.js';

/** What a user agent says (or the log states) about the client: one row of `clients`. */
export interface ClientFacts {
  userAgent: string | null;
  browser: string | null;
  os: string | null;
  deviceType: string | null;
}

/** Where an event happened: one row of `places`. */
export interface PlaceFacts {
  country: string | null;
  region: string | null;
  city: string | null;
  latitude: number | null;
  longitude: number | null;
}

/** Ids of the `clients` / `places` rows of an event's client and place (null when every fact is null). */
export interface EventDictionaryIds {
  clientId: (facts: ClientFacts) => number | null;
  placeId: (facts: PlaceFacts) => number | null;
}

/**
 * Find or add the `clients` / `places` row of an event's client and place (schema 0007). Null when
 * every fact is null. Each call looks in the table, so the answer is right inside any transaction,
 * also after a rollback; writers that see the same facts again keep the ids they were given.
 */
export function prepareEventDictionaries(db: CaseDatabase): EventDictionaryIds {
  const findClient = db
    .prepare(`SELECT id FROM clients WHERE user_agent IS ? AND browser IS ? AND os IS ? AND device_type IS ? LIMIT 1`)
    .pluck();
  const addClient = db.prepare(`INSERT INTO clients (user_agent, browser, os, device_type) VALUES (?, ?, ?, ?)`);
  const findPlace = db
    .prepare(`SELECT id FROM places WHERE city IS ? AND country IS ? AND region IS ? AND latitude IS ? AND longitude IS ? LIMIT 1`)
    .pluck();
  const addPlace = db.prepare(`INSERT INTO places (country, region, city, latitude, longitude) VALUES (?, ?, ?, ?, ?)`);
  return {
    clientId({ userAgent, browser, os, deviceType }) {
      if (userAgent === null && browser === null && os === null && deviceType === null) return null;
      const found = findClient.get(userAgent, browser, os, deviceType) as number | undefined;
      return found ?? Number(addClient.run(userAgent, browser, os, deviceType).lastInsertRowid);
    },
    placeId({ country, region, city, latitude, longitude }) {
      if (country === null && region === null && city === null && latitude === null && longitude === null) return null;
      const found = findPlace.get(city, country, region, latitude, longitude) as number | undefined;
      return found ?? Number(addPlace.run(country, region, city, latitude, longitude).lastInsertRowid);
    },
  };
}
