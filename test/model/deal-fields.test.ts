import { expect } from '@open-wc/testing';
import * as Y from 'yjs';
import { DEAL_FIELDS, DEAL_FORM_FIELDS } from '../../src/model/deal-fields.js';
import type { Deal, Pipeline } from '../../src/model/types.js';
import { FORM_FIELDS } from '../../src/elements/sales-pipeline/model/deal-form.js';
import { readDeal } from '../../src/store/sync/doc-records.js';
import { dealsToCsv } from '../../src/store/transfer.js';

const pipeline: Pipeline = {
  id: 'p',
  name: 'Sales',
  currency: 'EUR',
  stages: [{ id: 's1', name: 'Lead' }],
  createdAt: 0,
  updatedAt: 0,
};

/** A deal with every field set. */
const full: Deal = {
  id: 'd1',
  pipelineId: 'p',
  title: 'Acme',
  company: 'Acme Ltd',
  contact: 'Ana',
  amount: 1200,
  currency: 'EUR',
  owner: 'Ben',
  expectedClose: '2026-03-01',
  notes: 'Call back',
  stageId: 's1',
  outcome: 'lost',
  lostReason: 'Price',
  sourceId: 'crm-42',
  createdAt: 1,
  updatedAt: 2,
  stageEnteredAt: 1,
  rank: 1,
  version: 3,
};

describe('DEAL_FIELDS: one list of a deal’s fields', () => {
  it('names every field of a deal exactly once', () => {
    const names = DEAL_FIELDS.map((f) => f.name);
    expect(new Set(names).size).to.equal(names.length);
    expect([...names].sort()).to.deep.equal(Object.keys(full).sort());
  });

  it('a synced deal keeps every field, its CRM source id too', () => {
    const map = new Y.Doc().getMap<unknown>('deal');
    for (const [k, v] of Object.entries(full)) map.set(k, v);
    expect(readDeal('d1', map, pipeline)).to.deep.equal(full);
  });

  it('the CSV export has one column per CSV field, in the list’s order', () => {
    const header = dealsToCsv(pipeline, [full]).split('\r\n')[0];
    expect(header).to.equal(
      'Title,Company,Contact,Amount,Currency,Owner,Expected close date,Stage,Status,Lost reason,Notes,Created',
    );
  });

  it('the dialog shows the form fields of the list', () => {
    expect(FORM_FIELDS).to.deep.equal(DEAL_FORM_FIELDS);
    expect(FORM_FIELDS).to.deep.equal([
      'title',
      'company',
      'contact',
      'amount',
      'currency',
      'owner',
      'expectedClose',
      'stageId',
      'notes',
    ]);
  });
});
