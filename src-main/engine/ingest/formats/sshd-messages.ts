/**
 * OpenSSH sshd messages → login attempts.
 *
 * What counts (one event per credential tried, so per-IP and per-user counts mean attempts):
 * - `Accepted <method> for U from IP` → success; `Failed <method> for [invalid user] U from IP` → failure;
 *   `message repeated N times: [ Failed … ]` (handled by the dispatcher) → N failures.
 * - `error: PAM: Authentication failure for U from H` → failure. sshd follows it with its own
 *   `Failed keyboard-interactive/pam` line for the same attempt, which is then not counted again.
 * What is only remembered for the connection (same host and pid), never counted by itself:
 * - `Invalid user U from IP`, `User U from IP not allowed because …`, `ROOT LOGIN REFUSED`,
 *   `input_userauth_request: invalid user U`, `Failed none|unknown …` (a method probe, no credential),
 *   `Failed publickey` for an existing user (clients offer several keys before the right one),
 *   `pam_unix(sshd:auth): authentication failure` (sshd logs its own Failed/Accepted line; with stacked
 *   PAM modules pam_unix may fail while the login succeeds).
 *   If the connection then ends without any counted attempt and without success, its end
 *   (`Connection closed by …`, `Received disconnect …`, `Disconnected from …`) yields one failure:
 *   a client that tried a user name and left is one attempt, not zero and not two.
 * - The end of a connection whose reason is an authentication failure (`Too many authentication failures`,
 *   `maximum authentication attempts exceeded`, `Auth fail`, `No … authentication methods available`)
 *   yields one failure when nothing was counted yet (publickey failures of existing users are not
 *   logged at the default level, so this is the only trace of them).
 * Lines without a pid cannot be grouped: a declaration without pid counts as one failure.
 * Not attempts at all: connection resets before a user name, key-exchange and protocol errors,
 * tcp_wrappers refusals, reverse-DNS warnings, session open/close.
 */
import { finding, type AuthFinding, type AuthSource } from './auth-source.js';
import { sessionKey, type AuthSession, type SessionTable } from './auth-sessions.js';
import { normaliseIp } from './field-values.js';

const service = 'sshd';

// The user name is client-chosen and may contain ' from 1.2.3.4 port 5'; the address is the last
// 'from X' that the fixed tail of sshd's format can follow, so lazy user + anchored tail finds it.
const acceptedPattern = /^Accepted (\S+) for (.*?) from (\S+?)(?: port \d+)?(?: ssh\d?)?(?:: .*)?$/;
const failedPattern = /^Failed (\S+) for (invalid user |illegal user )?(.*?) from (\S+?)(?: port \d+)?(?: ssh\d?)?(?:: .*)?(?: \[preauth\])?$/;
const pamErrorPattern = /^error: PAM: (?:authentication (?:failure|error)|user not known to the underlying authentication module) for (?:illegal user |invalid user )?(.*?) from (\S+?)(?: via \S+)?\s*$/i;
const invalidUserPattern = /^(?:Invalid|Illegal) user (.*?) from (\S+?)(?: port \d+)?\s*$/;
const notAllowedPattern = /^User (\S+) from (\S+) not allowed because /;
const lockedPattern = /^User (\S+) not allowed because /;
const rootRefusedPattern = /^ROOT LOGIN REFUSED FROM (\S+?)(?: port \d+)?(?: \[preauth\])?$/;
const userauthPattern = /^input_userauth_request: (?:invalid|illegal) user (.*?)(?: \[preauth\])?$/;
const pamUnixPattern = /^pam_\w+\(sshd:auth\): authentication failure;(.*)$/;
const connectionFromPattern = /^Connection from (\S+?)(?: port \d+.*)?$/;
const userCloserPattern = /^(?:Connection (?:closed|reset) by|Disconnected from) (?:invalid|authenticating) user (.*) (\S+) port \d+(?: \[preauth\])?$/;
const disconnectingUserPattern = /^Disconnecting (?:invalid|authenticating) user (.*?) (\S+) port \d+(?:: (.*))?$/;
// Old format 'from IP: 11: reason', new 'from IP port N:11: reason'; greedy \S+ keeps IPv6 colons.
const receivedDisconnectPattern = /^(?:error: )?Received disconnect from (?:(\S+) port \d+:|(\S+): )(\d+): (.*)$/;
const plainCloserPattern = /^(?:Connection (?:closed|reset) by|Disconnected from) (\S+?)(?: port \d+)?(?: \[preauth\])?$/;
const tooManyPattern = /^Disconnecting: Too many authentication failures(?: for (?:invalid user |illegal user )?(.+?))?(?: \[preauth\])?$/;
const maxAttemptsPattern = /^error: maximum authentication attempts exceeded for (?:invalid user |illegal user )?(.*) from (\S+) port \d+ ssh\d(?: \[preauth\])?$/;
const timeoutPattern = /^(?:fatal: )?Timeout before authentication for (?:connection from )?(\S+?)(?: port \d+| to .*)?$/;
const authFailureReason = /auth fail|authentication methods? available|too many authentication failures/i;

/** The method names sshd logs, as stored: 'keyboard-interactive/pam' → 'keyboard-interactive'. */
function methodName(method: string): string {
  return method.startsWith('keyboard-interactive') ? 'keyboard-interactive' : method;
}

/** Findings of one sshd message, or null when it is no message this matcher knows. */
export function matchSshdMessage(source: AuthSource, message: string, sessions: SessionTable): AuthFinding[] | null {
  const key = sessionKey(source.host, source.program, source.pid);
  const first = message.charCodeAt(0);
  let match: RegExpExecArray | null;
  if (first === 0x41 && (match = acceptedPattern.exec(message))) {
    const ip = normaliseIp(match[3]);
    if (key) {
      const session = sessions.open(key);
      session.accepted = true;
      session.attempts++;
    }
    return [finding(match[2], 'success', ip, methodName(match[1]), service)];
  }
  if (first === 0x46 && (match = failedPattern.exec(message))) return failed(match, key, sessions);
  if ((match = pamErrorPattern.exec(message))) {
    if (key) {
      const session = sessions.open(key);
      session.pamErrors++;
      session.attempts++;
    }
    return [finding(match[1], 'failure', normaliseIp(match[2]), 'keyboard-interactive', service)];
  }
  if ((match = invalidUserPattern.exec(message)) || (match = notAllowedPattern.exec(message))) return declare(key, sessions, match[1], match[2], null, true);
  if ((match = rootRefusedPattern.exec(message))) return declare(key, sessions, 'root', match[1], null, true);
  if ((match = userauthPattern.exec(message)) || (match = lockedPattern.exec(message))) return declare(key, sessions, match[1], null, null, false);
  if ((match = pamUnixPattern.exec(message))) {
    const fields = / rhost=(\S*)(?:.* user=(\S+))?/.exec(match[1]);
    return declare(key, sessions, fields?.[2] ?? 'unknown', fields?.[1] || null, 'password', false);
  }
  if ((match = connectionFromPattern.exec(message))) {
    if (key) reopen(sessions, key).ip = match[1];
    return [];
  }
  if ((match = userCloserPattern.exec(message))) return close(key, sessions, match[2], match[1], false);
  if ((match = disconnectingUserPattern.exec(message))) return close(key, sessions, match[2], match[1], authFailureReason.test(match[3] ?? ''));
  if ((match = receivedDisconnectPattern.exec(message))) return close(key, sessions, match[1] ?? match[2], null, authFailureReason.test(match[4]));
  if ((match = plainCloserPattern.exec(message)) || (match = timeoutPattern.exec(message))) return close(key, sessions, match[1], null, false);
  if ((match = tooManyPattern.exec(message))) return close(key, sessions, null, match[1] ?? null, true);
  if ((match = maxAttemptsPattern.exec(message))) return close(key, sessions, match[2], match[1], true);
  return null;
}

function failed(match: RegExpExecArray, key: string | null, sessions: SessionTable): AuthFinding[] {
  const [, method, invalid, user, from] = match;
  if (method === 'none' || method === 'unknown') return declare(key, sessions, user, from, method, true);
  if (method === 'publickey' && !invalid) return declare(key, sessions, user, from, method, false);
  if (key) {
    const session = sessions.open(key);
    if (method.startsWith('keyboard-interactive') && session.pamErrors > 0) {
      session.pamErrors--;
      return [];
    }
    session.attempts++;
  }
  return [finding(user, 'failure', normaliseIp(from), methodName(method), service)];
}

/** A session for a key, fresh when the previous one under that pid has ended. */
function reopen(sessions: SessionTable, key: string): AuthSession {
  const session = sessions.open(key);
  return session.closed ? sessions.restart(key) : session;
}

/** Remember a user named by the connection; without a pid it counts at once when `countAlone`. */
function declare(key: string | null, sessions: SessionTable, user: string, from: string | null, method: string | null, countAlone: boolean): AuthFinding[] {
  if (!key) return countAlone ? [finding(user, 'failure', normaliseIp(from), method, service)] : [];
  const session = reopen(sessions, key);
  // A name sshd itself logs is better than the one a pam_unix line gave (often none for invalid users).
  if (session.user === null || session.method === 'password') session.user = user;
  if (from !== null) session.ip = from;
  session.method ??= method;
  return [];
}

/** The end of a connection: one failure if it named a user (or failed authentication) and nothing was counted. */
function close(key: string | null, sessions: SessionTable, from: string | null, user: string | null, authFailure: boolean): AuthFinding[] {
  if (!key) return user !== null || authFailure ? [finding(user ?? 'unknown', 'failure', normaliseIp(from), null, service)] : [];
  let session = sessions.find(key);
  if (!session) {
    if (user === null && !authFailure) return [];
    session = sessions.open(key);
  }
  if (session.closed || session.accepted || session.attempts > 0) {
    session.closed = true;
    return [];
  }
  const who = user ?? session.user ?? (authFailure ? 'unknown' : null);
  const where = from ?? session.ip;
  if (who === null) {
    session.closed = true;
    return [];
  }
  if (where === null) {
    // "Too many authentication failures" names no address: the connection's last line will.
    session.user = who;
    return [];
  }
  session.closed = true;
  session.attempts++;
  return [finding(who, 'failure', normaliseIp(where), session.method, service)];
}
