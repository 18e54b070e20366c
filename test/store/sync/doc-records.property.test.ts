import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import * as Y from 'yjs';
import { readDeal, readEvent } from '../../../src/store/sync/doc-records.js';
import { checkPipelineExport } from '../../../src/store/validate.js';

/**
 * A room's records are checked on receipt as an import checks them: whatever a peer writes,
 * `readDeal` and `readEvent` accept exactly what `checkPipelineExport` accepts of a file
 * holding that record (and a valid pipeline, and a valid deal for an event), so the fast
 * checks that open a 10,000-deal room can never let through what an import refuses.
 */

const FORMAT = { format: 'sales-funnel/pipeline', formatVersion: 1, exportedAt: 0 };
const pipelineWith = (stageId: unknown) => ({
  id: 'p',
  name: 'p',
  currency: 'EUR',
  stages: [{ id: String(stageId), name: 's' }],
});
const importAccepts = (file: object) =>
  checkPipelineExport({ ...FORMAT, ...file }, 'en').length === 0;

/** Each field: a good value, or one of the wrong shapes a peer might write, or nothing. */
const oneOf = <T>(good: fc.Arbitrary<T>) =>
  fc.oneof(
    { weight: 6, arbitrary: good },
    {
      weight: 1,
      arbitrary: fc.constantFrom(undefined, null, '', -1, Number.NaN, Infinity, {}, []),
    },
    { weight: 1, arbitrary: fc.string({ maxLength: 3 }) },
  );
const text = fc.string({ maxLength: 8 });
const time = fc.integer({ min: 0, max: 2e12 });

const dealFields = fc.record(
  {
    id: oneOf(fc.constant('d1')),
    pipelineId: oneOf(fc.constant('p')),
    title: oneOf(fc.string({ minLength: 1, maxLength: 8 })),
    company: oneOf(text),
    contact: oneOf(text),
    amount: oneOf(fc.integer({ min: 0, max: 1e6 })),
    currency: oneOf(fc.constantFrom('EUR', 'USD')),
    owner: oneOf(text),
    expectedClose: oneOf(fc.constantFrom('2026-12-01', '2027-02-30', '2026-1-1')),
    notes: oneOf(text),
    stageId: oneOf(fc.constantFrom('lead', 'offer')),
    outcome: oneOf(fc.constantFrom('open', 'won', 'lost')),
    lostReason: oneOf(text),
    createdAt: oneOf(time),
    updatedAt: oneOf(time),
    stageEnteredAt: oneOf(time),
    rank: oneOf(fc.double({ noNaN: true, min: -1e6, max: 1e6 })),
    version: oneOf(fc.integer({ min: 1, max: 100 })),
  },
  { requiredKeys: [] },
);

const eventFields = fc.record(
  {
    id: oneOf(fc.constant('e1')),
    pipelineId: oneOf(fc.constant('p')),
    dealId: oneOf(fc.constant('d1')),
    kind: oneOf(fc.constantFrom('created', 'moved', 'won', 'lost', 'reopened', 'deleted')),
    from: oneOf(fc.constantFrom(null, 'lead')),
    to: oneOf(fc.constantFrom('lead', 'offer')),
    at: oneOf(time),
  },
  { requiredKeys: [] },
);

describe('doc-records: a room’s records checked as an import checks them', () => {
  it('reads a deal exactly when an import would accept it', () => {
    fc.assert(
      fc.property(dealFields, (fields) => {
        const doc = new Y.Doc();
        const map = doc.getMap<Y.Map<unknown>>('deals').set('d1', new Y.Map());
        for (const [k, v] of Object.entries(fields)) if (v !== undefined) map.set(k, v);
        const read = readDeal('d1', map);
        const picked = Object.fromEntries(
          Object.entries(fields).filter(([, v]) => v !== undefined),
        );
        const accepted =
          picked.id === 'd1' &&
          typeof picked.pipelineId === 'string' &&
          importAccepts({ pipeline: pipelineWith(picked.stageId), deals: [picked], events: [] });
        expect(read !== undefined, JSON.stringify(fields)).to.equal(accepted);
        if (read) expect(read).to.deep.equal(picked);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads a history event exactly when an import would accept it', () => {
    fc.assert(
      fc.property(eventFields, (fields) => {
        const e = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
        const read = readEvent({ ...e, extra: '<img onerror=x>' });
        const deal = {
          id: e.dealId,
          title: 'd',
          amount: 0,
          currency: 'EUR',
          outcome: 'open',
          stageId: String(e.to),
          createdAt: 0,
          updatedAt: 0,
          stageEnteredAt: 0,
          version: 1,
        };
        const accepted =
          typeof e.pipelineId === 'string' &&
          typeof e.dealId === 'string' &&
          importAccepts({ pipeline: pipelineWith(e.to), deals: [deal], events: [e] });
        expect(read !== undefined, JSON.stringify(fields)).to.equal(accepted);
        if (read) expect(read).to.deep.equal(e);
      }),
      { numRuns: 2000 },
    );
  });
});
