/** Euler–Mascheroni constant, as scikit-learn uses it in the harmonic-number approximation. */
const eulerGamma = 0.5772156649;

/**
 * c(n): the average path length of an unsuccessful search in a binary search tree of n points,
 * the expected depth still to go below an Isolation Forest leaf that holds n training samples.
 * c(n) = 2·H(n−1) − 2(n−1)/n with H(i) ≈ ln(i) + γ; c(2) = 1 and c(n ≤ 1) = 0 exactly (as scikit-learn).
 */
export function averagePathLength(samples: number): number {
  if (samples <= 1) return 0;
  if (samples === 2) return 1;
  return 2 * (Math.log(samples - 1) + eulerGamma) - (2 * (samples - 1)) / samples;
}
