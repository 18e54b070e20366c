import { expect } from '@open-wc/testing';
import {
  DAY_MS,
  LOST_KEY,
  WON_KEY,
  beforeAtSlot,
  buildColumns,
  dealFilter,
  nextInStage,
  slotForPosition,
  type BoardFilter,
} from '../../../src/elements/sales-pipeline/board-model.js';
import { EDGE, EDGE_SPEED, edgeSpeed } from '../../../src/elements/sales-pipeline/pointer-drag.js';
import {
  scrollToShow,
  slotAt,
  visibleRange,
} from '../../../src/elements/sales-pipeline/windowing.js';
import type { Deal, Pipeline } from '../../../src/model/types.js';

const NOW = 1_750_000_000_000;
const pipeline: Pipeline = {
  id: 'p',
  name: 'P',
  currency: 'EUR',
  stages: [
    { id: 'a', name: 'A', names: { en: 'A', es: 'Á' }, probability: 0.25 },
    { id: 'b', name: 'B' },
  ],
  createdAt: 0,
  updatedAt: 0,
};
const deal = (id: string, extra: Partial<Deal>): Deal => ({
  id,
  pipelineId: 'p',
  title: id,
  amount: 100,
  currency: 'EUR',
  stageId: 'a',
  outcome: 'open',
  createdAt: NOW,
  updatedAt: NOW,
  stageEnteredAt: NOW,
  version: 1,
  ...extra,
});
const none: BoardFilter = { text: '', owner: '', staleOnly: false, staleDays: 30, now: NOW };

describe('board model', () => {
  it('groups deals into stage, won and lost columns with totals worked by hand', () => {
    const deals = [
      deal('x', { amount: 400, stageEnteredAt: NOW - 2 }),
      deal('y', { amount: 1000, stageEnteredAt: NOW - 1 }),
      deal('z', { stageId: 'b', amount: 50 }),
      deal('w', { outcome: 'won', amount: 70 }),
      deal('l', { outcome: 'lost', amount: 30 }),
      deal('gone', { stageId: 'removed', amount: 1 }),
    ];
    const cols = buildColumns(pipeline, deals, none, 'es', { won: 'G', lost: 'P' });
    expect(cols.map((c) => [c.key, c.name, c.count, c.amount, c.weighted])).to.deep.equal([
      // 1401 in A: 400 + 1000 + 1 (its stage was removed); weighted at 25 %.
      ['a', 'Á', 3, 1401, 350.25],
      ['b', 'B', 1, 50, 50],
      [WON_KEY, 'G', 1, 70, 70],
      [LOST_KEY, 'P', 1, 30, 0],
    ]);
    // Newest in the column first.
    expect(cols[0]!.deals.map((d) => d.id)).to.deep.equal(['gone', 'y', 'x']);
  });

  it('filters by words (accents and case ignored), owner and staleness', () => {
    const deals = [
      deal('1', { title: 'Licencia', owner: 'Lucía', company: 'Grupo Norte' }),
      deal('2', { title: 'Support', owner: 'Ana', stageEnteredAt: NOW - 31 * DAY_MS }),
      deal('3', { title: 'Old but won', outcome: 'won', stageEnteredAt: NOW - 99 * DAY_MS }),
    ];
    const ids = (f: Partial<BoardFilter>) =>
      deals.filter(dealFilter({ ...none, ...f })).map((d) => d.id);
    expect(ids({ text: 'LUCIA norte' })).to.deep.equal(['1']);
    expect(ids({ text: 'norte ana' })).to.deep.equal([]);
    expect(ids({ owner: 'Ana' })).to.deep.equal(['2']);
    expect(ids({ staleOnly: true })).to.deep.equal(['2']);
    expect(ids({ staleOnly: true, staleDays: 31 })).to.deep.equal([]);
  });

  it('computes the visible window of a fixed-height list', () => {
    expect(visibleRange(0, 0, 500, 100)).to.deep.equal({ start: 0, end: 0 });
    // 500 px show rows 0–5 (6 with the partial one); 3 overscan after.
    expect(visibleRange(10_000, 0, 500, 100)).to.deep.equal({ start: 0, end: 9 });
    expect(visibleRange(10_000, 250_000, 500, 100)).to.deep.equal({ start: 2497, end: 2509 });
    expect(visibleRange(10, 5000, 500, 100)).to.deep.equal({ start: 6, end: 10 });
    expect(scrollToShow(20, 0, 500, 100)).to.equal(1600);
    expect(scrollToShow(2, 1600, 500, 100)).to.equal(200);
    expect(scrollToShow(17, 1600, 500, 100)).to.equal(1600);
  });
});

describe('card order helpers', () => {
  // Shown top to bottom: p q r s.
  const column = ['p', 'q', 'r', 's'].map((id, rank) => deal(id, { rank }));

  it('turns a gap between shown cards into the deal to go above, or nothing for its own place', () => {
    expect([0, 1, 2, 3, 4].map((slot) => beforeAtSlot(column, 'q', slot))).to.deep.equal([
      'p',
      undefined,
      undefined,
      's',
      null,
    ]);
    // A card from another column can go anywhere.
    expect([0, 4].map((slot) => beforeAtSlot(column, 'z', slot))).to.deep.equal(['p', null]);
  });

  it('maps a position in the column after the move to the gap it drops in', () => {
    // q (at 1) to positions 0…3: above p, stays, between r and s, bottom.
    expect([0, 1, 2, 3].map((pos) => slotForPosition(column, 'q', pos))).to.deep.equal([
      0, 2, 3, 4,
    ]);
    expect(beforeAtSlot(column, 'q', slotForPosition(column, 'q', 1))).to.equal(undefined);
    expect(slotForPosition(column, 'z', 2)).to.equal(2);
  });

  it('finds the next deal in the stage, whatever the filter or outcome, for undo', () => {
    const all = [...column, deal('t', { rank: 1.5, outcome: 'lost' }), deal('u', { stageId: 'b' })];
    expect(nextInStage(all, all[1]!)).to.equal('t');
    expect(nextInStage(all, all[3]!)).to.equal(null);
  });

  it('finds the gap nearest the pointer: a card’s middle is the boundary', () => {
    // Rows of 112 px, 8 px gap first: gap s is centred at 112 s + 4, card i spans 112 i + 8 …
    const at = (y: number) => slotAt(y, { top: 100, scrollTop: 0 }, 3, 112, 8);
    expect([100, 159, 161, 271, 273, 1000, 0].map(at)).to.deep.equal([0, 0, 1, 1, 2, 3, 0]);
    // Scrolled by two rows: the same screen point is two gaps further down.
    expect(slotAt(159, { top: 100, scrollTop: 224 }, 5, 112, 8)).to.equal(2);
  });

  it('scrolls faster the nearer the pointer is to an edge, and not at all away from one', () => {
    // A box from 100 to 600 px with 48 px zones at both ends; full speed is 16 px a frame.
    expect([EDGE, EDGE_SPEED]).to.deep.equal([48, 16]);
    const at = (pos: number) => edgeSpeed(pos, 100, 600);
    expect([148, 350, 552].map(at)).to.deep.equal([0, 0, 0]);
    // 24 px deep: half speed; at the edge or past it (up to one zone): full speed.
    expect([124, 100, 60, 576, 600, 640].map(at)).to.deep.equal([-8, -16, -16, 8, 16, 16]);
    // Barely in: still moving; far outside: still.
    expect([147.5, 552.5].map(at)).to.deep.equal([-1, 1]);
    expect([51, 649].map(at)).to.deep.equal([0, 0]);
    // A 60 px box splits at its middle: 30 px zones.
    expect([
      edgeSpeed(115, 100, 160),
      edgeSpeed(130, 100, 160),
      edgeSpeed(160, 100, 160),
    ]).to.deep.equal([-8, 0, 16]);
  });
});
