import { compareEventTimes } from '../model/stage-events.js';
import type { Deal, DealOutcome, Pipeline, StageEvent } from '../model/types.js';

/** One visit of a deal to a stage. */
export interface Stay {
  /** Stage index in the pipeline. */
  stage: number;
  start: number;
  /** When the deal left the stage (moved, won or lost); `null` while it is still there. */
  end: number | null;
}

/** A move from a later stage back to an earlier one (a new decision maker, a stalled deal). */
export interface BackwardMove {
  from: number;
  to: number;
  at: number;
}

/**
 * One deal's history replayed up to `now`: the facts every statistic in this folder is built
 * from. Stage positions are indexes into `pipeline.stages`; `-1` means "no known stage".
 */
export interface DealPath {
  deal: Deal;
  /** The deal's outcome as of `now` (the events decide when there are any). */
  outcome: DealOutcome;
  /**
   * How far the deal got: the highest stage index it ever entered, or `stages.length` when it
   * is won (a win passes every stage). `-1` when none of its stages is in the pipeline.
   */
  depth: number;
  /** Stage the deal is in now (for won/lost deals: the stage it was closed in). */
  current: number;
  /** When the deal first counted as having reached each stage (`undefined`: not reached). */
  reachedAt: (number | undefined)[];
  /** Time of the win / loss that gives the current outcome. */
  closedAt?: number;
  stays: Stay[];
  backward: BackwardMove[];
}

/**
 * Replays every deal of `pipeline` (deals of other pipelines are ignored) against its events,
 * ignoring anything after `now`. A deal without events (imported without history) is taken as
 * created in its current stage at `createdAt` and closed at `updatedAt`; it has no completed
 * stays, only its open one from `stageEnteredAt`.
 */
export function replay(
  pipeline: Pipeline,
  deals: readonly Deal[],
  events: readonly StageEvent[],
  now: number,
): DealPath[] {
  const index = new Map(pipeline.stages.map((s, i) => [s.id, i]));
  const byDeal = new Map<string, StageEvent[]>();
  for (const e of events) {
    if (e.at > now) continue;
    const list = byDeal.get(e.dealId);
    if (list) list.push(e);
    else byDeal.set(e.dealId, [e]);
  }
  const out: DealPath[] = [];
  for (const deal of deals) {
    if (deal.pipelineId !== pipeline.id || deal.createdAt > now) continue;
    const list = byDeal.get(deal.id);
    out.push(
      list
        ? replayOne(deal, sortEvents(list), index, pipeline.stages.length)
        : fromRecord(deal, index, pipeline.stages.length),
    );
  }
  return out;
}

const inOrder = (a: StageEvent, b: StageEvent) => compareEventTimes(a, b) <= 0;

function sortEvents(list: StageEvent[]): StageEvent[] {
  // The store hands events over in time order: check before paying for a sort.
  let sorted = true;
  for (let k = 1; k < list.length && sorted; k++) sorted = inOrder(list[k - 1], list[k]);
  if (sorted) return list;
  // Stable sort: equal times keep the store's write order, except that creation comes first.
  return list
    .map((e, i) => ({ e, i }))
    .sort((a, b) => compareEventTimes(a.e, b.e) || a.i - b.i)
    .map((x) => x.e);
}

function emptyPath(deal: Deal, stageCount: number): DealPath {
  return {
    deal,
    outcome: 'open',
    depth: -1,
    current: -1,
    reachedAt: new Array<number | undefined>(stageCount).fill(undefined),
    stays: [],
    backward: [],
  };
}

/** Marks stages 0..stage as reached (entering a stage counts as passing every earlier one). */
function reach(path: DealPath, stage: number, at: number): void {
  for (let j = stage; j >= 0 && path.reachedAt[j] === undefined; j--) path.reachedAt[j] = at;
  if (stage > path.depth) path.depth = stage;
}

/** A win passes every stage: fill in the ones not entered on the way, and set depth past the end. */
function finishWon(path: DealPath, stageCount: number): void {
  if (path.outcome !== 'won' || path.closedAt === undefined) return;
  for (let j = 0; j < stageCount; j++) path.reachedAt[j] ??= path.closedAt;
  path.depth = stageCount;
}

function replayOne(
  deal: Deal,
  list: StageEvent[],
  index: Map<string, number>,
  stageCount: number,
): DealPath {
  const path = emptyPath(deal, stageCount);
  const at = (id: string | null) => (id === null ? -1 : (index.get(id) ?? -1));
  let open: Stay | null = null;
  // Closes the current visit. Wins and losses end it too: the deal leaves the funnel.
  const leave = (t: number) => {
    if (open) open.end = t;
    open = null;
  };
  const enter = (stage: number, t: number) => {
    leave(t);
    path.current = stage;
    path.outcome = 'open';
    path.closedAt = undefined;
    if (stage < 0) return;
    reach(path, stage, t);
    open = { stage, start: t, end: null };
    path.stays.push(open);
  };

  // History cut short (no creation event): the deal sat in the first known stage since creation.
  const first = list[0];
  if (first.kind !== 'created')
    enter(at(first.from ?? first.to), Math.min(deal.createdAt, first.at));

  for (const e of list) {
    const to = at(e.to);
    switch (e.kind) {
      case 'created':
      case 'reopened':
        enter(to, e.at);
        break;
      case 'moved': {
        const from = e.from === null ? path.current : at(e.from);
        if (from >= 0 && to >= 0 && to < from) path.backward.push({ from, to, at: e.at });
        enter(to, e.at);
        break;
      }
      case 'won':
      case 'lost':
        leave(e.at);
        if (to >= 0) path.current = to;
        path.outcome = e.kind;
        path.closedAt = e.at;
        break;
    }
  }
  finishWon(path, stageCount);
  return path;
}

function fromRecord(deal: Deal, index: Map<string, number>, stageCount: number): DealPath {
  const path = emptyPath(deal, stageCount);
  const stage = index.get(deal.stageId) ?? -1;
  path.current = stage;
  if (stage >= 0) reach(path, stage, deal.createdAt);
  path.outcome = deal.outcome;
  if (deal.outcome === 'open') {
    if (stage >= 0) path.stays.push({ stage, start: deal.stageEnteredAt, end: null });
  } else {
    path.closedAt = deal.updatedAt;
  }
  finishWon(path, stageCount);
  return path;
}
