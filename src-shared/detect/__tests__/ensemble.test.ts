import { describe, expect, it } from 'vitest';
import { combineFindings, decide, defaultDecisionSettings, modelEvidence } from '../ensemble.js';

describe('ensemble', () => {
  it('adds rule severities as independent evidence', () => {
    expect(combineFindings([])).toBe(0);
    expect(combineFindings([{ rule: 'new_device', severity: 0.5, reason: '' }, { rule: 'new_asn', severity: 0.5, reason: '' }])).toBeCloseTo(0.75, 12);
  });

  it('blends only the models that took part, so a missing autoencoder does not drag the tail down', () => {
    const tail = { rules: 0, freeman: 0.999, forest: 0.999, autoencoder: 0 };
    const withoutAutoencoder = modelEvidence(tail, defaultDecisionSettings.weights, { freeman: true, forest: true, autoencoder: false });
    const countedAsZero = modelEvidence(tail, defaultDecisionSettings.weights);
    expect(withoutAutoencoder).toBeGreaterThan(0.5);
    expect(countedAsZero).toBeLessThan(0.05);
  });

  it('maps risk to levels and decisions at the thresholds', () => {
    const at = (rules: number): ReturnType<typeof decide> => decide({ rules, freeman: 0, forest: 0, autoencoder: 0 }, defaultDecisionSettings, { freeman: false, forest: false, autoencoder: false });
    expect(at(0.3).risk).toBeCloseTo(30, 9);
    expect(at(0.3).level).toBe('low');
    expect(at(0.3).decision).toBe('allow');
    expect(at(0.7).level).toBe('high');
    expect(at(0.7).decision).toBe('challenge');
    expect(at(0.9).level).toBe('critical');
    expect(at(0.9).decision).toBe('block');
  });
});
