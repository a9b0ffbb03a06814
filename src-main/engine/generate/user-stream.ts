import { createRandom } from '../../../src-shared/random.js';
import { benignDay } from './benign.js';
import { byTime, normalLabel, type EventStream, type GeneratedEvent } from './event.js';
import { dayMs, hourMs } from './geo.js';
import { buildIncident } from './incidents.js';
import { createNetworkState } from './networks.js';
import { deriveSeed } from './sampling.js';
import type { Span } from './span.js';
import type { User } from './users.js';

// No zone is more than 14 h ahead of UTC, and no session starts more than an hour before local midnight:
// once day d is generated, nothing of a later day can fall before (d + 1) − 15 h.
const earliestLead = 15 * hourMs;
// Placeholder for taken events, so the buffer does not keep them alive.
const released = {} as GeneratedEvent;

/**
 * One user's rows in time order, generated one local day at a time: memory per user is one day's
 * events, whatever the span. Incidents planned for the user are woven in on their day.
 */
export function createUserStream(user: User, seed: number, span: Span): EventStream {
  const random = createRandom(deriveSeed(seed, 3, user.index));
  const network = createNetworkState(user, random);
  let day = span.firstDay - 1;
  let buffer: GeneratedEvent[] = [];
  let position = 0;
  let horizon = -Infinity;
  let lastTime = -Infinity;

  const generateDay = (): void => {
    const fresh = benignDay(user, network, day);
    let clearFrom = 0;
    let clearTo = 0;
    for (const incident of user.incidents) {
      if (incident.day !== day) continue;
      const outcome = buildIncident(user, network, incident);
      fresh.push(...outcome.events);
      if (outcome.clearTo > outcome.clearFrom) {
        clearFrom = outcome.clearFrom;
        clearTo = outcome.clearTo;
      }
    }
    let merged = position < buffer.length ? buffer.slice(position).concat(fresh) : fresh;
    if (clearTo > clearFrom) {
      const anchor = fresh.find((event) => event.time === clearFrom && event.label === normalLabel);
      merged = merged.filter((event) => event === anchor || event.label !== normalLabel || event.time < clearFrom || event.time > clearTo);
    }
    merged.sort(byTime);
    // A trip across time zones can make consecutive local days overlap: keep the stream ordered.
    buffer = merged.length > 0 && merged[0].time < lastTime ? merged.filter((event) => event.time >= lastTime) : merged;
    position = 0;
    horizon = (day + 1) * dayMs - earliestLead;
    day++;
  };

  const fill = (): void => {
    while ((position >= buffer.length || buffer[position].time >= horizon) && day <= span.lastDay + 1) generateDay();
  };

  return {
    nextTime() {
      fill();
      return position < buffer.length ? buffer[position].time : Infinity;
    },
    take() {
      const event = buffer[position];
      buffer[position++] = released;
      lastTime = event.time;
      return event;
    },
  };
}
