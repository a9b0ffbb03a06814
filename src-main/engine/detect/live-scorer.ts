import { LoginAssessor } from '../../../src-shared/detect/assessor.js';
import { FreemanModel } from '../../../src-shared/detect/freeman.js';
import { LoginScorer } from '../../../src-shared/detect/login-scorer.js';
import type { ModelRunRow } from '../store/scores.js';
import { restoreTrainedModels, runSettings } from './trained-models.js';

/**
 * A scorer with a run's trained models and settings and a fresh causal state: feed it the case's logins
 * in time order (`scoreOne` each) to bring it to the present, then the new ones as they arrive. Fed the
 * same logins, it gives the risk the batch run stored for every one of them.
 */
export function createRunScorer(run: Pick<ModelRunRow, 'models' | 'parameters'>): LoginScorer {
  const settings = runSettings(run);
  const models = restoreTrainedModels(run);
  const assessor = new LoginAssessor(settings, models.freeman ? new FreemanModel({ attacker: settings.freemanAttacker }) : null);
  return new LoginScorer(assessor, models, settings);
}
