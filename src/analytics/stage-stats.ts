import { pickText } from '../model/text.js';
import type { Deal, Lang, ObservedRate, Pipeline, StageEvent } from '../model/types.js';
import { replay, type DealPath } from './history.js';
import { DAY_MS, quantile, share } from './numbers.js';

/** What happened at one stage, for the deals of the cohort. */
export interface StageStat {
  stageId: string;
  /** The stage's name in `lang` (its `names`), else its `name`. */
  name: string;
  /** Deals that entered this stage or a later one, or were won. Each deal counts once. */
  reached: number;
  /** Deals that went on past this stage: reached the next one (last stage: were won). */
  advanced: number;
  /** Lost deals whose furthest stage is this one: where the funnel lost them. */
  lost: number;
  /** Open deals whose furthest stage is this one: fate undecided (right-censored). */
  open: number;
  /** Decided deals only: `{ won: advanced, of: advanced + lost }`; feeds `Stage.observed`. */
  observed: ObservedRate;
  /** `observed.won / observed.of`; `null` when no deal's fate here is decided yet. */
  conversion: number | null;
  /** `advanced / reached`, open deals counted as not advancing (biased low); `null` at 0 reached. */
  naiveConversion: number | null;
  /** Deals lost while sitting in this stage (the board's view; differs from `lost` after backward moves). */
  lostWhileIn: number;
  /** Open deals sitting in this stage now (the board's column count). */
  current: number;
  /** Lost reasons of the deals in `lost` (a missing reason counts under `""`). */
  lostReasons: Record<string, number>;
  /** Completed visits to this stage (a deal sent back and returning visits twice). */
  stays: number;
  /** Quantiles of the completed visits' length, in days; `null` without completed visits. */
  medianDays: number | null;
  p25Days: number | null;
  p75Days: number | null;
  /** Median days the open deals sitting here now have been here (`now − entry`), kept apart. */
  openMedianDays: number | null;
  /** Moves from this stage back to an earlier one. */
  backwardMoves: number;
}

export interface StageStats {
  stages: StageStat[];
  /** Deals in the cohort placed in a known stage. */
  deals: number;
  /** Deals of the cohort whose stages are all unknown to the pipeline (left out of everything). */
  unplaced: number;
  won: number;
  lost: number;
  open: number;
  /** `won / (won + lost)`; `null` while nothing is decided. */
  winRate: number | null;
  /** `won / deals`: share of the cohort won so far; `null` for no deals. */
  overallConversion: number | null;
  /** Sums of `amount` (assumed to be in the pipeline's currency). */
  amountWon: number;
  amountLost: number;
  amountOpen: number;
  currency: string;
  /** Every backward move, and how many deals had at least one. */
  backwardMoves: number;
  dealsMovedBack: number;
  lostReasons: Record<string, number>;
}

export interface StageStatsOptions {
  /** The present: events after it are ignored and open deals' time in stage runs up to it. */
  now: number;
  /** Cohort: only deals created at or after this time (ms). */
  from?: number;
  /** Cohort: only deals created before this time (ms). */
  to?: number;
  /** Language for stage names. */
  lang?: Lang;
}

/** Per-stage conversion, loss, time in stage and backward moves of a pipeline's history. */
export function stageStats(
  pipeline: Pipeline,
  deals: readonly Deal[],
  events: readonly StageEvent[],
  options: StageStatsOptions,
): StageStats {
  const paths = replay(pipeline, deals, events, options.now).filter((p) =>
    inCohort(p, options.from, options.to),
  );
  return statsFromPaths(pipeline, paths, options);
}

function inCohort(p: DealPath, from = -Infinity, to = Infinity): boolean {
  return p.deal.createdAt >= from && p.deal.createdAt < to;
}

function count(record: Record<string, number>, key: string): void {
  record[key] = (record[key] ?? 0) + 1;
}

/** The tallies of `stageStats` over paths already replayed (shared with `scenarioFromPipeline`). */
export function statsFromPaths(
  pipeline: Pipeline,
  paths: readonly DealPath[],
  options: Pick<StageStatsOptions, 'now' | 'lang'>,
): StageStats {
  const n = pipeline.stages.length;
  const stages: StageStat[] = pipeline.stages.map((s) => ({
    stageId: s.id,
    name: options.lang ? pickText(s.names, options.lang, s.name) : s.name,
    reached: 0,
    advanced: 0,
    lost: 0,
    open: 0,
    observed: { won: 0, of: 0 },
    conversion: null,
    naiveConversion: null,
    lostWhileIn: 0,
    current: 0,
    lostReasons: {},
    stays: 0,
    medianDays: null,
    p25Days: null,
    p75Days: null,
    openMedianDays: null,
    backwardMoves: 0,
  }));
  const totals: StageStats = {
    stages,
    deals: 0,
    unplaced: 0,
    won: 0,
    lost: 0,
    open: 0,
    winRate: null,
    overallConversion: null,
    amountWon: 0,
    amountLost: 0,
    amountOpen: 0,
    currency: pipeline.currency,
    backwardMoves: 0,
    dealsMovedBack: 0,
    lostReasons: {},
  };
  const done: number[][] = stages.map(() => []);
  const waiting: number[][] = stages.map(() => []);

  for (const p of paths) {
    if (p.depth < 0) {
      totals.unplaced++;
      continue;
    }
    totals.deals++;
    const amount = p.deal.amount;
    for (let i = 0; i <= Math.min(p.depth, n - 1); i++) stages[i].reached++;
    for (let i = 0; i < Math.min(p.depth, n); i++) stages[i].advanced++;
    // depth < n here: a won deal's depth is n.
    const last = stages[p.depth];
    if (p.outcome === 'won') {
      totals.won++;
      totals.amountWon += amount;
    } else if (p.outcome === 'lost') {
      const reason = p.deal.lostReason ?? '';
      totals.lost++;
      totals.amountLost += amount;
      count(totals.lostReasons, reason);
      last.lost++;
      count(last.lostReasons, reason);
      if (p.current >= 0) stages[p.current].lostWhileIn++;
    } else {
      totals.open++;
      totals.amountOpen += amount;
      last.open++;
      if (p.current >= 0) stages[p.current].current++;
    }
    for (const stay of p.stays) {
      if (stay.end === null) waiting[stay.stage].push((options.now - stay.start) / DAY_MS);
      else done[stay.stage].push((stay.end - stay.start) / DAY_MS);
    }
    for (const move of p.backward) stages[move.from].backwardMoves++;
    totals.backwardMoves += p.backward.length;
    if (p.backward.length > 0) totals.dealsMovedBack++;
  }

  stages.forEach((s, i) => {
    s.observed = { won: s.advanced, of: s.advanced + s.lost };
    s.conversion = share(s.advanced, s.observed.of);
    s.naiveConversion = share(s.advanced, s.reached);
    const days = done[i].sort((a, b) => a - b);
    s.stays = days.length;
    s.medianDays = quantile(days, 0.5);
    s.p25Days = quantile(days, 0.25);
    s.p75Days = quantile(days, 0.75);
    const ages = waiting[i].sort((a, b) => a - b);
    s.openMedianDays = quantile(ages, 0.5);
  });
  totals.winRate = share(totals.won, totals.won + totals.lost);
  totals.overallConversion = share(totals.won, totals.deals);
  return totals;
}
