import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  buildColumns,
  ownersOf,
  type BoardFilter,
} from '../../../../src/elements/sales-pipeline/model/board-model.js';
import { BoardSearch } from '../../../../src/elements/sales-pipeline/model/board-search.js';
import type { Deal } from '../../../../src/model/types.js';
import { deal, none, pipeline } from './fixtures.js';
import { NAMES, applyStep, dealsArb, expectSame, shape, stepArb } from './search-steps.js';

/**
 * The indexed search against the naive one (`buildColumns`, which folds and filters every deal
 * each time): the same columns, cards in the same order and the same totals for any deals and
 * any sequence of keystrokes, filters and changes from the feed.
 */

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
          ({ filter, deals } = applyStep(step, filter, deals));
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
