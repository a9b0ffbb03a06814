import { describe, expect, it } from 'vitest';
import { citiesNamed, cityNamesOf } from '../city-names.js';

describe('city names', () => {
  it('finds every key by bisection, with its cities in file order, and nothing for other keys', () => {
    const names = cityNamesOf(
      new Map([
        ['NO|oslo', [4]],
        ['US|portland', [7, 2]],
        ['NO|bergen', [1]],
        ['DE|berlin', [0]],
      ]),
    );
    expect(names.keys).toEqual(['DE|berlin', 'NO|bergen', 'NO|oslo', 'US|portland']);
    expect(Array.from(citiesNamed(names, 'US|portland') ?? [])).toEqual([7, 2]);
    expect(Array.from(citiesNamed(names, 'NO|oslo') ?? [])).toEqual([4]);
    expect(Array.from(citiesNamed(names, 'DE|berlin') ?? [])).toEqual([0]);
    for (const missing of ['', 'AA|x', 'NO|bergenx', 'NO|osl', 'ZZ|z']) expect(citiesNamed(names, missing)).toBeNull();
    expect(citiesNamed(cityNamesOf(new Map()), 'NO|oslo')).toBeNull();
  });
});
