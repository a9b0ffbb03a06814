import type { ScoreReason } from '../../../../src-shared/api.js';

/** A score's reasons JSON (`[{rule, severity, reason}]`) → the contract's reasons; damaged entries are skipped. */
export function parseReasons(text: string): ScoreReason[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  const reasons: ScoreReason[] = [];
  for (const entry of value as unknown[]) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { rule, severity, reason } = entry as Record<string, unknown>;
    if (typeof rule !== 'string' || typeof reason !== 'string') continue;
    reasons.push({ rule, severity: typeof severity === 'number' ? severity : 0, text: reason });
  }
  return reasons;
}
