import { LoginAssessor, teachesUserRisk } from '../../../src-shared/detect/assessor.js';
import type { FreemanModel } from '../../../src-shared/detect/freeman.js';
import { featureCount } from '../../../src-shared/detect/features.js';
import type { Matrix } from '../../../src-shared/detect/isolation-forest.js';
import type { DetectionLogin } from '../../../src-shared/detect/login.js';
import type { Finding } from '../../../src-shared/detect/rules.js';
import type { DetectionSettings } from './settings.js';

/** What one causal pass over the case produces, in event time order, as flat arrays. */
export interface AssessmentPass {
  count: number;
  eventIds: Float64Array;
  times: Float64Array;
  /** Rows × featureCount. */
  features: Matrix;
  /** Combined rule severity per event (0..1). */
  rules: Float64Array;
  /** Findings of the events that have any, by row. */
  findings: Map<number, Finding[]>;
  userRisk: Float64Array;
  /** The largest statistical-risk term of each row ('' when none). */
  userRiskTop: string[];
  assessor: LoginAssessor;
}

/**
 * Judge every login on what came before it, then learn from it: the causal pass of batch detection.
 * Logins come in batches, in time order: one batch, or batches another thread reads while these are judged.
 * The statistical risk is computed here with `userRisk`, or elsewhere with `judged`: after each batch, it
 * gets which of the batch's logins the risk model should learn (see `teachesUserRisk`).
 */
export async function runAssessmentPass(
  batches: AsyncIterable<Iterable<DetectionLogin>> | Iterable<Iterable<DetectionLogin>>,
  count: number,
  settings: DetectionSettings,
  userRisk: FreemanModel | null,
  onProgress: (done: number) => void = () => undefined,
  judged?: (trusted: Uint8Array) => void,
): Promise<AssessmentPass> {
  const assessor = new LoginAssessor(settings, userRisk);
  const eventIds = new Float64Array(count);
  const times = new Float64Array(count);
  // Shared, so other threads can score the rows in place (see `forestScoresInWorker`).
  const values = new Float64Array(new SharedArrayBuffer(count * featureCount * Float64Array.BYTES_PER_ELEMENT));
  const rules = new Float64Array(count);
  const risks = new Float64Array(count);
  const userRiskTop: string[] = new Array<string>(count).fill('');
  const findings = new Map<number, Finding[]>();
  const trusted = judged ? new Uint8Array(count) : null;
  let row = 0;
  // A batch at a time, synchronously: between batches the reader may hand over the next one.
  const assessBatch = (logins: Iterable<DetectionLogin>): void => {
    for (const login of logins) {
      if (row >= count) return;
      const assessment = assessor.assess(login);
      assessor.learn(login, assessment);
      eventIds[row] = login.id;
      times[row] = login.time;
      // A loop, not values.set: for 23 numbers the typed-array call costs more than the copy.
      const features = assessment.features;
      const offset = row * featureCount;
      for (let column = 0; column < featureCount; column++) values[offset + column] = features[column];
      rules[row] = assessment.rules;
      if (assessment.findings.length > 0) findings.set(row, assessment.findings);
      if (trusted && teachesUserRisk(login, assessment, settings.quarantineAt)) trusted[row] = 1;
      risks[row] = assessment.userRisk;
      if (assessment.userRiskTop) userRiskTop[row] = assessment.userRiskTop.feature;
      row++;
      if ((row & 0xffff) === 0) onProgress(row);
    }
  };
  for await (const logins of batches) {
    const first = row;
    assessBatch(logins);
    if (trusted && judged) judged(trusted.slice(first, row));
    if (row >= count) break;
  }
  onProgress(row);
  return {
    count: row,
    eventIds: eventIds.subarray(0, row),
    times: times.subarray(0, row),
    features: { values: values.subarray(0, row * featureCount), rows: row, columns: featureCount },
    rules: rules.subarray(0, row),
    findings,
    userRisk: risks.subarray(0, row),
    userRiskTop,
    assessor,
  };
}
