import { expect, waitUntil } from '@open-wc/testing';
import type { Deal } from '../../../src/model/types.js';
import type { RepositoryNotice, SalesRepository } from '../../../src/store/repository.js';
import type { TrashedDeal } from '../../../src/store/sync/sync-repository.js';
import { board, button, memoryRepo, noticeTexts, PIPELINE, root } from './helpers.js';

/**
 * What a synced board says about stages names them as the board does, in the board's
 * language, and never by id: the notice of a move that lost to someone else's, and the stage
 * column of the trash. A synced repository is stood in for by the page's own memory store with
 * a trash and a notice feed the test drives.
 */

const STAGES = [
  { id: 'lead', name: 'Lead', names: { en: 'Lead', es: 'Contacto' } },
  { id: 'offer', name: 'Offer', names: { en: 'Offer', es: 'Oferta' } },
];

/** A memory repository that keeps a trash and lets the test raise its notices. */
async function roomLike() {
  const repo = memoryRepo();
  await repo.ensurePipeline(PIPELINE, { name: 'Team', currency: 'EUR', stages: STAGES });
  const alpha = await repo.createDeal(PIPELINE, { title: 'Alpha', stageId: 'lead' });
  const trash: TrashedDeal[] = [];
  const listeners = new Set<(n: RepositoryNotice) => void>();
  const synced = new Proxy(repo, {
    get(target, key, receiver) {
      if (key === 'listTrash') return () => Promise.resolve(trash);
      if (key === 'onNotice') {
        return (l: (n: RepositoryNotice) => void) => {
          listeners.add(l);
          return () => listeners.delete(l);
        };
      }
      const value = Reflect.get(target, key, receiver) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  }) as SalesRepository;
  const notify = (n: RepositoryNotice) => listeners.forEach((l) => l(n));
  return { synced, alpha, trash, notify };
}

const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

describe('<sales-pipeline> synced: stages by name, never by id', () => {
  it('names the stage of a move that lost in the board’s language, and words a stage it does not know', async () => {
    const { synced, alpha, notify } = await roomLike();
    const el = await board(synced, 'es');
    notify({ type: 'move-lost', dealId: alpha.id, title: 'Alpha', stageId: 'offer' });
    await waitUntil(() => noticeTexts(el).some((t) => t.includes('Alpha')), 'no notice');
    expect(noticeTexts(el).join(' ')).to.include(
      'Otra persona movió Alpha a Oferta al mismo tiempo y ese movimiento se mantiene',
    );

    notify({ type: 'move-lost', dealId: alpha.id, title: 'Alpha', stageId: 'stage-7f3a9c' });
    await waitUntil(() => noticeTexts(el).length === 2, 'no second notice');
    const said = noticeTexts(el).join(' ');
    expect(said).to.include(
      'Otra persona movió Alpha a una etapa añadida en otra pestaña o ventana al mismo tiempo',
    );
    expect(said).not.to.include('stage-7f3a9c');
  });

  it('lists a deleted deal under its stage’s name in the board’s language', async () => {
    const { synced, alpha, trash, notify } = await roomLike();
    const deal: Deal = { ...alpha, stageId: 'offer' };
    trash.push({ deal, events: [], deletedAt: Date.now() });
    const el = await board(synced, 'es');
    // The first synced notice brings the sync code, and with it the trash.
    notify({ type: 'sync-status', status: 'online' });
    notify({ type: 'move-lost', dealId: alpha.id, title: 'Alpha', stageId: 'lead' });
    await waitUntil(() => noticeTexts(el).some((t) => t.includes('Alpha')), 'no notice');
    button(el, 'Papelera').click();
    await el.updateComplete;
    const row = root(el).querySelector('#trash tbody tr')!;
    const cells = [...row.children].slice(0, 2).map((c) => squash(c.textContent));
    expect(cells).to.deep.equal(['Alpha', 'Oferta']);
  });
});
