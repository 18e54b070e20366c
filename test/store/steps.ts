import fc from 'fast-check';
import type { DealOutcome } from '../../src/model/types.js';
import type { DeletedDeal, SalesRepository } from '../../src/store/repository.js';

/** Random steps on a pipeline of stages `a`, `b`, `c`, shared by the store's property tests. */

export const STAGES = ['a', 'b', 'c'];
const OUTCOMES: DealOutcome[] = ['open', 'won', 'lost'];

/**
 * One step a person (or another tab) can take. Deals and anchors are picked by position
 * among the deals stored at that moment, so every step applies to whatever exists then.
 */
export type Step =
  | { op: 'create'; stage: number; outcome: DealOutcome }
  | { op: 'move'; deal: number; stage: number; place: 'top' | 'bottom' | number }
  | { op: 'reorder'; deal: number; place: 'bottom' | number }
  | { op: 'outcome'; deal: number; outcome: DealOutcome; reason: string }
  | { op: 'delete'; deal: number }
  | { op: 'undo-delete' };

const index = fc.nat({ max: 50 });
export const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    op: fc.constant('create' as const),
    stage: fc.nat({ max: 2 }),
    outcome: fc.constantFrom(...OUTCOMES),
  }),
  fc.record({
    op: fc.constant('move' as const),
    deal: index,
    stage: fc.nat({ max: 2 }),
    place: fc.oneof(fc.constantFrom('top' as const, 'bottom' as const), index),
  }),
  fc.record({
    op: fc.constant('reorder' as const),
    deal: index,
    place: fc.oneof(fc.constant('bottom' as const), index),
  }),
  fc.record({
    op: fc.constant('outcome' as const),
    deal: index,
    outcome: fc.constantFrom(...OUTCOMES),
    reason: fc.constantFrom('', 'Price', 'Timing'),
  }),
  fc.record({ op: fc.constant('delete' as const), deal: index }),
  fc.constant({ op: 'undo-delete' as const }),
);

export async function apply(repo: SalesRepository, s: Step, undo: DeletedDeal[]): Promise<void> {
  if (s.op === 'create') {
    await repo.createDeal('p', { title: 'Deal', stageId: STAGES[s.stage], outcome: s.outcome });
    return;
  }
  if (s.op === 'undo-delete') {
    const snapshot = undo.pop();
    if (snapshot) await repo.restoreDeal(snapshot);
    return;
  }
  const deals = (await repo.listDeals('p')).sort((x, y) => (x.id < y.id ? -1 : 1));
  if (deals.length === 0) return;
  const deal = deals[s.deal % deals.length]!;
  const expectedVersion = deal.version;
  /** The deal to go above, among the others in `stageId`'s column; none: the bottom. */
  const anchor = (stageId: string, pick: number) => {
    const column = deals.filter((d) => d.stageId === stageId && d.id !== deal.id);
    return column.length ? column[pick % column.length]!.id : null;
  };
  switch (s.op) {
    case 'move': {
      const to = STAGES[s.stage]!;
      // Top is where a move to another column goes by default; within the column, nowhere.
      const place =
        s.place === 'top' ? {} : { before: s.place === 'bottom' ? null : anchor(to, s.place) };
      // As the board does: a closed deal moved back into a column is reopened with the move.
      await repo.moveDeal(deal.id, to, { expectedVersion, reopen: true, ...place });
      return;
    }
    case 'reorder':
      await repo.moveDeal(deal.id, deal.stageId, {
        expectedVersion,
        before: s.place === 'bottom' ? null : anchor(deal.stageId, s.place),
      });
      return;
    case 'outcome':
      await repo.setOutcome(deal.id, s.outcome, { expectedVersion, reason: s.reason });
      return;
    case 'delete':
      undo.push(await repo.deleteDeal(deal.id, expectedVersion));
      return;
  }
}
