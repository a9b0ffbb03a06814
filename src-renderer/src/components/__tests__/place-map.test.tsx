import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PlaceMap } from '../place-map';
import { travelLegs } from '../travel';
import { fitWindow, mapHeight, mapWidth, projection, unwrap, worldPaths, worldWindow } from '../world-map';

const oslo = { latitude: 59.91, longitude: 10.75, city: 'Oslo', country: 'Norway', events: 120 };
const chicago = { latitude: 41.88, longitude: -87.63, city: 'Chicago', country: 'United States', events: 30 };
const lisbon = { latitude: 38.72, longitude: -9.14, city: 'Lisbon', country: 'Portugal', events: 5 };

/** The closed rings of an SVG path made of M, L and Z commands. */
function rings(path: string): [number, number][][] {
  return path
    .split('M')
    .filter(Boolean)
    .map((part) => part.replace(/Z$/, '').split('L').map((point) => point.split(',').map(Number) as [number, number]));
}

/** Whether (x, y) is inside the path, by the even-odd rule (holes such as the Caspian count as outside). */
function inside(path: string, x: number, y: number): boolean {
  let result = false;
  for (const ring of rings(path)) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) result = !result;
    }
  }
  return result;
}

describe('login places map', () => {
  it('projects equirectangularly, one degree as wide as tall', () => {
    const view = projection(worldWindow);
    expect(view.x(-180)).toBe(0);
    expect(view.x(180)).toBe(mapWidth);
    expect(view.y(worldWindow.north)).toBe(0);
    expect(view.y(worldWindow.south)).toBeCloseTo(mapHeight, 6);
    expect(view.x(oslo.longitude)).toBeCloseTo(238.44, 1);
    expect(view.y(oslo.latitude)).toBeCloseTo(30.11, 1);
  });

  it('puts the points on the land in the same projection: Oslo and Chicago on land, Lisbon on the coast', () => {
    for (const window of [worldWindow, fitWindow([oslo, lisbon])]) {
      const view = projection(window);
      const { land } = worldPaths(view);
      expect(inside(land, view.x(oslo.longitude), view.y(oslo.latitude))).toBe(true);
      expect(inside(land, view.x(-3.7), view.y(40.42))).toBe(true); // Madrid
      expect(inside(land, view.x(-12), view.y(lisbon.latitude))).toBe(false); // the Atlantic off Lisbon
      // Lisbon itself is within half a degree of Portugal's coast, on one side or the other.
      const near = [-0.5, 0.5].map((step) => inside(land, view.x(lisbon.longitude + step), view.y(lisbon.latitude)));
      expect(near).toEqual([false, true]);
    }
    const view = projection(worldWindow);
    expect(inside(worldPaths(view).land, view.x(chicago.longitude), view.y(chicago.latitude))).toBe(true);
    expect(inside(worldPaths(view).land, view.x(-40), view.y(30))).toBe(false); // mid-Atlantic
  });

  it('draws Russia and Fiji across the antimeridian without a streak over the map', () => {
    const view = projection(worldWindow);
    const { land, borders } = worldPaths(view);
    for (const path of [land, borders]) {
      for (const ring of rings(path)) {
        for (let index = 1; index < ring.length; index += 1) {
          // Antarctica is closed along the South Pole, far below the map's bottom edge.
          if (Math.min(ring[index][1], ring[index - 1][1]) > mapHeight) continue;
          expect(Math.abs(ring[index][0] - ring[index - 1][0])).toBeLessThan(mapWidth / 4);
        }
      }
    }
    // Chukotka, east of the antimeridian, is land; so is Russia west of it.
    expect(inside(land, view.x(-175), view.y(66))).toBe(true);
    expect(inside(land, view.x(175), view.y(67))).toBe(true);
    expect(unwrap([[179, 0], [-179, 1], [-179, 2], [179, 3]], true).map(([longitude]) => longitude)).toEqual([179, 181, 181, 179]);
  });

  it('zooms to nearby places in the same aspect ratio and shows the world for places far apart', () => {
    const window = fitWindow([oslo, { ...oslo, latitude: 59.33, longitude: 18.07, city: 'Stockholm', country: 'Sweden' }]);
    expect(window.west).toBeLessThan(10.75);
    expect(window.east).toBeGreaterThan(18.07);
    expect(window.east - window.west).toBeGreaterThanOrEqual(60);
    expect((window.east - window.west) / (window.north - window.south)).toBeCloseTo(mapWidth / mapHeight, 6);
    expect(fitWindow([oslo, { ...oslo, latitude: -33.87, longitude: 151.21 }])).toEqual(worldWindow);
    expect(fitWindow([])).toEqual(worldWindow);
  });

  it('orders moves by time and breaks the chain at a login whose place is unknown or ambiguous', () => {
    const places = [oslo, chicago, lisbon, { ...lisbon, latitude: 38.7, longitude: -9.1 }];
    const at = (time: number, place: { city: string | null; country: string | null }) => ({ time, city: place.city, country: place.country });
    const legs = travelLegs(places, [at(4, chicago), at(1, oslo), at(2, oslo), at(3, chicago), at(5, oslo), at(6, lisbon), at(7, chicago), at(8, oslo)]);
    expect(legs.map((leg) => [leg.from.city, leg.to.city, leg.count])).toEqual([
      ['Oslo', 'Chicago', 1],
      ['Chicago', 'Oslo', 2],
    ]);
  });

  it('describes itself to a screen reader', () => {
    const html = renderToStaticMarkup(<PlaceMap places={[oslo, chicago]} logins={[{ time: 1, city: 'Oslo', country: 'Norway' }, { time: 2, city: 'Chicago', country: 'United States' }]} />);
    expect(html).toMatch(/<svg[^>]*role="img"/);
    expect(html).toContain('Map of login places: 2 places, 1 move between them</title>');
    expect(html).toContain('Oslo, Norway: 120; Chicago, United States: 30. Moves: Oslo, Norway → Chicago, United States.');
    expect(html).toContain('>Oslo (120)</text>');
  });
});
