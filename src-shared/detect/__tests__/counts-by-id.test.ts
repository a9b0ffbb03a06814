import { describe, expect, it } from 'vitest';
import { CountsById } from '../counts-by-id.js';

describe('CountsById', () => {
  it('counts by id, 0 for ids never counted, growing past its first room', () => {
    const counts = new CountsById();
    counts.add(3);
    counts.add(3);
    counts.add(5_000);
    expect(counts.get(3)).toBe(2);
    expect(counts.get(4)).toBe(0);
    expect(counts.get(5_000)).toBe(1);
    expect(counts.get(1_000_000)).toBe(0);
  });
});
