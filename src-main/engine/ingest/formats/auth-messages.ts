/**
 * The one matcher of authentication messages that every line format (auth.log, syslog, journal) uses,
 * so all of them find the same logins in the same messages. It keeps per-process memory, so create
 * one per source and feed it the source's lines in order.
 */
import { isSshd, type AuthFinding, type AuthMatcher, type AuthSource } from './auth-source.js';
import { createSessionTable } from './auth-sessions.js';
import { createDovecotMatcher, isDovecot } from './dovecot-messages.js';
import { matchPamMessage } from './pam-messages.js';
import { matchSshdMessage } from './sshd-messages.js';
import { matchSuMessage, matchSudoMessage } from './su-sudo-messages.js';

/** Solaris adds `[ID 800047 auth.info] `; some journals carry a kernel timestamp before the text. */
const noisePrefix = /^(?:\[ID \d+ [\w.]+\] |kernel: ?\[\s*\d+\.\d+\]:? ?)/;
/** rsyslog's de-duplication: the previous message N more times. */
const repeatedPattern = /^message repeated (\d+) times?: \[ ?(.*?) ?\]$/;

/** A matcher with fresh memory, for one source. */
export function createAuthMatcher(): AuthMatcher {
  const sessions = createSessionTable();
  const dovecot = createDovecotMatcher();

  const matchOne = (source: AuthSource, message: string): AuthFinding[] => {
    const legacyPam = source.module?.startsWith('pam_') ?? false;
    let found: AuthFinding[] | null = null;
    if (!legacyPam) {
      if (isSshd(source.program)) found = matchSshdMessage(source, message, sessions);
      else if (source.program === 'sudo') found = matchSudoMessage(message);
      else if (source.program === 'su' || source.program === 'su-l') found = matchSuMessage(source, message, sessions);
      else if (isDovecot(source.program) || message.includes('-login: ')) found = dovecot.match(source, message);
    }
    return found ?? matchPamMessage(source, message, sessions, dovecot.noteAttempt) ?? [];
  };

  return (source: AuthSource): AuthFinding[] => {
    const message = source.message.replace(noisePrefix, '');
    const repeated = message.startsWith('message repeated') ? repeatedPattern.exec(message) : null;
    if (!repeated) return matchOne(source, message);
    const times = Number(repeated[1]);
    return matchOne(source, repeated[2]).map((found) => ({ ...found, count: found.count * times }));
  };
}
