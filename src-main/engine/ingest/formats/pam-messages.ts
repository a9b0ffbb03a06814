/**
 * PAM module messages (pam_unix, pam_sss, …) → login attempts, in both spellings:
 * modern `prog[pid]: pam_unix(SERVICE:auth): authentication failure; … rhost=IP user=U` and the legacy
 * Red Hat tag `SERVICE(pam_unix)[pid]: authentication failure; …` of old /var/log/messages files.
 *
 * - `authentication failure` → one failure for the service, user from `user=` (or 'unknown').
 *   Not for sshd in the modern spelling: sshd logs its own Failed/Accepted line for the same attempt
 *   (see sshd-messages.ts). The legacy `sshd(pam_unix)` lines count: on those systems sshd's own
 *   lines went to another file (secure), so the PAM line is the only record in this one.
 * - `session opened for user U` → one success only for services where the session is the login
 *   (login, su, display managers, legacy sshd(pam_unix)); not for modern sshd (its Accepted line counts),
 *   sudo (its command line counts), cron, systemd-user and other non-interactive sessions.
 * su counts at most one success and one failure per su process, whichever of its lines say it.
 */
import { finding, isSshd, type AuthFinding, type AuthSource } from './auth-source.js';
import { sessionKey, type SessionTable } from './auth-sessions.js';
import { normaliseIp } from './field-values.js';

const modernPattern = /^(pam_\w+)\(([^:)]+):(\w+)\): (.*)$/;
const sessionOpenedPattern = /^session opened for user (\S+?)(?:\(uid=\d+\))?(?: by (.*))?$/;
const loginSessionServices = new Set(['login', 'su', 'su-l', 'gdm', 'gdm-password', 'gdm-autologin', 'lightdm', 'sddm', 'xdm', 'kdm', 'lxdm']);

/** A PAM message split into module, service, phase and text; null when it is not one. */
interface PamMessage {
  service: string;
  phase: string;
  text: string;
  legacy: boolean;
}

function readPamMessage(source: AuthSource, message: string): PamMessage | null {
  const modern = modernPattern.exec(message);
  if (modern) return { service: modern[2].toLowerCase(), phase: modern[3], text: modern[4], legacy: false };
  if (source.module?.startsWith('pam_')) {
    const phase = message.startsWith('session ') ? 'session' : 'auth';
    return { service: source.program, phase, text: message, legacy: true };
  }
  return null;
}

/** The `key=value` fields of a PAM failure message (a value may be empty). */
export function pamFields(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const token of text.split(/\s+/)) {
    const equals = token.indexOf('=');
    if (equals > 0) fields.set(token.slice(0, equals), token.slice(equals + 1));
  }
  return fields;
}

/** The method recorded for a PAM service. */
function methodFor(service: string): string {
  if (service === 'sudo' || service.startsWith('su')) return service === 'sudo' ? 'sudo' : 'su';
  return 'password';
}

/** The service name recorded: 'su-l' is su, 'gdm-password' is gdm. */
function serviceName(service: string): string {
  if (service === 'su-l') return 'su';
  if (service.startsWith('gdm')) return 'gdm';
  return service;
}

/**
 * Findings of one PAM message, or null when it is not a PAM message.
 * `onDovecotFailure` is told of dovecot PAM failures so a later login summary does not count them again.
 */
export function matchPamMessage(
  source: AuthSource,
  message: string,
  sessions: SessionTable,
  onDovecotFailure: (ip: string | null, user: string) => void,
): AuthFinding[] | null {
  const pam = readPamMessage(source, message);
  if (!pam) return null;
  const service = serviceName(pam.service);
  if (pam.phase === 'auth' && pam.text.startsWith('authentication failure')) {
    if (isSshd(pam.service) && !pam.legacy) return null; // sshd-messages.ts remembers it for the connection
    const fields = pamFields(pam.text);
    const ip = normaliseIp(fields.get('rhost') || null);
    if (service === 'su' && !firstOfProcess(source, sessions, 'failure')) return [];
    const user = fields.get('user') ?? '';
    if (service === 'dovecot' && user !== '') onDovecotFailure(ip, user);
    return [finding(user, 'failure', ip, methodFor(pam.service), service)];
  }
  if (pam.phase === 'session') {
    const opened = sessionOpenedPattern.exec(pam.text);
    if (!opened) return [];
    const counts = loginSessionServices.has(pam.service) || (pam.legacy && isSshd(pam.service));
    if (!counts) return [];
    if (service === 'su' && !firstOfProcess(source, sessions, 'success')) return [];
    return [finding(opened[1], 'success', null, pam.legacy && isSshd(pam.service) ? null : methodFor(pam.service), service)];
  }
  return [];
}

/** True the first time a su process reports this outcome (su and PAM both log the same attempt). */
export function firstOfProcess(source: AuthSource, sessions: SessionTable, outcome: 'success' | 'failure'): boolean {
  const key = sessionKey(source.host, 'su', source.pid);
  if (!key) return true;
  const session = sessions.open(key);
  if (outcome === 'success') {
    if (session.successCounted) return false;
    session.successCounted = true;
  } else {
    if (session.failureCounted) return false;
    session.failureCounted = true;
  }
  return true;
}
