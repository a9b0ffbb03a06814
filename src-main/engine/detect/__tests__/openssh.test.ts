import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../ingest/importer.js';
import { openCase, type CaseDatabase } from '../../store/database.js';
import { iterateDetectionLogins } from '../../store/detection-input.js';
import { loadRunScores } from '../../store/run-evaluation.js';
import type { StoredReason } from '../write-scores.js';
import { runDetection } from '../run-detection.js';

// A real sshd log (loghub): a lab server under internet brute force, with one accepted password.
const log = new URL('../../../../../shared/data/loghub/OpenSSH_2k.log', import.meta.url).pathname;
const windowMs = 10 * 60_000;

interface Scored {
  time: number;
  user: string;
  ip: string | null;
  success: boolean;
  level: string;
  reasons: StoredReason[];
}

/** Addresses with at least `count` failures within some window of `windowMs`. */
function burstAddresses(events: Scored[], count: number): string[] {
  const failures = new Map<string, number[]>();
  for (const event of events) if (!event.success && event.ip) failures.set(event.ip, [...(failures.get(event.ip) ?? []), event.time]);
  const found: string[] = [];
  for (const [ip, times] of failures) {
    let start = 0;
    for (let end = 0; end < times.length; end++) {
      while (times[end] - times[start] > windowMs) start++;
      if (end - start + 1 >= count) {
        found.push(ip);
        break;
      }
    }
  }
  return found;
}

describe.skipIf(!existsSync(log))('OpenSSH_2k (loghub)', () => {
  let directory: string;
  let db: CaseDatabase;
  let events: Scored[];

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'vigil-openssh-'));
    db = openCase(join(directory, 'case.vigil'));
    // Classic syslog stamps carry no year or zone: state both.
    await importFile(db, log, { format: 'authlog', year: 2015, timeZone: 'UTC', actor: 'test' });
    const run = await runDetection(db, { seed: 1, models: { autoencoder: false } });
    const scores = new Map(loadRunScores(db, run.runId).map((score) => [score.event_id, score]));
    events = [...iterateDetectionLogins(db)].map((login) => {
      const score = scores.get(login.id);
      if (!score) throw new Error(`event ${login.id} has no score`);
      return { time: login.time, user: login.user, ip: login.ip, success: login.success, level: score.level, reasons: JSON.parse(score.reasons) as StoredReason[] };
    });
  });
  afterAll(() => {
    db.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('flags every address with ten failures in ten minutes as brute force, at high level or above, naming it', () => {
    const addresses = burstAddresses(events, 10);
    expect(addresses.length).toBeGreaterThanOrEqual(5);
    for (const ip of addresses) {
      const flagged = events.filter(
        (event) => event.ip === ip && (event.level === 'high' || event.level === 'critical') && event.reasons.some((reason) => reason.rule === 'brute_force' && reason.reason.includes(ip)),
      );
      expect(flagged.length, ip).toBeGreaterThan(0);
    }
  });

  it('scores the one accepted password and explains it', () => {
    const accepted = events.filter((event) => event.success);
    expect(accepted).toHaveLength(1);
    const [login] = accepted;
    expect(login.user).toBe('fztu');
    expect(login.reasons.length).toBeGreaterThan(0);
    const stuffing = login.reasons.find((reason) => reason.rule === 'credential_stuffing');
    expect(stuffing?.reason).toMatch(/^success for fztu from 119\.137\.62\.142 during a campaign \(\d+ failures for unknown names from \d+ networks in 60 min\): fztu never logged in before/);
  });
});
