import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { Scenario, ScenarioInput } from '../../src/model/types.js';
import { parseScenario } from '../../src/model/validate.js';
import { project } from '../../src/sim/index.js';
import { scenarioInput } from '../model/arbitraries.js';
import { CHECKED_CALLS, type CallArgs } from './helpers.js';

/** Every checked function's result on one scenario, by name. */
const figures = (s: ScenarioInput | Scenario, args: CallArgs) =>
  Object.fromEntries(CHECKED_CALLS.map(([name, call]) => [name, call(s, args)]));

function normalized(input: ScenarioInput): Scenario {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}

describe('the checked engine (properties)', () => {
  it('gives the same figures for a raw scenario and its normalized form', () => {
    fc.assert(
      fc.property(
        scenarioInput(6),
        scenarioInput(6),
        fc.integer({ min: 0, max: 200 }),
        fc.nat(),
        (input, other, won, pick) => {
          const args = { other, won, stage: pick % input.stages.length };
          expect(figures(input, args)).to.deep.equal(figures(normalized(input), args));
        },
      ),
      { seed: 42, numRuns: 100 },
    );
  });

  it('projects what the normalized rates say: won = leads × Π rates up to wonStage', () => {
    fc.assert(
      fc.property(scenarioInput(), (input) => {
        const s = normalized(input);
        let conversion = 1;
        for (const stage of s.stages.slice(0, s.wonStage + 1)) conversion *= stage.rate;
        const p = project(input);
        expect(p.overallConversion).to.equal(conversion);
        expect(p.won).to.be.closeTo(s.leads * conversion, 1e-12 * s.leads);
        expect(p.won).to.be.within(0, s.leads);
      }),
      { seed: 9, numRuns: 200 },
    );
  });
});
