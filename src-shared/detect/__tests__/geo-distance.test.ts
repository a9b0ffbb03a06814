import { describe, expect, it } from 'vitest';
import { distanceKm, earthRadiusKm, travelSpeed } from '../geo-distance.js';

const oslo = { latitude: 59.9139, longitude: 10.7522 };
const chicago = { latitude: 41.8781, longitude: -87.6298 };

describe('distanceKm', () => {
  it('measures Oslo–Chicago as 6,499.66 km (haversine, R = 6371.0088 km; computed independently in Python)', () => {
    expect(distanceKm(oslo, chicago)).toBeCloseTo(6499.658143520217, 6);
    expect(distanceKm(chicago, oslo)).toBeCloseTo(6499.658143520217, 6);
    expect(distanceKm({ latitude: 48.8566, longitude: 2.3522 }, { latitude: 51.5074, longitude: -0.1278 })).toBeCloseTo(343.5565, 3);
  });

  it('gives a quarter and half of the circumference along the equator, and 0 for one point', () => {
    expect(distanceKm({ latitude: 0, longitude: 0 }, { latitude: 0, longitude: 90 })).toBeCloseTo((Math.PI * earthRadiusKm) / 2, 9);
    expect(distanceKm({ latitude: 0, longitude: 0 }, { latitude: 0, longitude: 180 })).toBeCloseTo(Math.PI * earthRadiusKm, 9);
    expect(distanceKm({ latitude: 10, longitude: 170 }, { latitude: 10, longitude: -190 })).toBeCloseTo(0, 9);
    expect(distanceKm(oslo, oslo)).toBe(0);
  });
});

describe('travelSpeed', () => {
  it('divides km by hours, whichever visit comes first', () => {
    const speed = travelSpeed({ ...oslo, time: Date.UTC(2024, 0, 1, 8) }, { ...chicago, time: Date.UTC(2024, 0, 1, 10) });
    expect(speed.hours).toBe(2);
    expect(speed.kmPerHour).toBeCloseTo(6499.658143520217 / 2, 6);
    expect(travelSpeed({ ...chicago, time: Date.UTC(2024, 0, 1, 10) }, { ...oslo, time: Date.UTC(2024, 0, 1, 8) })).toEqual(speed);
  });

  it('is infinite for a jump in no time and zero for no movement', () => {
    expect(travelSpeed({ ...oslo, time: 0 }, { ...chicago, time: 0 }).kmPerHour).toBe(Infinity);
    expect(travelSpeed({ ...oslo, time: 0 }, { ...oslo, time: 0 }).kmPerHour).toBe(0);
  });
});
