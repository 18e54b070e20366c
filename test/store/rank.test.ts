import { expect } from '@open-wc/testing';
import type { Deal } from '../../src/model/types.js';
import { compareRank, MIN_RANK_GAP, RANK_STEP, rankBetween } from '../../src/store/rank.js';
import type { SalesRepository, StoreChange } from '../../src/store/repository.js';
import { cleanup, counterIds, makeRepository, rejection, stepClock, type Kind } from './helpers.js';

describe('rank helpers', () => {
  it('splits a gap at its midpoint until it is narrower than MIN_RANK_GAP', () => {
    expect(rankBetween(0, 1)).to.equal(0.5);
    expect(rankBetween(-3, -2)).to.equal(-2.5);
    expect(rankBetween(0, MIN_RANK_GAP)).to.equal(MIN_RANK_GAP / 2);
    expect(rankBetween(0, MIN_RANK_GAP / 2)).to.equal(undefined);
    expect(rankBetween(1, 1)).to.equal(undefined);
  });

  it('orders by rank, deals without one first, then newest in the stage', () => {
    const d = (id: string, rank: number | undefined, stageEnteredAt = 0) =>
      ({ id, rank, stageEnteredAt, updatedAt: 0 }) as Deal;
    const sorted = [d('a', 2), d('b', undefined, 5), d('c', 1), d('d', undefined, 9), d('e', 1)]
      .sort(compareRank)
      .map((x) => x.id);
    expect(sorted).to.deep.equal(['d', 'b', 'c', 'e', 'a']);
  });
});

for (const kind of ['indexeddb', 'memory'] as Kind[]) {
  describe(`deal order within a column (${kind})`, () => {
    let repo: SalesRepository;

    beforeEach(async () => {
      repo = await makeRepository(kind, { now: stepClock(), newId: counterIds() });
      await repo.createPipeline({
        id: 'p',
        name: 'Test',
        stages: [
          { id: 'a', name: 'A' },
          { id: 'b', name: 'B' },
        ],
      });
    });
    afterEach(async () => {
      repo.close();
      await cleanup();
    });

    /** A column's deal ids, top to bottom, as stored. */
    const column = async (stageId: string) =>
      (await repo.listDeals('p', { stageId })).sort(compareRank).map((d) => d.id);
    const create = async (...titles: string[]) => {
      const deals: Deal[] = [];
      for (const title of titles) deals.push(await repo.createDeal('p', { id: title, title }));
      return deals;
    };

    it('puts new deals on top of their column', async () => {
      const [x, y, z] = await create('x', 'y', 'z');
      expect([x!.rank, y!.rank, z!.rank]).to.deep.equal([0, -RANK_STEP, -2 * RANK_STEP]);
      expect(await column('a')).to.deep.equal(['z', 'y', 'x']);
    });

    it('reorders within a column by writing only the deal moved, with no history event', async () => {
      const [x, y, z] = await create('x', 'y', 'z');
      const changes: StoreChange[] = [];
      repo.subscribe('p', (c) => changes.push(c));
      // z y x → y z x: z goes above x.
      const change = await repo.moveDeal('z', 'a', { expectedVersion: z!.version, before: 'x' });
      expect(await column('a')).to.deep.equal(['y', 'z', 'x']);
      expect(change.deal).to.include({ version: 2, stageId: 'a', rank: (y!.rank! + x!.rank!) / 2 });
      expect(change.events).to.deep.equal([]);
      expect(change.renumbered).to.equal(undefined);
      expect(await repo.getDeal('x')).to.deep.equal(x);
      expect(await repo.getDeal('y')).to.deep.equal(y);
      expect((await repo.listEvents('p')).map((e) => e.kind)).to.deep.equal([
        'created',
        'created',
        'created',
      ]);
      expect(changes.map((c) => [c.type, c.ids])).to.deep.equal([['deal', ['z']]]);
    });

    it('moves to the bottom with before null, and to the top before the first deal', async () => {
      const [, , z] = await create('x', 'y', 'z');
      const down = await repo.moveDeal('z', 'a', { expectedVersion: z!.version, before: null });
      expect(await column('a')).to.deep.equal(['y', 'x', 'z']);
      await repo.moveDeal('z', 'a', { expectedVersion: down.deal.version, before: 'y' });
      expect(await column('a')).to.deep.equal(['z', 'y', 'x']);
    });

    it('changes nothing when the deal is already where it is asked to go', async () => {
      const [x, y] = await create('x', 'y');
      for (const before of ['x', 'y', undefined]) {
        const change = await repo.moveDeal('y', 'a', { expectedVersion: y!.version, before });
        expect(change).to.deep.equal({ deal: y });
      }
      const bottom = await repo.moveDeal('x', 'a', { expectedVersion: x!.version, before: null });
      expect(bottom).to.deep.equal({ deal: x });
    });

    it('places a deal moved to another stage on top, or above the deal named', async () => {
      const [x, y, z] = await create('x', 'y', 'z');
      await repo.moveDeal('x', 'b', { expectedVersion: x!.version });
      await repo.moveDeal('y', 'b', { expectedVersion: y!.version });
      expect(await column('b')).to.deep.equal(['y', 'x']);
      const change = await repo.moveDeal('z', 'b', { expectedVersion: z!.version, before: 'x' });
      expect(await column('b')).to.deep.equal(['y', 'z', 'x']);
      expect(change.events!.map((e) => [e.kind, e.from, e.to])).to.deep.equal([
        ['moved', 'a', 'b'],
      ]);
    });

    it('refuses a reorder based on an old version, changing nothing', async () => {
      const [x, y] = await create('x', 'y');
      await repo.updateDeal('y', { title: 'Y2' }, y!.version);
      const error = await rejection(
        repo.moveDeal('y', 'a', { expectedVersion: y!.version, before: null }),
      );
      expect(error.code).to.equal('conflict');
      expect(await column('a')).to.deep.equal(['y', 'x']);
      expect((await repo.getDeal('x'))!.version).to.equal(x!.version);
    });

    it('refuses to place a deal above one that is not in that column, naming the field', async () => {
      const [x, y] = await create('x', 'y');
      await repo.moveDeal('x', 'b', { expectedVersion: x!.version });
      for (const before of ['x', 'nobody']) {
        const error = await rejection(
          repo.moveDeal('y', 'a', { expectedVersion: y!.version, before }),
        );
        expect(error.code).to.equal('invalid');
        expect(error.details.map((d) => d.field)).to.deep.equal(['before']);
      }
      expect(await repo.getDeal('y')).to.deep.equal(y);
    });

    it('renumbers the column in the same write once a gap is too narrow to split', async () => {
      await create('w', 'x', 'y', 'z'); // z y x w
      // Swap the two deals under z, over and over: each move halves the gap below z.
      let renumberedAt = -1;
      let seen: Deal[] = [];
      for (let i = 0; i < 30 && renumberedAt < 0; i += 1) {
        const order = await column('a');
        const third = (await repo.getDeal(order[2]!))!;
        const change = await repo.moveDeal(third.id, 'a', {
          expectedVersion: third.version,
          before: order[1]!,
        });
        const expected = [order[0], order[2], order[1], order[3]];
        expect(await column('a')).to.deep.equal(expected);
        if (change.renumbered) {
          renumberedAt = i;
          seen = change.renumbered;
        }
      }
      // Moves 1…21 halve a gap of one step down to 2^-21 (a gap of exactly MIN_RANK_GAP =
      // 2^-20 still splits); the 22nd finds it too narrow and renumbers.
      expect(renumberedAt + 1).to.equal(Math.log2(RANK_STEP / MIN_RANK_GAP) + 2);
      const after = (await repo.listDeals('p')).sort(compareRank);
      expect(after.map((d) => d.rank)).to.deep.equal([0, 1, 2, 3].map((i) => i * RANK_STEP));
      // Renumbered neighbours keep their version: only their place in line was rewritten.
      for (const d of seen) {
        const stored = (await repo.getDeal(d.id))!;
        expect(stored).to.deep.equal(d);
      }
      expect(seen.length).to.be.greaterThan(0);
    });

    it('imports deals on top of each column, newest first', async () => {
      await create('x');
      const imported = await repo.importDeals('p', [
        { id: 'old', title: 'Old', createdAt: 10 },
        { id: 'new', title: 'New', createdAt: 20 },
        { id: 'b1', title: 'B1', stageId: 'b', createdAt: 5 },
      ]);
      expect(imported.every((d) => typeof d.rank === 'number')).to.equal(true);
      expect(await column('a')).to.deep.equal(['new', 'old', 'x']);
      expect(await column('b')).to.deep.equal(['b1']);
    });

    it('ranks a pipeline file that has none (older export), keeping ranks that are usable', async () => {
      await create('x', 'y', 'z');
      const file = await repo.exportPipeline('p');
      const unranked = {
        ...file,
        deals: file.deals.map(({ rank: _rank, ...d }) => ({
          ...d,
          stageEnteredAt: d.id.charCodeAt(0),
        })),
      };
      await repo.importPipeline(unranked, { replace: true });
      // Without ranks: newest in the stage first (z > y > x by stageEnteredAt here).
      expect(await column('a')).to.deep.equal(['z', 'y', 'x']);
      expect((await repo.listDeals('p')).every((d) => typeof d.rank === 'number')).to.equal(true);
      // A round trip keeps the ranks as they were.
      const again = await repo.exportPipeline('p');
      await repo.importPipeline(again, { replace: true });
      expect((await repo.exportPipeline('p')).deals).to.deep.equal(again.deals);
    });

    it('puts the deals of a removed stage on top of the column they move to, in their order', async () => {
      const [x, y] = await create('x', 'y', 'z');
      await repo.moveDeal('x', 'b', { expectedVersion: x!.version });
      await repo.moveDeal('y', 'b', { expectedVersion: y!.version }); // b: y x; a: z
      const z2 = await create('q'); // a: q z
      expect(z2).to.have.length(1);
      await repo.removeStage('p', 'a', 'b');
      expect(await column('b')).to.deep.equal(['q', 'z', 'y', 'x']);
    });

    it('restores a deleted deal to its place, or above the deal that took its rank meanwhile', async () => {
      const [, y] = await create('x', 'y', 'z'); // z y x
      const undo = await repo.deleteDeal('y', y!.version); // z x
      await repo.restoreDeal(undo);
      expect(await column('a')).to.deep.equal(['z', 'y', 'x']);

      const again = await repo.deleteDeal('z', (await repo.getDeal('z'))!.version); // y x
      await create('n'); // n y x: n took z's rank
      const changes: StoreChange[] = [];
      repo.subscribe('p', (c) => changes.push(c));
      await repo.restoreDeal(again);
      expect(await column('a')).to.deep.equal(['z', 'n', 'y', 'x']);
      const ranks = (await repo.listDeals('p')).map((d) => d.rank);
      expect(new Set(ranks).size).to.equal(4);
      expect(changes.map((c) => [c.type, c.ids])).to.deep.equal([['deal', ['z']]]);
    });
  });
}
