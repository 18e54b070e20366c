import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  DAY_MS,
  buildColumns,
  ownersOf,
  type BoardColumn,
  type BoardFilter,
} from '../../../../src/elements/sales-pipeline/model/board-model.js';
import { BoardSearch } from '../../../../src/elements/sales-pipeline/model/board-search.js';
import type { Deal } from '../../../../src/model/types.js';
import { NOW, deal, none, pipeline } from './fixtures.js';

/**
 * The indexed search against the naive one (`buildColumns`, which folds and filters every deal
 * each time): the same columns, cards in the same order and the same totals for any deals and
 * any sequence of keystrokes, filters and changes from the feed.
 */

const NAMES = { won: 'Won', lost: 'Lost' };
const WORDS = ['Lucía', 'lucia', 'ACME', 'acme s.l.', 'Ñandú', 'nandu', 'Zoë', 'ana', 'x', ''];

const dealArb = (i: number) =>
  fc
    .record({
      title: fc.constantFrom(...WORDS, 'Deal'),
      company: fc.option(fc.constantFrom(...WORDS), { nil: undefined }),
      notes: fc.option(fc.string({ maxLength: 12 }), { nil: undefined }),
      owner: fc.option(fc.constantFrom('Ana', 'Luis', 'Zoë'), { nil: undefined }),
      amount: fc.integer({ min: 0, max: 10_000 }),
      stageId: fc.constantFrom('a', 'b', 'removed'),
      outcome: fc.constantFrom<Deal['outcome']>('open', 'open', 'won', 'lost'),
      days: fc.integer({ min: 0, max: 90 }),
      rank: fc.option(fc.integer({ min: 0, max: 50 }), { nil: undefined }),
    })
    .map((r) => {
      const { days, rank, ...rest } = r;
      return deal(`d${i}`, {
        ...rest,
        stageEnteredAt: NOW - days * DAY_MS,
        updatedAt: NOW - days,
        ...(rank === undefined ? {} : { rank }),
      });
    });

const dealsArb = fc
  .integer({ min: 0, max: 60 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => dealArb(i))));

/** A step a person or the feed takes: type a letter, delete one, change a filter, a deal. */
type Step =
  | { kind: 'type'; char: string }
  | { kind: 'backspace' }
  | { kind: 'owner'; owner: string }
  | { kind: 'stale' }
  | { kind: 'edit'; at: number; title: string }
  | { kind: 'remove'; at: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .constantFrom(...'lucia acmenadzoë ÑÍ'.split(''))
      .map((char) => ({ kind: 'type' as const, char })),
  },
  { weight: 2, arbitrary: fc.constant({ kind: 'backspace' as const }) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('', 'Ana', 'Luis')
      .map((owner) => ({ kind: 'owner' as const, owner })),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'stale' as const }) },
  {
    weight: 1,
    arbitrary: fc
      .record({ at: fc.nat(), title: fc.constantFrom(...WORDS) })
      .map((r) => ({ kind: 'edit' as const, ...r })),
  },
  { weight: 1, arbitrary: fc.nat().map((at) => ({ kind: 'remove' as const, at })) },
);

const shape = (columns: BoardColumn[]) =>
  columns.map((c) => ({ key: c.key, name: c.name, ids: c.deals.map((d) => d.id), count: c.count }));

function expectSame(indexed: BoardColumn[], naive: BoardColumn[]) {
  expect(shape(indexed)).to.deep.equal(shape(naive));
  indexed.forEach((c, i) => {
    // Summed in another order: equal up to rounding.
    expect(c.amount).to.be.closeTo(naive[i].amount, 1e-6);
    expect(c.weighted).to.be.closeTo(naive[i].weighted, 1e-6);
  });
}

describe('board search', () => {
  it('finds exactly what the naive filter finds, keystroke by keystroke, as deals change', () => {
    fc.assert(
      fc.property(dealsArb, fc.array(stepArb, { maxLength: 25 }), (start, steps) => {
        const search = new BoardSearch();
        let deals: Deal[] = start;
        let filter: BoardFilter = { ...none, staleDays: 30 };
        const check = () => {
          const indexed = search.columns(pipeline, deals, filter, 'es', NAMES);
          expectSame(indexed, buildColumns(pipeline, deals, filter, 'es', NAMES));
          expect(search.owners(deals, 'es')).to.deep.equal(ownersOf(deals, 'es'));
        };
        check();
        for (const step of steps) {
          if (step.kind === 'type') filter = { ...filter, text: filter.text + step.char };
          else if (step.kind === 'backspace')
            filter = { ...filter, text: filter.text.slice(0, -1) };
          else if (step.kind === 'owner') filter = { ...filter, owner: step.owner };
          else if (step.kind === 'stale') filter = { ...filter, staleOnly: !filter.staleOnly };
          else if (deals.length > 0) {
            const at = step.at % deals.length;
            deals =
              step.kind === 'remove'
                ? deals.filter((_, i) => i !== at)
                : deals.map((d, i) =>
                    i === at ? { ...d, title: step.title, version: d.version + 1 } : d,
                  );
          }
          check();
        }
      }),
      { seed: 1603, numRuns: 200 },
    );
  });

  it('folds each deal once, then only a changed one; typing on filters the last result only', () => {
    const deals = Array.from({ length: 1000 }, (_, i) =>
      deal(`d${i}`, { title: i % 10 === 0 ? `Lucía ${i}` : `Deal ${i}`, amount: i }),
    );
    const search = new BoardSearch();
    const at = (text: string, list = deals) =>
      search.columns(pipeline, list, { ...none, text }, 'en', NAMES);
    at('');
    expect(search.work.folded).to.equal(1000);
    const filtered = search.work.filtered;
    const l = at('l');
    const afterL = l.reduce((n, c) => n + c.count, 0);
    expect(search.work.filtered - filtered).to.equal(1000);
    const before = search.work.filtered;
    expect(at('lu').reduce((n, c) => n + c.count, 0)).to.equal(100);
    // Only the deals "l" kept were looked at again.
    expect(search.work.filtered - before).to.equal(afterL);
    // One deal changed in the feed: one deal folded again.
    const changed = deals.map((d, i) => (i === 5 ? { ...d, title: 'Lucía again' } : d));
    expect(at('lu', changed).reduce((n, c) => n + c.count, 0)).to.equal(101);
    expect(search.work.folded).to.equal(1001);
  });

  it('in slices: the last result stays until the pass is done, then the same as naive', async () => {
    const deals = Array.from({ length: 200 }, (_, i) =>
      deal(`d${i}`, { title: i % 3 ? `Deal ${i}` : `Lucía ${i}`, stageId: i % 2 ? 'a' : 'b' }),
    );
    let ready = 0;
    const passes: Promise<void>[] = [];
    const search = new BoardSearch({
      slice: 7,
      ready: () => (ready += 1),
      track: (pass) => passes.push(pass),
    });
    const at = (text: string) => search.columns(pipeline, deals, { ...none, text }, 'en', NAMES);
    const naive = (text: string) => buildColumns(pipeline, deals, { ...none, text }, 'en', NAMES);
    // New deals are filtered at once.
    expectSame(at(''), naive(''));
    // A full pass over 200 deals in slices: the board keeps what it showed meanwhile.
    const before = search.found;
    expect(shape(at('lu'))).to.deep.equal(shape(naive('')));
    expect(passes).to.have.length(1);
    // A newer keystroke replaces the pass under way.
    at('luc');
    expect(passes).to.have.length(2);
    await Promise.all(passes);
    expect(ready).to.equal(1);
    expect(search.found).not.to.equal(before);
    expectSame(at('luc'), naive('luc'));
    // Typing on narrows the 67 found: a pass over them only.
    const filtered = search.work.filtered;
    at('lucía 1');
    await Promise.all(passes);
    expect(search.work.filtered - filtered).to.equal(67);
    expectSame(at('lucía 1'), naive('lucía 1'));
  });
});
