import type { LocationSources } from '../enrich/enricher.js';

type Point = { latitude: number; longitude: number } | null;

/** Distinct place names remembered before the memory starts over. */
const placeLimit = 50_000;

/**
 * Location sources whose place-name lookups are remembered by the names themselves. A bulk import asks
 * for the same few places on every row; finding them by city and comparing country and region is cheaper
 * than the gazetteer building its own cache key each time. Address lookups pass through unchanged.
 */
export function rememberPlaceNames(locations: LocationSources): LocationSources {
  const locateName = locations.locateName;
  if (!locateName) return locations;
  const remembered = new Map<string | null, { country: string; region: string | null; point: Point }[]>();
  let count = 0;
  return {
    locateIp: locations.locateIp,
    locateName(country, region, city) {
      let entries = remembered.get(city);
      if (entries) {
        for (const entry of entries) if (entry.country === country && entry.region === region) return entry.point;
      } else {
        if (count >= placeLimit) {
          remembered.clear();
          count = 0;
        }
        entries = [];
        remembered.set(city, entries);
      }
      const point = locateName(country, region, city);
      entries.push({ country, region, point });
      count++;
      return point;
    },
  };
}
