import { parentPort } from 'node:worker_threads';
import type { LoginScore } from '../../../src-shared/detect/login-score.js';
import type { DetectionLogin } from '../../../src-shared/detect/login.js';
import { RunIncidents, type IncidentSettings, type RecordedAlerts } from '../alerts/run-incidents.js';
import { createRunScoring, lockedVerdict, replayLogin, verdictRow, type LoginVerdict, type RunScoring } from '../response/run-scoring.js';
import type { LiveLogin } from '../live/live-types.js';
import { tuneForLiveWrites } from '../store/checkpoint.js';
import { openCase, type CaseDatabase } from '../store/database.js';
import { iterateDetectionLogins } from '../store/detection-input.js';
import { prepareScoreInsert } from '../store/scores.js';
import { WriteTurn } from '../store/write-turn.js';
import type { LiveScorerReply, LiveScorerRequest } from './live-scorer-protocol.js';
import { toWorkerError } from './protocol.js';

/**
 * The live scorer: the causal state, models and lockout of the case's latest run, on a thread and a
 * connection of its own, so the live worker stores the next batch while this one judges the last, stores
 * its scores and records its alerts in incidents. It replays the case's history through a run, then
 * scores logins as the live worker stores them.
 */
const port = parentPort;
if (!port) throw new Error('live-scorer-worker runs in a worker thread');
const send = (reply: LiveScorerReply): void => port.postMessage(reply);

/** Scores stored per transaction while a replay catches up. */
const backfillSlice = 5000;

let db: CaseDatabase | null = null;
/**
 * The loaded run, null until one is: `score` judges logins, stores their scores and records their alerts;
 * its incidents and the turns at writing take new incident settings.
 */
let loaded: { score: (logins: LiveLogin[]) => RecordedAlerts<LiveLogin>; incidents: RunIncidents; turn: WriteTurn } | null = null;

port.on('message', (request: LiveScorerRequest) => {
  try {
    if (request.type === 'score') score(request.logins);
    else if (request.type === 'load') load(request);
    else if (request.type === 'incidents') updateIncidents(request.settings);
    else {
      loaded = null;
      db?.close();
      db = null;
      send({ type: 'closed' });
    }
  } catch (error) {
    send({ type: 'error', error: toWorkerError(error) });
  }
});

function score(logins: LiveLogin[]): void {
  if (!loaded) return send({ type: 'scored', count: 0, alerts: [] });
  try {
    send({ type: 'scored', count: logins.length, ...loaded.score(logins) });
  } catch (error) {
    // The state has learned them; their scores come back when the run is next loaded (its backfill).
    send({ type: 'scored', count: 0, alerts: [], failure: `cannot store live scores: ${(error as Error).message}` });
  }
}

function updateIncidents(settings: IncidentSettings): void {
  if (!loaded) return;
  const { incidents, turn } = loaded;
  try {
    turn.hold(() => incidents.update(settings));
  } catch (error) {
    send({ type: 'failed', reason: `cannot group alerts into incidents: ${(error as Error).message}` });
  }
}

function load({ casePath, run, upTo, scoredUpTo, actor, turn: turnBuffer, incidents: incidentSettings }: Extract<LiveScorerRequest, { type: 'load' }>): void {
  const turn = new WriteTurn(turnBuffer);
  loaded = null;
  db ??= openScoringConnection(casePath);
  const connection = db;
  let state: RunScoring;
  try {
    state = createRunScoring(connection, run, { actor });
  } catch (error) {
    send({ type: 'unloadable', runId: run.id, reason: `run #${run.id} cannot score: ${(error as Error).message}` });
    return;
  }
  // The run's stored alerts are grouped first; every alert scored from here on joins those incidents.
  let incidents: RunIncidents;
  try {
    incidents = turn.hold(() => new RunIncidents(connection, run.id, incidentSettings));
  } catch (error) {
    send({ type: 'unloadable', runId: run.id, reason: `cannot group run #${run.id}'s alerts into incidents: ${(error as Error).message}` });
    return;
  }
  const insertScore = prepareScoreInsert(connection);
  // `reasons`: each verdict's reasons as stored, written out before the turn is taken (both threads wait for it).
  const storeAndRecord = <Login extends DetectionLogin>(batch: Login[], batchVerdicts: LoginVerdict[], reasons: string[]): RecordedAlerts<Login> => {
    batch.forEach((login, index) => insertScore(verdictRow(run.id, login.id, batchVerdicts[index], reasons[index])));
    return incidents.record(batch, batchVerdicts);
  };
  // IMMEDIATE: another connection's write makes this one wait (busy timeout) instead of failing it.
  const storeBackfill = connection.transaction(storeAndRecord).immediate;
  let logins: DetectionLogin[] = [];
  let verdicts: LoginVerdict[] = [];
  let reasons: string[] = [];
  const backfill = (): void => {
    const { failure } = turn.hold(() => storeBackfill(logins, verdicts, reasons));
    if (failure) send({ type: 'failed', reason: failure });
    logins = [];
    verdicts = [];
    reasons = [];
  };
  const reader = openCase(casePath, { readonly: true });
  try {
    for (const login of iterateDetectionLogins(reader)) {
      // Stored after the live worker asked: those come to be scored as live logins.
      if (login.id > upTo) continue;
      const score = replayLogin(state, login);
      if (login.id <= scoredUpTo) continue;
      logins.push(login);
      verdicts.push(lockedVerdict(score, null));
      reasons.push(JSON.stringify(score.reasons));
      if (verdicts.length >= backfillSlice) backfill();
    }
    if (verdicts.length > 0) backfill();
  } catch (error) {
    send({ type: 'unloadable', runId: run.id, reason: `replaying the case through run #${run.id} failed: ${(error as Error).message}` });
    return;
  } finally {
    reader.close();
  }
  // Judged outside the transaction, so the write lock is held only to lock accounts and store, in turns with the live worker.
  const storeVerdicts = connection.transaction((batch: LiveLogin[], judged: LoginScore[], judgedReasons: string[]) => {
    const batchVerdicts = batch.map((login, index) => {
      const verdict = lockedVerdict(judged[index], state.lockout.apply(login.user, login.time, login.success));
      // A lock puts its own reason first.
      if (verdict.lock) judgedReasons[index] = JSON.stringify(verdict.reasons);
      return verdict;
    });
    return storeAndRecord(batch, batchVerdicts, judgedReasons);
  }).immediate;
  const score = (batch: LiveLogin[]): RecordedAlerts<LiveLogin> => {
    const judged = batch.map((login) => state.scorer.scoreOne(login));
    const judgedReasons = judged.map((one) => JSON.stringify(one.reasons));
    return turn.hold(() => storeVerdicts(batch, judged, judgedReasons));
  };
  loaded = { score, incidents, turn };
  send({ type: 'loaded', runId: run.id });
}

/** This thread's connection: it inserts scores above 'low' at random places of the risk index (see `tuneForLiveWrites`). */
function openScoringConnection(casePath: string): CaseDatabase {
  const connection = openCase(casePath);
  tuneForLiveWrites(connection, 128);
  return connection;
}
