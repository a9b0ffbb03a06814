import { useEffect, useRef } from 'react';
import type { UserProfile } from '../../../src-shared/api';
import { seriesColors } from '../theme';

/**
 * Login places on a plain longitude/latitude grid (equirectangular). Vigil works offline and ships no
 * map tiles, so the grid, the place names and the point sizes carry the picture.
 */
export function PlaceMap({ places }: { places: UserProfile['places'] }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const element = canvas.current;
    const context = element?.getContext('2d');
    if (!element || !context) return;
    const ratio = window.devicePixelRatio || 1;
    const width = element.clientWidth;
    const height = element.clientHeight;
    element.width = width * ratio;
    element.height = height * ratio;
    context.scale(ratio, ratio);
    const x = (longitude: number): number => ((longitude + 180) / 360) * width;
    const y = (latitude: number): number => ((90 - latitude) / 180) * height;
    context.fillStyle = '#f3f5f8';
    context.fillRect(0, 0, width, height);
    context.strokeStyle = seriesColors.grid;
    context.fillStyle = '#8a93a3';
    context.font = '10px system-ui, sans-serif';
    for (let longitude = -180; longitude <= 180; longitude += 30) {
      context.beginPath();
      context.moveTo(x(longitude), 0);
      context.lineTo(x(longitude), height);
      context.stroke();
      if (longitude > -180 && longitude < 180) context.fillText(`${longitude}°`, x(longitude) + 2, height - 3);
    }
    for (let latitude = -60; latitude <= 60; latitude += 30) {
      context.beginPath();
      context.moveTo(0, y(latitude));
      context.lineTo(width, y(latitude));
      context.stroke();
      context.fillText(`${latitude}°`, 2, y(latitude) - 2);
    }
    const maximum = Math.max(1, ...places.map((place) => place.events));
    const labelled = new Set(places.slice(0, 12));
    // Places are sorted busiest first: a label that would overlap an earlier one is left out.
    const taken: { left: number; top: number; right: number; bottom: number }[] = [];
    for (const place of places) {
      const radius = 3 + 9 * Math.sqrt(place.events / maximum);
      context.beginPath();
      context.arc(x(place.longitude), y(place.latitude), radius, 0, 2 * Math.PI);
      context.fillStyle = 'rgba(76, 110, 245, 0.55)';
      context.fill();
      context.strokeStyle = seriesColors.success;
      context.stroke();
      if (labelled.has(place)) {
        const text = `${place.city ?? place.country ?? ''} (${place.events})`;
        const box = { left: x(place.longitude) + radius + 2, top: y(place.latitude) - 7, right: 0, bottom: y(place.latitude) + 5 };
        box.right = box.left + context.measureText(text).width;
        if (taken.some((other) => box.left < other.right && box.right > other.left && box.top < other.bottom && box.bottom > other.top)) continue;
        taken.push(box);
        context.fillStyle = '#1f2430';
        context.fillText(text, box.left, y(place.latitude) + 3);
      }
    }
  }, [places]);
  const summary = places.slice(0, 12).map((place) => `${place.city ?? '?'}, ${place.country ?? '?'}: ${place.events}`).join('; ');
  return <canvas ref={canvas} className="place-map" role="img" aria-label={`Login places: ${summary || 'none'}`} />;
}
