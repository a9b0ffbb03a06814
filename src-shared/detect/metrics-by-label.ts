import { averagePrecision, recallAtFalsePositiveRate, rocAuc, type SortedScores } from './metrics.js';

/** Labels as small integers: `names[codes[i]]` is row i's label. */
export interface LabelCodes {
  codes: Int32Array;
  names: string[];
}

/** Turn per-row label strings into codes (one pass, one Map of distinct labels). */
export function encodeLabels(labels: readonly string[]): LabelCodes {
  const index = new Map<string, number>();
  const codes = new Int32Array(labels.length);
  for (let i = 0; i < labels.length; i++) {
    let code = index.get(labels[i]);
    if (code === undefined) {
      code = index.size;
      index.set(labels[i], code);
    }
    codes[i] = code;
  }
  return { codes, names: [...index.keys()] };
}

/** Quality of one attack type: its rows against all normal rows. */
export interface TypeQuality {
  count: number;
  auc: number;
  recallAtFalsePositiveRate: number;
}

/** The figures score.py prints, with the same definitions. */
export interface DetectionQuality {
  events: number;
  attacks: number;
  auc: number;
  averagePrecision: number;
  /** Recall at the false-positive rate asked for (score.py: 1%). */
  recallAtFalsePositiveRate: number;
  /** Per attack type, in label order. */
  perType: Record<string, TypeQuality>;
}

/**
 * Overall AUC, average precision and recall at `falsePositiveRate` (default 1%) of every non-normal
 * label against `normal`, and the same per attack type (each type against all normal rows).
 */
export function evaluateDetection(scores: ArrayLike<number>, labels: LabelCodes, normal = 'normal', falsePositiveRate = 0.01): DetectionQuality {
  const { codes, names } = labels;
  if (scores.length !== codes.length) throw new Error(`${scores.length} scores for ${codes.length} labels.`);
  const normalCode = names.indexOf(normal);
  const counts = new Int32Array(names.length);
  for (let i = 0; i < codes.length; i++) counts[codes[i]]++;
  const byCode = names.map((_, code) => new Float64Array(counts[code]));
  const filled = new Int32Array(names.length);
  const attacks = new Float64Array(codes.length - (normalCode >= 0 ? counts[normalCode] : 0));
  let attackCount = 0;
  for (let i = 0; i < codes.length; i++) {
    const score = Number.isNaN(scores[i]) ? -Infinity : scores[i];
    byCode[codes[i]][filled[codes[i]]++] = score;
    if (codes[i] !== normalCode) attacks[attackCount++] = score;
  }
  for (const values of byCode) values.sort();
  const negatives = normalCode >= 0 ? byCode[normalCode] : new Float64Array(0);
  const overall: SortedScores = { positives: attacks.sort(), negatives };
  const perType: Record<string, TypeQuality> = {};
  const typeOrder = names.map((name, code) => ({ name, code })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const { name, code } of typeOrder) {
    if (code === normalCode) continue;
    const sorted: SortedScores = { positives: byCode[code], negatives };
    perType[name] = { count: counts[code], auc: rocAuc(sorted), recallAtFalsePositiveRate: recallAtFalsePositiveRate(sorted, falsePositiveRate) };
  }
  return {
    events: codes.length,
    attacks: attackCount,
    auc: rocAuc(overall),
    averagePrecision: averagePrecision(overall),
    recallAtFalsePositiveRate: recallAtFalsePositiveRate(overall, falsePositiveRate),
    perType,
  };
}
