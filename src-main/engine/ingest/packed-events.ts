import type { LoginEventInput } from '../../../src-shared/event.js';
import type { Enrichment } from '../enrich/enricher.js';
import type { ClientFacts, PlaceFacts } from '../store/event-dictionaries.js';
import { eventRowColumns } from '../store/events.js';
import { labelOf, type RecordLabels } from './labels.js';

/**
 * Parsed events packed for the trip from the parsing thread to the writing thread. Numbers go in one
 * transferable Float64Array (NaN for null), the row's own texts joined in one string, and the client and
 * place of each event as a small number: the batch defines the clients and places it uses first, once
 * per import, so the long, repeated user agents and place names cross threads and reach SQLite once.
 * (User, IP and network as dictionary numbers too cost more in Map lookups than they saved in copying:
 * measured 3.3 s of the parse thread per 1M RBA rows. One joined string crosses threads as one copy,
 * where an array of them cost a serialised and an allocated string per text on the two sides.)
 */
export interface PackedEvents {
  count: number;
  /**
   * Per event: ts, outcome, asn, rtt_ms, line, record, client, place, auth_method, service, host, label (-1: none),
   * then the lengths of user, ip, network in `texts` (-1: null).
   */
  numbers: Float64Array;
  /** Per event: user, ip, network, one after the other. */
  texts: string;
  /** Short texts that repeat (auth method, service, host, label) first used in this batch: [number, text]. */
  tokens: [number, string][];
  /** Clients first used in this batch: [number, facts]. */
  clients: [number, ClientFacts][];
  /** Places first used in this batch: [number, facts]. */
  places: [number, PlaceFacts][];
  /** True when the numbering of clients and places starts over with this batch (bounded memory). */
  restart: boolean;
}

const numberCount = 15;
/** Texts, clients and places an import remembers before it starts their numbering over (bounded memory on both sides). */
const defaultDictionaryLimit = 100_000;

interface ClientEntry {
  browser: string | null;
  os: string | null;
  deviceType: string | null;
  number: number;
}

interface PlaceEntry {
  country: string | null;
  region: string | null;
  latitude: number | null;
  longitude: number | null;
  number: number;
}

/** Collects events into a PackedEvents; `take` hands the batch over and starts a new one. */
export class PackedEventWriter {
  private numbers: Float64Array;
  private texts: string[] = [];
  private count = 0;
  /** By a cheap fingerprint of the user agent: hashing the whole string for every row costs more than comparing it. */
  private clients = new Map<number, (ClientEntry & { userAgent: string | null })[]>();
  private places = new Map<string | null, PlaceEntry[]>();
  private tokens = new Map<string, number>();
  private known = 0;
  private newTokens: [number, string][] = [];
  private newClients: [number, ClientFacts][] = [];
  private newPlaces: [number, PlaceFacts][] = [];
  private restart = false;

  constructor(
    capacity = 16_384,
    private readonly dictionaryLimit = defaultDictionaryLimit,
  ) {
    this.numbers = new Float64Array(capacity * numberCount);
  }

  /** Add one event with its enrichment and provenance. */
  push(event: LoginEventInput, enrichment: Enrichment, line: number, record: number): void {
    if ((this.count + 1) * numberCount > this.numbers.length) this.grow();
    let at = this.count * numberCount;
    const numbers = this.numbers;
    numbers[at++] = event.time;
    numbers[at++] = event.outcome === 'success' ? 1 : 0;
    numbers[at++] = event.asn ?? Number.NaN;
    numbers[at++] = event.roundTripMs ?? Number.NaN;
    numbers[at++] = line;
    numbers[at++] = record;
    numbers[at++] = this.client(event.userAgent, enrichment.browser, enrichment.os, enrichment.deviceType);
    numbers[at++] = this.place(event);
    numbers[at++] = this.token(event.authMethod);
    numbers[at++] = this.token(event.service);
    numbers[at++] = this.token(event.host);
    numbers[at++] = this.token(event.label);
    numbers[at++] = this.text(event.user);
    numbers[at++] = this.text(event.ip);
    numbers[at] = this.text(enrichment.network);
    this.count++;
  }

  /** The events collected so far (the numbers may be transferred); the writer starts a new batch. */
  take(): PackedEvents {
    const packed: PackedEvents = {
      count: this.count,
      numbers: this.numbers.slice(0, this.count * numberCount),
      texts: this.texts.join(''),
      tokens: this.newTokens,
      clients: this.newClients,
      places: this.newPlaces,
      restart: this.restart,
    };
    this.texts = [];
    this.count = 0;
    this.newTokens = [];
    this.newClients = [];
    this.newPlaces = [];
    this.restart = false;
    // Numbering starts over between batches only: every number in a batch is of one numbering.
    if (this.known >= this.dictionaryLimit) this.startOver();
    return packed;
  }

  /** Add a text to the batch's joined texts; its length, or -1 for null. */
  private text(text: string | null): number {
    if (text === null) return -1;
    this.texts.push(text);
    return text.length;
  }

  private token(text: string | null): number {
    if (text === null) return -1;
    let number = this.tokens.get(text);
    if (number === undefined) {
      const kept = own(text);
      number = this.known++;
      this.tokens.set(kept, number);
      this.newTokens.push([number, kept]);
    }
    return number;
  }

  private client(userAgent: string | null, browser: string | null, os: string | null, deviceType: string | null): number {
    if (userAgent === null && browser === null && os === null && deviceType === null) return -1;
    const key = fingerprint(userAgent);
    let entries = this.clients.get(key);
    if (entries) {
      for (const entry of entries) {
        if (entry.userAgent === userAgent && entry.browser === browser && entry.os === os && entry.deviceType === deviceType) return entry.number;
      }
    } else {
      entries = [];
      this.clients.set(key, entries);
    }
    const number = this.known++;
    const facts = { userAgent: own(userAgent), browser: own(browser), os: own(os), deviceType: own(deviceType) };
    entries.push({ ...facts, number });
    this.newClients.push([number, facts]);
    return number;
  }

  private place(event: LoginEventInput): number {
    const { country, region, city, latitude, longitude } = event;
    if (country === null && region === null && city === null && latitude === null && longitude === null) return -1;
    let entries = this.places.get(city);
    if (entries) {
      for (const entry of entries) {
        if (entry.country === country && entry.region === region && entry.latitude === latitude && entry.longitude === longitude) return entry.number;
      }
    } else {
      entries = [];
      this.places.set(own(city), entries);
    }
    const number = this.known++;
    const facts = { country: own(country), region: own(region), city: own(city), latitude, longitude };
    entries.push({ ...facts, number });
    this.newPlaces.push([number, facts]);
    return number;
  }

  /** Forget every text, client and place: the writer is told to do the same before the next batch's definitions. */
  private startOver(): void {
    this.tokens.clear();
    this.clients.clear();
    this.places.clear();
    this.known = 0;
    this.restart = true;
  }

  private grow(): void {
    const numbers = new Float64Array(this.numbers.length * 2);
    numbers.set(this.numbers);
    this.numbers = numbers;
  }
}

/**
 * A copy of a text that does not keep the text it was cut from alive: parsed fields are slices of the
 * decoded chunk (about 1 MB), and a dictionary that holds slices from many chunks would hold them all.
 */
function own<T extends string | null>(text: T): T {
  return (text === null ? null : (' ' + text).slice(1)) as T;
}

/** Length and a few characters of a text, as a small integer (-1 for null). */
function fingerprint(text: string | null): number {
  if (text === null) return -1;
  const length = text.length;
  if (length === 0) return 0;
  let hash = length;
  for (let step = 1; step <= 8; step++) hash = (hash * 31 + text.charCodeAt(Math.floor((length * step) / 9))) | 0;
  return hash;
}

/** Slots in `eventRowColumns` order. */
const slot = Object.fromEntries(eventRowColumns.map((name, index) => [name, index])) as Record<(typeof eventRowColumns)[number], number>;

/**
 * The writing side: resolves the clients and places each batch defines to their ids in the case (through
 * `clientId` / `placeId`, once each) and hands every event to `row` as values in `eventRowColumns` order.
 * Ground-truth `labels` found beside the file, when given, replace the label the row itself states.
 * The same array is refilled for every event: use it before the next call.
 */
export function createPackedEventReader(
  sourceId: number,
  clientId: (facts: ClientFacts) => number | null,
  placeId: (facts: PlaceFacts) => number | null,
  labels: RecordLabels | null = null,
): (packed: PackedEvents, row: (values: readonly unknown[]) => void) => void {
  let ids: (number | null)[] = [];
  let texts: string[] = [];
  const values: unknown[] = new Array(eventRowColumns.length);
  values[slot.source_id] = sourceId;
  return (packed, row) => {
    if (packed.restart) {
      ids = [];
      texts = [];
    }
    for (const [number, text] of packed.tokens) texts[number] = text;
    for (const [number, facts] of packed.clients) ids[number] = clientId(facts);
    for (const [number, facts] of packed.places) ids[number] = placeId(facts);
    const numbers = packed.numbers;
    const joined = packed.texts;
    let textAt = 0;
    for (let event = 0; event < packed.count; event++) {
      const at = event * numberCount;
      const asn = numbers[at + 2];
      const roundTrip = numbers[at + 3];
      const client = numbers[at + 6];
      const place = numbers[at + 7];
      values[slot.ts] = numbers[at];
      values[slot.outcome] = numbers[at + 1];
      values[slot.asn] = Number.isNaN(asn) ? null : asn;
      values[slot.rtt_ms] = Number.isNaN(roundTrip) ? null : roundTrip;
      values[slot.line] = numbers[at + 4];
      values[slot.record] = numbers[at + 5];
      values[slot.client_id] = client < 0 ? null : ids[client];
      values[slot.place_id] = place < 0 ? null : ids[place];
      values[slot.auth_method] = token(texts, numbers[at + 8]);
      values[slot.service] = token(texts, numbers[at + 9]);
      values[slot.host] = token(texts, numbers[at + 10]);
      values[slot.label] = (labels && labelOf(labels, numbers[at + 5])) ?? token(texts, numbers[at + 11]);
      const userLength = numbers[at + 12];
      const ipLength = numbers[at + 13];
      const networkLength = numbers[at + 14];
      values[slot.user] = joined.slice(textAt, (textAt += userLength));
      values[slot.ip] = ipLength < 0 ? null : joined.slice(textAt, (textAt += ipLength));
      values[slot.network] = networkLength < 0 ? null : joined.slice(textAt, (textAt += networkLength));
      row(values);
    }
  };
}

function token(texts: string[], number: number): string | null {
  return number < 0 ? null : texts[number];
}
