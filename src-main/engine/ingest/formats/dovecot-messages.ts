/**
 * Dovecot (IMAP/POP3/ManageSieve/Submission) messages → login attempts.
 *
 * - The login process logs every connection's end with its count: `imap-login: Disconnected (auth failed,
 *   N attempts in S secs): user=<U>, method=PLAIN, rip=IP, …` → N failures; `Login: user=<U>, … rip=IP`
 *   → success. These are logged at the default level, so they are the record of attempts.
 * - The auth process logs single attempts only when auth_verbose is on: `pam(U,IP): pam_authenticate()
 *   failed`, `sql(U,IP,<session>): Password mismatch`, `passwd-file(U,IP): unknown user` … → one failure
 *   each. They precede the summary of their connection, so the summary adds only the attempts of that
 *   user from that address not yet counted (N − counted), and one attempt is never two events.
 *   (A pam_unix line without `user=` cannot be paired with its summary and may be counted twice.)
 * - Not attempts: `no auth attempts`, `tried to use disabled plaintext auth` (refused before any password
 *   was checked), TLS handshake failures, `client didn't finish SASL auth`.
 */
import { finding, type AuthFinding, type AuthSource } from './auth-source.js';
import { normaliseIp } from './field-values.js';

const summaryPattern = /\((?:auth failed, (\d+) attempts?[^)]*|proxy dest auth failed)\)/;
const loginPattern = /(?:^|: )Login: user=</;
const attemptPattern = /\b(?:pam|passwd-file|passwd|shadow|sql|ldap|checkpassword|bsdauth|static|oauth2|lua)\(([^,()]*),([^,()]+)(?:,[^()]*)?\): (?:unknown user|password mismatch|pam_authenticate\(\) failed|invalid credentials)(.*)$/i;
const taggedAttemptPattern = /^(?:Info: )?[\w-]+: (?:unknown user|password mismatch|pam_authenticate\(\) failed|invalid credentials)/i;
const repeatedPattern = /: (\d+) Time\(s\)$/;
const protocolPattern = /\b(imap|pop3|managesieve|submission|lmtp)-login: /;
const dovecotPrograms = new Set(['dovecot', 'dovecot-auth', 'auth', 'auth-worker']);
const maxPendingAddresses = 50_000;

/** True for programs whose messages this matcher reads. */
export function isDovecot(program: string): boolean {
  return dovecotPrograms.has(program) || program.endsWith('-login');
}

/** Dovecot matching with its memory of per-address attempts not yet covered by a summary. */
export interface DovecotMatcher {
  match(source: AuthSource, message: string): AuthFinding[] | null;
  /** An attempt counted elsewhere (a pam_unix(dovecot:auth) line) that a summary must not count again. */
  noteAttempt(ip: string | null, user: string): void;
}

const fieldPatterns = {
  user: /(?:^|[\s,(])user=(?:<([^>]*)>|([^,\s]*))/,
  method: /(?:^|[\s,(])method=([^,\s]*)/,
  rip: /(?:^|[\s,(])rip=([^,\s]*)/,
};

/** A `name=value` or `name=<value>` field of a dovecot message. */
function field(message: string, name: keyof typeof fieldPatterns): string | null {
  const match = fieldPatterns[name].exec(message);
  if (!match) return null;
  return match[1] ?? match[2] ?? null;
}

/** A matcher for dovecot messages. */
export function createDovecotMatcher(): DovecotMatcher {
  // Attempts counted per user and address that no summary has covered yet.
  const pending = new Map<string, number>();
  const noteAttempt = (ip: string | null, user: string, count = 1): void => {
    if (ip === null) return;
    if (pending.size >= maxPendingAddresses) pending.clear();
    const key = `${ip} ${user}`;
    pending.set(key, (pending.get(key) ?? 0) + count);
  };
  const serviceOf = (source: AuthSource, message: string): string => {
    const protocol = protocolPattern.exec(message)?.[1] ?? (source.program.endsWith('-login') ? source.program.slice(0, -6) : null);
    return protocol ?? 'dovecot';
  };
  const match = (source: AuthSource, message: string): AuthFinding[] | null => {
    const summary = summaryPattern.exec(message);
    if (summary) {
      const ip = normaliseIp(field(message, 'rip'));
      const user = field(message, 'user') ?? '';
      const attempts = summary[1] === undefined ? 1 : Number(summary[1]);
      const key = `${ip} ${user}`;
      const counted = pending.get(key) ?? 0;
      pending.delete(key);
      const count = Math.max(0, attempts - counted);
      const method = field(message, 'method')?.toLowerCase() ?? null;
      return count > 0 ? [finding(user, 'failure', ip, method, serviceOf(source, message), count)] : [];
    }
    if (loginPattern.test(message)) {
      const ip = normaliseIp(field(message, 'rip'));
      return [finding(field(message, 'user') ?? '', 'success', ip, field(message, 'method')?.toLowerCase() ?? null, serviceOf(source, message))];
    }
    const attempt = attemptPattern.exec(message);
    if (attempt) {
      const ip = normaliseIp(attempt[2]);
      const count = Number(repeatedPattern.exec(attempt[3])?.[1] ?? 1);
      noteAttempt(ip, attempt[1], count);
      return [finding(attempt[1], 'failure', ip, 'password', 'dovecot', count)];
    }
    // Dovecot 2.4 puts user and address into the tag: auth(U,IP,sasl:login)<session>: sql: Password mismatch
    if (source.program === 'auth' && source.module && taggedAttemptPattern.test(message)) {
      const [user, address] = source.module.split(',');
      const ip = normaliseIp(address ?? null);
      noteAttempt(ip, user);
      return [finding(user, 'failure', ip, 'password', 'dovecot')];
    }
    return null;
  };
  return { match, noteAttempt: (ip, user) => noteAttempt(ip, user) };
}
