/**
 * The q-quantile of `sorted` (ascending) by linear interpolation between closest ranks (the
 * common "type 7" definition of R and NumPy: the median of [1, 2, 3, 4] is 2.5, its p25 1.75).
 * `null` for an empty list, so no NaN reaches a label.
 */
export function quantile(sorted: readonly number[], q: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const pos = (n - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** `part / whole`, or `null` when `whole` is 0 (nothing observed is not 0 %). */
export function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

export const DAY_MS = 86_400_000;
