/**
 * The engine, `sales-funnel/sim`: pure functions, in Node or the browser.
 *
 * Naming: every function here that takes a scenario accepts what a person writes
 * (`ScenarioInput`: `wonStage` and `currency` left out, rates as `{ won, of }` counts) or a
 * normalized `Scenario`, and never returns a figure for an invalid one: it throws a
 * `ScenarioError` whose `errors` are `parseScenario(input).errors` (checked.ts). Behind each,
 * in its own module, is `<name>Unchecked` (`projectUnchecked`, `simulateUnchecked`, …): the
 * implementation, which trusts a `Scenario` normalized already, for the other sim modules, the
 * elements (which validate their input once, as it arrives) and hot loops. The unchecked
 * functions, and helpers that take part of a scenario (`conversionTo`, `wonWithRate`…), are not
 * exported here: their figures are in the checked functions' results.
 */
export * from './checked.js';
export type { Projection, StageProjection } from './project.js';
export {
  approxNormalQuantile,
  binomialCdf,
  binomialPmf,
  binomialQuantile,
  binomialSf,
  incompleteBeta,
  incompleteBetaPair,
  logGamma,
  reachesLevel,
  smallestReaching,
  stirlerr,
  type WonDistribution,
} from './exact.js';
export * from './random.js';
export {
  summarize,
  type ChunkOptions,
  type HistogramBin,
  type SimulatedStage,
  type SimulateOptions,
  type SimulationResult,
  type Summary,
} from './monte-carlo.js';
export type { BenchmarkRates, Lever, Sensitivity, SensitivityOptions } from './sensitivity.js';
export type { LeadsNeeded } from './targets.js';
export { ceilTolerant, type Target } from './won-needed.js';
export {
  DAYS_PER_MONTH,
  type Timeline,
  type TimelineGoal,
  type TimelineMonth,
  type TimelineOptions,
} from './timeline.js';
export { velocity, type Velocity, type VelocityInput } from './velocity.js';
export type { Diagnosis } from './diagnosis.js';
export type {
  Band,
  Forecast,
  ForecastDeal,
  ForecastDealResult,
  ForecastOptions,
  ForecastPeriod,
  ForecastStage,
} from './forecast.js';
export {
  MAX_FORECAST_TRIALS,
  MAX_HORIZON,
  type ForecastInput,
  type ForecastStageInput,
} from './forecast-input.js';
// The input and the error of every function above, so `sales-funnel/sim` alone is enough.
export { ScenarioError } from '../model/scenario-error.js';
export { normalizeScenario, type NormalizeOptions } from '../model/validate.js';
export type {
  Scenario,
  ScenarioInput,
  Stage,
  StageInput,
  ValidationError,
} from '../model/types.js';
// Re-exported so `sales-funnel/sim` alone still offers the bound `leadsNeeded` searches up to.
export { MAX_LEADS } from '../model/validate.js';
