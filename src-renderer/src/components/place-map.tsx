import { useId, useMemo } from 'react';
import type { EventRow, UserProfile } from '../../../src-shared/api';
import { mapColors } from '../theme';
import { travelLegs, type TravelLeg } from './travel';
import { fitWindow, mapHeight, mapWidth, projection, worldPaths, type Projection } from './world-map';

type Place = UserProfile['places'][number];

/** Labels drawn at most; the rest are in the table and the accessible description. */
const labelLimit = 12;
const fontSize = 11;
/** Average width of a character of the label font, in SVG units (no text measuring outside a canvas). */
const characterWidth = 6.2;

/**
 * Login places over the world's land and country borders (Natural Earth 1:110m, bundled), in an
 * equirectangular projection zoomed to the places. Circles grow with the logins at a place; lines show
 * the moves between places among the `logins` given (the profile's newest), in time order.
 */
export function PlaceMap({ places, logins = [] }: { places: UserProfile['places']; logins?: readonly Pick<EventRow, 'time' | 'city' | 'country'>[] }) {
  const titleId = useId();
  const descriptionId = useId();
  const arrowId = useId();
  const view = useMemo(() => projection(fitWindow(places)), [places]);
  const world = useMemo(() => worldPaths(view), [view]);
  const legs = useMemo(() => travelLegs(places, logins), [places, logins]);
  const maximum = Math.max(1, ...places.map((place) => place.events));
  const radius = (place: Place): number => 3 + 9 * Math.sqrt(place.events / maximum);
  const labels = placeLabels(places, view, radius);
  const moves = legs.reduce((sum, leg) => sum + leg.count, 0);

  return (
    <figure className="place-map">
      <svg viewBox={`0 0 ${mapWidth} ${mapHeight}`} role="img" aria-labelledby={titleId} aria-describedby={descriptionId}>
        <title id={titleId}>{`Map of login places: ${places.length} place${places.length === 1 ? '' : 's'}${legs.length > 0 ? `, ${moves} move${moves === 1 ? '' : 's'} between them` : ''}`}</title>
        <desc id={descriptionId}>{describe(places, legs)}</desc>
        <defs>
          <marker id={arrowId} viewBox="0 0 10 10" refX="5" refY="5" markerWidth="7" markerHeight="7" orient="auto" markerUnits="userSpaceOnUse">
            <path d="M0,1 L10,5 L0,9 Z" fill={mapColors.travel} />
          </marker>
        </defs>
        <rect width={mapWidth} height={mapHeight} fill={mapColors.sea} />
        <path d={graticule(view)} fill="none" stroke={mapColors.graticule} strokeWidth={1} />
        <path className="place-map-land" d={world.land} fill={mapColors.land} stroke={mapColors.coast} strokeWidth={0.7} strokeLinejoin="round" />
        <path d={world.borders} fill="none" stroke={mapColors.border} strokeWidth={0.8} strokeLinejoin="round" />
        <g fill="none" stroke={mapColors.travel} strokeOpacity={0.7} strokeLinecap="round">
          {legs.map((leg) => (
            <path
              key={`${places.indexOf(leg.from)}>${places.indexOf(leg.to)}`}
              d={travelPath(view, leg)}
              strokeWidth={Math.min(4, 1.2 + Math.log2(leg.count))}
              markerMid={`url(#${arrowId})`}
            />
          ))}
        </g>
        {places.map((place) => (
          <circle
            key={`${place.latitude},${place.longitude}`}
            cx={view.x(place.longitude)}
            cy={view.y(place.latitude)}
            r={radius(place)}
            fill={mapColors.place}
            stroke={mapColors.placeEdge}
            strokeWidth={1}
          />
        ))}
        <g fontSize={fontSize} fill={mapColors.label} stroke={mapColors.halo} strokeWidth={3} strokeLinejoin="round" paintOrder="stroke">
          {labels.map((label) => (
            <text key={`${label.x},${label.y}`} x={label.x} y={label.y} textAnchor={label.anchor}>
              {label.text}
            </text>
          ))}
        </g>
      </svg>
      <figcaption>
        Circle area grows with logins at the place{legs.length > 0 ? `; lines are moves between places in the newest ${logins.length} logins, arrow in the direction of travel` : ''}.
        Land and borders: Natural Earth.
      </figcaption>
    </figure>
  );
}

interface Label {
  text: string;
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
}

/**
 * Labels of the busiest places, beside, above or below their circle. Places come busiest first, so a
 * label that would cover an earlier label or any circle, or leave the map, is left out.
 */
export function placeLabels(places: readonly Place[], view: Projection, radius: (place: Place) => number): Label[] {
  type Box = { left: number; top: number; right: number; bottom: number };
  const circles = places.map((place): Box => {
    const [x, y, r] = [view.x(place.longitude), view.y(place.latitude), radius(place)];
    return { left: x - r, top: y - r, right: x + r, bottom: y + r };
  });
  const taken: Box[] = [];
  const labels: Label[] = [];
  const overlaps = (box: Box, other: Box): boolean => box.left < other.right && box.right > other.left && box.top < other.bottom && box.bottom > other.top;
  places.slice(0, labelLimit).forEach((place, index) => {
    const text = `${place.city ?? place.country ?? '?'} (${place.events})`;
    const width = text.length * characterWidth;
    const x = view.x(place.longitude);
    const y = view.y(place.latitude);
    const gap = radius(place) + 3;
    // Right of the circle, left of it, above it, below it: the first place free on the map.
    const candidates: Label[] = [
      { text, x: x + gap, y: y + fontSize / 2 - 1.5, anchor: 'start' },
      { text, x: x - gap, y: y + fontSize / 2 - 1.5, anchor: 'end' },
      { text, x, y: y - gap - 2, anchor: 'middle' },
      { text, x, y: y + gap + fontSize - 1, anchor: 'middle' },
    ];
    for (const label of candidates) {
      const left = label.anchor === 'start' ? label.x : label.anchor === 'end' ? label.x - width : label.x - width / 2;
      const box = { left, top: label.y - fontSize + 0.5, right: left + width, bottom: label.y + 2.5 };
      if (box.left < 2 || box.right > mapWidth - 2 || box.top < 0 || box.bottom > mapHeight) continue;
      if (taken.some((other) => overlaps(box, other)) || circles.some((circle, other) => other !== index && overlaps(box, circle))) continue;
      taken.push(box);
      labels.push(label);
      break;
    }
  });
  return labels;
}

/**
 * A move as a gentle arc bending to the right of the direction of travel, so the way there and the way
 * back stay apart; split at its middle, where the arrow sits (SVG puts mid markers on vertices).
 */
export function travelPath(view: Projection, leg: TravelLeg): string {
  const [x1, y1, x2, y2] = [view.x(leg.from.longitude), view.y(leg.from.latitude), view.x(leg.to.longitude), view.y(leg.to.latitude)];
  // Control point: off the chord's middle by 15 % of its length, to the right of travel (y grows downwards).
  const [cx, cy] = [(x1 + x2) / 2 - (y2 - y1) * 0.15, (y1 + y2) / 2 + (x2 - x1) * 0.15];
  const [mx, my] = [(x1 + 2 * cx + x2) / 4, (y1 + 2 * cy + y2) / 4];
  const r = (value: number): number => Math.round(value * 10) / 10;
  return `M${r(x1)},${r(y1)} Q${r((x1 + cx) / 2)},${r((y1 + cy) / 2)} ${r(mx)},${r(my)} Q${r((cx + x2) / 2)},${r((cy + y2) / 2)} ${r(x2)},${r(y2)}`;
}

/** Meridians and parallels every 30° (10° when zoomed in), as one path. */
function graticule(view: Projection): string {
  const { west, east, south, north } = view.window;
  const step = east - west > 120 ? 30 : 10;
  let path = '';
  for (let longitude = Math.ceil(west / step) * step; longitude <= east; longitude += step) path += `M${view.x(longitude)},0V${mapHeight}`;
  for (let latitude = Math.ceil(south / step) * step; latitude <= north; latitude += step) path += `M0,${view.y(latitude)}H${mapWidth}`;
  return path;
}

/** What the map shows, in words, for a screen reader. */
function describe(places: readonly Place[], legs: readonly TravelLeg[]): string {
  const name = (place: Place): string => `${place.city ?? '?'}, ${place.country ?? '?'}`;
  const busiest = places.slice(0, labelLimit).map((place) => `${name(place)}: ${place.events}`).join('; ');
  const moves = legs.slice(0, labelLimit).map((leg) => `${name(leg.from)} → ${name(leg.to)}${leg.count > 1 ? ` (${leg.count}×)` : ''}`).join('; ');
  return `Logins by place: ${busiest || 'none'}.${moves ? ` Moves: ${moves}.` : ''}`;
}
