/**
 * An alert as the channels send it (e-mail, webhook), and its wording: the same facts in every channel,
 * so a message read on a phone says what the case says.
 */
import type { Decision, RiskLevel } from '../../../src-shared/detect/ensemble.js';

/** One alert to deliver. */
export interface AlertMessage {
  /** The alert's id in the case (an event or incident id), to find it again. */
  id: string;
  /** When the login happened, UTC ms. */
  time: number;
  user: string;
  ip: string | null;
  /** Risk 0–100. */
  risk: number;
  level: RiskLevel;
  decision: Decision;
  /** Each reason in words with its numbers ("6,210 km in 0.8 h = 7,760 km/h, Oslo → Chicago"). */
  reasons: string[];
  /** Where the login came from in words ("Chicago, US"), or null when unknown. */
  place: string | null;
}

/** A one-line subject: level, risk, user and address (ASCII only, so it survives any mail path). */
export function alertSubject(alert: AlertMessage): string {
  const subject = `[Vigil] ${alert.level} risk ${Math.round(alert.risk)} - ${alert.user} from ${alert.ip ?? 'unknown address'} (${alert.decision})`;
  // Names and addresses come from logs: strip control characters so they cannot inject header lines.
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  return subject.replace(/[\x00-\x1f\x7f]/g, ' ');
}

/** The full text: every fact, then each reason on its own line. */
export function alertText(alert: AlertMessage): string {
  const lines = [
    `Vigil alert ${alert.id}`,
    `Risk: ${Math.round(alert.risk)}/100 (${alert.level}), decision: ${alert.decision}`,
    `User: ${alert.user}`,
    `Address: ${alert.ip ?? 'unknown'}`,
    `Place: ${alert.place ?? 'unknown'}`,
    `Time: ${new Date(alert.time).toISOString()}`,
    'Reasons:',
    ...(alert.reasons.length > 0 ? alert.reasons.map((reason) => `- ${reason}`) : ['- (none given)']),
  ];
  return lines.join('\n');
}
