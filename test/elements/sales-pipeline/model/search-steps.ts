import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  DAY_MS,
  type BoardColumn,
  type BoardFilter,
} from '../../../../src/elements/sales-pipeline/model/board-model.js';
import type { Deal } from '../../../../src/model/types.js';
import { NOW, deal } from './fixtures.js';

/**
 * What the board search's tests share: random deals, random steps a person or the feed takes
 * (type, delete, change a filter, edit or remove a deal), and the comparison with the naive
 * filter's columns.
 */

export const NAMES = { won: 'Won', lost: 'Lost' };
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

export const dealsArb = fc
  .integer({ min: 0, max: 60 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => dealArb(i))));

/** A step a person or the feed takes: type a letter, delete one, change a filter, a deal. */
export type Step =
  | { kind: 'type'; char: string }
  | { kind: 'backspace' }
  | { kind: 'owner'; owner: string }
  | { kind: 'stale' }
  | { kind: 'edit'; at: number; title: string }
  | { kind: 'remove'; at: number };

export const stepArb: fc.Arbitrary<Step> = fc.oneof(
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

export const shape = (columns: BoardColumn[]) =>
  columns.map((c) => ({ key: c.key, name: c.name, ids: c.deals.map((d) => d.id), count: c.count }));

export function expectSame(indexed: BoardColumn[], naive: BoardColumn[]) {
  expect(shape(indexed)).to.deep.equal(shape(naive));
  indexed.forEach((c, i) => {
    // Summed in another order: equal up to rounding.
    expect(c.amount).to.be.closeTo(naive[i].amount, 1e-6);
    expect(c.weighted).to.be.closeTo(naive[i].weighted, 1e-6);
  });
}

/** The filter and deals after `step`. */
export function applyStep(
  step: Step,
  filter: BoardFilter,
  deals: Deal[],
): { filter: BoardFilter; deals: Deal[] } {
  if (step.kind === 'type') return { filter: { ...filter, text: filter.text + step.char }, deals };
  if (step.kind === 'backspace') {
    return { filter: { ...filter, text: filter.text.slice(0, -1) }, deals };
  }
  if (step.kind === 'owner') return { filter: { ...filter, owner: step.owner }, deals };
  if (step.kind === 'stale') return { filter: { ...filter, staleOnly: !filter.staleOnly }, deals };
  if (deals.length === 0) return { filter, deals };
  const at = step.at % deals.length;
  return {
    filter,
    deals:
      step.kind === 'remove'
        ? deals.filter((_, i) => i !== at)
        : deals.map((d, i) => (i === at ? { ...d, title: step.title, version: d.version + 1 } : d)),
  };
}
