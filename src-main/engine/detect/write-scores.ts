import { decisions, riskLevels } from '../../../src-shared/detect/ensemble.js';
import type { CaseDatabase } from '../store/database.js';
import { bulkWriteScores } from '../store/score-bulk.js';
import { verdictComponents, type PassVerdicts } from './pass-verdicts.js';

export type { StoredReason } from '../../../src-shared/detect/login-score.js';

const progressRows = 50_000;
/** What `JSON.stringify` gives for a score without reasons (most of them), without calling it. */
const noReasons = '[]';

/** Store the verdicts of a pass (rows of `eventIds`) as a run's scores, in one transaction. */
export function writeScores(db: CaseDatabase, runId: number, eventIds: Float64Array, verdicts: PassVerdicts, onProgress: (done: number) => void): void {
  const { components } = verdicts;
  bulkWriteScores(db, runId, (add) => {
    for (let row = 0; row < verdicts.count; row++) {
      const reasons = verdicts.reasons.get(row);
      const at = row * verdictComponents.length;
      add(
        eventIds[row],
        verdicts.risk[row],
        riskLevels[verdicts.level[row]],
        decisions[verdicts.decision[row]],
        components[at],
        components[at + 1],
        components[at + 2],
        components[at + 3],
        reasons ? JSON.stringify(reasons) : noReasons,
      );
      if ((row + 1) % progressRows === 0) onProgress(row + 1);
    }
  });
  onProgress(verdicts.count);
}
