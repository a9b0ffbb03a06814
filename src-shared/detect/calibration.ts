/**
 * Maps a model's raw scores to percentiles of a reference distribution (the training window), so
 * components measured on different scales combine on one: 0.99 = higher than 99% of reference logins.
 */
export interface Calibration {
  kind: 'calibration';
  version: 1;
  /** Raw scores at evenly spaced quantiles 0, 1/(n-1), …, 1 of the reference. */
  quantiles: number[];
}

/** Build a calibration from reference scores (sorted copy; `points` quantiles kept). */
export function fitCalibration(scores: ArrayLike<number>, points = 1001): Calibration {
  const sorted = Float64Array.from(scores).sort();
  if (sorted.length === 0) return { kind: 'calibration', version: 1, quantiles: [0, 0] };
  const quantiles: number[] = [];
  for (let index = 0; index < points; index++) {
    quantiles.push(sorted[Math.min(sorted.length - 1, Math.round((index / (points - 1)) * (sorted.length - 1)))]);
  }
  return { kind: 'calibration', version: 1, quantiles };
}

/** The percentile (0..1) of a raw score; above the reference maximum it keeps rising slowly towards 1. */
export function percentile(calibration: Calibration, score: number): number {
  const quantiles = calibration.quantiles;
  const last = quantiles.length - 1;
  if (score <= quantiles[0]) return 0;
  if (score >= quantiles[last]) {
    // Beyond every reference login: 1 - a tail that shrinks with the distance, so extremes still rank.
    const spread = Math.max(quantiles[last] - quantiles[Math.floor(last / 2)], 1e-9);
    return 1 - (1 / (last + 1)) / (1 + (score - quantiles[last]) / spread);
  }
  let low = 0;
  let high = last;
  while (high - low > 1) {
    const middle = (low + high) >> 1;
    if (quantiles[middle] <= score) low = middle;
    else high = middle;
  }
  // Among equal quantiles take the highest, so a common value does not read as rare.
  const span = quantiles[high] - quantiles[low];
  const within = span > 0 ? (score - quantiles[low]) / span : 1;
  return Math.min(1 - 1 / (last + 1), (low + within) / last);
}
