import type { CaseDatabase } from '../store/database.js';
import { latestModelRun, listModelRuns, type ModelRunRow } from '../store/scores.js';

/** The run numbered `run`, or the newest complete one when it is undefined; throws when there is none. */
export function chooseRun(db: CaseDatabase, run: string | number | undefined): Pick<ModelRunRow, 'id' | 'status' | 'metrics'> {
  if (run === undefined) {
    const latest = latestModelRun(db);
    if (!latest) throw new Error("the case has no complete run yet: train one with 'vigil train --case C'");
    return latest;
  }
  const id = Number(run);
  const found = listModelRuns(db).find((candidate) => candidate.id === id);
  if (!found) throw new Error(`the case has no run #${run}`);
  if (found.status !== 'complete') throw new Error(`run #${run} is ${found.status}, not complete`);
  return found;
}
