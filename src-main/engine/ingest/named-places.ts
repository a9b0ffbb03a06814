import type { LocationSources } from '../enrich/enricher.js';
import type { PlaceFacts } from '../store/event-dictionaries.js';

/**
 * A place resolver that first gives a place with names but no coordinates the gazetteer's, as the
 * enricher does for a single event. A bulk import does it here, once per distinct place as the writer
 * stores it, instead of once per row in the parse thread: that thread then never builds the gazetteer
 * (a second of start-up and ~60 MB it would carry through every full garbage collection).
 */
export function locateNamedPlaces(
  placeId: (facts: PlaceFacts) => number | null,
  locateName: LocationSources['locateName'],
): (facts: PlaceFacts) => number | null {
  if (!locateName) return placeId;
  return (facts) => {
    if (facts.latitude === null && facts.country) {
      const point = locateName(facts.country, facts.region, facts.city);
      if (point) return placeId({ ...facts, latitude: point.latitude, longitude: point.longitude });
    }
    return placeId(facts);
  };
}
