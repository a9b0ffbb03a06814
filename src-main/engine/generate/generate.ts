import { createRandom, type Random } from '../../../src-shared/random.js';
import { planAttacks } from './attacks.js';
import { cityNamed } from './cities.js';
import type { GeneratedEvent } from './event.js';
import { dayMs, haversineKm, hourMs } from './geo.js';
import { benignRowsPerUserDay, labelNames, scenarioNames, usersForRows, type GenerateFormat, type GenerateOptions, type ScenarioName } from './options.js';
import { deriveSeed } from './sampling.js';
import { spanOf } from './span.js';
import { openTextFile } from './text-file.js';
import { createTimeline } from './timeline.js';
import { createUserStream } from './user-stream.js';
import { createPopulation } from './users.js';
import { createRowWriter } from './writers.js';

/** Where to write, and an optional progress callback (called every few thousand rows). */
export interface GenerateOutput {
  eventsPath: string;
  labelsPath: string;
  onProgress?: (progress: { rows: number; fraction: number }) => void;
}

/** What was generated. */
export interface GenerateSummary {
  format: GenerateFormat;
  eventsPath: string;
  labelsPath: string;
  /** Rows of the events file (data lines, without the header). */
  rows: number;
  /** Rows per label, every label of `labelNames` present (0 when absent). */
  labels: Record<string, number>;
  users: number;
  days: number;
  seed: number;
  scenarios: ScenarioName[];
  /** ISO 8601 start and end (exclusive) of the span. */
  start: string;
  end: string;
  elapsedMs: number;
}

function checkOptions(options: GenerateOptions): void {
  const positive = (name: string, value: number | undefined, maximum: number): void => {
    if (value !== undefined && (!Number.isInteger(value) || value < 1 || value > maximum)) {
      throw new RangeError(`${name} must be an integer from 1 to ${maximum}, not ${value}`);
    }
  };
  positive('users', options.users, 10_000_000);
  positive('days', options.days, 3660);
  positive('rows', options.rows, 1_000_000_000);
  if (!Number.isInteger(options.seed) || options.seed < 0 || options.seed > 0xffff_ffff) throw new RangeError(`seed must be an integer from 0 to 4294967295, not ${options.seed}`);
  if (!Number.isFinite(options.start)) throw new RangeError('start must be a valid time');
}

// The service the logins reach sits in Frankfurt: round trips grow with distance, and on mobile.
const server = cityNamed('Frankfurt am Main');

/** The round trip the RBA layout records for a few percent of logins, otherwise null. */
function roundTripMs(random: Random, event: GeneratedEvent): number | null {
  if (!random.chance(0.04)) return null;
  const { place } = event.address;
  const km = haversineKm(server.latitude, server.longitude, place.latitude, place.longitude);
  const base = 30 + km / 80 + (event.address.kind === 'mobile' ? 80 : 0);
  return Math.round(base * random.between(1, 4) + Math.abs(random.normal()) * 200);
}

/** A merge window of about 50,000 rows (few live objects for the young-generation GC to copy), at least an hour. */
function windowMs(users: number): number {
  return Math.max(hourMs, Math.min(dayMs, (dayMs * 50_000) / (users * benignRowsPerUserDay)));
}

/**
 * Generates a synthetic login stream and its labels. Deterministic for a seed; streamed in time order
 * (each user one day at a time, each attack run when it starts), so memory does not grow with the span.
 */
export async function generate(options: GenerateOptions, output: GenerateOutput): Promise<GenerateSummary> {
  checkOptions(options);
  const began = Date.now();
  const userCount = options.rows !== undefined ? usersForRows(options.rows, options.days) : options.users;
  const span = spanOf(options.start, options.days);
  const scenarios = scenarioNames.filter((name) => options.scenarios.includes(name));
  const population = createPopulation(userCount, options.seed, span);
  const attackStreams = planAttacks(scenarios, population, span, options.seed);
  const timeline = createTimeline([...population.map((user) => createUserStream(user, options.seed, span)), ...attackStreams], windowMs(userCount));
  const writer = createRowWriter(options.format, createRandom(deriveSeed(options.seed, 6)));
  const roundTrips = createRandom(deriveSeed(options.seed, 7));

  const events = openTextFile(output.eventsPath);
  const labels = openTextFile(output.labelsPath);
  const counts = new Map<string, number>(labelNames.map((name) => [name, 0]));
  let rows = 0;
  let written = 0;
  const sink = (line: string, label: string): void => {
    rows++;
    events.append(line);
    labels.append(`${rows},${label}\n`);
    counts.set(label, (counts.get(label) ?? 0) + 1);
  };
  try {
    if (writer.header !== null) events.append(`${writer.header}\n`);
    labels.append('row,label\n');
    for (let event = timeline.next(); event !== null; event = timeline.next()) {
      if (event.time < span.start) continue;
      // The timeline is in time order: the first event past the end means all the rest are too.
      if (event.time >= span.end) break;
      event.time = Math.floor(event.time);
      writer.write(event, roundTripMs(roundTrips, event), sink);
      if (events.full) await events.drain();
      if (labels.full) await labels.drain();
      if (output.onProgress && (++written & 0xffff) === 0) output.onProgress({ rows, fraction: (event.time - span.start) / (span.end - span.start) });
    }
  } finally {
    await Promise.all([events.close(), labels.close()]);
  }
  return {
    format: options.format,
    eventsPath: output.eventsPath,
    labelsPath: output.labelsPath,
    rows,
    labels: Object.fromEntries(counts),
    users: userCount,
    days: options.days,
    seed: options.seed,
    scenarios,
    start: new Date(span.start).toISOString(),
    end: new Date(span.end).toISOString(),
    elapsedMs: Date.now() - began,
  };
}
