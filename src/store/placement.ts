import type { Deal, Lang } from '../model/types.js';
import type { Tx } from './backend.js';
import { fieldError, invalidError } from './errors.js';
import { RANK_STEP, compareRank, rankBetween, ranksAbove } from './rank.js';

/**
 * Column placement: where a deal goes in its stage's column, over the rank arithmetic of
 * `rank.ts`. The slot (rank) for a move or a reorder, renumbering a column when two neighbours
 * are too close to split, ranks for new and imported deals on top of a column, and usable
 * ranks for the deals of a file (older files have none). Functions that read the column take
 * the transaction they run in; none writes: the caller stores what they return.
 */

/** Where a deal goes in a column: its rank, and the other deals renumbered to make room. */
export interface Slot {
  rank: number;
  renumbered: Deal[];
}

/** Ranks for `count` deals stacked, in order, above the current top of a column. */
export async function ranksOnTop(
  tx: Tx,
  pipelineId: string,
  stageId: string,
  count: number,
): Promise<number[]> {
  const top = await tx.dealNextTo(pipelineId, stageId, undefined, 'next');
  return ranksAbove(top?.rank, count);
}

/**
 * Where `deal` goes in `stageId`'s column: above `before` (a deal id), at the bottom (`null`)
 * or on top (`undefined`). `undefined` when it is there already. An anchor that is not in the
 * column is `invalid` (it moved meanwhile, in another tab).
 */
export async function slotFor(
  tx: Tx,
  deal: Deal,
  stageId: string,
  before: string | null | undefined,
  lang: Lang,
): Promise<Slot | undefined> {
  const p = deal.pipelineId;
  if (before === undefined || before === null) {
    const edge = await tx.dealNextTo(p, stageId, undefined, before === null ? 'prev' : 'next');
    if (edge?.id === deal.id) return undefined;
    const rank = edge?.rank === undefined ? 0 : edge.rank + (before === null ? 1 : -1) * RANK_STEP;
    return { rank, renumbered: [] };
  }
  if (before === deal.id) return undefined;
  const anchor = await tx.get('deals', before);
  if (anchor?.pipelineId !== p || anchor.stageId !== stageId || anchor.rank === undefined) {
    throw invalidError([fieldError(lang, 'before', 'not-in-column', { value: before })]);
  }
  const above = await tx.dealNextTo(p, stageId, anchor.rank, 'prev');
  if (above?.id === deal.id) return undefined;
  if (above?.rank === undefined) return { rank: anchor.rank - RANK_STEP, renumbered: [] };
  const rank = rankBetween(above.rank, anchor.rank);
  return rank === undefined ? renumber(tx, deal, stageId, anchor.id) : { rank, renumbered: [] };
}

/**
 * Ranks the whole column afresh with `deal` above `beforeId`. Only ranks change: the other
 * deals keep their version, since nobody edited them (an edit in another tab based on that
 * version must not turn into a conflict).
 */
async function renumber(tx: Tx, deal: Deal, stageId: string, beforeId: string): Promise<Slot> {
  const column = (await tx.all('deals', 'byPipelineStage', [deal.pipelineId, stageId]))
    .filter((d) => d.id !== deal.id)
    .sort(compareRank);
  const at = column.findIndex((d) => d.id === beforeId);
  const renumbered: Deal[] = [];
  column.forEach((d, i) => {
    const rank = (i < at ? i : i + 1) * RANK_STEP;
    if (d.rank !== rank) renumbered.push({ ...d, rank });
  });
  return { rank: at * RANK_STEP, renumbered };
}

/**
 * Ranks new deals (imported, or a sample) above each column's top: newest in their stage
 * first, then in the given order. Sets `rank` on the deals given.
 */
export async function rankOnTop(tx: Tx, pipelineId: string, deals: Deal[]): Promise<void> {
  for (const [stageId, list] of byStage(deals)) {
    const ranks = await ranksOnTop(tx, pipelineId, stageId, list.length);
    // A stable sort keeps the given order among equal times.
    list.sort((a, b) => b.stageEnteredAt - a.stageEnteredAt);
    list.forEach((d, i) => (d.rank = ranks[i]));
  }
}

/**
 * Deals of a pipeline file with a usable order: a column whose ranks are missing (files from
 * before ranks) or repeated is ranked 0, 1, 2… in its current order; others keep theirs.
 */
export function withRanks(deals: Deal[]): Deal[] {
  const fixed = new Map<string, number>();
  for (const list of byStage(deals).values()) {
    const ranks = new Set(list.map((d) => d.rank));
    if (ranks.size === list.length && !ranks.has(undefined)) continue;
    [...list].sort(compareRank).forEach((d, i) => fixed.set(d.id, i * RANK_STEP));
  }
  return fixed.size
    ? deals.map((d) => (fixed.has(d.id) ? { ...d, rank: fixed.get(d.id)! } : d))
    : deals;
}

function byStage(deals: readonly Deal[]): Map<string, Deal[]> {
  const groups = new Map<string, Deal[]>();
  for (const d of deals) {
    const list = groups.get(d.stageId);
    if (list) list.push(d);
    else groups.set(d.stageId, [d]);
  }
  return groups;
}
