import {
  forecastParts,
  type ForecastSource,
  type ForecastSourceDeal,
} from '../../../analytics/forecast-source.js';
import { dayStart } from '../../../model/calendar.js';
import { forecast, type Band, type ForecastInput } from '../../../sim/index.js';

/**
 * `<sales-forecast>`'s figures, from a pipeline's forecast source: pure, so the element only
 * formats and lays them out. Three forecasts of the same open deals: this quarter (with the
 * goal and what is won already), the next two quarters (for the next one's band), and six
 * months. A what-if changes the input of the first one and says the new chance and band.
 */

/** Days in stage after which a deal is stale when its stage has too few visits to learn from. */
export const DEFAULT_STALE_DAYS = 30;
const TRIALS = 10000;
const SHOWN_DEALS = 5;
/** The what-if on a stage's conversion, in rate points. */
export const WHAT_IF_POINTS = 0.05;

export type WhatIf =
  { kind: 'none' } | { kind: 'stage'; stage: number } | { kind: 'lose-largest' } | { kind: 'slip' };

/**
 * Why a band's expected value lies outside its p10–p90 range, said beside it: a mean outside the
 * range shown reads as a bug otherwise. `rare`: in most outcomes the open deals win nothing
 * there (p90 is what is won already), `chance` being that of any win; `above`: a large deal that
 * seldom closes lifts the mean over p90; `below`: deals that are likely won, and the small chance
 * of losing them, put the mean under p10.
 */
export type BandNote = { kind: 'rare'; chance: number } | { kind: 'above' } | { kind: 'below' };

export interface QuarterFigures {
  label: string;
  /** Won already in the quarter (0 for the next one). */
  achieved: number;
  /** Won revenue in the quarter, what is won already included. */
  revenue: Band;
  /** The chance of reaching the goal; `null` without one. */
  chance: number | null;
  note?: BandNote;
}

export interface MonthFigures {
  label: string;
  /** The month's first moment, to name it in the page's language. */
  start: number;
  revenue: Band;
  note?: BandNote;
}

export type Risk =
  | { kind: 'stale'; days: number; limit: number; learned: boolean }
  | { kind: 'overdue'; date: string };

export interface DealFigures {
  deal: ForecastSourceDeal;
  winProbability: number;
  expectedValue: number;
  risk?: Risk;
}

export interface ForecastView {
  quarters: [QuarterFigures, QuarterFigures];
  months: MonthFigures[];
  coverage: number | null;
  top: DealFigures[];
  risky: DealFigures[];
  /** This quarter under the what-if, when one is chosen. */
  whatIf?: { chance: number | null; revenue: Band };
}

export interface ViewOptions {
  now: number;
  /** Won revenue each quarter. */
  goal?: number;
  whatIf?: WhatIf;
  /** Deals the person ticked as slipping to next quarter. */
  slipping?: ReadonlySet<string>;
}

/**
 * The note a band needs, if any. A difference within rounding (half a unit, or 0.5 % of the
 * bound, which a compact figure such as €45.1K cannot show) needs none.
 */
export function bandNote(band: Band, chanceOfAnyWin: number, achieved = 0): BandNote | undefined {
  const beyond = (a: number, b: number) => a - b > Math.max(0.5, 0.005 * Math.abs(b));
  if (beyond(band.expected, band.p90)) {
    return beyond(band.p90, achieved)
      ? { kind: 'above' }
      : { kind: 'rare', chance: chanceOfAnyWin };
  }
  if (beyond(band.p10, band.expected)) return { kind: 'below' };
  return undefined;
}

const withNote = <T extends object>(figures: T, note: BandNote | undefined): T =>
  note ? { ...figures, note } : figures;

const plus = (band: Band, x: number): Band => ({
  expected: band.expected + x,
  p10: band.p10 + x,
  p50: band.p50 + x,
  p90: band.p90 + x,
});

function thisQuarter(source: ForecastSource, input: ForecastInput, goal: number | undefined) {
  const f = forecast({
    ...input,
    period: 'quarter',
    horizon: 1,
    achieved: { revenue: source.won.amount },
    ...(goal !== undefined ? { goal: { revenue: goal } } : {}),
  });
  const revenue = plus(f.total.revenue, source.won.amount);
  const note = bandNote(revenue, f.periods[0].chanceOfAnyWin, source.won.amount);
  return { f, revenue, chance: f.goal?.chance ?? null, note };
}

/** The risk a deal shows: past its close date, or longer in its stage than most deals stay. */
export function riskOf(
  source: ForecastSource,
  deal: ForecastSourceDeal,
  now: number,
): Risk | undefined {
  const close = deal.expectedClose ? dayStart(deal.expectedClose) : NaN;
  const today = new Date(now);
  const midnight = new Date(today.getFullYear(), today.getMonth(), today.getDate()).getTime();
  if (close < midnight) return { kind: 'overdue', date: deal.expectedClose! };
  const learned = source.stages[deal.stageIndex].staleAfter;
  const limit = learned ?? DEFAULT_STALE_DAYS;
  if (deal.daysInStage > limit) {
    return { kind: 'stale', days: deal.daysInStage, limit, learned: learned !== null };
  }
  return undefined;
}

/** The input of this quarter's forecast under a what-if. */
export function whatIfInput(
  source: ForecastSource,
  input: ForecastInput,
  whatIf: WhatIf,
  slipping: ReadonlySet<string>,
): ForecastInput {
  switch (whatIf.kind) {
    case 'none':
      return input;
    case 'stage':
      return {
        ...input,
        // Counts stay counts (so the spread stays): enough more won for 5 points more on the mean.
        stages: input.stages.map((s, i) => {
          if (i !== whatIf.stage || typeof s.rate !== 'object') return s;
          const { won, of } = s.rate;
          return {
            ...s,
            rate: { won: Math.min(of, Math.round(won + WHAT_IF_POINTS * (of + 2))), of },
          };
        }),
      };
    case 'lose-largest': {
      const largest = source.deals.reduce<ForecastSourceDeal | undefined>(
        (best, d) => (!best || d.amount > best.amount ? d : best),
        undefined,
      );
      return { ...input, deals: input.deals.filter((d) => d.id !== largest?.id) };
    }
    case 'slip':
      return { ...input, deals: input.deals.filter((d) => !slipping.has(d.id)) };
  }
}

export function forecastView(source: ForecastSource, options: ViewOptions): ForecastView {
  const { now, goal } = options;
  const input: ForecastInput = { now, trials: TRIALS, seed: 1, ...forecastParts(source) };
  const current = thisQuarter(source, input, goal);
  const next = forecast({ ...input, period: 'quarter', horizon: 2 }).periods[1];
  const months = forecast({ ...input, period: 'month', horizon: 6 });

  const figures: DealFigures[] = source.deals.map((deal, i) => {
    const risk = riskOf(source, deal, now);
    return {
      deal,
      winProbability: current.f.deals[i].winProbability,
      expectedValue: current.f.deals[i].expectedValue,
      ...(risk ? { risk } : {}),
    };
  });
  const byValue = [...figures].sort((a, b) => b.expectedValue - a.expectedValue);
  const whatIf = options.whatIf ?? { kind: 'none' };
  let changed: ForecastView['whatIf'];
  if (whatIf.kind !== 'none' && !(whatIf.kind === 'slip' && !options.slipping?.size)) {
    const next = thisQuarter(
      source,
      whatIfInput(source, input, whatIf, options.slipping ?? new Set()),
      goal,
    );
    changed = { chance: next.chance, revenue: next.revenue };
  }
  return {
    quarters: [
      withNote(
        {
          label: source.quarter.label,
          achieved: source.won.amount,
          revenue: current.revenue,
          chance: current.chance,
        },
        current.note,
      ),
      withNote(
        { label: next.period.label, achieved: 0, revenue: next.revenue, chance: null },
        bandNote(next.revenue, next.chanceOfAnyWin),
      ),
    ],
    months: months.periods.map((p) =>
      withNote(
        { label: p.period.label, start: p.period.start, revenue: p.revenue },
        bandNote(p.revenue, p.chanceOfAnyWin),
      ),
    ),
    coverage: current.f.coverage,
    top: byValue.slice(0, SHOWN_DEALS),
    risky: byValue.filter((d) => d.risk).slice(0, SHOWN_DEALS),
    ...(changed ? { whatIf: changed } : {}),
  };
}
