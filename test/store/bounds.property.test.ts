import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import * as Y from 'yjs';
import { MAX_AMOUNT, MAX_TIME, MIN_TIME, isDealTime } from '../../src/model/deal-fields.js';
import type { Lang, StageEvent } from '../../src/model/types.js';
import { createMemoryRepository } from '../../src/store/memory-repository.js';
import { readDeal, readEvent, readPipeline } from '../../src/store/sync/doc-records.js';
import { dealsToCsv, importCsv, importPipelineJson } from '../../src/store/transfer.js';
import { checkDealFields, checkPipelineExport } from '../../src/store/validate.js';
import { boardPipeline, mapOf } from './import/fixtures.js';
import { rejection } from './helpers.js';
import { ONE_STAGE, storedDeal } from './one-deal.js';

// Values are bounded where they enter: amounts finite, ≥ 0 and ≤ 10^15; stored times inside
// 1970–9999, so every view can show them and every export write them.

const pipeline = ONE_STAGE;
const deal = storedDeal;

const event = (over: Partial<StageEvent> = {}): StageEvent => ({
  id: 'e1',
  pipelineId: 'p',
  dealId: 'd1',
  kind: 'created',
  from: null,
  to: 'lead',
  at: Date.UTC(2026, 0, 5),
  ...over,
});

const file = (deals: unknown[], events: unknown[] = []) => ({
  format: 'sales-funnel/pipeline',
  formatVersion: 1,
  exportedAt: 0,
  pipeline,
  deals,
  events,
});

const anyNumber = fc.oneof(
  fc.double(),
  fc.double({ min: -1e17, max: 1e17 }),
  fc.constantFrom(MAX_AMOUNT, MAX_AMOUNT + 1, 1e308, -1e300, 8.64e15, 8.64e15 + 1, MAX_TIME + 1),
);
const langs = fc.constantFrom<Lang>('en', 'es');

describe('bounds: values refused where they enter', () => {
  it('an amount is accepted exactly when finite, ≥ 0 and ≤ 10^15, and a refusal names the field', () => {
    fc.assert(
      fc.property(anyNumber, langs, (a, lang) => {
        const errors = checkDealFields({ amount: a }, undefined, lang);
        const ok = Number.isFinite(a) && a >= 0 && a <= MAX_AMOUNT;
        expect(errors.length === 0, `amount ${a}`).to.equal(ok);
        for (const e of errors) {
          expect(e.field).to.equal('amount');
          expect(e.message).to.contain(lang === 'es' ? 'El importe' : 'Amount');
        }
      }),
    );
  });

  it('says the largest amount in words, in both languages', () => {
    const [en] = checkDealFields({ amount: 1e308 }, undefined, 'en');
    expect(en!.message).to.match(/^Amount is more than 1,000,000,000,000,000: “/);
    const [es] = checkDealFields({ amount: 2e15 }, undefined, 'es');
    expect(es!.message).to.equal(
      'El importe es mayor que 1.000.000.000.000.000: «2.000.000.000.000.000»',
    );
  });

  it('a pipeline file is accepted only when every stored time is a date of 1970–9999, and then exports to CSV', () => {
    const fields = ['createdAt', 'updatedAt', 'stageEnteredAt'] as const;
    fc.assert(
      fc.property(anyNumber, fc.constantFrom(...fields, 'at' as const), (t, where) => {
        const d = where === 'at' ? deal() : deal({ [where]: t });
        const e = where === 'at' ? event({ at: t }) : event();
        const errors = checkPipelineExport(file([d], [e]), 'en');
        expect(errors.length === 0, `${where} ${t}`).to.equal(isDealTime(t));
        if (errors.length === 0) expect(() => dealsToCsv(pipeline, [d])).not.to.throw();
        else expect(errors[0]!.field).to.match(new RegExp(`\\.${where}$`));
      }),
    );
  });

  it('refuses at import a pipeline JSON whose deal was created at 1e300, naming the deal and the field, and stores nothing', async () => {
    const repo = createMemoryRepository({ lang: 'es' });
    const json = JSON.stringify(file([deal({ createdAt: 1e300 })], [event()]));
    const err = await rejection(importPipelineJson(repo, json, { lang: 'es' }));
    expect(err.code).to.equal('invalid');
    expect(err.details.map((e) => [e.field, e.message])).to.deep.equal([
      [
        'deals[0].createdAt',
        'Oportunidad 1 «Acme» (id d1): La fecha de creación debe estar entre los años 1970 y 9999: «1e+300»',
      ],
    ]);
    expect(await repo.listPipelines()).to.deep.equal([]);
  });

  it('refuses CSV rows with an amount over 10^15 or a creation date before 1970, naming row and field', async () => {
    const repo = createMemoryRepository();
    const p = await boardPipeline(repo);
    const text =
      'Title,Amount,Created\nA,2000000000000000,2026-01-05\nB,10,1969-12-31\nC,10,2026-01-05\n';
    const err = await rejection(importCsv(repo, p.id, text));
    expect(err.details.map((e) => [e.row, e.field])).to.deep.equal([
      [2, 'amount'],
      [3, 'createdAt'],
    ]);
    expect(await repo.listDeals(p.id)).to.deep.equal([]);

    const mapped = await mapOf(text, p);
    expect(mapped.bad.map((r) => [r.line, r.problems.map((e) => e.code)])).to.deep.equal([
      [2, ['amount-too-large']],
      [3, ['time-range']],
    ]);
    expect(mapped.deals.map((d) => d.title)).to.deep.equal(['C']);
  });

  it('a CSV export of a deal stored before times were bounded writes its time as it is, instead of throwing', () => {
    const rows = dealsToCsv(pipeline, [deal({ createdAt: 1e300 })]).split('\r\n');
    expect(rows[1]).to.match(/,1e\+300$/);
  });

  it('leaves out of a synced board a peer’s deal, event or pipeline with a time outside 1970–9999', () => {
    const doc = new Y.Doc();
    const map = (record: object) => {
      const m = doc.getMap<unknown>(`m${Math.random()}`);
      for (const [k, v] of Object.entries(record)) m.set(k, v);
      return m;
    };
    expect(readDeal('d1', map(deal()), pipeline)).to.deep.equal(deal());
    expect(readDeal('d1', map(deal({ stageEnteredAt: -1e300 })), pipeline)).to.equal(undefined);
    expect(readDeal('d1', map(deal({ amount: 1e308 })), pipeline)).to.equal(undefined);
    expect(readEvent(event())).to.deep.equal(event());
    expect(readEvent(event({ at: MIN_TIME - 1 }))).to.equal(undefined);
    expect(readPipeline('p', map(pipeline))).to.deep.equal(pipeline);
    expect(readPipeline('p', map({ ...pipeline, updatedAt: 1e300 }))).to.equal(undefined);
  });
});
