import { parseScenario } from '../../../src/model/validate.js';
import type { Scenario } from '../../../src/model/types.js';

/** The data sets the funnel's tests draw, as a page would write them. */

export const STAGES = [
  { name: 'Leads', value: 1200 },
  { name: 'Qualified', value: 600 },
  { name: 'Offer', value: 150 },
  { name: 'Won', value: 90 },
];

export const SCENARIO = {
  leads: 1000,
  dealValue: 2500,
  stages: [
    { name: 'Contact', rate: 0.6 },
    { name: 'Demo', rate: 0.5 },
    { name: 'Close', rate: 0.4 },
  ],
};

/** 1000 leads × 0.3 × 0.5 × 0.2 × 0.8646 = 25.938 won; stage 3 (Close) is the sale. */
export const SCENARIO_WITH_AFTER_SALE = {
  leads: 1000,
  dealValue: 3000,
  wonStage: 3,
  stages: [
    { name: 'Prospecting', rate: 0.3 },
    { name: 'Qualify', rate: 0.5 },
    { name: 'Offer', rate: 0.2 },
    { name: 'Close', rate: 0.8646 },
    { name: 'Follow-up', rate: 0.9 },
  ],
};

/** The three stages the money and interaction tests use. */
export const THREE = STAGES.filter((s) => s.name !== 'Offer');

/** `input`, normalized as the element reads it. */
export function parsedScenario(input: object): Scenario {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}
