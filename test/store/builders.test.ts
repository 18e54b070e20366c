import { expect } from '@open-wc/testing';
import { getPreset } from '../../src/model/presets.js';
import type { Pipeline } from '../../src/model/types.js';
import {
  buildDeal,
  buildPipeline,
  buildStages,
  compact,
  stageEvent,
  type BuildContext,
} from '../../src/store/builders.js';
import { DEFAULT_PRESET, stagesFromPreset } from '../../src/store/defaults.js';
import { StoreError } from '../../src/store/errors.js';
import { counterIds, stepClock } from './helpers.js';

const context = (lang: BuildContext['lang'] = 'en'): BuildContext => ({
  now: stepClock(1000, 1000),
  newId: counterIds(),
  lang,
});

/** The error `fn` throws; fails when it throws none or something else. */
function thrown(fn: () => unknown): StoreError {
  try {
    fn();
  } catch (e) {
    if (e instanceof StoreError) return e;
    throw e;
  }
  throw new Error('expected a StoreError');
}

const pipeline: Pipeline = {
  id: 'p',
  name: 'P',
  currency: 'USD',
  stages: [
    { id: 'a', name: 'A' },
    { id: 'b', name: 'B' },
  ],
  createdAt: 0,
  updatedAt: 0,
};

describe('store record builders', () => {
  it('builds a pipeline from the clock and the id generator, with the default stages', () => {
    const p = buildPipeline({ name: '  Sales ' }, context());
    expect(p).to.include({ id: 'id-1', name: 'Sales', currency: 'EUR' });
    expect([p.createdAt, p.updatedAt]).to.deep.equal([1000, 1000]);
    expect(p.stages).to.deep.equal(stagesFromPreset(getPreset(DEFAULT_PRESET)!));
  });

  it('the same input and context give the same pipeline', () => {
    const input = { name: 'P', stages: [{ name: 'Uno' }, { name: 'Dos', probability: 0.5 }] };
    expect(buildPipeline(input, context())).to.deep.equal(buildPipeline(input, context()));
  });

  it('names every bad field of a pipeline at once, in the context’s language', () => {
    const error = thrown(() =>
      buildPipeline({ name: ' ', currency: 'euro', stages: [] }, context('es')),
    );
    expect(error.code).to.equal('invalid');
    expect(error.details.map((d) => [d.field, d.code])).to.deep.equal([
      ['name', 'required'],
      ['currency', 'bad-currency'],
      ['stages', 'no-stages'],
    ]);
    expect(error.details[0]!.message).to.equal('Falta El nombre');
  });

  it('gives stages ids from their names, never one already taken', () => {
    const taken = new Set(['offer']);
    const stages = buildStages(
      [
        { name: 'Offer' },
        { name: 'Presentación  de oferta' },
        { id: 'x', name: 'X', probability: 1 },
      ],
      taken,
      'en',
    );
    expect(stages).to.deep.equal([
      { id: 'offer-2', name: 'Offer' },
      { id: 'presentacion-de-oferta', name: 'Presentación  de oferta' },
      { id: 'x', name: 'X', probability: 1 },
    ]);
    expect([...taken]).to.deep.equal(['offer', 'offer-2', 'presentacion-de-oferta', 'x']);
    const bad = thrown(() =>
      buildStages([{ name: 'ok' }, { name: 'p', probability: 2 }], new Set(), 'en'),
    );
    expect(bad.details.map((d) => d.field)).to.deep.equal(['stages[1].probability']);
  });

  it('builds a deal at version 1 in the first stage with its created event, dropping empty fields', () => {
    const { deal, events } = buildDeal({ title: ' Acme ', notes: undefined }, pipeline, context());
    expect(deal).to.deep.equal({
      id: 'id-1',
      pipelineId: 'p',
      title: 'Acme',
      amount: 0,
      currency: 'USD',
      stageId: 'a',
      outcome: 'open',
      createdAt: 1000,
      updatedAt: 1000,
      stageEnteredAt: 1000,
      version: 1,
    });
    expect(events).to.deep.equal([
      {
        id: 'id-2',
        pipelineId: 'p',
        dealId: 'id-1',
        kind: 'created',
        from: null,
        to: 'a',
        at: 1000,
      },
    ]);
  });

  it('a deal imported closed gets created and its outcome at its creation time', () => {
    const { deal, events } = buildDeal(
      { id: 'd', title: 'Old', stageId: 'b', outcome: 'lost', lostReason: 'Price', createdAt: 5 },
      pipeline,
      context(),
    );
    expect(deal).to.include({
      outcome: 'lost',
      lostReason: 'Price',
      createdAt: 5,
      updatedAt: 1000,
    });
    expect(events.map((e) => [e.id, e.kind, e.from, e.to, e.at])).to.deep.equal([
      ['id-1', 'created', null, 'b', 5],
      ['id-2', 'lost', 'b', 'b', 5],
    ]);
    // A lost reason only belongs to a lost deal.
    const won = buildDeal({ title: 'W', outcome: 'won', lostReason: 'x' }, pipeline, context());
    expect(won.deal).to.not.have.property('lostReason');
  });

  it('an event records the stage the deal is in now, coming from the one given', () => {
    const { deal } = buildDeal({ id: 'd', title: 'T', stageId: 'b' }, pipeline, context());
    expect(stageEvent(deal, 'moved', 'a', 42, () => 'e')).to.deep.equal({
      id: 'e',
      pipelineId: 'p',
      dealId: 'd',
      kind: 'moved',
      from: 'a',
      to: 'b',
      at: 42,
    });
    expect(compact({ a: 1, b: undefined, c: null })).to.deep.equal({ a: 1, c: null });
  });
});
