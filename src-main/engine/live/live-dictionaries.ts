/**
 * The `clients` and `places` ids of live events, remembered: a live stream repeats the same few clients
 * and places, and asking the case for each event cost two queries a message. Ids added by a batch that
 * is later undone would point at rows that do not exist, so the writer forgets everything (`forget`)
 * when a batch fails; the next batch asks the case again.
 */
import { prepareEventDictionaries, type EventDictionaryIds } from '../store/event-dictionaries.js';
import type { CaseDatabase } from '../store/database.js';

/** Entries kept at most per dictionary; past that the memory starts again empty. */
const dictionaryLimit = 100_000;

/** Cached `clients` / `places` ids for one connection's writes. */
export interface LiveDictionaries extends EventDictionaryIds {
  /** Drop every remembered id (after a failed transaction). */
  forget(): void;
}

/** Remembered dictionary ids over `db`'s own lookups. */
export function createLiveDictionaries(db: CaseDatabase): LiveDictionaries {
  const lookup = prepareEventDictionaries(db);
  const clients = new Map<string, number | null>();
  const places = new Map<string, number | null>();
  const remember = <Facts>(cache: Map<string, number | null>, key: string, facts: Facts, find: (facts: Facts) => number | null): number | null => {
    const known = cache.get(key);
    if (known !== undefined) return known;
    const id = find(facts);
    if (cache.size >= dictionaryLimit) cache.clear();
    cache.set(key, id);
    return id;
  };
  return {
    clientId(facts) {
      // \u0001 marks null, so null and an empty or "null" string are different keys.
      const key = `${facts.userAgent ?? '\u0001'}\u0000${facts.browser ?? '\u0001'}\u0000${facts.os ?? '\u0001'}\u0000${facts.deviceType ?? '\u0001'}`;
      return remember(clients, key, facts, lookup.clientId);
    },
    placeId(facts) {
      const key = `${facts.country ?? '\u0001'}\u0000${facts.region ?? '\u0001'}\u0000${facts.city ?? '\u0001'}\u0000${facts.latitude ?? '\u0001'}\u0000${facts.longitude ?? '\u0001'}`;
      return remember(places, key, facts, lookup.placeId);
    },
    forget() {
      clients.clear();
      places.clear();
    },
  };
}
