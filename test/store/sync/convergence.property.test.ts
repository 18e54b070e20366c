import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { StageEvent } from '../../../src/model/types.js';
import { StoreError } from '../../../src/store/errors.js';
import type { DeletedDeal } from '../../../src/store/repository.js';
import { stepClock } from '../helpers.js';
import { STAGES, apply, step, type Step } from '../steps.js';
import { exchange, peers, type Peer } from './peers.js';

const SEED = 20261201;

/** A step by one of the two people, or the two documents meeting. */
type Action = { who: 0 | 1; step: Step } | { sync: true };
const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ who: fc.constantFrom(0 as const, 1 as const), step }) },
  { weight: 1, arbitrary: fc.constant({ sync: true as const }) },
);

const byId = <T extends { id: string }>(list: T[]) =>
  [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** Every event id a peer's document holds, hidden ones (of deleted deals) too. */
const historyIds = (peer: Peer) =>
  new Set(peer.doc.getArray<StageEvent>('events').map((e) => e.id));

describe('two synced documents under any concurrent steps (property)', () => {
  it('end with equal deals and histories, and no deal or event is lost', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 40 }), async (actions) => {
        const both = peers(['ana', 'ben'], stepClock());
        const [ana, ben] = both as [Peer, Peer];
        await ana.repo.createPipeline({
          id: 'p',
          name: 'P',
          stages: STAGES.map((id) => ({ id, name: id.toUpperCase() })),
        });
        exchange(ana.doc, ben.doc);
        const undo: DeletedDeal[][] = [[], []];
        const created = new Set<string>();
        for (const a of actions) {
          if ('sync' in a) {
            exchange(ana.doc, ben.doc);
            continue;
          }
          try {
            await apply(both[a.who]!.repo, a.step, undo[a.who]!);
          } catch (e) {
            // A step on a deal the other person deleted or restored meanwhile is refused,
            // as it would be for a person: with a StoreError, nothing written.
            if (!(e instanceof StoreError)) throw e;
          }
          for (const d of await both[a.who]!.repo.listDeals('p')) created.add(d.id);
        }
        const written = new Set([...historyIds(ana), ...historyIds(ben)]);
        exchange(ana.doc, ben.doc);

        const deals = byId(await ana.repo.listDeals('p'));
        expect(byId(await ben.repo.listDeals('p'))).to.deep.equal(deals);
        expect(await ben.repo.listEvents('p')).to.deep.equal(await ana.repo.listEvents('p'));
        expect(await ben.repo.listTrash('p')).to.deep.equal(await ana.repo.listTrash('p'));
        // No deal lost: every deal either shows or waits in the trash.
        const trashed = (await ana.repo.listTrash('p')).map((t) => t.deal.id);
        for (const id of created) expect([...deals.map((d) => d.id), ...trashed]).to.include(id);
        // No event lost: both documents hold every event either wrote.
        for (const peer of both)
          expect([...historyIds(peer)].sort()).to.deep.equal([...written].sort());
        // Every shown deal sits in a real stage and has its creation in its history.
        const events = await ana.repo.listEvents('p');
        for (const d of deals) {
          expect(STAGES).to.include(d.stageId);
          expect(events.filter((e) => e.dealId === d.id && e.kind === 'created')).to.have.length(1);
        }
      }),
      { numRuns: 80, seed: SEED },
    );
  });
});
