import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  addStage,
  moveStage,
  removeStage,
  renameStage,
  setField,
  setRate,
} from '../../../../src/elements/sales-simulator/model/scenario-edits.js';
import type { Scenario } from '../../../../src/model/types.js';
import { parseScenario } from '../../../../src/model/validate.js';
import { scenarioArb } from '../arbitraries.js';
import { SCENARIO } from '../fixtures.js';
import { project } from '../../../../src/sim/index.js';

const names = (s: Scenario) => s.stages.map((st) => st.name);

describe('scenario edits', () => {
  it('sets and removes a field, leaving the scenario given alone', () => {
    const before = structuredClone(SCENARIO);
    const next = setField(SCENARIO, 'leads', 2000);
    expect(next.leads).to.equal(2000);
    expect(SCENARIO).to.deep.equal(before);
    expect('costPerLead' in setField(SCENARIO, 'costPerLead', undefined)).to.equal(false);
  });

  it('sets a rate within 0…1 and forgets the observed counts it replaces', () => {
    const observed: Scenario = {
      ...SCENARIO,
      stages: [{ name: 'A', rate: 21 / 42, observed: { won: 20, of: 40 } }, SCENARIO.stages[1]],
      wonStage: 1,
    };
    const next = setRate(observed, 0, 0.7);
    expect(next.stages[0]).to.deep.equal({ name: 'A', rate: 0.7 });
    expect(observed.stages[0].observed).to.deep.equal({ won: 20, of: 40 });
    expect(setRate(SCENARIO, 1, 1.4).stages[1].rate).to.equal(1);
    expect(setRate(SCENARIO, 1, -0.2).stages[1].rate).to.equal(0);
    expect(setRate(SCENARIO, 7, 0.5)).to.equal(SCENARIO);
  });

  it('renames a stage in every language', () => {
    const bilingual: Scenario = {
      ...SCENARIO,
      stages: [{ name: 'Contact', names: { es: 'Contacto' }, rate: 0.6 }],
      wonStage: 0,
    };
    expect(renameStage(bilingual, 0, 'Call').stages[0]).to.deep.equal({ name: 'Call', rate: 0.6 });
  });

  it('adds a stage at rate 1 that changes nothing, the sale following it when it was last', () => {
    const next = addStage(SCENARIO, 'Contract');
    expect(names(next)).to.deep.equal(['Contact', 'Demo', 'Close', 'Contract']);
    expect(next.stages[3].rate).to.equal(1);
    expect(next.wonStage).to.equal(3);
    expect(project(next).won).to.equal(project(SCENARIO).won);
    // With after-sale steps, the sale stays where it was.
    const withAfterSale = { ...SCENARIO, wonStage: 1 };
    expect(addStage(withAfterSale, 'X').wonStage).to.equal(1);
  });

  it('removes a stage, moving the sale up when it was at or after it', () => {
    expect(names(removeStage(SCENARIO, 0))).to.deep.equal(['Demo', 'Close']);
    expect(removeStage(SCENARIO, 0).wonStage).to.equal(1);
    expect(removeStage({ ...SCENARIO, wonStage: 0 }, 2).wonStage).to.equal(0);
    expect(removeStage({ ...SCENARIO, wonStage: 1 }, 2).wonStage).to.equal(1);
    const one = { ...SCENARIO, stages: [SCENARIO.stages[0]], wonStage: 0 };
    expect(removeStage(one, 0)).to.equal(one);
  });

  it('moves a stage up or down, the sale staying after the same number of stages', () => {
    const up = moveStage(SCENARIO, 2, -1);
    expect(names(up)).to.deep.equal(['Contact', 'Close', 'Demo']);
    expect(up.wonStage).to.equal(2);
    expect(moveStage(SCENARIO, 0, -1)).to.equal(SCENARIO);
    expect(moveStage(SCENARIO, 2, 1)).to.equal(SCENARIO);
  });

  it('always gives a valid scenario whose sale points at a stage (property)', () => {
    const edit = fc.oneof(
      fc.record({ kind: fc.constant('add' as const) }),
      fc.record({ kind: fc.constant('remove' as const), i: fc.integer({ min: -1, max: 9 }) }),
      fc.record({
        kind: fc.constant('move' as const),
        i: fc.integer({ min: -1, max: 9 }),
        by: fc.constantFrom(-1 as const, 1 as const),
      }),
      fc.record({
        kind: fc.constant('rate' as const),
        i: fc.integer({ min: 0, max: 9 }),
        rate: fc.double({ min: -1, max: 2, noNaN: true }),
      }),
    );
    fc.assert(
      fc.property(scenarioArb, fc.array(edit, { maxLength: 30 }), (start, edits) => {
        let s = start;
        for (const e of edits) {
          const prev = s;
          const snapshot = structuredClone(s);
          const n = s.stages.length;
          if (e.kind === 'add') s = addStage(s, 'New');
          else if (e.kind === 'remove') s = removeStage(s, e.i);
          else if (e.kind === 'move') s = moveStage(s, e.i, e.by);
          else s = setRate(s, e.i, e.rate);
          expect(prev, 'the edit changed its argument').to.deep.equal(snapshot);
          expect(s.stages.length).to.be.within(Math.max(1, n - 1), Math.min(50, n + 1));
          expect(s.wonStage).to.be.within(0, s.stages.length - 1);
          const parsed = parseScenario(s);
          expect(parsed.ok, JSON.stringify(!parsed.ok && parsed.errors)).to.equal(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});
