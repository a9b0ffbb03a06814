/**
 * City keys (`CC|normalised name`) and the cities each names, as sorted keys searched by bisection: read back
 * from the gazetteer's cache with one split of one text, where filling a Map with the ~150,000 keys took most
 * of the cache's load time (~0.15 s and as much again in garbage collection).
 */
export interface CityNames {
  /** The keys in code-unit order. */
  keys: string[];
  /** The cities of keys[k] are numbers[offsets[k]] up to numbers[offsets[k + 1]], in file order. */
  offsets: Int32Array;
  numbers: Int32Array;
}

/** The same names and cities, sorted for `citiesNamed`. */
export function cityNamesOf(cities: Map<string, number[]>): CityNames {
  const keys = [...cities.keys()].sort();
  const offsets = new Int32Array(keys.length + 1);
  const numbers: number[] = [];
  keys.forEach((key, at) => {
    numbers.push(...(cities.get(key) as number[]));
    offsets[at + 1] = numbers.length;
  });
  return { keys, offsets, numbers: Int32Array.from(numbers) };
}

/** The cities named `key` (one or more), or null when none is. */
export function citiesNamed(names: CityNames, key: string): Int32Array | null {
  let low = 0;
  let high = names.keys.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (names.keys[middle] < key) low = middle + 1;
    else high = middle;
  }
  if (low === names.keys.length || names.keys[low] !== key) return null;
  return names.numbers.subarray(names.offsets[low], names.offsets[low + 1]);
}
