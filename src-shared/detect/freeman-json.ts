import { FreemanModel, freemanFeatures } from './freeman.js';
import { UserCounts } from './freeman-user-counts.js';

/** The saved form of a Freeman model. */
export interface FreemanJson {
  kind: 'freeman';
  version: 1;
  smoothing: number;
  attacker: 'global' | 'uniform';
  features: string[];
  /** Every value in id order: [feature index, value, logins seen with it]. */
  values: [number, string, number][];
  featureTotals: number[];
  /** [user, [per-feature totals..., id, count, id, count, ...]]. */
  users: [string, number[]][];
}

/** Save a model as versioned JSON; `restoreFreemanModel` gives back one that scores identically. */
export function saveFreemanModel(model: FreemanModel): FreemanJson {
  const values: [number, string, number][] = new Array(model.valueCounts.length);
  model.valueIds.forEach((ids, feature) => {
    for (const [value, id] of ids) values[id] = [feature, value, model.valueCounts[id]];
  });
  return {
    kind: 'freeman',
    version: 1,
    smoothing: model.smoothing,
    attacker: model.attacker,
    features: [...freemanFeatures],
    values,
    featureTotals: model.featureTotals.slice(),
    users: [...model.users].map(([user, counts]) => [user, counts.toArray()]),
  };
}

/** Restore a saved model, checking kind, version and the feature list. */
export function restoreFreemanModel(json: FreemanJson): FreemanModel {
  if (json?.kind !== 'freeman') throw new Error(`Not a Freeman model: kind ${String(json?.kind)}.`);
  if (json.version !== 1) throw new Error(`Unsupported Freeman model version ${String(json.version)}.`);
  if (json.features.join() !== freemanFeatures.join()) throw new Error(`Freeman features differ: ${json.features.join(', ')}.`);
  const model = new FreemanModel({ smoothing: json.smoothing, attacker: json.attacker });
  json.values.forEach(([feature, value, count], id) => {
    model.valueIds[feature].set(value, id);
    model.valueCounts.push(count);
  });
  json.featureTotals.forEach((total, feature) => (model.featureTotals[feature] = total));
  for (const [user, flat] of json.users) model.users.set(user, UserCounts.fromArray(freemanFeatures.length, flat));
  return model;
}
