import { expect } from '@open-wc/testing';
import { sampleHistory } from '../../src/analytics/sample.js';
import { compareStageEvents } from '../../src/model/stage-events.js';
import type { Deal, StageEvent } from '../../src/model/types.js';
import type { SalesRepository, StoreChange } from '../../src/store/repository.js';
import { isUntouchedSample } from '../../src/store/sample-load.js';
import { cleanup, makeRepository, omit, rejection, type Kind } from './helpers.js';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 5, 30);
const LATER = NOW + 20 * DAY;
const SEED = 7;
const COUNT = 40;

const byId = (deals: Deal[]) => new Map(deals.map((d) => [d.id, d]));
const withoutRank = (d: Deal) => omit(d, 'rank');

describe('isUntouchedSample', () => {
  const sample = sampleHistory({ seed: SEED, deals: 12, now: NOW });
  const eventsOf = (id: string) => sample.events.filter((e) => e.dealId === id);

  it('holds for every deal just as the sample made it', () => {
    for (const d of sample.deals) expect(isUntouchedSample(d, eventsOf(d.id)), d.id).to.equal(true);
  });

  it('fails once the version, the events or the id say the deal was written to', () => {
    const d = sample.deals[0]!;
    const own = eventsOf(d.id);
    const storeEvent: StageEvent = { ...own[0]!, id: 'a-generated-id', kind: 'moved' };
    // An edit or a reorder: a version more, no event.
    expect(isUntouchedSample({ ...d, version: d.version + 1 }, own)).to.equal(false);
    // A move, a win, a loss, a reopen: a version more and an event of the store's.
    expect(isUntouchedSample({ ...d, version: d.version + 1 }, [...own, storeEvent])).to.equal(
      false,
    );
    // Same count, but one event is not the sample's.
    expect(isUntouchedSample(d, [...own.slice(1), storeEvent])).to.equal(false);
    expect(isUntouchedSample(d, own.slice(1))).to.equal(false);
    // A person's deal is never a sample one, whatever its history looks like.
    const mine = { ...d, id: 'my-deal' };
    expect(
      isUntouchedSample(
        mine,
        own.map((e) => ({ ...e, dealId: 'my-deal' })),
      ),
    ).to.equal(false);
  });
});

for (const kind of ['indexeddb', 'memory'] as Kind[]) {
  describe(`SalesRepository.loadSample (${kind})`, () => {
    let repo: SalesRepository;
    let mine: Deal[];

    beforeEach(async () => {
      repo = await makeRepository(kind);
      await repo.createPipeline({
        id: 'p',
        name: 'P',
        stages: [
          { id: 'a', name: 'A' },
          { id: 'b', name: 'B' },
          { id: 'c', name: 'C' },
        ],
      });
      mine = [
        await repo.createDeal('p', { title: 'Mine 1', stageId: 'a' }),
        await repo.createDeal('p', { title: 'Mine 2', stageId: 'b', amount: 5 }),
      ];
    });
    afterEach(async () => {
      repo.close();
      await cleanup();
    });

    const load = (now = NOW) => repo.loadSample('p', { seed: SEED, deals: COUNT, now });
    const expected = async (now: number) =>
      sampleHistory({ seed: SEED, deals: COUNT, now, pipeline: (await repo.getPipeline('p'))! });

    it('writes the sample for the pipeline’s stages in one change, leaving other deals as they were', async () => {
      const changes: StoreChange[] = [];
      repo.subscribe('p', (c) => changes.push(c));
      const result = await load();
      expect(result).to.deep.equal({ loaded: COUNT, kept: 0 });

      const sample = await expected(NOW);
      const stored = byId(await repo.listDeals('p'));
      expect(stored.size).to.equal(COUNT + mine.length);
      for (const own of mine) expect(stored.get(own.id)).to.deep.equal(own);
      for (const d of sample.deals) expect(withoutRank(stored.get(d.id)!)).to.deep.equal(d);
      const events = await repo.listEvents('p');
      expect(events.filter((e) => e.dealId.startsWith('p-'))).to.deep.equal(
        [...sample.events].sort(compareStageEvents),
      );
      expect(changes).to.have.length(1);
      expect(changes[0]).to.include({ type: 'deals-imported', pipelineId: 'p', local: true });
      expect([...changes[0]!.ids].sort()).to.deep.equal(sample.deals.map((d) => d.id).sort());
    });

    it('puts sample deals on top of their columns, each column’s ranks distinct', async () => {
      await load();
      const deals = await repo.listDeals('p');
      for (const own of mine) {
        const column = deals.filter((d) => d.stageId === own.stageId);
        const ranks = column.map((d) => d.rank!);
        expect(new Set(ranks).size, own.stageId).to.equal(column.length);
        const samples = column.filter((d) => d.id !== own.id);
        if (samples.length) expect(Math.max(...samples.map((d) => d.rank!))).to.be.below(own.rank!);
      }
    });

    it('loading again replaces the untouched sample deals with the new sample', async () => {
      await load();
      const result = await load(LATER);
      expect(result).to.deep.equal({ loaded: COUNT, kept: 0 });
      const sample = await expected(LATER);
      const stored = byId(await repo.listDeals('p'));
      expect(stored.size).to.equal(COUNT + mine.length);
      for (const d of sample.deals) expect(withoutRank(stored.get(d.id)!)).to.deep.equal(d);
      for (const own of mine) expect(stored.get(own.id)).to.deep.equal(own);
      expect((await repo.listEvents('p')).length).to.equal(sample.events.length + mine.length);
    });

    it('keeps every sample deal the person moved, reordered, edited, closed or restored, as it is', async () => {
      await load();
      const deals = (await repo.listDeals('p')).sort((x, y) => x.rank! - y.rank!);
      const samples = deals.filter((d) => d.id.startsWith('p-'));
      // Reordered: one with a deal below it in its column, sent to the bottom.
      const reordered = samples.find((d) =>
        deals.some((o) => o.stageId === d.stageId && o.rank! > d.rank!),
      )!;
      const closed = samples.find((d) => d !== reordered && d.outcome !== 'won')!;
      const [moved, edited, restored] = samples.filter((d) => d !== reordered && d !== closed);
      await repo.moveDeal(moved!.id, moved!.stageId === 'c' ? 'a' : 'c', {
        expectedVersion: moved!.version,
      });
      await repo.moveDeal(reordered.id, reordered.stageId, {
        expectedVersion: reordered.version,
        before: null,
      });
      await repo.updateDeal(edited!.id, { notes: 'Called on Monday' }, edited!.version);
      await repo.setOutcome(closed.id, 'won', { expectedVersion: closed.version });
      await repo.restoreDeal(await repo.deleteDeal(restored!.id));

      const touched = [moved!, reordered, edited!, closed, restored!].map((d) => d.id);
      const before = byId(await repo.listDeals('p'));
      const eventsBefore = await repo.listEvents('p');
      const result = await load(LATER);
      expect(result).to.deep.equal({ loaded: COUNT - touched.length, kept: touched.length });

      const after = byId(await repo.listDeals('p'));
      const eventsAfter = await repo.listEvents('p');
      for (const id of [...touched, ...mine.map((d) => d.id)]) {
        expect(after.get(id), id).to.deep.equal(before.get(id));
        const history = (events: StageEvent[]) => events.filter((e) => e.dealId === id);
        expect(history(eventsAfter), id).to.deep.equal(history(eventsBefore));
      }
      const sample = await expected(LATER);
      for (const d of sample.deals) {
        if (!touched.includes(d.id)) expect(withoutRank(after.get(d.id)!)).to.deep.equal(d);
      }
      expect(after.size).to.equal(COUNT + mine.length);
    });

    it('leaves a deal of another pipeline alone when it holds a sample id', async () => {
      await repo.createPipeline({ id: 'q', name: 'Q', stages: [{ id: 'x', name: 'X' }] });
      const other = await repo.createDeal('q', { id: 'p-0001', title: 'Not a sample' });
      const result = await load();
      expect(result).to.deep.equal({ loaded: COUNT - 1, kept: 0 });
      expect(await repo.getDeal('p-0001')).to.deep.equal(other);
      expect(await repo.listEvents('q')).to.have.length(1);
      expect((await repo.listDeals('p')).length).to.equal(COUNT - 1 + mine.length);
    });

    it('refuses a pipeline that does not exist, writing nothing', async () => {
      const error = await rejection(repo.loadSample('nope', { deals: 5, now: NOW }));
      expect(error.code).to.equal('not-found');
      expect(await repo.listDeals('nope')).to.deep.equal([]);
      expect(await repo.listEvents('nope')).to.deep.equal([]);
    });
  });
}
