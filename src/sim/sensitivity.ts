import type { Scenario, ScenarioInput } from '../model/types.js';
import { conversionTo, wonWithRate } from './project.js';

/**
 * Where an improvement pays off most: for every stage and for lead volume, the extra expected
 * won deals and revenue from one change, ranked best first.
 *
 * The maths the ranking rests on: won = leads × Π rateᵢ. Raising one rate by a relative x %
 * multiplies won by (1 + x) whichever stage it is, so every stage gains the same (until a rate
 * hits the cap of 1). Raising a rate by Δ points multiplies won by (rateᵢ + Δ) / rateᵢ, which is
 * largest where rateᵢ is smallest: the weakest stage gains most.
 *
 * Each lever also carries the opposite move (`downTo`, `downExtraWon`): −Δ points, −x %, or as
 * far below the current rate as the benchmark is above it (floored at 0), and −x % leads: the
 * left-hand bars of a tornado chart.
 */

/** Target rates by stage index; `null` / `undefined` (or a missing entry): the stage's own `benchmark`. */
export type BenchmarkRates = readonly (number | null | undefined)[];

export interface SensitivityOptions {
  /** Improvement in rate points (0.05 = +5 points), kept within rates 0 to 1. Default 0.05. */
  points?: number;
  /** Improvement relative to the current rate (0.1 = +10 %), capped at 1; wins over `points`. */
  relative?: number;
  /**
   * Target rate per stage (an array by stage index, or a scenario whose stages give them); wins
   * over `relative` and `points`. A stage without a target uses its own `benchmark` field, else
   * stays as is; a stage already at or above its target keeps its rate (gain 0).
   */
  benchmark?: BenchmarkRates | ScenarioInput | Scenario;
  /** Cost of one rate point (0.01) per stage, or one figure for all: levers are then ranked by return. */
  costPerPoint?: number | readonly number[];
  /** Relative increase of leads for the leads lever. Default `relative`, else 0.1 (+10 %). */
  leadsRelative?: number;
}

/** `SensitivityOptions` as `sensitivityUnchecked` takes them: a benchmark scenario normalized. */
export type UncheckedSensitivityOptions = Omit<SensitivityOptions, 'benchmark'> & {
  benchmark?: BenchmarkRates | Scenario;
};

export interface Lever {
  kind: 'stage' | 'leads';
  /** Stage index, −1 for leads. */
  index: number;
  name: string;
  /** The current rate (leads for the leads lever). */
  from: number;
  /** The improved rate (leads). */
  to: number;
  extraWon: number;
  extraRevenue: number;
  /**
   * The rate (leads) after the opposite move, as far down as `to` asked to go up: the current
   * rate − Δ points, × (1 − x) for relative and leads, or below it by the benchmark's distance
   * above it; kept within 0 to 1 (leads ≥ 0).
   */
  downTo: number;
  /** Change in expected won deals from the opposite move (≤ 0 where the move is an improvement). */
  downExtraWon: number;
  downExtraRevenue: number;
  /** Cost of the change, when `costPerPoint` (stages) or the scenario's cost per lead (leads) is known. */
  cost?: number;
  /** extraRevenue / cost (Infinity for a free gain). */
  returnPerCost?: number;
}

export interface Sensitivity {
  base: { won: number; revenue: number };
  /** Best first: by extra won deals, or by return when costs are given; ties (within 1e-9 relative) in funnel order, leads last. */
  levers: Lever[];
}

/** Whether a `benchmark` option is rates by stage rather than a scenario. */
export function isBenchmarkRates(
  bench: BenchmarkRates | ScenarioInput | Scenario,
): bench is BenchmarkRates {
  return Array.isArray(bench);
}

function benchmarkRate(s: Scenario, bench: UncheckedSensitivityOptions['benchmark'], i: number) {
  const own = s.stages[i].benchmark;
  if (!bench) return own;
  if (isBenchmarkRates(bench)) return bench[i] ?? own;
  return bench.stages[i]?.rate ?? own;
}

const clampRate = (rate: number) => Math.min(1, Math.max(0, rate));

/** Equal within 1e-9 relative (or both the same infinity). */
function nearlyEqual(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

/** Unchecked: `s` (and a benchmark scenario) must be normalized; `sensitivity` checks them. */
export function sensitivityUnchecked(
  s: Scenario,
  options: UncheckedSensitivityOptions = {},
): Sensitivity {
  const points = options.points ?? 0.05;
  const baseWon = s.leads * conversionTo(s, s.wonStage);
  const levers: Lever[] = s.stages.map((stage, i) => {
    const from = stage.rate;
    // The opposite move mirrors the change asked for, before the cap at 0 and 1.
    let to: number;
    let downTo: number;
    if (options.benchmark !== undefined) {
      to = Math.max(from, benchmarkRate(s, options.benchmark, i) ?? from);
      downTo = from - (to - from);
    } else if (options.relative !== undefined) {
      to = from * (1 + options.relative);
      downTo = from * (1 - options.relative);
    } else {
      to = from + points;
      downTo = from - points;
    }
    // A negative change (points −0.3 on a rate of 0.2) cannot go below 0 either.
    to = clampRate(to);
    downTo = clampRate(downTo);
    const extraWon = wonWithRate(s, i, to) - baseWon;
    const downExtraWon = wonWithRate(s, i, downTo) - baseWon;
    const lever: Lever = {
      kind: 'stage',
      index: i,
      name: stage.name,
      from,
      to,
      extraWon,
      extraRevenue: extraWon * s.dealValue,
      downTo,
      downExtraWon,
      downExtraRevenue: downExtraWon * s.dealValue,
    };
    if (options.costPerPoint !== undefined) {
      const perPoint =
        typeof options.costPerPoint === 'number' ? options.costPerPoint : options.costPerPoint[i];
      if (perPoint !== undefined) lever.cost = perPoint * (to - from) * 100;
    }
    return lever;
  });

  const leadsRelative = options.leadsRelative ?? options.relative ?? 0.1;
  const extraLeads = s.leads * leadsRelative;
  // Won is proportional to leads: −x % leads loses x % of won (all of it at x ≥ 100 %).
  const lessLeads = Math.min(1, leadsRelative);
  const leadsLever: Lever = {
    kind: 'leads',
    index: -1,
    name: 'leads',
    from: s.leads,
    to: s.leads + extraLeads,
    extraWon: baseWon * leadsRelative,
    extraRevenue: baseWon * leadsRelative * s.dealValue,
    downTo: s.leads - s.leads * lessLeads,
    downExtraWon: -baseWon * lessLeads,
    downExtraRevenue: -baseWon * lessLeads * s.dealValue,
  };
  const costPerLead =
    s.costPerLead ?? (s.spend !== undefined && s.leads > 0 ? s.spend / s.leads : undefined);
  if (options.costPerPoint !== undefined && costPerLead !== undefined)
    leadsLever.cost = extraLeads * costPerLead;
  levers.push(leadsLever);

  const byReturn = options.costPerPoint !== undefined;
  for (const lever of levers) {
    if (lever.cost === undefined) continue;
    lever.returnPerCost =
      lever.cost > 0 ? lever.extraRevenue / lever.cost : lever.extraRevenue > 0 ? Infinity : 0;
  }
  // Stable sort: ties keep funnel order (stages first, leads last). With +x % relative every
  // lever gains the same in exact arithmetic; the doubles differ in the last digits, so values
  // within 1e-9 relative count as tied instead of being ranked by rounding noise.
  levers.sort((a, b) => {
    if (byReturn) {
      const ra = a.returnPerCost ?? -Infinity;
      const rb = b.returnPerCost ?? -Infinity;
      if (!nearlyEqual(ra, rb)) return rb - ra;
    }
    return nearlyEqual(a.extraWon, b.extraWon) ? 0 : b.extraWon - a.extraWon;
  });
  return { base: { won: baseWon, revenue: baseWon * s.dealValue }, levers };
}

/**
 * The rate stage `index` would need for the expected won deals (or revenue) to reach the target,
 * other rates unchanged. It can be below the current rate when the target is already met.
 * `null` when no rate in [0, 1] is enough (including an after-sale stage while the target is not
 * met, and a zero rate elsewhere); 0 for an after-sale stage when the target is already met.
 * Unchecked: `s` must be normalized.
 */
export function rateNeededUnchecked(
  s: Scenario,
  index: number,
  target: { won: number } | { revenue: number },
): number | null {
  let won: number;
  if ('won' in target) won = target.won;
  else if (s.dealValue > 0) won = target.revenue / s.dealValue;
  else return target.revenue <= 0 ? 0 : null;
  if (won <= 0) return 0;
  if (index < 0 || index >= s.stages.length) throw new RangeError(`rateNeeded: no stage ${index}`);
  if (index > s.wonStage) return s.leads * conversionTo(s, s.wonStage) >= won ? 0 : null;
  const others = wonWithRate(s, index, 1);
  if (!(others > 0)) return null;
  const rate = won / others;
  return rate <= 1 ? rate : null;
}
