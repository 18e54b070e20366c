import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  CARD_GAP,
  CARD_ROW_HEIGHT,
  cardRows,
  inViewEnd,
  markerTop,
  pageSize,
  rangePadding,
  scrollToShow,
  slotAt,
  rowKeys,
  tabStopOf,
  visibleRange,
} from '../../../../src/elements/sales-pipeline/model/windowing.js';

describe('windowing', () => {
  it('computes the visible window of a fixed-height list', () => {
    expect(visibleRange(0, 0, 500, 100)).to.deep.equal({ start: 0, end: 0 });
    // 500 px show rows 0–5 (6 with the partial one); 3 overscan after.
    expect(visibleRange(10_000, 0, 500, 100)).to.deep.equal({ start: 0, end: 9 });
    expect(visibleRange(10_000, 250_000, 500, 100)).to.deep.equal({ start: 2497, end: 2509 });
    expect(visibleRange(10, 5000, 500, 100)).to.deep.equal({ start: 6, end: 10 });
    // The board's own rows: a 520 px list shows ⌈520 / 124⌉ + 1 = 6 rows, plus 3 below.
    expect(visibleRange(200, 0, 520)).to.deep.equal({ start: 0, end: 9 });
  });

  it('scrolls as little as possible to bring a row into view', () => {
    expect(scrollToShow(20, 0, 500, 100)).to.equal(1600);
    expect(scrollToShow(2, 1600, 500, 100)).to.equal(200);
    expect(scrollToShow(17, 1600, 500, 100)).to.equal(1600);
    expect(scrollToShow(-1, 300, 500, 100)).to.equal(0);
  });

  it('always renders a row it scrolled to (any list, scroll and row)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20_000 }),
        fc.integer({ min: 0, max: 3_000_000 }),
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 0, max: 19_999 }),
        (count, scrollTop, viewport, wanted) => {
          const row = wanted % count;
          const top = scrollToShow(row, scrollTop, viewport);
          const range = visibleRange(count, top, viewport);
          expect(range.start).to.be.at.most(row);
          expect(range.end).to.be.above(row);
          // Never more than a viewport's worth plus the overscan.
          expect(range.end - range.start).to.be.at.most(Math.ceil(viewport / 124) + 1 + 6);
        },
      ),
    );
  });

  it('pads the rows not rendered so the list keeps its full height', () => {
    const range = visibleRange(100, 124 * 50, 520);
    const { before, after } = rangePadding(range, 100);
    expect(before + after + (range.end - range.start) * CARD_ROW_HEIGHT).to.equal(100 * 124);
    expect(before).to.equal(range.start * 124);
  });

  it('pages by the rows a viewport shows whole, at least one', () => {
    expect([0, 123, 124, 520, 1488].map((h) => pageSize(h))).to.deep.equal([1, 1, 1, 4, 12]);
  });

  it('finds the gap nearest the pointer: a card’s middle is the boundary', () => {
    // Rows of 124 px, 8 px gap first: gap s is centred at 124 s + 4, card i spans 124 i + 8 …
    expect([CARD_ROW_HEIGHT, CARD_GAP]).to.deep.equal([124, 8]);
    const at = (y: number) => slotAt(y, { top: 100, scrollTop: 0 }, 3);
    expect([100, 165, 167, 289, 291, 1000, 0].map(at)).to.deep.equal([0, 0, 1, 1, 2, 3, 0]);
    // Scrolled by two rows: the same screen point is two gaps further down.
    expect(slotAt(165, { top: 100, scrollTop: 248 }, 5)).to.equal(2);
  });

  it('centres the drop marker on its gap, and on the last card’s lower edge below it', () => {
    // A 4 px bar: gap 1 is centred at 124 + 4.
    expect(markerTop(1, 3) + 2).to.equal(128);
    expect(markerTop(3, 3) + 2).to.equal(3 * 124);
  });

  it('puts the Tab stop on the active card when rendered, else on the first card rendered', () => {
    const cols = [{ deals: [] }, { deals: ['a', 'b', 'c'].map((id) => ({ id })) }];
    const ranges = [
      { start: 0, end: 0 },
      { start: 1, end: 3 },
    ];
    expect(tabStopOf(cols, ranges, 'c')).to.equal('c');
    // "a" is scrolled out of the window: the first rendered card takes the stop.
    expect(tabStopOf(cols, ranges, 'a')).to.equal('b');
    expect(tabStopOf(cols, ranges, undefined)).to.equal('b');
    expect(tabStopOf([{ deals: [] }], [{ start: 0, end: 0 }], 'a')).to.equal(undefined);
  });

  it('keys rows by position: an answer changes what elements show, not where they are', () => {
    const ids = fc.uniqueArray(fc.constantFrom(...'abcdefghijklmnop'), { maxLength: 12 });
    fc.assert(
      fc.property(
        ids,
        ids,
        fc.nat(3),
        fc.option(fc.constantFrom(...'abcdefgh')),
        (before, after, start, pin) => {
          const last = rowKeys(new Map(), before, 0);
          const pinned = new Set([pin ?? undefined]);
          const keys = rowKeys(last, after, start, pinned);
          expect([...keys.keys()].sort()).to.deep.equal([...after].sort());
          // Unique: no two cards share an element.
          expect(new Set(keys.values()).size).to.equal(after.length);
          // A pinned card that stays keeps its element.
          if (pin !== null && before.includes(pin) && after.includes(pin)) {
            expect(keys.get(pin)).to.equal(last.get(pin));
          }
          // Every other row has its position's key unless the pinned card holds it.
          const held = pin !== null && before.includes(pin) ? last.get(pin) : undefined;
          after.forEach((id, j) => {
            if (id !== pin && start + j !== held) expect(keys.get(id)).to.equal(start + j);
          });
        },
      ),
    );
    // A window whose every card changed (a search answer) keeps every element, in order.
    const shown = rowKeys(new Map(), ['a', 'b', 'c'], 0);
    expect([...rowKeys(shown, ['x', 'y', 'z'], 0).values()]).to.deep.equal([...shown.values()]);
    // One that stays moves to the top: the elements stay in place, showing other deals.
    expect([...rowKeys(shown, ['c', 'x', 'y'], 0).values()]).to.deep.equal([0, 1, 2]);
    // Unless it is focused: its element goes with it, and the row it leaves takes the spare key.
    const focused = rowKeys(shown, ['c', 'x', 'y'], 0, new Set(['c']));
    expect([...focused]).to.deep.equal([
      ['c', 2],
      ['x', 1],
      ['y', 0],
    ]);
  });

  it('ends the rows in view where the viewport does, without overscan', () => {
    expect(inViewEnd(100, 0, 500, 100)).to.equal(5);
    expect(inViewEnd(100, 50, 500, 100)).to.equal(6);
    expect(inViewEnd(3, 0, 500, 100)).to.equal(3);
    expect(inViewEnd(0, 0, 500, 100)).to.equal(0);
    // Overscan aside, the same rows as visibleRange's.
    expect(inViewEnd(10_000, 250_000, 500, 100)).to.equal(2505);
  });

  it('renders an answer in the rows in view; the rows after it keep their cards until the next frame', () => {
    // One object per deal, as the board's data keeps an unchanged deal's object.
    const pool = new Map([...'abcdefghijklmnop'].map((id) => [id, { id }]));
    const deal = (id: string) => pool.get(id)!;
    const ids = fc.uniqueArray(fc.constantFrom(...'abcdefghijklmnop'), { maxLength: 10 });
    fc.assert(
      fc.property(ids, ids, fc.nat(10), (before, after, from) => {
        const shownKeys = rowKeys(new Map(), before, 0);
        const old = before.map(deal);
        const shown = cardRows(old, 0, before.length, shownKeys, new Map()).rows;
        const last = new Map(shown.map((r) => [r.key, r]));
        const keys = rowKeys(shownKeys, after, 0);
        const next = after.map(deal);
        const { rows, deferred } = cardRows(next, 0, after.length, keys, last, from);
        // The rows in view as they now are; after them only elements already there, as they were.
        const fresh = Math.min(from, after.length);
        expect(rows.slice(0, fresh).map((r) => r.deal)).to.deep.equal(next.slice(0, fresh));
        expect(rows.slice(0, fresh).map((r) => r.key)).to.deep.equal(
          after.slice(0, fresh).map((id) => keys.get(id)),
        );
        for (const r of rows.slice(fresh)) expect(last.get(r.key)).to.equal(r);
        // One element per key: no card shown twice.
        expect(new Set(rows.map((r) => r.key)).size).to.equal(rows.length);
        const whole = cardRows(next, 0, after.length, keys, last);
        expect(whole.deferred).to.equal(false);
        expect(whole.rows.map((r) => r.deal)).to.deep.equal(next);
        // Deferred exactly when a row after those in view is not yet as it should be.
        const behind = whole.rows.slice(fresh).some((r) => {
          const was = last.get(r.key);
          return was?.deal !== r.deal || was.index !== r.index || was.size !== r.size;
        });
        expect(deferred).to.equal(behind);
      }),
    );
  });
});
