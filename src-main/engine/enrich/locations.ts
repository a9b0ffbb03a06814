import type { LocationSources } from './enricher.js';
import { createGazetteer, defaultCitiesDirectory, type Gazetteer } from './gazetteer.js';
import { defaultGazetteerCachePath } from './gazetteer-cache.js';
import { openGeoIp, type GeoIp } from './geo-ip.js';

/**
 * The bundled offline location sources (DB-IP City Lite for addresses, GeoNames for place names),
 * each opened on first use so an import that never needs one does not pay for loading it.
 */
export function bundledLocationSources(options: { geoLite2CityPath?: string } = {}): LocationSources {
  let geoIp: GeoIp | null = null;
  let gazetteer: Gazetteer | null = null;
  const openedGeoIp = (): GeoIp => (geoIp ??= openGeoIp({ geoLite2CityPath: options.geoLite2CityPath }));
  return {
    locateIp: (ip) => openedGeoIp().locate(ip),
    prepareAddresses: () => void openedGeoIp(),
    locateName: (country, region, city) => (gazetteer ??= bundledGazetteer()).locate(country, region, city),
    prepareNames: () => (gazetteer ??= bundledGazetteer()).prepare(),
  };
}

/** The GeoNames gazetteer, its index kept in the user's cache directory between imports. */
function bundledGazetteer(): Gazetteer {
  return createGazetteer(defaultCitiesDirectory(), defaultGazetteerCachePath());
}
