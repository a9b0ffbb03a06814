/**
 * Ranks 1..n of `values` in ascending order, tied values sharing their average rank
 * (the "fractional" ranking of Spearman's coefficient and of Mann–Whitney).
 */
export function averageRanks(values: ArrayLike<number>): Float64Array<ArrayBuffer> {
  const count = values.length;
  const order = new Int32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  order.sort((a, b) => values[a] - values[b]);
  const ranks = new Float64Array(count);
  let start = 0;
  while (start < count) {
    let end = start + 1;
    while (end < count && values[order[end]] === values[order[start]]) end++;
    const rank = (start + end + 1) / 2; // mean of the 1-based ranks start+1 .. end
    for (let i = start; i < end; i++) ranks[order[i]] = rank;
    start = end;
  }
  return ranks;
}

/** Spearman's rank correlation: the Pearson correlation of the average ranks. NaN when either side is constant. */
export function spearmanCorrelation(first: ArrayLike<number>, second: ArrayLike<number>): number {
  if (first.length !== second.length) throw new Error(`Lengths differ: ${first.length} and ${second.length}.`);
  return pearsonCorrelation(averageRanks(first), averageRanks(second));
}

/** Pearson's linear correlation coefficient. */
export function pearsonCorrelation(first: ArrayLike<number>, second: ArrayLike<number>): number {
  const count = first.length;
  let meanFirst = 0;
  let meanSecond = 0;
  for (let i = 0; i < count; i++) {
    meanFirst += first[i];
    meanSecond += second[i];
  }
  meanFirst /= count;
  meanSecond /= count;
  let product = 0;
  let squaresFirst = 0;
  let squaresSecond = 0;
  for (let i = 0; i < count; i++) {
    const deviationFirst = first[i] - meanFirst;
    const deviationSecond = second[i] - meanSecond;
    product += deviationFirst * deviationSecond;
    squaresFirst += deviationFirst * deviationFirst;
    squaresSecond += deviationSecond * deviationSecond;
  }
  return product / Math.sqrt(squaresFirst * squaresSecond);
}
