import { parentPort } from 'node:worker_threads';
import type { LoginScore } from '../../../src-shared/detect/login-score.js';
import type { LoginScorer } from '../../../src-shared/detect/login-scorer.js';
import type { DetectionLogin } from '../../../src-shared/detect/login.js';
import { createRunScorer } from '../detect/live-scorer.js';
import { RecentFailures } from '../response/recent-failures.js';
import { lockoutWindowMs } from '../response/run-scoring.js';
import { openCase } from '../store/database.js';
import { iterateDetectionLogins } from '../store/detection-input.js';
import { backfillSlice, type LiveScorerReply, type LiveScorerRequest } from './live-scorer-protocol.js';
import { toWorkerError } from './protocol.js';

/**
 * The live scorer: the causal state and models of the case's latest run, on a thread of its own, so the
 * live worker stores the next batch while this one judges the last. It replays the case's history
 * through a run (its own read-only connection), then scores logins as the live worker stores them.
 */
const port = parentPort;
if (!port) throw new Error('live-scorer-worker runs in a worker thread');
const send = (reply: LiveScorerReply): void => port.postMessage(reply);
let scorer: LoginScorer | null = null;

port.on('message', (request: LiveScorerRequest) => {
  try {
    if (request.type === 'score') send({ type: 'scored', scores: scorer ? request.logins.map((login) => (scorer as LoginScorer).scoreOne(login)) : null });
    else load(request);
  } catch (error) {
    send({ type: 'error', error: toWorkerError(error) });
  }
});

function load({ casePath, run, upTo, scoredUpTo }: Extract<LiveScorerRequest, { type: 'load' }>): void {
  scorer = null;
  let fresh: LoginScorer;
  try {
    fresh = createRunScorer(run);
  } catch (error) {
    send({ type: 'unloadable', runId: run.id, reason: `run #${run.id} cannot score: ${(error as Error).message}` });
    return;
  }
  const failures = new RecentFailures(lockoutWindowMs(run));
  let logins: DetectionLogin[] = [];
  let scores: LoginScore[] = [];
  const reader = openCase(casePath, { readonly: true });
  try {
    for (const login of iterateDetectionLogins(reader)) {
      // Stored after the live worker asked: those come to be scored as live logins.
      if (login.id > upTo) continue;
      const score = fresh.scoreOne(login);
      failures.count(login.user, login.time, login.success);
      if (login.id <= scoredUpTo) continue;
      logins.push(login);
      scores.push(score);
      if (scores.length >= backfillSlice) {
        send({ type: 'backfill', runId: run.id, logins, scores });
        logins = [];
        scores = [];
      }
    }
  } catch (error) {
    send({ type: 'unloadable', runId: run.id, reason: `replaying the case through run #${run.id} failed: ${(error as Error).message}` });
    return;
  } finally {
    reader.close();
  }
  if (scores.length > 0) send({ type: 'backfill', runId: run.id, logins, scores });
  scorer = fresh;
  send({ type: 'loaded', runId: run.id, failures: failures.entries() });
}
