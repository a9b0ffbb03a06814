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
  const clients = new RememberedIds();
  const places = new RememberedIds();
  return {
    clientId(facts) {
      const { userAgent, browser, os, deviceType } = facts;
      return clients.get(userAgent, browser, os, deviceType) ?? clients.add(lookup.clientId(facts), userAgent, browser, os, deviceType);
    },
    placeId(facts) {
      const { country, region, city, latitude, longitude } = facts;
      return places.get(country, region, city, latitude, longitude) ?? places.add(lookup.placeId(facts), country, region, city, latitude, longitude);
    },
    forget() {
      clients.clear();
      places.clear();
    },
  };
}

type Fact = string | number | null;

/**
 * Ids by several facts at once, as maps nested one level per fact. No key string is built (turning the
 * coordinates into text cost more than the rest of the lookup), and null, '' and 'null' stay apart.
 */
class RememberedIds {
  private root = new Map<Fact, unknown>();
  private size = 0;

  /** The id remembered for the facts (null: none of them is known), or undefined. */
  get(...facts: Fact[]): number | null | undefined {
    let level: unknown = this.root;
    for (const fact of facts) {
      level = (level as Map<Fact, unknown>).get(fact);
      if (level === undefined) return undefined;
    }
    return level as number | null;
  }

  /** Remember `id` for the facts; returns it. */
  add(id: number | null, ...facts: Fact[]): number | null {
    if (this.size >= dictionaryLimit) this.clear();
    let level = this.root;
    for (const fact of facts.slice(0, -1)) {
      let next = level.get(fact) as Map<Fact, unknown> | undefined;
      if (next === undefined) level.set(fact, (next = new Map()));
      level = next;
    }
    level.set(facts[facts.length - 1], id);
    this.size++;
    return id;
  }

  clear(): void {
    this.root = new Map();
    this.size = 0;
  }
}
