import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { replay } from '../../src/analytics/history.js';
import { compareStageEvents } from '../../src/model/stage-events.js';
import type { DealOutcome } from '../../src/model/types.js';
import type { DeletedDeal, SalesRepository } from '../../src/store/repository.js';
import { cleanup, counterIds, makeRepository, stepClock, type Kind } from './helpers.js';

const SEED = 20240601;
const STAGES = ['a', 'b', 'c'];
const OUTCOMES: DealOutcome[] = ['open', 'won', 'lost'];

/**
 * One step a person (or another tab) can take. Deals and anchors are picked by position
 * among the deals stored at that moment, so every step applies to whatever exists then.
 */
type Step =
  | { op: 'create'; stage: number; outcome: DealOutcome }
  | { op: 'move'; deal: number; stage: number; place: 'top' | 'bottom' | number }
  | { op: 'reorder'; deal: number; place: 'bottom' | number }
  | { op: 'outcome'; deal: number; outcome: DealOutcome; reason: string }
  | { op: 'delete'; deal: number }
  | { op: 'undo-delete' };

const index = fc.nat({ max: 50 });
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    op: fc.constant('create' as const),
    stage: fc.nat({ max: 2 }),
    outcome: fc.constantFrom(...OUTCOMES),
  }),
  fc.record({
    op: fc.constant('move' as const),
    deal: index,
    stage: fc.nat({ max: 2 }),
    place: fc.oneof(fc.constantFrom('top' as const, 'bottom' as const), index),
  }),
  fc.record({
    op: fc.constant('reorder' as const),
    deal: index,
    place: fc.oneof(fc.constant('bottom' as const), index),
  }),
  fc.record({
    op: fc.constant('outcome' as const),
    deal: index,
    outcome: fc.constantFrom(...OUTCOMES),
    reason: fc.constantFrom('', 'Price', 'Timing'),
  }),
  fc.record({ op: fc.constant('delete' as const), deal: index }),
  fc.constant({ op: 'undo-delete' as const }),
);

async function apply(repo: SalesRepository, s: Step, undo: DeletedDeal[]): Promise<void> {
  if (s.op === 'create') {
    await repo.createDeal('p', { title: 'Deal', stageId: STAGES[s.stage], outcome: s.outcome });
    return;
  }
  if (s.op === 'undo-delete') {
    const snapshot = undo.pop();
    if (snapshot) await repo.restoreDeal(snapshot);
    return;
  }
  const deals = (await repo.listDeals('p')).sort((x, y) => (x.id < y.id ? -1 : 1));
  if (deals.length === 0) return;
  const deal = deals[s.deal % deals.length]!;
  const expectedVersion = deal.version;
  /** The deal to go above, among the others in `stageId`'s column; none: the bottom. */
  const anchor = (stageId: string, pick: number) => {
    const column = deals.filter((d) => d.stageId === stageId && d.id !== deal.id);
    return column.length ? column[pick % column.length]!.id : null;
  };
  switch (s.op) {
    case 'move': {
      const to = STAGES[s.stage]!;
      // Top is where a move to another column goes by default; within the column, nowhere.
      const place =
        s.place === 'top' ? {} : { before: s.place === 'bottom' ? null : anchor(to, s.place) };
      // As the board does: a closed deal moved back into a column is reopened with the move.
      await repo.moveDeal(deal.id, to, { expectedVersion, reopen: true, ...place });
      return;
    }
    case 'reorder':
      await repo.moveDeal(deal.id, deal.stageId, {
        expectedVersion,
        before: s.place === 'bottom' ? null : anchor(deal.stageId, s.place),
      });
      return;
    case 'outcome':
      await repo.setOutcome(deal.id, s.outcome, { expectedVersion, reason: s.reason });
      return;
    case 'delete':
      undo.push(await repo.deleteDeal(deal.id, expectedVersion));
      return;
  }
}

/** The rules every sequence of steps keeps; throws, naming the broken one. */
async function checkInvariants(repo: SalesRepository): Promise<void> {
  const pipeline = (await repo.getPipeline('p'))!;
  const deals = await repo.listDeals('p');
  const events = await repo.listEvents('p');
  const ids = new Set(deals.map((d) => d.id));

  for (const d of deals) {
    const created = events.filter((e) => e.dealId === d.id && e.kind === 'created');
    expect(created, `created events of ${d.id}`).to.have.length(1);
  }
  expect(
    events.filter((e) => !ids.has(e.dealId)).map((e) => e.id),
    'events of no stored deal',
  ).to.deep.equal([]);

  for (const stageId of STAGES) {
    const column = deals.filter((d) => d.stageId === stageId);
    const ranks = column.map((d) => d.rank);
    expect(ranks.includes(undefined), `a deal without rank in ${stageId}`).to.equal(false);
    expect(new Set(ranks).size, `ranks in ${stageId}: ${ranks.join(', ')}`).to.equal(column.length);
  }

  const resorted = [...events].sort(compareStageEvents);
  expect(
    events.map((e) => e.id),
    'listEvents order',
  ).to.deep.equal(resorted.map((e) => e.id));

  // The history, replayed, ends where the records say each deal is.
  const paths = replay(pipeline, deals, events, Infinity);
  for (const path of paths) {
    expect(path.current, `stage of ${path.deal.id}`).to.equal(STAGES.indexOf(path.deal.stageId));
    expect(path.outcome, `outcome of ${path.deal.id}`).to.equal(path.deal.outcome);
  }
}

const RUNS: Record<Kind, { numRuns: number; maxLength: number }> = {
  memory: { numRuns: 150, maxLength: 30 },
  // Each step is a real IndexedDB transaction: fewer, shorter runs keep the file fast.
  indexeddb: { numRuns: 15, maxLength: 15 },
};

for (const kind of ['memory', 'indexeddb'] as Kind[]) {
  describe(`repository invariants under any sequence of steps (${kind}, property)`, () => {
    afterEach(cleanup);

    it('one created event per deal, distinct ranks per column, history in order and matching the records', async () => {
      const { numRuns, maxLength } = RUNS[kind];
      await fc.assert(
        fc.asyncProperty(
          fc.array(step, { minLength: 1, maxLength, size: 'max' }),
          async (steps) => {
            const repo = await makeRepository(kind, { now: stepClock(), newId: counterIds() });
            try {
              await repo.createPipeline({
                id: 'p',
                name: 'P',
                stages: STAGES.map((id) => ({ id, name: id.toUpperCase() })),
              });
              const undo: DeletedDeal[] = [];
              for (const s of steps) {
                await apply(repo, s, undo);
                if (kind === 'memory') await checkInvariants(repo);
              }
              await checkInvariants(repo);
            } finally {
              repo.close();
            }
          },
        ),
        { seed: SEED, numRuns },
      );
    });
  });
}
