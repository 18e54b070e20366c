import type { Lang, Scenario, ScenarioInput } from '../model/types.js';
import { normalizeScenario } from '../model/validate.js';
import { diagnoseUnchecked, type Diagnosis } from './diagnosis.js';
import { forecastUnchecked, type Forecast } from './forecast.js';
import { normalizeForecast, type ForecastInput } from './forecast-input.js';
import { chanceToReachUnchecked, wonDistributionUnchecked, type WonDistribution } from './exact.js';
import {
  simulateChunkedUnchecked,
  simulateUnchecked,
  type ChunkOptions,
  type SimulateOptions,
  type SimulationResult,
} from './monte-carlo.js';
import { projectUnchecked, type Projection } from './project.js';
import {
  isBenchmarkRates,
  rateNeededUnchecked,
  sensitivityUnchecked,
  type BenchmarkRates,
  type Sensitivity,
  type SensitivityOptions,
} from './sensitivity.js';
import { leadsNeededUnchecked, type LeadsNeeded } from './targets.js';
import { timelineUnchecked, type Timeline, type TimelineOptions } from './timeline.js';
import { scenarioVelocityUnchecked, type Velocity } from './velocity.js';
import type { Target } from './won-needed.js';

/**
 * The engine as `sales-funnel/sim` publishes it. Each function takes a scenario as people write
 * it (`ScenarioInput`: no `wonStage`, rates as counts…) or a normalized `Scenario`, normalizes
 * it with `normalizeScenario` (a `ScenarioError` with `parseScenario`'s errors for an invalid
 * one) and hands the result to its `…Unchecked` implementation. Targets and benchmark rates that
 * would turn every figure into NaN throw a `RangeError` naming them.
 */

type AnyScenario = ScenarioInput | Scenario;

/** The expected projection: deals per stage, won, revenue, conversion, CAC, LTV. */
export function project(scenario: AnyScenario): Projection {
  return projectUnchecked(normalizeScenario(scenario));
}

/** Won deals with fixed rates: Binomial(leads, conversion), its mean, sd and quantiles. */
export function wonDistribution(scenario: AnyScenario): WonDistribution {
  return wonDistributionUnchecked(normalizeScenario(scenario));
}

/** The exact chance of reaching a target of won deals or revenue, with fixed rates. */
export function chanceToReach(scenario: AnyScenario, target: Target): number {
  const s = normalizeScenario(scenario);
  checkTarget('chanceToReach', target);
  return chanceToReachUnchecked(s, target);
}

/** The Monte Carlo in one go. @throws RangeError when `trials` is below 1. */
export function simulate(scenario: AnyScenario, options: SimulateOptions = {}): SimulationResult {
  return simulateUnchecked(normalizeScenario(scenario), options);
}

/** The Monte Carlo in chunks; an invalid scenario rejects the promise. */
export async function simulateChunked(
  scenario: AnyScenario,
  options: SimulateOptions,
  chunks: ChunkOptions,
): Promise<SimulationResult> {
  return simulateChunkedUnchecked(normalizeScenario(scenario), options, chunks);
}

/**
 * Every stage and lead volume ranked by what one change adds. A benchmark scenario is checked
 * too (a `ScenarioError` whose `field` is `benchmark`); benchmark rates must be within 0 and 1.
 */
export function sensitivity(scenario: AnyScenario, options: SensitivityOptions = {}): Sensitivity {
  const s = normalizeScenario(scenario);
  const { benchmark, ...rest } = options;
  if (benchmark === undefined) return sensitivityUnchecked(s, rest);
  if (isBenchmarkRates(benchmark)) {
    checkRates(benchmark);
    return sensitivityUnchecked(s, { ...rest, benchmark });
  }
  return sensitivityUnchecked(s, {
    ...rest,
    benchmark: normalizeScenario(benchmark, { field: 'benchmark' }),
  });
}

/** The rate one stage would need for a target, or `null` when no rate in [0, 1] is enough. */
export function rateNeeded(scenario: AnyScenario, index: number, target: Target): number | null {
  const s = normalizeScenario(scenario);
  checkTarget('rateNeeded', target);
  return rateNeededUnchecked(s, index, target);
}

/** Leads needed for a target, in expectation and with a chosen chance of reaching it. */
export function leadsNeeded(
  scenario: AnyScenario,
  target: Target,
  options: { confidence?: number } = {},
): LeadsNeeded {
  const s = normalizeScenario(scenario);
  checkTarget('leadsNeeded', target);
  return leadsNeededUnchecked(s, target, options);
}

/** When the won deals land, month by month, and whether a goal is on track. */
export function timeline(scenario: AnyScenario, options: TimelineOptions = {}): Timeline {
  const s = normalizeScenario(scenario);
  if (options.goal) checkTarget('timeline', options.goal, 'goal');
  return timelineUnchecked(s, options);
}

/** Sales velocity of the whole funnel; `null` when a stage's days are unknown or the cycle is 0. */
export function scenarioVelocity(scenario: AnyScenario): Velocity | null {
  return scenarioVelocityUnchecked(normalizeScenario(scenario));
}

/**
 * The bottleneck process against a benchmark, in one sentence in `lang`; a `ScenarioError`
 * for either scenario has its messages in `lang` too (`field` `benchmark` for the second).
 */
export function diagnose(scenario: AnyScenario, benchmark: AnyScenario, lang: Lang): Diagnosis {
  return diagnoseUnchecked(
    normalizeScenario(scenario, { lang }),
    normalizeScenario(benchmark, { lang, field: 'benchmark' }),
    lang,
  );
}

/** A target of NaN or ±Infinity would come back as NaN figures. */
function checkTarget(fn: string, target: Target, name = 'target'): void {
  const [key, value] = 'won' in target ? ['won', target.won] : ['revenue', target.revenue];
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new RangeError(`${fn}: ${name}.${key} must be a finite number, not ${String(value)}`);
  }
}

/** Benchmark rates by stage: each a share in [0, 1], or `null` / `undefined` for none. */
function checkRates(rates: BenchmarkRates): void {
  rates.forEach((rate, i) => {
    if (rate === null || rate === undefined) return;
    if (!(rate >= 0 && rate <= 1)) {
      throw new RangeError(
        `sensitivity: benchmark[${i}] must be a rate between 0 and 1, not ${String(rate)}`,
      );
    }
  });
}

/**
 * What the open deals will bring and when: bands per period and in total, the chance of a
 * goal, each deal's win probability (forecast.ts says how). The input is read as people write
 * it; a `ScenarioError` (field `forecast`) names every field at fault, in `lang`.
 */
export function forecast(input: ForecastInput, options: { lang?: Lang } = {}): Forecast {
  return forecastUnchecked(normalizeForecast(input, options.lang));
}
