import type { Deal } from '../model/types.js';

/**
 * Order within a stage's column. Ranks are fractional: a deal placed between two others takes
 * the midpoint of their ranks, so a reorder writes that one deal. When two neighbours get too
 * close to split, the column is renumbered `0, RANK_STEP, 2 × RANK_STEP…` in the same
 * transaction. Ranks stay small (±column size), far from where doubles lose precision.
 */

/** Distance between ranks given at the top, the bottom and after renumbering. */
export const RANK_STEP = 1;
/** Neighbours closer than this are renumbered instead of split (≈ 20 halvings of one step). */
export const MIN_RANK_GAP = 2 ** -20;

/** What a deal's place in its column depends on. */
export type Ranked = Pick<Deal, 'rank' | 'stageEnteredAt' | 'updatedAt' | 'id'>;

/**
 * The column order: rank ascending; deals without a rank (older files) first; ties newest in
 * the stage first, which was the order before ranks existed.
 */
export function compareRank(a: Ranked, b: Ranked): number {
  const ra = a.rank ?? -Infinity;
  const rb = b.rank ?? -Infinity;
  if (ra !== rb) return ra < rb ? -1 : 1;
  return (
    b.stageEnteredAt - a.stageEnteredAt ||
    b.updatedAt - a.updatedAt ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** A rank strictly between `lo` and `hi`, or `undefined` when they are too close to split. */
export function rankBetween(lo: number, hi: number): number | undefined {
  if (!(hi - lo >= MIN_RANK_GAP)) return undefined;
  // Halves first: lo + (hi − lo) / 2 overflows to Infinity for far-apart ranks of opposite sign.
  const mid = lo / 2 + hi / 2;
  return lo < mid && mid < hi ? mid : undefined;
}

/** Ranks for `count` deals stacked above `top` (the column's first rank, if any). */
export function ranksAbove(top: number | undefined, count: number): number[] {
  const start = (top ?? count * RANK_STEP) - count * RANK_STEP;
  return Array.from({ length: count }, (_, i) => start + i * RANK_STEP);
}
