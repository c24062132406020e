/** Small, dependency-free statistics for the benchmark. */

function sortedCopy(values: readonly number[]): number[] {
  if (values.length === 0) throw new Error('no samples');
  return [...values].sort((a, b) => a - b);
}

/** The middle value; the mean of the two middle values when the count is even. */
export function median(values: readonly number[]): number {
  const sorted = sortedCopy(values);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] as number;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] as number) + upper) / 2;
}

/**
 * Nearest-rank percentile: the smallest sample with at least `p`% of the samples at or below it.
 * It is always a real sample, so "p95 = 12 ms" means a real query took 12 ms.
 */
export function percentile(values: readonly number[], p: number): number {
  if (!(p > 0 && p <= 100)) throw new Error(`percentile must be in (0, 100], got ${p}`);
  const sorted = sortedCopy(values);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.max(0, rank - 1)] as number;
}

export function max(values: readonly number[]): number {
  return sortedCopy(values).at(-1) as number;
}

/** Rounds for printing: two significant decimals below 10, one below 1000, none above. */
export function round(value: number): number {
  const digits = Math.abs(value) < 10 ? 2 : Math.abs(value) < 1000 ? 1 : 0;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
