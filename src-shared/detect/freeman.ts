/**
 * Statistical login risk after Freeman et al., "Who Are You? A Statistical Approach to Measuring User
 * Authenticity" (NDSS 2016). For a login with feature values x_k,
 *
 *   risk = Σ_k log( p(x_k | attack) / p(x_k | user) )
 *
 * Global distribution, smoothed with one unseen bucket (n logins with the feature, V distinct values):
 *   p(x) = (count(x) + 1) / (n + V + 1)             (an unseen x gets 1 / (n + V + 1))
 * Per user, backed off to the global distribution with weight α (`smoothing`, default 1):
 *   p(x | u) = (count_u(x) + α·p(x)) / (n_u + α)
 * Attacker side (`attacker`): 'global' (default) takes p(x | attack) = p(x), the paper's approximation that
 * an attacker looks like the population, so a value the user never used costs log((n_u + α)/α) however
 * common it is; 'uniform' takes p(x | attack) = 1/(V + 1), which also makes globally rare values riskier.
 * A user seen for the first time scores 0 under 'global' (nothing to compare with). Natural logs.
 * Features absent from a login (null, undefined, '') add nothing and are not learned.
 * Causal: `score` a login, then `observe` it.
 */
import { UserCounts } from './freeman-user-counts.js';

/** The login attributes the model compares. */
export const freemanFeatures = ['ip', 'network', 'asn', 'country', 'browser', 'os', 'deviceType'] as const;

/** One of `freemanFeatures`. */
export type FreemanFeature = (typeof freemanFeatures)[number];

/** A login's attribute values; numbers (ASN) are compared as their decimal text. */
export type FreemanLogin = Partial<Record<FreemanFeature, string | number | null>>;

/** A login's risk and its explanation: the per-feature terms, which sum to `total`. */
export interface FreemanScore {
  total: number;
  perFeature: Record<FreemanFeature, number>;
}

/** Model settings. */
export interface FreemanOptions {
  /** α: how many pseudo-logins of global behaviour each user's history starts with. Default 1. */
  smoothing?: number;
  /** p(x | attack): the global distribution (default) or uniform over the values seen. */
  attacker?: 'global' | 'uniform';
}

/** The incremental per-user model. Value ids are global across features, in order of first sight. */
export class FreemanModel {
  readonly smoothing: number;
  readonly attacker: 'global' | 'uniform';
  /** Per feature: value → id. */
  readonly valueIds: Map<string, number>[] = freemanFeatures.map(() => new Map());
  /** Per value id: logins seen with it. */
  readonly valueCounts: number[] = [];
  /** Per feature: logins seen with any value. */
  readonly featureTotals: number[] = freemanFeatures.map(() => 0);
  readonly users = new Map<string, UserCounts>();

  constructor(options: FreemanOptions = {}) {
    this.smoothing = options.smoothing ?? 1;
    this.attacker = options.attacker ?? 'global';
    if (!(this.smoothing > 0)) throw new Error('Freeman smoothing must be positive.');
  }

  /** Risk of `login` for `user` given everything observed so far (does not learn it). */
  score(user: string, login: FreemanLogin): FreemanScore {
    const terms = new Float64Array(freemanFeatures.length);
    const total = this.scoreTerms(user, login, terms);
    const perFeature = {} as Record<FreemanFeature, number>;
    for (let feature = 0; feature < freemanFeatures.length; feature++) perFeature[freemanFeatures[feature]] = terms[feature];
    return { total, perFeature };
  }

  /**
   * `score` without allocating: each feature's term into `terms` (in `freemanFeatures` order), the total
   * returned. For the causal pass, which scores every login of a case. With `ids`, each feature's value
   * id goes there (-1 when absent or never seen), for `observe` of the same login.
   */
  scoreTerms(user: string, login: FreemanLogin, terms: Float64Array, ids?: Int32Array): number {
    const counts = this.users.get(user);
    let total = 0;
    for (let feature = 0; feature < freemanFeatures.length; feature++) {
      const value = valueText(login[freemanFeatures[feature]]);
      let term = 0;
      if (ids) ids[feature] = -1;
      if (value !== null) {
        const id = this.valueIds[feature].get(value);
        if (ids && id !== undefined) ids[feature] = id;
        const global = this.globalProbability(feature, id);
        const userTotal = counts ? counts.total(feature) : 0;
        const userCount = counts && id !== undefined ? counts.count(id) : 0;
        const personal = (userCount + this.smoothing * global) / (userTotal + this.smoothing);
        const attack = this.attacker === 'global' ? global : 1 / (this.valueIds[feature].size + 1);
        term = Math.log(attack / personal);
      }
      terms[feature] = term;
      total += term;
    }
    return total;
  }

  /**
   * Learn `login` as a legitimate login of `user`. `ids`, from `scoreTerms` of this same login, spare
   * looking its values up again (a value id never changes once given).
   */
  observe(user: string, login: FreemanLogin, ids?: Int32Array): void {
    let counts = this.users.get(user);
    if (!counts) {
      counts = new UserCounts(freemanFeatures.length);
      this.users.set(user, counts);
    }
    for (let feature = 0; feature < freemanFeatures.length; feature++) {
      const value = valueText(login[freemanFeatures[feature]]);
      if (value === null) continue;
      let id = ids && ids[feature] >= 0 ? ids[feature] : this.valueIds[feature].get(value);
      if (id === undefined) {
        id = this.valueCounts.length;
        this.valueIds[feature].set(value, id);
        this.valueCounts.push(0);
      }
      this.valueCounts[id]++;
      this.featureTotals[feature]++;
      counts.add(feature, id);
    }
  }

  /** p(x) for a value id of `feature` (undefined = never seen), with the unseen bucket. */
  globalProbability(feature: number, id: number | undefined): number {
    const count = id === undefined ? 0 : this.valueCounts[id];
    return (count + 1) / (this.featureTotals[feature] + this.valueIds[feature].size + 1);
  }
}

/** Decimal texts of numbers (ASNs: a few thousand, each seen many times), so a login does not make a new string. */
const numberTexts = new Map<number, string>();
const numberTextLimit = 100_000;

function valueText(value: string | number | null | undefined): string | null {
  if (value === null || value === undefined || value === '' || Number.isNaN(value)) return null;
  if (typeof value !== 'number') return value;
  let text = numberTexts.get(value);
  if (text === undefined) {
    if (numberTexts.size >= numberTextLimit) numberTexts.clear();
    text = String(value);
    numberTexts.set(value, text);
  }
  return text;
}
