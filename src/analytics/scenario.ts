import { observedRate } from '../model/rates.js';
import type { Deal, Lang, Pipeline, Scenario, Stage, StageEvent } from '../model/types.js';
import { replay } from './history.js';
import { monthsBefore, type PeriodUnit } from './periods.js';
import { statsFromPaths } from './stage-stats.js';

export interface ScenarioFromPipelineOptions {
  now: number;
  /** Language for stage names. */
  lang?: Lang;
  /** Deal value to use when nothing has been won yet. Default 0. */
  dealValue?: number;
  /** Length of the scenario's period: `leads` counts deals created in the last one. Default quarter. */
  by?: PeriodUnit;
  /** Start of the leads window instead of `now` minus one period (e.g. a calendar quarter's start). */
  from?: number;
}

/**
 * "Calibrate from my pipeline": a scenario whose rates are the pipeline's observed conversions.
 *
 * - `leads`: deals created in the period ending at `now` (the last 3 months by default, or the
 *   last month), or since `from`.
 * - stage rates: `observed = { won, of }` from every deal created up to `now` (all the evidence,
 *   so the simulator's uncertainty band narrows as history grows), `rate` their posterior
 *   mean (won + 1) / (of + 2) (`observedRate`: ½ at 0 of 0), as `parseScenario` normalizes it.
 * - `days`: median days in stage, left out where no visit has finished.
 * - `dealValue`: mean amount of the won deals, else `options.dealValue`.
 * - `wonStage`: the last stage; `currency`: the pipeline's.
 *
 * A pipeline without stages gives a scenario without stages, which `parseScenario` rejects.
 */
export function scenarioFromPipeline(
  pipeline: Pipeline,
  deals: readonly Deal[],
  events: readonly StageEvent[],
  options: ScenarioFromPipelineOptions,
): Scenario {
  const { now } = options;
  const paths = replay(pipeline, deals, events, now);
  const stats = statsFromPaths(pipeline, paths, options);
  const from = options.from ?? monthsBefore(now, options.by === 'month' ? 1 : 3);
  const leads = paths.filter(
    (p) => p.depth >= 0 && p.deal.createdAt >= from && p.deal.createdAt <= now,
  ).length;
  const stages = stats.stages.map((s, i): Stage => {
    const stage: Stage = {
      name: s.name,
      rate: observedRate(s.observed),
      observed: { ...s.observed },
    };
    const names = pipeline.stages[i].names;
    if (names) stage.names = { ...names };
    if (s.medianDays !== null) stage.days = s.medianDays;
    return stage;
  });
  return {
    name: pipeline.name,
    leads,
    dealValue: stats.won > 0 ? stats.amountWon / stats.won : (options.dealValue ?? 0),
    stages,
    wonStage: Math.max(0, stages.length - 1),
    currency: pipeline.currency,
  };
}
