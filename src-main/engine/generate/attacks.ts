import { createRandom, type Random } from '../../../src-shared/random.js';
import type { AttackContext, AttackRun } from './attack-plan.js';
import { bruteForceMeanRows, planBruteForce } from './brute-force.js';
import { credentialStuffingMeanRows, planCredentialStuffing } from './credential-stuffing.js';
import type { EventStream, GeneratedEvent } from './event.js';
import { dayMs, localMidnight, weekday } from './geo.js';
import { benignRowsPerUserDay, type ScenarioName } from './options.js';
import { passwordSprayMeanRows, planPasswordSpray } from './password-spray.js';
import { deriveSeed, integerBetween } from './sampling.js';
import type { Span } from './span.js';
import { isAway } from './travel.js';
import type { IncidentKind, User } from './users.js';

type Planner = (random: Random, context: AttackContext) => AttackRun;

// Each network scenario's share of all rows, and the size of one run: a few percent or less each.
const networkScenarios: Partial<Record<ScenarioName, { share: number; meanRows: number; plan: Planner }>> = {
  brute_force: { share: 0.02, meanRows: bruteForceMeanRows, plan: planBruteForce },
  password_spray: { share: 0.012, meanRows: passwordSprayMeanRows, plan: planPasswordSpray },
  credential_stuffing: { share: 0.015, meanRows: credentialStuffingMeanRows, plan: planCredentialStuffing },
};

// User-days per incident, and which working patterns make the incident meaningful.
const incidentScenarios: Record<IncidentKind, { userDaysPer: number; eligible: (user: User) => boolean }> = {
  impossible_travel: { userDaysPer: 1500, eligible: (user) => user.pattern !== 'rare' },
  account_takeover: { userDaysPer: 1500, eligible: (user) => user.pattern !== 'rare' && user.pattern !== 'shift' },
  insider_off_hours: { userDaysPer: 2000, eligible: (user) => user.pattern === 'office' || user.pattern === 'flexible' },
};

/** A stream that builds its run's rows only when the timeline reaches its start (constant memory). */
function lazyRunStream(start: number, run: AttackRun): EventStream {
  let events: GeneratedEvent[] | null = null;
  let position = 0;
  return {
    open: () => {
      events ??= run.build(start);
    },
    nextTime: () => (events === null ? start : position < events.length ? events[position].time : Infinity),
    take: () => {
      events ??= run.build(start);
      const event = events[position++];
      // Release a finished run's rows; an empty list keeps nextTime() at Infinity.
      if (position === events.length) {
        events = [];
        position = 0;
      }
      return event;
    },
  };
}

function planNetworkRuns(random: Random, scenario: ScenarioName, context: AttackContext, span: Span, expectedRows: number): EventStream[] {
  const settings = networkScenarios[scenario];
  if (!settings) return [];
  const rows = expectedRows * settings.share;
  const count = Math.max(1, Math.round(rows / settings.meanRows));
  const streams: EventStream[] = [];
  for (let index = 0; index < count; index++) {
    const run = settings.plan(random, { ...context, budgetRows: rows / count });
    const latest = Math.max(span.attackFrom, span.end - run.durationMs);
    streams.push(lazyRunStream(Math.floor(random.between(span.attackFrom, latest)), run));
  }
  return streams;
}

function incidentDay(random: Random, kind: IncidentKind, span: Span): number {
  const first = Math.min(span.lastDay, Math.floor(span.attackFrom / dayMs) + 2);
  const last = Math.max(first, span.lastDay - 1);
  if (kind !== 'insider_off_hours') return integerBetween(random, first, last);
  const weekends: number[] = [];
  for (let day = first; day <= last; day++) if (weekday(day) === 0 || weekday(day) === 6) weekends.push(day);
  return weekends.length > 0 ? random.pick(weekends) : integerBetween(random, first, last);
}

function assignIncidents(random: Random, kind: IncidentKind, users: readonly User[], span: Span, seed: number, busy: Set<User>): void {
  const settings = incidentScenarios[kind];
  const userDays = users.length * (span.lastDay - span.firstDay + 1);
  const count = Math.max(1, Math.round(userDays / settings.userDaysPer));
  for (let index = 0; index < count; index++) {
    for (let attempt = 0; attempt < 200; attempt++) {
      const user = random.pick(users);
      const day = incidentDay(random, kind, span);
      const midnight = localMidnight(user.home.timeZone, day);
      // Incidents need the victim at home: the anchor of impossible travel is a login from home.
      if (isAway(user.trips, midnight - dayMs, midnight + 2 * dayMs)) continue;
      if ((busy.has(user) || !settings.eligible(user)) && attempt < 150) continue;
      busy.add(user);
      user.incidents.push({ kind, day, seed: deriveSeed(seed, 5, random.integer(0x1_0000_0000)) });
      break;
    }
  }
}

/**
 * Plans the requested scenarios: network attacks become streams of their own; attacks on one user's
 * account are added to that user's incidents. All start after the first 20% of the span.
 */
export function planAttacks(scenarios: readonly ScenarioName[], users: readonly User[], span: Span, seed: number): EventStream[] {
  const random = createRandom(deriveSeed(seed, 4));
  const expectedRows = users.length * (span.lastDay - span.firstDay + 1) * benignRowsPerUserDay;
  const context: AttackContext = {
    users,
    takenNames: new Set(users.map((user) => user.account.name)),
    maxDurationMs: span.end - span.attackFrom,
    budgetRows: 0,
  };
  const streams: EventStream[] = [];
  const busy = new Set<User>();
  for (const scenario of scenarios) {
    if (scenario in networkScenarios) streams.push(...planNetworkRuns(random, scenario, context, span, expectedRows));
    else if (users.length > 0) assignIncidents(random, scenario as IncidentKind, users, span, seed, busy);
  }
  return streams;
}
