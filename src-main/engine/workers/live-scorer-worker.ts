import { parentPort } from 'node:worker_threads';
import type { LoginScore } from '../../../src-shared/detect/login-score.js';
import type { DetectionLogin } from '../../../src-shared/detect/login.js';
import { createRunScoring, lockedVerdict, replayLogin, verdictRow, type LoginVerdict, type RunScoring } from '../response/run-scoring.js';
import { tuneForLiveWrites } from '../store/checkpoint.js';
import { openCase, type CaseDatabase } from '../store/database.js';
import { iterateDetectionLogins } from '../store/detection-input.js';
import { prepareScoreInsert } from '../store/scores.js';
import { WriteTurn } from '../store/write-turn.js';
import { backfillSlice, type LiveScorerReply, type LiveScorerRequest } from './live-scorer-protocol.js';
import { toWorkerError } from './protocol.js';

/**
 * The live scorer: the causal state, models and lockout of the case's latest run, on a thread and a
 * connection of its own, so the live worker stores the next batch while this one judges the last and
 * stores its scores. It replays the case's history through a run, then scores logins as the live
 * worker stores them.
 */
const port = parentPort;
if (!port) throw new Error('live-scorer-worker runs in a worker thread');
const send = (reply: LiveScorerReply): void => port.postMessage(reply);
let db: CaseDatabase | null = null;
/** Judges logins with the loaded run and stores their scores; null until a run is loaded. */
let scoring: ((logins: DetectionLogin[]) => LoginVerdict[]) | null = null;

port.on('message', (request: LiveScorerRequest) => {
  try {
    if (request.type === 'score') score(request.logins);
    else if (request.type === 'load') load(request);
    else {
      scoring = null;
      db?.close();
      db = null;
      send({ type: 'closed' });
    }
  } catch (error) {
    send({ type: 'error', error: toWorkerError(error) });
  }
});

function score(logins: DetectionLogin[]): void {
  if (!scoring) return send({ type: 'scored', verdicts: null });
  try {
    send({ type: 'scored', verdicts: scoring(logins) });
  } catch (error) {
    // The state has learned them; their scores come back when the run is next loaded (its backfill).
    send({ type: 'scored', verdicts: null, failure: `cannot store live scores: ${(error as Error).message}` });
  }
}

function load({ casePath, run, upTo, scoredUpTo, actor, turn: turnBuffer }: Extract<LiveScorerRequest, { type: 'load' }>): void {
  const turn = new WriteTurn(turnBuffer);
  scoring = null;
  db ??= openScoringConnection(casePath);
  const connection = db;
  let state: RunScoring;
  try {
    state = createRunScoring(connection, run, { actor });
  } catch (error) {
    send({ type: 'unloadable', runId: run.id, reason: `run #${run.id} cannot score: ${(error as Error).message}` });
    return;
  }
  const insertScore = prepareScoreInsert(connection);
  const storeScores = connection.transaction((logins: DetectionLogin[], scores: LoginScore[]) => {
    logins.forEach((login, index) => insertScore(verdictRow(run.id, login.id, lockedVerdict(scores[index], null))));
  }).immediate;
  let logins: DetectionLogin[] = [];
  let scores: LoginScore[] = [];
  const backfill = (): void => {
    turn.hold(() => storeScores(logins, scores));
    send({ type: 'backfill', runId: run.id, logins, scores });
    logins = [];
    scores = [];
  };
  const reader = openCase(casePath, { readonly: true });
  try {
    for (const login of iterateDetectionLogins(reader)) {
      // Stored after the live worker asked: those come to be scored as live logins.
      if (login.id > upTo) continue;
      const score = replayLogin(state, login);
      if (login.id <= scoredUpTo) continue;
      logins.push(login);
      scores.push(score);
      if (scores.length >= backfillSlice) backfill();
    }
    if (scores.length > 0) backfill();
  } catch (error) {
    send({ type: 'unloadable', runId: run.id, reason: `replaying the case through run #${run.id} failed: ${(error as Error).message}` });
    return;
  } finally {
    reader.close();
  }
  // Judged outside the transaction, so the write lock is held only to store, in turns with the live worker;
  // IMMEDIATE: another connection's write makes this one wait (busy timeout) instead of failing it.
  const storeVerdicts = connection.transaction((batch: DetectionLogin[], judged: LoginScore[]) =>
    batch.map((login, index) => {
      const verdict = lockedVerdict(judged[index], state.lockout.apply(login.user, login.time, login.success));
      insertScore(verdictRow(run.id, login.id, verdict));
      return verdict;
    }),
  ).immediate;
  scoring = (batch) => {
    const judged = batch.map((login) => state.scorer.scoreOne(login));
    return turn.hold(() => storeVerdicts(batch, judged));
  };
  send({ type: 'loaded', runId: run.id });
}

/** This thread's connection: it inserts scores above 'low' at random places of the risk index (see `tuneForLiveWrites`). */
function openScoringConnection(casePath: string): CaseDatabase {
  const connection = openCase(casePath);
  tuneForLiveWrites(connection, 128);
  return connection;
}
