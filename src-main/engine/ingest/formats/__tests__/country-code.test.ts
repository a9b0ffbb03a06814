import { describe, expect, it } from 'vitest';
import { countryCode } from '../country-code.js';

describe('countryCode', () => {
  it('turns English country names into ISO codes and keeps codes and unknown text', () => {
    expect(countryCode('United States')).toBe('US');
    expect(countryCode('norway')).toBe('NO');
    expect(countryCode('United Kingdom')).toBe('GB');
    expect(countryCode('no')).toBe('NO');
    expect(countryCode('Atlantis')).toBe('Atlantis');
    expect(countryCode(null)).toBeNull();
  });
});
