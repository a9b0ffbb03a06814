import { describe, expect, it } from 'vitest';
import { latestOpen } from '../live-incidents.js';

describe('latestOpen', () => {
  const alerts = { times: [10, 20, 20, 30, 40], incidents: [1, 2, 3, 2, 4] };
  const open = (closed: number[]) => (id: number) => !closed.includes(id);

  it('finds the incident of the newest alert in the window', () => {
    expect(latestOpen(alerts, 15, 35, open([]))).toBe(2);
    expect(latestOpen(alerts, 0, 100, open([]))).toBe(4);
    expect(latestOpen(alerts, 20, 20, open([]))).toBe(3);
  });

  it('passes over closed incidents and finds none outside the window', () => {
    expect(latestOpen(alerts, 15, 35, open([2]))).toBe(3);
    expect(latestOpen(alerts, 15, 35, open([2, 3]))).toBeNull();
    expect(latestOpen(alerts, 41, 50, open([]))).toBeNull();
    expect(latestOpen(alerts, 0, 9, open([]))).toBeNull();
    expect(latestOpen({ times: [], incidents: [] }, 0, 9, open([]))).toBeNull();
  });
});
