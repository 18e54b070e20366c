import { expect } from '@open-wc/testing';
import type { Deal } from '../../src/model/types.js';
import type { Tx } from '../../src/store/backend.js';
import { StoreError } from '../../src/store/errors.js';
import { MemoryBackend } from '../../src/store/memory-repository.js';
import { rankOnTop, ranksOnTop, slotFor, withRanks } from '../../src/store/placement.js';
import { MIN_RANK_GAP, RANK_STEP } from '../../src/store/rank.js';

/** A deal of pipeline `p` with just what placement reads. */
const deal = (id: string, stageId: string, rank?: number, stageEnteredAt = 0): Deal => ({
  id,
  pipelineId: 'p',
  title: id,
  amount: 0,
  currency: 'EUR',
  stageId,
  outcome: 'open',
  createdAt: 0,
  updatedAt: 0,
  stageEnteredAt,
  version: 1,
  ...(rank === undefined ? {} : { rank }),
});

/** Runs `fn` in a write transaction over a store holding `deals`. */
async function inColumn<T>(deals: Deal[], fn: (tx: Tx) => Promise<T>): Promise<T> {
  const backend = new MemoryBackend();
  await backend.write(['deals'], async (tx) => {
    for (const d of deals) await tx.put('deals', d);
  });
  return backend.write(['deals'], fn);
}

describe('store column placement', () => {
  const column = [deal('x', 'a', 0), deal('y', 'a', 1), deal('z', 'a', 2), deal('w', 'b', 5)];

  it('gives the top, the bottom, or the midpoint above a deal', async () => {
    const moving = deal('m', 'b', 5);
    await inColumn(column, async (tx) => {
      expect(await slotFor(tx, moving, 'a', undefined, 'en')).to.deep.equal({
        rank: -RANK_STEP,
        renumbered: [],
      });
      expect(await slotFor(tx, moving, 'a', null, 'en')).to.deep.equal({
        rank: 2 + RANK_STEP,
        renumbered: [],
      });
      expect(await slotFor(tx, moving, 'a', 'z', 'en')).to.deep.equal({
        rank: 1.5,
        renumbered: [],
      });
      expect(await slotFor(tx, moving, 'a', 'x', 'en')).to.deep.equal({
        rank: -RANK_STEP,
        renumbered: [],
      });
      // An empty column starts at 0.
      expect(await slotFor(tx, moving, 'c', undefined, 'en')).to.deep.equal({
        rank: 0,
        renumbered: [],
      });
    });
  });

  it('has no slot for a deal already where it is asked to go', async () => {
    await inColumn(column, async (tx) => {
      expect(await slotFor(tx, column[0]!, 'a', undefined, 'en')).to.equal(undefined);
      expect(await slotFor(tx, column[2]!, 'a', null, 'en')).to.equal(undefined);
      expect(await slotFor(tx, column[1]!, 'a', 'z', 'en')).to.equal(undefined);
      expect(await slotFor(tx, column[1]!, 'a', 'y', 'en')).to.equal(undefined);
    });
  });

  it('refuses an anchor that is not in the column', async () => {
    await inColumn(column, async (tx) => {
      let error: unknown;
      try {
        await slotFor(tx, deal('m', 'b'), 'a', 'w', 'en');
      } catch (e) {
        error = e;
      }
      expect(error).to.be.instanceOf(StoreError);
      expect((error as StoreError).details.map((d) => [d.field, d.code])).to.deep.equal([
        ['before', 'not-in-column'],
      ]);
    });
  });

  it('renumbers the column, ranks only, when two neighbours are too close to split', async () => {
    const tight = [deal('x', 'a', 0), deal('y', 'a', MIN_RANK_GAP / 2), deal('z', 'a', 1)];
    const slot = await inColumn(tight, (tx) => slotFor(tx, deal('m', 'b'), 'a', 'y', 'en'));
    // x m y z → 0 1 2 3: m takes 1; y and z move down, x stays.
    expect(slot).to.deep.equal({
      rank: RANK_STEP,
      renumbered: [
        { ...tight[1]!, rank: 2 * RANK_STEP },
        { ...tight[2]!, rank: 3 * RANK_STEP },
      ],
    });
  });

  it('stacks ranks above a column’s top, and ranks new deals there newest in the stage first', async () => {
    const fresh = [
      deal('old', 'a', undefined, 10),
      deal('new', 'a', undefined, 30),
      deal('b1', 'b'),
    ];
    await inColumn(column, async (tx) => {
      expect(await ranksOnTop(tx, 'p', 'a', 2)).to.deep.equal([-2, -1]);
      expect(await ranksOnTop(tx, 'p', 'empty', 2)).to.deep.equal([0, 1]);
      await rankOnTop(tx, 'p', fresh);
    });
    expect(fresh.map((d) => [d.id, d.rank])).to.deep.equal([
      ['old', -1],
      ['new', -2],
      ['b1', 4],
    ]);
  });

  it('fixes the ranks of a file column by column: missing or repeated ones become 0, 1, 2…', () => {
    const file = [
      deal('a1', 'a', 7),
      deal('a2', 'a', 3),
      deal('b1', 'b', undefined, 5),
      deal('b2', 'b', 4, 1),
      deal('c1', 'c', 2),
      deal('c2', 'c', 2, 9),
    ];
    const fixed = withRanks(file);
    expect(fixed.map((d) => [d.id, d.rank])).to.deep.equal([
      ['a1', 7],
      ['a2', 3],
      // No rank sorts first.
      ['b1', 0],
      ['b2', 1],
      // Equal ranks: newest in the stage first.
      ['c1', 1],
      ['c2', 0],
    ]);
    expect(fixed[0]).to.equal(file[0]);
    const ranked = [deal('a1', 'a', 1)];
    expect(withRanks(ranked)).to.equal(ranked);
  });
});
