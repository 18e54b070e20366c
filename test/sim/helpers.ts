import type { Scenario, ScenarioInput } from '../../src/model/types.js';
import {
  chanceToReach,
  diagnose,
  leadsNeeded,
  project,
  rateNeeded,
  scenarioVelocity,
  sensitivity,
  simulate,
  timeline,
  wonDistribution,
} from '../../src/sim/index.js';

/** A normalized scenario for engine tests: 1,000 leads worth 1,000 each, the sale at the last stage. */
export function scenario(fields: Partial<Scenario> & Pick<Scenario, 'stages'>): Scenario {
  return {
    leads: 1000,
    dealValue: 1000,
    currency: 'EUR',
    wonStage: fields.stages.length - 1,
    ...fields,
  };
}

/** Stages S0, S1, … with the given rates. */
export const stages = (...rates: number[]) => rates.map((rate, i) => ({ name: `S${i}`, rate }));

/** What the calls below use besides the scenario: a second scenario, a target, a stage. */
export interface CallArgs {
  other: ScenarioInput;
  won: number;
  stage: number;
}

/**
 * Every synchronous public function of `sales-funnel/sim` that takes a scenario, called with the
 * scenario first and fixed options (`simulateChunked` is the asynchronous one).
 */
export const CHECKED_CALLS: [string, (s: ScenarioInput, args: CallArgs) => unknown][] = [
  ['project', (s) => project(s)],
  ['wonDistribution', (s) => wonDistribution(s)],
  ['chanceToReach', (s, { won }) => chanceToReach(s, { won })],
  ['simulate', (s, { won }) => simulate(s, { trials: 50, seed: won })],
  ['sensitivity', (s, { other }) => sensitivity(s, { benchmark: other })],
  ['rateNeeded', (s, { won, stage }) => rateNeeded(s, stage, { revenue: won * 1000 })],
  ['leadsNeeded', (s, { won }) => leadsNeeded(s, { won })],
  ['timeline', (s, { won }) => timeline(s, { months: 3, goal: { won } })],
  ['scenarioVelocity', (s) => scenarioVelocity(s)],
  ['diagnose', (s, { other }) => diagnose(s, other, 'en')],
];
