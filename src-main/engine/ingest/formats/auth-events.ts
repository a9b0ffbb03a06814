/**
 * Findings of the authentication matcher → login events, once the line format has supplied time and host.
 */
import { newEventInput, type LoginEventInput } from '../../../../src-shared/event.js';
import type { ParseOutcome } from '../parser.js';
import type { AuthFinding } from './auth-source.js';

/** The events of a line's findings (a finding with count N is N events); none → ignored. */
export function findingsToOutcome(findings: AuthFinding[], time: number, host: string | null): ParseOutcome {
  if (findings.length === 0) return { kind: 'ignored' };
  const events: LoginEventInput[] = [];
  for (const found of findings) {
    for (let copy = 0; copy < found.count; copy++) {
      const event = newEventInput(time, found.user, found.outcome);
      event.ip = found.ip;
      event.authMethod = found.authMethod;
      event.service = found.service;
      event.host = host;
      events.push(event);
    }
  }
  return events.length > 0 ? { kind: 'events', events } : { kind: 'ignored' };
}
