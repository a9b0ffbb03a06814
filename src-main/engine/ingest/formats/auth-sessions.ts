/**
 * Per-process memory of the matchers, so that one authentication attempt that several lines describe
 * is counted once (keyed by host, program and pid: one sshd or su process is one connection or attempt).
 */

/** What has been seen of one process (an sshd connection, a su invocation). */
export interface AuthSession {
  /** Client address or name from any line of the connection. */
  ip: string | null;
  /** User named before any attempt was counted (invalid user, not allowed, publickey offers). */
  user: string | null;
  /** Method of that declaration ('none', 'publickey', …). */
  method: string | null;
  /** Attempts already counted as events. */
  attempts: number;
  accepted: boolean;
  /** `error: PAM:` failures counted whose `Failed keyboard-interactive` line is still to come. */
  pamErrors: number;
  /** The connection has ended (its later lines add nothing). */
  closed: boolean;
  /** su: a success / a failure was already counted for this invocation. */
  successCounted: boolean;
  failureCounted: boolean;
}

/** A bounded table of sessions; the oldest are forgotten first. */
export interface SessionTable {
  /** The session of a key, created when missing. */
  open(key: string): AuthSession;
  find(key: string): AuthSession | undefined;
  /** Forget a session and start a fresh one under the same key (a reused pid). */
  restart(key: string): AuthSession;
}

function emptySession(): AuthSession {
  return { ip: null, user: null, method: null, attempts: 0, accepted: false, pamErrors: 0, closed: false, successCounted: false, failureCounted: false };
}

/**
 * A table that keeps at most `limit` sessions (Map order is insertion order: the oldest go first). When
 * full, the oldest tenth goes at once: V8 keeps a deleted entry's slot until the table is rebuilt, so
 * taking the first key after each single deletion walked every slot deleted before it (400,000 new
 * sessions through a full table: 8.2 s one at a time, 0.3 s a tenth at a time).
 */
export function createSessionTable(limit = 50_000): SessionTable {
  const sessions = new Map<string, AuthSession>();
  const evicted = Math.max(1, Math.ceil(limit / 10));
  const insert = (key: string): AuthSession => {
    if (sessions.size >= limit) {
      let left = evicted;
      for (const oldest of sessions.keys()) {
        sessions.delete(oldest);
        if (--left === 0) break;
      }
    }
    const session = emptySession();
    sessions.set(key, session);
    return session;
  };
  return {
    open: (key) => sessions.get(key) ?? insert(key),
    find: (key) => sessions.get(key),
    restart: (key) => {
      sessions.delete(key);
      return insert(key);
    },
  };
}

/** The session key of a process, or null when the line names no pid (then lines cannot be grouped). */
export function sessionKey(host: string | null, program: string, pid: string | null): string | null {
  return pid === null ? null : `${host ?? ''}\u0000${program}\u0000${pid}`;
}
