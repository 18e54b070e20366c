import type { Deal, Lang, ObservedRate, Pipeline, StageEvent } from '../model/types.js';
import { stageStats } from './stage-stats.js';

/** One band of a pipeline's funnel. */
export interface PipelineFunnelRow {
  /** `stage`: a stage of the pipeline; `won`: the last band, the deals won. */
  kind: 'stage' | 'won';
  /** The stage's id; `null` for the Won band. */
  stageId: string | null;
  /** The stage's name in `lang`; for the Won band, `wonName`. */
  name: string;
  /** Deals that ever reached this stage (`stageStats`' `reached`); for the Won band, the deals won. */
  reached: number;
  /**
   * The decided deals of the stage before this band: `won` went on to this band, `of` went on or
   * were lost there (deals still open there are left out). The previous stage's `observed`, the
   * same counts `scenarioFromPipeline` gives the simulator; `null` on the first band.
   */
  observed: ObservedRate | null;
  /** `observed.won / observed.of`; `null` on the first band and while nothing is decided. */
  conversion: number | null;
}

export interface PipelineFunnel {
  /** The stages, in order, then the Won band. */
  rows: PipelineFunnelRow[];
  /** Deals of the pipeline placed in a known stage. */
  deals: number;
  won: number;
  lost: number;
  open: number;
}

export interface PipelineFunnelOptions {
  /** The present: events after it are ignored. */
  now: number;
  /** Language of the stage names. */
  lang?: Lang;
  /** Name of the Won band. Default "Won" (English) or "Ganadas" (Spanish). */
  wonName?: string;
}

/**
 * What `<sales-funnel pipeline>` draws, from the pipeline's history: how many deals reached each
 * stage, a last band of the deals won, and for each band the conversion of the decided deals of
 * the stage before it. Those conversions are `stageStats`' `observed`, so the funnel and the
 * simulator calibrated from the same pipeline state the same figure for a stage.
 */
export function pipelineFunnel(
  pipeline: Pipeline,
  deals: readonly Deal[],
  events: readonly StageEvent[],
  options: PipelineFunnelOptions,
): PipelineFunnel {
  const stats = stageStats(pipeline, deals, events, { now: options.now, lang: options.lang });
  const wonName = options.wonName ?? (options.lang === 'es' ? 'Ganadas' : 'Won');
  const band = (
    kind: PipelineFunnelRow['kind'],
    i: number,
    name: string,
    reached: number,
  ): PipelineFunnelRow => {
    const before = stats.stages[i - 1];
    return {
      kind,
      stageId: stats.stages[i]?.stageId ?? null,
      name,
      reached,
      observed: before ? { ...before.observed } : null,
      conversion: before ? before.conversion : null,
    };
  };
  const rows = stats.stages.map((s, i) => band('stage', i, s.name, s.reached));
  // A pipeline without stages has no band to be won from.
  if (rows.length > 0) rows.push(band('won', rows.length, wonName, stats.won));
  return { rows, deals: stats.deals, won: stats.won, lost: stats.lost, open: stats.open };
}
