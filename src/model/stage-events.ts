import type { StageEvent, StageEventKind } from './types.js';

/**
 * The order of a deal's history events, the one source for the store (which hands history out
 * oldest first) and for the analytics that replay it. Several events of one deal can share an
 * instant: a deal created already won (`created` then `won`), a reopen together with a move
 * (`reopened` then `moved`). At equal times they happen in this order: created, reopened,
 * moved, then won or lost.
 */
export const STAGE_EVENT_ORDER: Readonly<Record<StageEventKind, number>> = {
  created: 0,
  reopened: 1,
  moved: 2,
  won: 3,
  lost: 3,
};

/** By time, then by kind at equal times; 0 for events of one instant and one rank of kind. */
export function compareEventTimes(a: StageEvent, b: StageEvent): number {
  return a.at - b.at || STAGE_EVENT_ORDER[a.kind] - STAGE_EVENT_ORDER[b.kind];
}

/** The total order of history: `compareEventTimes`, then by id, so every list sorts the same. */
export function compareStageEvents(a: StageEvent, b: StageEvent): number {
  return compareEventTimes(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
