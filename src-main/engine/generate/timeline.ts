import { byTime, type EventStream, type GeneratedEvent } from './event.js';

/** Pulls events from many streams in global time order. */
export interface Timeline {
  /** The next event by time (ties: the stream listed first), or null when every stream is exhausted. */
  next(): GeneratedEvent | null;
}

const indexSpace = 2 ** 21;
// Placeholder for events already handed out (keeps the array's element kind uniform).
const released = {} as GeneratedEvent;

/**
 * Sorts a window's events by whole milliseconds, ties in pull order. Packs (ms since window start,
 * index) into one float so a typed-array sort without a comparator does the work: 48 bits, exact.
 */
function sortByTime(events: GeneratedEvent[], windowStart: number): GeneratedEvent[] {
  if (events.length >= indexSpace) return events.sort(byTime);
  const keys = new Float64Array(events.length);
  for (let index = 0; index < events.length; index++) keys[index] = Math.floor(events[index].time - windowStart) * indexSpace + index;
  keys.sort();
  const sorted = new Array<GeneratedEvent>(events.length);
  for (let index = 0; index < keys.length; index++) sorted[index] = events[keys[index] % indexSpace];
  return sorted;
}

/**
 * Merges streams window by window: each window's events are pulled stream after stream (each stream's
 * data stays hot in cache), then sorted (stable, so ties keep stream order). Memory holds one window,
 * whatever the span; the caller sizes the window to the expected rows per window.
 */
export function createTimeline(streams: readonly EventStream[], windowMs: number): Timeline {
  let active = streams.filter((stream) => stream.nextTime() !== Infinity);
  let batch: GeneratedEvent[] = [];
  let position = 0;
  let windowStart = active.reduce((earliest, stream) => Math.min(earliest, stream.nextTime()), Infinity);

  const refill = (): void => {
    const windowEnd = windowStart + windowMs;
    batch = [];
    position = 0;
    let following = Infinity;
    let exhausted = false;
    for (const stream of active) {
      let time = stream.nextTime();
      if (time < windowEnd && stream.open) {
        // A lazy stream builds its rows only now; its first row may come later than announced.
        stream.open();
        time = stream.nextTime();
      }
      while (time < windowEnd) {
        batch.push(stream.take());
        time = stream.nextTime();
      }
      if (time === Infinity) exhausted = true;
      else if (time < following) following = time;
    }
    if (exhausted) active = active.filter((stream) => stream.nextTime() !== Infinity);
    batch = sortByTime(batch, windowStart);
    // Skip empty stretches: the next window starts at the earliest pending event.
    windowStart = Math.max(windowEnd, following);
  };

  return {
    next() {
      while (position >= batch.length) {
        if (active.length === 0) return null;
        refill();
      }
      const event = batch[position];
      // Drop the reference at once: a big batch array lives in old space, and every event it still
      // points to would be copied by each young-generation GC until the window ends.
      batch[position++] = released;
      return event;
    },
  };
}
