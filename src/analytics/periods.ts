import { pickText } from '../model/text.js';
import type { Deal, Lang, Pipeline, StageEvent } from '../model/types.js';
import { periodOf, type PeriodRange, type PeriodUnit } from '../model/calendar.js';
import { replay } from './history.js';
import { share } from './numbers.js';

export { monthsBefore, periodOf, type PeriodRange, type PeriodUnit } from '../model/calendar.js';

/** A change from the previous period. */
export interface Change {
  /** `current − previous` (for rates: a difference of shares, 0.05 = 5 points). */
  abs: number;
  /** `abs / previous`; `null` when the previous value is 0. */
  rel: number | null;
}

/** One stage's activity within a period. */
export interface PeriodStage {
  stageId: string;
  name: string;
  /** Deals that first reached this stage (or a later one) during the period. */
  reached: number;
  /** Deals that went on past this stage during the period (last stage: won). */
  advanced: number;
  /** Deals lost during the period whose furthest stage was this one. */
  lost: number;
  /** `advanced / (advanced + lost)`: fates decided in the period; `null` when none. */
  conversion: number | null;
}

export interface PeriodStageChange {
  reached: Change;
  advanced: Change;
  lost: Change;
  /** `null` when either period has no decided fate at this stage. */
  conversion: Change | null;
}

export interface PeriodChange {
  newDeals: Change;
  won: Change;
  lost: Change;
  amountWon: Change;
  winRate: Change | null;
  stages: PeriodStageChange[];
}

export interface Period extends PeriodRange {
  /** The period contains `now`: its counts are still growing. */
  partial: boolean;
  /** Deals created in the period. */
  newDeals: number;
  /** Deals won / lost in the period (by the time of the win or loss). */
  won: number;
  lost: number;
  amountWon: number;
  /** `won / (won + lost)` of the deals closed in the period; `null` when none closed. */
  winRate: number | null;
  stages: PeriodStage[];
  /** Change from the period before (which is computed even if not returned). */
  change: PeriodChange;
}

export interface PeriodsOptions {
  /** Calendar unit; quarter over quarter by default. */
  by?: PeriodUnit;
  /** The present: the last period returned is the one containing it. */
  now: number;
  /** How many periods to return, oldest first, ending with the current one. Default 4. */
  count?: number;
  /** Calendar boundaries in UTC instead of the local time zone. */
  utc?: boolean;
  lang?: Lang;
}

function change(current: number, previous: number): Change {
  return { abs: current - previous, rel: previous !== 0 ? (current - previous) / previous : null };
}

function rateChange(current: number | null, previous: number | null): Change | null {
  return current === null || previous === null ? null : change(current, previous);
}

/**
 * Activity per calendar period: what happened during each period (deals created, stages
 * reached, fates decided, deals won and lost), from the histories as they stand at `now`, with
 * the change from the previous period. Unlike `stageStats`' cohort view, a recent period is not
 * held back waiting for its deals to close: each decision is dated when it happened.
 */
export function periods(
  pipeline: Pipeline,
  deals: readonly Deal[],
  events: readonly StageEvent[],
  options: PeriodsOptions,
): Period[] {
  const by = options.by ?? 'quarter';
  const count = Math.max(1, Math.floor(options.count ?? 4));
  const n = pipeline.stages.length;
  // One extra period in front, so that the oldest returned one has a change too.
  const ranges = Array.from({ length: count + 1 }, (_, k) =>
    periodOf(options.now, by, count - k, options.utc),
  );
  const rows = ranges.map((r) => ({
    ...r,
    partial: options.now < r.end,
    newDeals: 0,
    won: 0,
    lost: 0,
    amountWon: 0,
    winRate: null as number | null,
    stages: pipeline.stages.map((s): PeriodStage => ({
      stageId: s.id,
      name: options.lang ? pickText(s.names, options.lang, s.name) : s.name,
      reached: 0,
      advanced: 0,
      lost: 0,
      conversion: null,
    })),
  }));
  const first = ranges[0].start;
  const bucket = (t: number | undefined) => {
    if (t === undefined || t < first) return undefined;
    for (let k = rows.length - 1; k >= 0; k--) if (t >= ranges[k].start) return rows[k];
    return undefined;
  };

  for (const p of replay(pipeline, deals, events, options.now)) {
    if (p.depth < 0) continue;
    const created = bucket(p.deal.createdAt);
    if (created) created.newDeals++;
    for (let i = 0; i < n; i++) {
      const row = bucket(p.reachedAt[i]);
      if (row) row.stages[i].reached++;
      const next = i + 1 < n ? p.reachedAt[i + 1] : p.outcome === 'won' ? p.closedAt : undefined;
      const moved = bucket(next);
      if (moved) moved.stages[i].advanced++;
    }
    const closed = p.outcome === 'open' ? undefined : bucket(p.closedAt);
    if (!closed) continue;
    if (p.outcome === 'won') {
      closed.won++;
      closed.amountWon += p.deal.amount;
    } else {
      closed.lost++;
      closed.stages[p.depth].lost++;
    }
  }

  for (const row of rows) {
    row.winRate = share(row.won, row.won + row.lost);
    for (const s of row.stages) s.conversion = share(s.advanced, s.advanced + s.lost);
  }
  return rows.slice(1).map((row, k): Period => {
    const prev = rows[k];
    return {
      ...row,
      change: {
        newDeals: change(row.newDeals, prev.newDeals),
        won: change(row.won, prev.won),
        lost: change(row.lost, prev.lost),
        amountWon: change(row.amountWon, prev.amountWon),
        winRate: rateChange(row.winRate, prev.winRate),
        stages: row.stages.map((s, i) => ({
          reached: change(s.reached, prev.stages[i].reached),
          advanced: change(s.advanced, prev.stages[i].advanced),
          lost: change(s.lost, prev.stages[i].lost),
          conversion: rateChange(s.conversion, prev.stages[i].conversion),
        })),
      },
    };
  });
}
