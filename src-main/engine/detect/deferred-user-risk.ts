import { riskValues, topRiskTerm } from '../../../src-shared/detect/assessor.js';
import { saveFreemanModel, type FreemanJson } from '../../../src-shared/detect/freeman-json.js';
import { FreemanModel, freemanFeatures, type FreemanOptions } from '../../../src-shared/detect/freeman.js';
import type { EventDictionaries } from '../store/detection-input.js';
import { batchLogin, type LoginColumns } from './batch-login.js';

/** The statistical risk of every login of a pass, and the index (into `freemanFeatures`) of its largest term. */
export interface PassUserRisk {
  risks: Float64Array;
  tops: Uint8Array;
  model: FreemanJson;
}

/**
 * The statistical risk (Freeman) of a causal pass, computed on another thread beside it. Of the pass it
 * needs only which logins it trusted enough to learn (see `teachesUserRisk`), so it runs a batch behind:
 * each batch's columns are kept until the pass has judged that batch, then scored and learned in the
 * same order, with the same model code, as the live assessor does one login at a time.
 */
export class DeferredUserRisk {
  private readonly model: FreemanModel;
  private readonly pending: LoginColumns[] = [];
  private readonly risks: Float64Array;
  private readonly tops: Uint8Array;
  private row = 0;
  private readonly terms = new Float64Array(freemanFeatures.length);
  private readonly ids = new Int32Array(freemanFeatures.length);

  constructor(
    options: FreemanOptions,
    limit: number,
    private readonly texts: readonly string[],
    private readonly dictionaries: EventDictionaries,
  ) {
    this.model = new FreemanModel(options);
    this.risks = new Float64Array(limit);
    this.tops = new Uint8Array(limit);
  }

  /** Keep a copy of a batch's columns until the pass has judged it. */
  keep(batch: LoginColumns): void {
    const count = batch.count;
    this.pending.push({
      count,
      ids: batch.ids.slice(0, count),
      times: batch.times.slice(0, count),
      successes: batch.successes.slice(0, count),
      asns: batch.asns.slice(0, count),
      places: batch.places.slice(0, count),
      clients: batch.clients.slice(0, count),
      users: batch.users.slice(0, count),
      ips: batch.ips.slice(0, count),
      networks: batch.networks.slice(0, count),
    });
  }

  /** Score the oldest kept batch, learning the logins `trusted` marks with 1. */
  judged(trusted: Uint8Array): void {
    const batch = this.pending.shift();
    if (!batch || trusted.length !== batch.count) throw new Error(`the pass judged ${trusted.length} logins of a batch of ${batch?.count ?? 0}`);
    const { model, terms, ids } = this;
    for (let index = 0; index < batch.count; index++) {
      const login = batchLogin(batch, index, this.texts, this.dictionaries);
      const values = riskValues(login);
      const row = this.row++;
      this.risks[row] = model.scoreTerms(login.user, values, terms, ids);
      this.tops[row] = topRiskTerm(terms);
      if (trusted[index] === 1) model.observe(login.user, values, ids);
    }
  }

  /** Logins scored so far. */
  get scored(): number {
    return this.row;
  }

  /** The risks of the logins scored, and the model as learned. */
  result(): PassUserRisk {
    return { risks: this.risks.subarray(0, this.row), tops: this.tops.subarray(0, this.row), model: saveFreemanModel(this.model) };
  }
}
