/**
 * Linux audit records (/var/log/audit/audit.log, e.g. SELinux systems):
 * `type=USER_AUTH msg=audit(1373129280.000:9): pid=1277 … msg='op=pubkey acct="root" exe="/usr/sbin/sshd"
 * hostname=? addr=194.228.20.113 terminal=ssh res=failed'`. The time is epoch seconds: no year, no zone.
 *
 * Only USER_AUTH records count: they are the authentication decision. USER_LOGIN res=failed repeats
 * it for the same attempt, USER_ERR op=PAM:bad_ident is a client that left before naming a user, and
 * the other types are session bookkeeping. sshd on Red Hat writes its own USER_AUTH (op=password,
 * op=pubkey) beside libpam's (op=PAM:authentication) for the same attempt: of two such records of one
 * process within two seconds with the same result, only the first counts.
 */
import type { Outcome } from '../../../../src-shared/event.js';
import { finding, type AuthFinding } from './auth-source.js';
import { normaliseIp } from './field-values.js';

const recordPattern = /^type=(\S+) msg=audit\((\d+)(?:\.(\d{1,3}))?\d*:\d+\): (.*)$/;
const messagePattern = /msg='([^']*)'/;
const pidPattern = /(?:^|\s)pid=(\d+)/;
const hexPattern = /^(?:[0-9A-F]{2})+$/;
const maxRemembered = 10_000;
const fieldPatterns = new Map<string, RegExp>();

/** An audit line read: its time and findings. */
export interface AuditResult {
  time: number;
  findings: AuthFinding[];
}

/** True when a line looks like an audit record. */
export function isAuditLine(text: string): boolean {
  return text.startsWith('type=') && text.includes(' msg=audit(');
}

/** A field of the audit message: `key="quoted"`, `key=HEX` (decoded), or `key=bare`. */
export function auditField(text: string, key: string): string | null {
  let pattern = fieldPatterns.get(key);
  if (!pattern) {
    pattern = new RegExp(`(?:^|\\s)${key}=("[^"]*"|\\S*)`);
    fieldPatterns.set(key, pattern);
  }
  const match = pattern.exec(text);
  if (!match) return null;
  const value = match[1];
  if (value.startsWith('"')) return value.slice(1, -1);
  if (value === '?' || value === '') return null;
  if (key === 'acct' && hexPattern.test(value)) return Buffer.from(value, 'hex').toString('utf8');
  return value;
}

/** A reader of audit lines, remembering recent records per process to count each attempt once. */
export function createAuditReader(): (text: string) => AuditResult | null {
  const recent = new Map<string, { time: number; outcome: Outcome; pam: boolean }>();
  return (text) => {
    const record = recordPattern.exec(text);
    if (!record) return null;
    const time = Number(record[2]) * 1000 + Number((record[3] ?? '0').padEnd(3, '0'));
    if (record[1] !== 'USER_AUTH') return { time, findings: [] };
    const message = messagePattern.exec(record[4])?.[1] ?? record[4];
    const result = auditField(message, 'res');
    const outcome: Outcome = result === 'success' ? 'success' : 'failure';
    const operation = auditField(message, 'op') ?? '';
    const pid = pidPattern.exec(record[4])?.[1];
    const pam = operation.startsWith('PAM:');
    if (pid !== undefined) {
      const previous = recent.get(pid);
      if (recent.size >= maxRemembered) recent.clear();
      recent.set(pid, { time, outcome, pam });
      if (previous && previous.outcome === outcome && previous.pam !== pam && Math.abs(time - previous.time) <= 2000) return { time, findings: [] };
    }
    const executable = auditField(message, 'exe') ?? '';
    const service = executable.slice(executable.lastIndexOf('/') + 1) || 'unknown';
    const method = operation === 'pubkey' ? 'publickey' : pam ? 'password' : operation || null;
    const user = auditField(message, 'acct') ?? '';
    const ip = normaliseIp(auditField(message, 'addr')) ?? normaliseIp(auditField(message, 'hostname'));
    return { time, findings: [finding(user, outcome, ip, method, service)] };
  };
}
