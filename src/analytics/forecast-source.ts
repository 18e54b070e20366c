import { periodOf, type PeriodRange } from '../model/calendar.js';
import { pickText } from '../model/text.js';
import type { Deal, Lang, ObservedRate, Pipeline, StageEvent } from '../model/types.js';
import type { ForecastDeal } from '../sim/forecast.js';
import type { ForecastStageInput } from '../sim/forecast-input.js';
import { replay, type DealPath } from './history.js';
import { DAY_MS, quantile } from './numbers.js';
import { statsFromPaths } from './stage-stats.js';
import { MIN_VISITS_FOR_THRESHOLD, STALE_SHARE } from './stale-rule.js';

/**
 * What a forecast of a pipeline's open deals starts from, read from its history: per stage the
 * observed conversion of decided deals (`stageStats`' `observed`) and the finished visits'
 * lengths; the open deals with their days in stage; what was won this quarter so far. The
 * stages and deals are in the shape `forecast` (sales-funnel/sim) takes.
 */

export { MIN_VISITS_FOR_THRESHOLD, STALE_SHARE };

export interface ForecastSourceStage {
  name: string;
  rate: ObservedRate;
  /** Finished visits, in days. */
  durations: number[];
  /**
   * Days within which `STALE_SHARE` of the finished visits ended (linear interpolation between
   * ranks); `null` with fewer than `MIN_VISITS_FOR_THRESHOLD` visits, too few to trust.
   */
  staleAfter: number | null;
}

export interface ForecastSourceDeal {
  id: string;
  title: string;
  company?: string;
  stageIndex: number;
  stageName: string;
  amount: number;
  daysInStage: number;
  expectedClose?: string;
}

export interface ForecastSource {
  currency: string;
  stages: ForecastSourceStage[];
  /** Open deals in a known stage. */
  deals: ForecastSourceDeal[];
  /** The quarter `now` is in, and the deals won in it so far. */
  quarter: PeriodRange;
  won: { count: number; amount: number };
}

/** The `STALE_SHARE` quantile of finished visits, when there are enough of them. */
export function learnedStaleDays(durations: readonly number[]): number | null {
  if (durations.length < MIN_VISITS_FOR_THRESHOLD) return null;
  return quantile(
    [...durations].sort((a, b) => a - b),
    STALE_SHARE,
  );
}

/** Each stage's finished visits (a deal that comes back visits twice), in days. */
function visitDays(stageCount: number, paths: readonly DealPath[]): number[][] {
  const durations: number[][] = Array.from({ length: stageCount }, () => []);
  for (const p of paths) {
    for (const stay of p.stays) {
      if (stay.end !== null) durations[stay.stage].push((stay.end - stay.start) / DAY_MS);
    }
  }
  return durations;
}

/**
 * Each stage's `learnedStaleDays` (index by index with `pipeline.stages`), from the history up
 * to `now`: what the board marks cards stale against. One replay, so it is done once per
 * read of the history, not per card.
 */
export function stageStaleDays(
  pipeline: Pipeline,
  deals: readonly Deal[],
  events: readonly StageEvent[],
  now: number,
): (number | null)[] {
  const paths = replay(pipeline, deals, events, now);
  return visitDays(pipeline.stages.length, paths).map(learnedStaleDays);
}

export function forecastSource(
  pipeline: Pipeline,
  deals: readonly Deal[],
  events: readonly StageEvent[],
  options: { now: number; lang?: Lang; utc?: boolean },
): ForecastSource {
  const { now } = options;
  const paths = replay(pipeline, deals, events, now);
  const stats = statsFromPaths(pipeline, paths, options);
  const durations = visitDays(pipeline.stages.length, paths);
  const quarter = periodOf(now, 'quarter', 0, options.utc);
  const won = { count: 0, amount: 0 };
  const open: ForecastSourceDeal[] = [];
  const names = pipeline.stages.map((s) =>
    options.lang ? pickText(s.names, options.lang, s.name) : s.name,
  );
  for (const p of paths) {
    const d = p.deal;
    if (p.outcome === 'won' && p.closedAt !== undefined) {
      if (p.closedAt >= quarter.start && p.closedAt < quarter.end) {
        won.count++;
        won.amount += d.amount;
      }
    } else if (p.outcome === 'open' && p.current >= 0) {
      const stay = p.stays[p.stays.length - 1];
      const entered = stay && stay.end === null ? stay.start : d.stageEnteredAt;
      open.push({
        id: d.id,
        title: d.title,
        ...(d.company ? { company: d.company } : {}),
        stageIndex: p.current,
        stageName: names[p.current],
        amount: d.amount,
        daysInStage: Math.max(0, (now - entered) / DAY_MS),
        ...(d.expectedClose ? { expectedClose: d.expectedClose } : {}),
      });
    }
  }
  return {
    currency: pipeline.currency,
    stages: stats.stages.map((s, i) => ({
      name: names[i],
      rate: s.observed,
      durations: durations[i],
      staleAfter: learnedStaleDays(durations[i]),
    })),
    deals: open,
    quarter,
    won,
  };
}

/** The stages and deals as `forecast` takes them (only its own fields: it refuses others). */
export function forecastParts(source: ForecastSource): {
  stages: ForecastStageInput[];
  deals: ForecastDeal[];
} {
  return {
    stages: source.stages.map(({ name, rate, durations }) => ({ name, rate, durations })),
    deals: source.deals.map(({ id, stageIndex, amount, daysInStage, expectedClose }) => ({
      id,
      stageIndex,
      amount,
      daysInStage,
      ...(expectedClose ? { expectedClose } : {}),
    })),
  };
}
