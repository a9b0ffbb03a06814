/** Mean Earth radius (IUGG R1), km. */
export const earthRadiusKm = 6371.0088;

/** A point on Earth in degrees. */
export interface GeoPoint {
  latitude: number;
  longitude: number;
}

/** A point on Earth at a time (UTC milliseconds since the epoch). */
export interface GeoVisit extends GeoPoint {
  time: number;
}

/** Great-circle distance in km between two points (haversine on a sphere of radius `earthRadiusKm`). */
export function distanceKm(from: GeoPoint, to: GeoPoint): number {
  const radians = Math.PI / 180;
  const deltaLatitude = (to.latitude - from.latitude) * radians;
  const deltaLongitude = (to.longitude - from.longitude) * radians;
  const haversine =
    Math.sin(deltaLatitude / 2) ** 2 + Math.cos(from.latitude * radians) * Math.cos(to.latitude * radians) * Math.sin(deltaLongitude / 2) ** 2;
  // min(1, …) guards against rounding just above 1 for antipodal points.
  return 2 * earthRadiusKm * Math.asin(Math.min(1, Math.sqrt(haversine)));
}

/** Distance, elapsed time and the speed needed to cover one in the other. */
export interface TravelSpeed {
  km: number;
  hours: number;
  /** Infinity when a positive distance is covered in no time; 0 when there is no distance. */
  kmPerHour: number;
}

/** How fast someone must have travelled between two visits (order-independent: hours are absolute). */
export function travelSpeed(from: GeoVisit, to: GeoVisit): TravelSpeed {
  const km = distanceKm(from, to);
  const hours = Math.abs(to.time - from.time) / 3_600_000;
  const kmPerHour = km === 0 ? 0 : hours === 0 ? Infinity : km / hours;
  return { km, hours, kmPerHour };
}
