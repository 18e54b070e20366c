import { expect } from '@open-wc/testing';
import { createIdbRepository } from '../../../src/store/idb-repository.js';
import { createMemoryRepository } from '../../../src/store/memory-repository.js';
import { resolvePlan } from '../../../src/store/import/map-rows.js';
import type { ImportPlan } from '../../../src/store/import/plan.js';
import type { SalesRepository } from '../../../src/store/repository.js';
import { cleanup, counterIds, rejection, stepClock, uniqueName } from '../helpers.js';
import { boardPipeline, mapOf, PIPELINE_ID } from './fixtures.js';

// Writing a large mapped import into IndexedDB: the work is cut into short slices of time (the
// transaction kept open between them), and the result is what one uncut write gives: the same
// records, in one transaction or not at all.

const ROWS = 4000;

/** A HubSpot-layout export of `ROWS` deals, each with a stage history and a source id. */
const EXPORT = (() => {
  const lines = [
    'Record ID,Deal Name,Deal Stage,Amount,Create Date,"Date entered ""Appointment Scheduled (Sales Pipeline)""","Date entered ""Qualified To Buy (Sales Pipeline)"""',
  ];
  for (let i = 0; i < ROWS; i += 1) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const qualified = i % 2 === 0;
    lines.push(
      `${5000 + i},Deal ${i},${qualified ? 'Qualified To Buy' : 'Appointment Scheduled'},${100 + i}.50,2026-01-${day} 09:00,2026-01-${day} 09:00,${qualified ? `2026-02-${day} 10:00` : ''}`,
    );
  }
  return lines.join('\r\n');
})();

const toBoard = (plan: ImportPlan) => {
  plan.stages['Appointment Scheduled'] = { kind: 'stage', stageId: 'lead' };
  plan.stages['Qualified To Buy'] = { kind: 'stage', stageId: 'qualified' };
};

const deterministic = () => ({ now: stepClock(), newId: counterIds() });

const opened: SalesRepository[] = [];
async function idbRepository(label: string) {
  const repo = await createIdbRepository({ ...deterministic(), name: uniqueName(label) });
  opened.push(repo);
  return repo;
}

describe('import: writing a large file into IndexedDB', () => {
  afterEach(async () => {
    for (const repo of opened.splice(0)) repo.close();
    await cleanup();
  });

  it(`stores ${ROWS.toLocaleString('en')} rows and their history exactly as one uncut write does`, async () => {
    const idb = await idbRepository('import-sliced');
    const memory = createMemoryRepository(deterministic());
    const pipeline = await boardPipeline(idb);
    await boardPipeline(memory);
    const { deals, rows } = await mapOf(EXPORT, pipeline, { adjust: toBoard });
    expect(deals).to.have.length(ROWS);
    const input = { deals, lines: rows.map((r) => r.line) };
    const written: number[] = [];
    const result = await idb.importMapped(PIPELINE_ID, input, {
      onProgress: (p) => written.push(p.done),
    });
    expect(result).to.deep.include({ added: ROWS, updated: 0, unchanged: 0 });
    expect(await memory.importMapped(PIPELINE_ID, input)).to.deep.equal(result);
    const [stored, expected] = await Promise.all([
      idb.exportPipeline(PIPELINE_ID),
      memory.exportPipeline(PIPELINE_ID),
    ]);
    expect({ ...stored, exportedAt: 0 }).to.deep.equal({ ...expected, exportedAt: 0 });
    // Every deal and event of the file, with the history's two steps where it has them.
    expect(stored.deals).to.have.length(ROWS);
    expect(stored.events).to.have.length(ROWS + ROWS / 2);
    // Progress counts up to every deal written, never backwards.
    expect(written.at(-1)).to.equal(ROWS);
    expect(written).to.deep.equal([...written].sort((a, b) => a - b));
  });

  it('writes nothing when a put fails half-way through the deals (quota)', async () => {
    const repo = await idbRepository('import-quota');
    const pipeline = await boardPipeline(repo);
    const before = await repo.createDeal(PIPELINE_ID, { title: 'Already here', sourceId: '5001' });
    const { deals, plan, scan } = await mapOf(EXPORT, pipeline, {
      adjust: (p) => {
        toBoard(p);
        p.stages['Qualified To Buy'] = { kind: 'new', name: 'Qualified (HubSpot)' };
      },
    });
    const { newStages } = resolvePlan(plan, scan.headers, pipeline, 'en');
    const original = IDBObjectStore.prototype.put;
    let puts = 0;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args) {
      // The new stage's pipeline put first, then the deals: the 2,000th deal fails.
      if ((puts += 1) > ROWS / 2) throw new DOMException('Quota (simulated)', 'QuotaExceededError');
      return original.apply(this, args);
    };
    let error;
    try {
      error = await rejection(repo.importMapped(PIPELINE_ID, { deals, newStages }));
    } finally {
      IDBObjectStore.prototype.put = original;
    }
    expect(error.code).to.equal('quota');
    expect(puts).to.be.greaterThan(ROWS / 2);
    expect(await repo.listDeals(PIPELINE_ID)).to.deep.equal([before]);
    expect((await repo.listEvents(PIPELINE_ID)).map((e) => [e.dealId, e.kind])).to.deep.equal([
      [before.id, 'created'],
    ]);
    expect((await repo.getPipeline(PIPELINE_ID))!.stages.map((s) => s.name)).to.deep.equal([
      'Lead',
      'Qualified',
      'Proposal',
      'Negotiation',
    ]);
  });

  it('fails, writing nothing, when the host’s progress callback throws mid-way', async () => {
    const repo = await idbRepository('import-progress');
    const pipeline = await boardPipeline(repo);
    const { deals } = await mapOf(EXPORT, pipeline, { adjust: toBoard });
    const error = await rejection(
      repo.importMapped(
        PIPELINE_ID,
        { deals },
        {
          onProgress: () => {
            throw new Error('host gave up');
          },
        },
      ),
    );
    expect(error.message).to.contain('host gave up');
    expect(await repo.listDeals(PIPELINE_ID)).to.deep.equal([]);
    expect(await repo.listEvents(PIPELINE_ID)).to.deep.equal([]);
  });
});
