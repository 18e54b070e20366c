import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { replay } from '../../src/analytics/history.js';
import { compareStageEvents } from '../../src/model/stage-events.js';
import type { DeletedDeal, SalesRepository } from '../../src/store/repository.js';
import { cleanup, counterIds, makeRepository, stepClock, type Kind } from './helpers.js';
import { STAGES, apply, step } from './steps.js';

const SEED = 20240601;
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
  yjs: { numRuns: 60, maxLength: 30 },
};

for (const kind of ['memory', 'indexeddb', 'yjs'] as Kind[]) {
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
                if (kind !== 'indexeddb') await checkInvariants(repo);
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
