import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { parseScenario } from '../../src/model/validate.js';
import { scenarioInput } from './arbitraries.js';

describe('parseScenario (properties)', () => {
  it('accepts every documented valid input; the normalized form parses back to itself', () => {
    fc.assert(
      fc.property(scenarioInput(), (input) => {
        const first = parseScenario(input);
        if (!first.ok) expect.fail(JSON.stringify(first.errors));
        expect(parseScenario(first.value)).to.deep.equal(first);
        // And it survives JSON, as it does in a file, a link or an attribute.
        expect(parseScenario(JSON.parse(JSON.stringify(first.value)))).to.deep.equal(first);
      }),
      { seed: 20260601, numRuns: 300 },
    );
  });

  it('fills the defaults: the sale at the last stage, EUR', () => {
    fc.assert(
      fc.property(scenarioInput(), (input) => {
        const out = parseScenario(input);
        if (!out.ok) expect.fail(JSON.stringify(out.errors));
        expect(out.value.wonStage).to.equal(input.wonStage ?? input.stages.length - 1);
        expect(out.value.currency).to.equal((input.currency ?? 'EUR').trim().toUpperCase());
        for (const stage of out.value.stages) expect(stage.rate).to.be.within(0, 1);
      }),
      { seed: 7, numRuns: 200 },
    );
  });
});
