import type { Scenario } from '../model/types.js';
import { binomialSf } from './exact.js';
import { conversionTo } from './project.js';
import { wonForTarget, type Target } from './won-needed.js';

/** Days in an average month (365.25 / 12). */
export const DAYS_PER_MONTH = 365.25 / 12;

export interface TimelineOptions {
  /** Months in the horizon. Default 6. */
  months?: number;
  /** Leads arriving per month: one figure, or one per month. Default the scenario's `leads`. */
  leadsPerMonth?: number | readonly number[];
  /**
   * Days per stage, overriding the stages' own `days` (missing entries fall back to them, then
   * to 0 with `daysKnown: false` in the result).
   */
  stageDays?: readonly (number | undefined)[];
  /** Leads per month before month 0, already in the pipeline. Default 0: the pipeline starts empty. */
  priorLeadsPerMonth?: number;
  /** A goal for the whole horizon. */
  goal?: Target;
  /** Days per month. Default 30.4375. */
  daysPerMonth?: number;
}

export interface TimelineMonth {
  /** 0-based month of the horizon. */
  month: number;
  /** Leads arriving this month. */
  leads: number;
  /** Expected won deals landing this month. */
  won: number;
  revenue: number;
  cumulativeWon: number;
  cumulativeRevenue: number;
}

export interface TimelineGoal {
  /** Won deals the goal asks for. */
  won: number;
  /** Expected won deals over the horizon. */
  expected: number;
  /** Expected ≥ goal. */
  onTrack: boolean;
  /** Exact chance of reaching the goal: P(Binomial(leads landing in time, conversion) ≥ won). */
  chance: number;
}

export interface Timeline {
  /** Days from lead to won: the sum of stage days up to `wonStage` (a missing one counted as 0). */
  cycleDays: number;
  /**
   * False when a stage up to `wonStage` has no days (neither in `stageDays` nor its own): the
   * cycle, and so every month's landing, is then too early; show it as a lower bound or ask.
   */
  daysKnown: boolean;
  /** The same in months. */
  cycleMonths: number;
  conversion: number;
  months: TimelineMonth[];
  /** Leads whose cycle ends within the horizon (they are the ones that can be won in time). */
  leadsInTime: number;
  totalWon: number;
  totalRevenue: number;
  goal?: TimelineGoal;
}

/**
 * Days from lead to won: the sum of stage days up to `wonStage`, each from `stageDays`, else the
 * stage's own `days`, else `missing`. `null` when a stage has none and no `missing` is given: a
 * stage without days is unknown, not instant.
 */
export function cycleDays(
  s: Pick<Scenario, 'stages' | 'wonStage'>,
  stageDays?: readonly (number | undefined)[],
  missing?: number,
): number | null {
  let total = 0;
  for (let i = 0; i <= s.wonStage && i < s.stages.length; i++) {
    const days = stageDays?.[i] ?? s.stages[i].days ?? missing;
    if (days === undefined) return null;
    total += days;
  }
  return total;
}

/**
 * When the won deals land, month by month. Leads arrive evenly through each month and every
 * deal takes the full cycle (the sum of stage days up to `wonStage`), so the leads of month m
 * close during [m + d, m + 1 + d) with d the cycle in months: a share 1 − frac(d) of them lands
 * in month m + ⌊d⌋ and frac(d) in the next. Each lead converts independently with the overall
 * conversion, so won deals within the horizon ~ Binomial(leads landing in time, conversion)
 * exactly (the landing schedule is fixed; only conversion is random). Unchecked: `s` must be
 * normalized.
 */
export function timelineUnchecked(s: Scenario, options: TimelineOptions = {}): Timeline {
  const horizon = Math.max(0, Math.floor(options.months ?? 6));
  const daysPerMonth = options.daysPerMonth ?? DAYS_PER_MONTH;
  const known = cycleDays(s, options.stageDays);
  const days = known ?? cycleDays(s, options.stageDays, 0) ?? 0;
  const cycleMonths = days / daysPerMonth;
  const whole = Math.floor(cycleMonths);
  const frac = cycleMonths - whole;
  const conversion = conversionTo(s, s.wonStage);
  const leadsIn = (m: number): number => {
    if (m < 0) return options.priorLeadsPerMonth ?? 0;
    const given = options.leadsPerMonth ?? s.leads;
    return typeof given === 'number' ? given : (given[m] ?? 0);
  };

  // Leads landing (finishing the cycle) in month j come from months j − ⌊d⌋ and j − ⌊d⌋ − 1.
  const landing = (j: number) => (1 - frac) * leadsIn(j - whole) + frac * leadsIn(j - whole - 1);
  const months: TimelineMonth[] = [];
  let cumulativeWon = 0;
  let leadsInTime = 0;
  for (let j = 0; j < horizon; j++) {
    const landed = landing(j);
    leadsInTime += landed;
    const won = landed * conversion;
    cumulativeWon += won;
    months.push({
      month: j,
      leads: leadsIn(j),
      won,
      revenue: won * s.dealValue,
      cumulativeWon,
      cumulativeRevenue: cumulativeWon * s.dealValue,
    });
  }
  const out: Timeline = {
    cycleDays: days,
    daysKnown: known !== null,
    cycleMonths,
    conversion,
    months,
    leadsInTime,
    totalWon: cumulativeWon,
    totalRevenue: cumulativeWon * s.dealValue,
  };
  if (options.goal) {
    const goalWon = wonForTarget(s, options.goal);
    // Leads arrive evenly, so a fractional share is a count rounded down (guarding float dust).
    const n = Math.floor(leadsInTime + 1e-9);
    out.goal = {
      won: goalWon,
      expected: cumulativeWon,
      onTrack: cumulativeWon >= goalWon,
      chance: binomialSf(goalWon, n, conversion),
    };
  }
  return out;
}
