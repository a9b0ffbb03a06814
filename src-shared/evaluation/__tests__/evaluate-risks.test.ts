import { describe, expect, it } from 'vitest';
import { evaluateRisks } from '../evaluate-risks.js';

describe('evaluating a run against the labels', () => {
  it('separates normal events from every attack type, leaving unlabelled events out of the figures', () => {
    const labels = ['normal', 'brute_force', 'account_takeover'];
    const risks = Float64Array.from([1, 5, 10, 20, 30, 90, 95, 60, 50, 99.5]);
    const codes = Int32Array.from([0, 0, 0, 0, 0, 1, 1, 2, -1, -1]);
    const evaluation = evaluateRisks(7, risks, codes, labels);
    expect(evaluation).toMatchObject({ runId: 7, events: 10, labelled: 8, attacks: 3, unlabelled: 2 });
    expect(evaluation.quality?.auc).toBe(1);
    expect(evaluation.quality?.perType.map((type) => [type.label, type.count])).toEqual([['account_takeover', 1], ['brute_force', 2]]);
    expect(evaluation.distribution.attack[90] + evaluation.distribution.attack[95] + evaluation.distribution.attack[60]).toBe(3);
    expect(evaluation.distribution.unlabelled[99]).toBe(1);
    expect(evaluation.roc.at(-1)).toMatchObject({ falsePositiveRate: 1, truePositiveRate: 1 });
    expect(evaluation.precisionRecall[0]).toMatchObject({ recall: 0, precision: 1 });
  });

  it('gives no figures without both classes', () => {
    const evaluation = evaluateRisks(1, Float64Array.from([3, 4]), Int32Array.from([-1, -1]), []);
    expect(evaluation).toMatchObject({ labelled: 0, quality: null, roc: [], precisionRecall: [] });
    expect(evaluation.distribution.unlabelled[3]).toBe(1);
  });
});
