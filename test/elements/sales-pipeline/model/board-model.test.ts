import { expect } from '@open-wc/testing';
import {
  DAY_MS,
  LOST_KEY,
  WON_KEY,
  beforeAtSlot,
  buildColumns,
  columnKeyOf,
  dealFilter,
  isStale,
  nextInStage,
  ownersOf,
  slotForPosition,
  staleLimit,
  type BoardFilter,
} from '../../../../src/elements/sales-pipeline/model/board-model.js';
import { learnedStaleLimits } from '../../../../src/elements/sales-pipeline/model/learned-stale.js';
import type { Deal, StageEvent } from '../../../../src/model/types.js';
import { NOW, deal, none, pipeline } from './fixtures.js';

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

  it('marks an open deal stale only after more than stale-days in its stage', () => {
    const waited = (days: number, outcome: Deal['outcome'] = 'open') =>
      deal('s', { outcome, stageEnteredAt: NOW - days * DAY_MS });
    expect([29, 30, 31].map((d) => isStale(waited(d), NOW, 30))).to.deep.equal([
      false,
      false,
      true,
    ]);
    expect(isStale(waited(99, 'won'), NOW, 30)).to.equal(false);
    expect(isStale(waited(1), NOW, 0)).to.equal(true);
  });

  it('learns a stage’s threshold from 10 finished visits on, rounded up to whole days', () => {
    // Visits of stage a lasting 1…n days (created in a, moved to b), no visit of b finished.
    const history = (n: number) => {
      const deals: Deal[] = [];
      const events: StageEvent[] = [];
      for (let i = 0; i < n; i++) {
        const start = NOW - 200 * DAY_MS;
        const left = start + (i + 1) * DAY_MS;
        deals.push(deal(`v${i}`, { stageId: 'b', createdAt: start, stageEnteredAt: left }));
        const e = { pipelineId: 'p', dealId: `v${i}` };
        events.push({ ...e, id: `v${i}-0`, kind: 'created', from: null, to: 'a', at: start });
        events.push({ ...e, id: `v${i}-1`, kind: 'moved', from: 'a', to: 'b', at: left });
      }
      return learnedStaleLimits(pipeline, deals, events, NOW);
    };
    // 9 visits: too few. 10 visits of 1…10 days: rank 0.85 × 9 = 7.65, 8.65 days, so 9.
    expect([...history(9)]).to.deep.equal([]);
    expect([...history(10)]).to.deep.equal([['a', 9]]);
    // 12 visits: rank 9.35, 10.35 days, so 11.
    expect([...history(12)]).to.deep.equal([['a', 11]]);
  });

  it('takes a stage’s learned threshold where there is one, else stale-days, for the filter too', () => {
    const learned = new Map([['a', 5]]);
    expect(staleLimit('a', { staleDays: 30, learned })).to.deep.equal({ days: 5, learned: true });
    expect(staleLimit('b', { staleDays: 30, learned })).to.deep.equal({ days: 30, learned: false });
    expect(staleLimit('a', { staleDays: 30 })).to.deep.equal({ days: 30, learned: false });
    const deals = [
      deal('a6', { stageEnteredAt: NOW - 6 * DAY_MS }),
      deal('a5', { stageEnteredAt: NOW - 5 * DAY_MS }),
      deal('b6', { stageId: 'b', stageEnteredAt: NOW - 6 * DAY_MS }),
    ];
    const stale = deals.filter(dealFilter({ ...none, staleOnly: true, learned }));
    expect(stale.map((d) => d.id)).to.deep.equal(['a6']);
  });

  it('names the column of each deal, and lists the owners for the filter in the language’s order', () => {
    expect(
      ['open', 'won', 'lost'].map((o) =>
        columnKeyOf(deal('k', { outcome: o as Deal['outcome'], stageId: 'b' })),
      ),
    ).to.deep.equal(['b', WON_KEY, LOST_KEY]);
    const owners = ['Óscar', 'ana', 'Luis', undefined, 'Luis'].map((owner, i) =>
      deal(`o${i}`, owner ? { owner } : {}),
    );
    expect(ownersOf(owners, 'es')).to.deep.equal(['ana', 'Luis', 'Óscar']);
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
});
