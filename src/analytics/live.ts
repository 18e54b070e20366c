import { pickText } from '../model/text.js';
import type { Deal, Lang, Pipeline, StageCount } from '../model/types.js';

/** One column of the board right now. */
export interface LiveStage {
  stageId: string;
  name: string;
  /** Open deals sitting in this stage. */
  open: number;
  /** Sum of their amounts. */
  amount: number;
  /** Sum of amount × the stage's `probability` (0 when the stage has none). */
  weightedAmount: number;
  /** Deals whose current stage is this one or a later one, any outcome; won deals count everywhere. */
  reached: number;
}

export interface LiveCounts {
  stages: LiveStage[];
  open: number;
  won: number;
  lost: number;
  /** Open deals per stage, ready for `<sales-funnel>`'s `stages`. */
  openCounts: StageCount[];
  /** Cumulative `reached` per stage, ready for `<sales-funnel>`'s `stages` (a funnel-shaped series). */
  reachedCounts: StageCount[];
}

/**
 * The board's current state from the deal records alone (no history, so it is cheap enough to
 * recompute on every move). `reached` uses each deal's current stage, so a deal sent back counts
 * only up to where it sits now; `stageStats` gives the history-based figure. Deals of other
 * pipelines, and deals in stages the pipeline no longer has, are left out.
 */
export function liveCounts(
  pipeline: Pipeline,
  deals: readonly Deal[],
  options: { lang?: Lang } = {},
): LiveCounts {
  const n = pipeline.stages.length;
  const index = new Map(pipeline.stages.map((s, i) => [s.id, i]));
  const stages: LiveStage[] = pipeline.stages.map((s) => ({
    stageId: s.id,
    name: options.lang ? pickText(s.names, options.lang, s.name) : s.name,
    open: 0,
    amount: 0,
    weightedAmount: 0,
    reached: 0,
  }));
  // Deals whose current stage is exactly i (won deals at n); summed from the end below.
  const at = new Array<number>(n + 1).fill(0);
  const out: LiveCounts = { stages, open: 0, won: 0, lost: 0, openCounts: [], reachedCounts: [] };
  for (const d of deals) {
    const i = index.get(d.stageId);
    if (d.pipelineId !== pipeline.id || i === undefined) continue;
    if (d.outcome === 'won') {
      out.won++;
      at[n]++;
      continue;
    }
    at[i]++;
    if (d.outcome === 'lost') {
      out.lost++;
      continue;
    }
    out.open++;
    stages[i].open++;
    stages[i].amount += d.amount;
    stages[i].weightedAmount += d.amount * (pipeline.stages[i].probability ?? 0);
  }
  let running = at[n];
  for (let i = n - 1; i >= 0; i--) {
    running += at[i];
    stages[i].reached = running;
  }
  out.openCounts = stages.map((s, i) => ({ ...names(pipeline, i, s.name), value: s.open }));
  out.reachedCounts = stages.map((s, i) => ({ ...names(pipeline, i, s.name), value: s.reached }));
  return out;
}

function names(pipeline: Pipeline, i: number, name: string): Pick<StageCount, 'name' | 'names'> {
  const given = pipeline.stages[i].names;
  return given ? { name, names: given } : { name };
}
