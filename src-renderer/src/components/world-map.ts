import type { MultiLineString, Position } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
// Natural Earth 1:110m countries and land (public domain) from world-atlas (ISC), bundled: the CSP allows no
// remote fetch and Vigil works offline.
import atlasJson from 'world-atlas/countries-110m.json';

/** Width and height of the map in SVG units (about CSS pixels in the Users view's half-width panel). */
export const mapWidth = 450;
export const mapHeight = 178;

/** The latitudes the whole-world view shows: Antarctica and the far north carry no logins worth the room. */
const worldSouth = -58.4;
const worldNorth = 84;

/** A longitude/latitude rectangle shown on the map, in degrees (west < east, south < north). */
export interface MapWindow {
  west: number;
  east: number;
  south: number;
  north: number;
}

/** The whole world, in the map's aspect ratio (equal degrees on both axes). */
export const worldWindow: MapWindow = { west: -180, east: 180, south: worldSouth, north: worldNorth };

/**
 * Equirectangular (plate carrée) projection onto the map: one degree of longitude is as wide as one of
 * latitude is tall, so shapes look as on any world map; `window` picks the part shown.
 */
export interface Projection {
  x(longitude: number): number;
  y(latitude: number): number;
  /** SVG units per degree. */
  scale: number;
  window: MapWindow;
}

/** The projection of `window` onto the map's width and height. */
export function projection(window: MapWindow): Projection {
  const scale = mapWidth / (window.east - window.west);
  return {
    x: (longitude) => (longitude - window.west) * scale,
    y: (latitude) => (window.north - latitude) * scale,
    scale,
    window,
  };
}

/**
 * The part of the world around `places`: padded, at least ~60° wide so the countries around stay
 * recognisable, in the map's aspect ratio; the whole world when the places are spread wide.
 */
export function fitWindow(places: readonly { latitude: number; longitude: number }[]): MapWindow {
  if (places.length === 0) return worldWindow;
  const longitudes = places.map((place) => place.longitude);
  const latitudes = places.map((place) => place.latitude);
  const west = Math.min(...longitudes);
  const east = Math.max(...longitudes);
  const south = Math.min(...latitudes);
  const north = Math.max(...latitudes);
  const aspect = mapWidth / mapHeight;
  let width = Math.max(60, (east - west) * 1.4 + 16);
  width = Math.max(width, ((north - south) * 1.3 + 12) * aspect);
  if (width >= 220) return worldWindow;
  const height = width / aspect;
  const centreLongitude = (west + east) / 2;
  const centreLatitude = (south + north) / 2;
  const left = clamp(centreLongitude - width / 2, -180, 180 - width);
  const top = clamp(centreLatitude + height / 2, worldSouth + height, 90);
  return { west: left, east: left + width, south: top - height, north: top };
}

function clamp(value: number, minimum: number, maximum: number): number {
  return Math.min(Math.max(value, minimum), maximum);
}

/** The SVG paths of the world under `window`: land to fill, its coastline, and the borders between countries. */
export interface WorldPaths {
  land: string;
  borders: string;
}

const atlas = atlasJson as unknown as Topology<{ countries: GeometryCollection; land: GeometryCollection }>;
let landRings: Position[][] | undefined;
let borderLines: Position[][] | undefined;

/** Land rings and border lines, decoded from the TopoJSON once, on first use. */
function geometry(): { rings: Position[][]; lines: Position[][] } {
  if (!landRings || !borderLines) {
    const land = feature(atlas, atlas.objects.land);
    landRings = land.features.flatMap((item) => {
      const shape = item.geometry;
      if (shape.type === 'Polygon') return shape.coordinates;
      if (shape.type === 'MultiPolygon') return shape.coordinates.flat();
      return [];
    });
    const borders: MultiLineString = mesh(atlas, atlas.objects.countries, (a, b) => a !== b);
    borderLines = borders.coordinates;
  }
  return { rings: landRings, lines: borderLines };
}

/**
 * Makes a ring or line continuous across the antimeridian: Natural Earth's Russia and Fiji jump from
 * +180° to -180°, which drawn as is would streak across the whole map. Longitudes past ±180° are kept
 * (the ring is drawn again 360° away, see `copies`). A ring around a pole (Antarctica) is closed along it.
 */
export function unwrap(points: readonly Position[], ring: boolean): Position[] {
  const result: Position[] = [];
  let shift = 0;
  for (let index = 0; index < points.length; index += 1) {
    const [longitude, latitude] = points[index];
    if (index > 0) {
      const step = longitude + shift - result[index - 1][0];
      if (step > 180) shift -= 360;
      else if (step < -180) shift += 360;
    }
    result.push([longitude + shift, latitude]);
  }
  if (ring && shift !== 0 && result.length > 0) {
    const pole = result.reduce((sum, point) => sum + point[1], 0) < 0 ? -90 : 90;
    result.push([result[result.length - 1][0], pole], [result[0][0], pole]);
  }
  return result;
}

/** Offsets of 0 or ±360° at which a shape spanning `west`..`east` (degrees, unwrapped) shows in `window`. */
function copies(points: readonly Position[], window: MapWindow): number[] {
  let west = Infinity;
  let east = -Infinity;
  for (const [longitude] of points) {
    west = Math.min(west, longitude);
    east = Math.max(east, longitude);
  }
  return [-360, 0, 360].filter((offset) => west + offset <= window.east && east + offset >= window.west);
}

/** One SVG path for many shapes, rounded to 0.1 unit and skipping points that land on the one before. */
function pathOf(shapes: readonly Position[][], ring: boolean, view: Projection): string {
  const parts: string[] = [];
  for (const shape of shapes) {
    const points = unwrap(shape, ring);
    for (const offset of copies(points, view.window)) {
      let previous = '';
      let text = '';
      for (const [longitude, latitude] of points) {
        const point = `${round(view.x(longitude + offset))},${round(view.y(latitude))}`;
        if (point === previous) continue;
        text += (text === '' ? 'M' : 'L') + point;
        previous = point;
      }
      if (text !== '') parts.push(ring ? `${text}Z` : text);
    }
  }
  return parts.join('');
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/** The land and the country borders projected by `view`, as SVG path data. */
export function worldPaths(view: Projection): WorldPaths {
  const { rings, lines } = geometry();
  return { land: pathOf(rings, true, view), borders: pathOf(lines, false, view) };
}
