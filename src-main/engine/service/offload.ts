import type { RunEvaluation } from '../../../src-shared/api.js';
import { evaluateRisks } from '../../../src-shared/evaluation/evaluate-risks.js';
import { deriveIncidents } from '../alerts/derive-incidents.js';
import type { CaseDatabase } from '../store/database.js';
import { modelRunById } from '../store/queries/model-runs.js';
import { loadLabelledRisks } from '../store/queries/run-scores.js';
import { deriveIncidentsInWorker, evaluateInWorker } from '../workers/run-training.js';

/**
 * Runs with at most this many scores are evaluated and grouped on the caller's thread: that takes a few
 * tens of milliseconds, less than starting a worker. Larger ones (a million scores take seconds) go to a
 * worker, so the Electron main thread and the server never stall.
 */
export const inProcessLimit = 200_000;

/** A run measured against the case's labels. */
export async function evaluateRun(db: CaseDatabase, casePath: string, runId: number): Promise<RunEvaluation> {
  if (!small(db, runId)) return evaluateInWorker(casePath, runId);
  const { risks, codes, labels } = loadLabelledRisks(db, runId);
  return evaluateRisks(runId, risks, codes, labels);
}

/** Group a run's alerts at `threshold` into incidents; resolves to how many there are. */
export async function groupRunAlerts(db: CaseDatabase, casePath: string, runId: number, threshold: number): Promise<number> {
  return small(db, runId) ? deriveIncidents(db, runId, threshold) : deriveIncidentsInWorker(casePath, runId, threshold);
}

function small(db: CaseDatabase, runId: number): boolean {
  return (modelRunById(db, runId)?.events ?? 0) <= inProcessLimit;
}
