/**
 * The shared vocabulary of the authentication-message matchers: where a message came from and what
 * login facts it states (without time and host, which the line format supplies).
 */
import type { Outcome } from '../../../../src-shared/event.js';

/** One log message and its origin. */
export interface AuthSource {
  /** Logging host, null when unknown. */
  host: string | null;
  /** Program name, lower case, without pid, path or module: 'sshd', 'su', 'dovecot'. */
  program: string;
  /** Process id as written, null when the tag has none. */
  pid: string | null;
  /** The module of a legacy tag such as 'sshd(pam_unix)' ('pam_unix'), or the text in parentheses. */
  module: string | null;
  /** The tag as written. */
  tag: string;
  message: string;
}

/** A login fact found in a message: one or more (`count`) identical attempts. */
export interface AuthFinding {
  user: string;
  outcome: Outcome;
  /** Valid IPv4/IPv6 address of the client; null when the log names a host name or nothing. */
  ip: string | null;
  authMethod: string | null;
  service: string;
  count: number;
}

/** Finds the logins in one message; an empty list means "not a login" (or already counted). */
export type AuthMatcher = (source: AuthSource) => AuthFinding[];

/** Names sshd logs under: OpenSSH ≥ 9.8 splits it into sshd-session and sshd-auth. */
const sshdNames = new Set(['sshd', 'sshd-session', 'sshd-auth']);

/** True for the sshd family of programs. */
export function isSshd(program: string): boolean {
  return sshdNames.has(program);
}

/**
 * Split a syslog tag into program, pid and module: 'sshd[123]' → sshd/123, 'sshd(pam_unix)[19939]' →
 * sshd/19939/pam_unix, '/usr/sbin/cron[5]' → cron/5, '[sshd]' → sshd, 'auth-worker(304)' → auth-worker/module 304.
 */
export function splitTag(tag: string, host: string | null, message: string): AuthSource {
  let name = tag.trim();
  if (name.startsWith('[') && name.endsWith(']')) name = name.slice(1, -1);
  let pid: string | null = null;
  const bracket = name.lastIndexOf('[');
  if (bracket > 0 && name.endsWith(']')) {
    pid = name.slice(bracket + 1, -1);
    name = name.slice(0, bracket);
  }
  let module: string | null = null;
  const parenthesis = name.indexOf('(');
  if (parenthesis > 0) {
    const close = name.indexOf(')', parenthesis);
    module = name.slice(parenthesis + 1, close > 0 ? close : undefined);
    name = name.slice(0, parenthesis);
  }
  const slash = name.lastIndexOf('/');
  if (slash >= 0) name = name.slice(slash + 1);
  return { host, program: name.toLowerCase(), pid, module, tag, message };
}

/** 'unknown' stands for a user the log does not name. */
export const unknownUser = 'unknown';

const placeholderUsers = new Set(['', '?', '<invalid username>', '(unknown)', '(unknown user)', '(invalid user)']);

/** A user name as logged, or 'unknown' for empty and placeholder names. */
export function userOrUnknown(name: string | null | undefined): string {
  const trimmed = name?.trim() ?? '';
  return placeholderUsers.has(trimmed) ? unknownUser : trimmed;
}

/** One finding. */
export function finding(user: string, outcome: Outcome, ip: string | null, authMethod: string | null, service: string, count = 1): AuthFinding {
  return { user: userOrUnknown(user), outcome, ip, authMethod, service, count };
}
