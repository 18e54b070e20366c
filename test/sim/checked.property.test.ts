import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { Scenario, ScenarioInput } from '../../src/model/types.js';
import { parseScenario } from '../../src/model/validate.js';
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
import { scenarioInput } from '../model/arbitraries.js';

/** Every checked function, on one scenario, with the same options and targets for both forms. */
function figures(s: ScenarioInput | Scenario, other: ScenarioInput, won: number, stage: number) {
  return {
    project: project(s),
    wonDistribution: wonDistribution(s),
    chanceToReach: chanceToReach(s, { won }),
    simulate: simulate(s, { trials: 50, seed: won }),
    sensitivity: sensitivity(s, { points: 0.05, benchmark: other }),
    rateNeeded: rateNeeded(s, stage, { revenue: won * 1000 }),
    leadsNeeded: leadsNeeded(s, { won }),
    timeline: timeline(s, { months: 3, goal: { won } }),
    scenarioVelocity: scenarioVelocity(s),
    diagnose: diagnose(s, other, 'en'),
  };
}

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
          const stage = pick % input.stages.length;
          expect(figures(input, other, won, stage)).to.deep.equal(
            figures(normalized(input), other, won, stage),
          );
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
