import type { Scenario } from '../../src/model/types.js';

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
