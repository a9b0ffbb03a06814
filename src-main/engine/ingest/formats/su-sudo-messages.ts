/**
 * su and sudo's own messages → login attempts.
 *
 * The user of an event is the account whose credentials were checked: for sudo the invoking user
 * (sudo asks for her own password), for su the target account (su asks for its password).
 * - sudo `alice : TTY=pts/0 ; PWD=… ; USER=root ; COMMAND=…` → success (method 'sudo'). Failures come from
 *   the per-attempt `pam_unix(sudo:auth): authentication failure` lines; sudo's summary
 *   `3 incorrect password attempts` is not counted again, and `NOT in sudoers` is an authorisation
 *   refusal after a correct password, not a failed authentication.
 * - su `Successful su for X by Y`, `(to X) Y on tty` → success; `FAILED su for X by Y`,
 *   `FAILED SU (to X) Y on tty` → failure; at most one of each per su process (PAM logs the same attempt).
 */
import { finding, type AuthFinding, type AuthSource } from './auth-source.js';
import type { SessionTable } from './auth-sessions.js';
import { firstOfProcess } from './pam-messages.js';

const sudoCommandPattern = /^\s*(\S+) : (?:TTY|PWD|HOST)=.*COMMAND=/;
const suSuccessPatterns = [/^Successful su for (\S+) by (\S+)/, /^\(to (\S+)\) (\S+) on /];
const suFailurePatterns = [/^FAILED su for (\S+) by (\S+)/i, /^FAILED SU \(to (\S+)\) (\S+) on /];

/** Findings of a sudo message, or null when it is none of sudo's login lines. */
export function matchSudoMessage(message: string): AuthFinding[] | null {
  const command = sudoCommandPattern.exec(message);
  if (command) return [finding(command[1], 'success', null, 'sudo', 'sudo')];
  return null;
}

/** Findings of a su message, or null when it is none of su's login lines. */
export function matchSuMessage(source: AuthSource, message: string, sessions: SessionTable): AuthFinding[] | null {
  for (const pattern of suSuccessPatterns) {
    const match = pattern.exec(message);
    if (match) return firstOfProcess(source, sessions, 'success') ? [finding(match[1], 'success', null, 'su', 'su')] : [];
  }
  for (const pattern of suFailurePatterns) {
    const match = pattern.exec(message);
    if (match) return firstOfProcess(source, sessions, 'failure') ? [finding(match[1], 'failure', null, 'su', 'su')] : [];
  }
  return null;
}
