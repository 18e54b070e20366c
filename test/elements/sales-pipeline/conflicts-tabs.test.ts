import { expect, waitUntil } from '@open-wc/testing';
import { deleteDB } from 'idb';
import type { SalesPipeline } from '../../../src/elements/sales-pipeline/sales-pipeline.js';
import { openRepository } from '../../../src/store/open.js';
import type { SalesRepository } from '../../../src/store/repository.js';
import { openTabB, type TabB } from '../../two-tabs/client.js';
import {
  PIPELINE,
  alerts,
  board,
  button,
  card,
  dbName,
  deleteDatabases,
  dialogOf,
  field,
  hasButton,
  noticeTexts,
  press,
  pressUndo,
  root,
  stored,
  titlesIn,
  toolbarField,
} from './helpers.js';

/**
 * Undo and the deal dialog against writes made in another real tab (tab B, a second page of
 * the same browser on the same database): nothing this tab does may silently undo them, and
 * what happened is said in words, with names, never ids.
 */

/** Shows only the deals titled `title` (columns are windowed: a card may not be rendered). */
async function search(el: SalesPipeline, title: string): Promise<void> {
  const input = toolbarField(el, el.lang === 'es' ? 'Buscar' : 'Search');
  input.value = title;
  input.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

/** Waits until the card titled `title` shows in the column headed `column`. */
async function showsIn(el: SalesPipeline, column: string, title: string): Promise<void> {
  await search(el, title);
  await waitUntil(
    () => titlesIn(el, column).includes(title),
    `“${title}” never showed in ${column}: ${titlesIn(el).join(', ')}`,
    { timeout: 5000 },
  );
}

/** Opens the edit dialog of the deal titled `title` with its key, as a person does. */
async function editDialog(el: SalesPipeline, title: string): Promise<void> {
  await search(el, title);
  card(el, title).focus();
  await press(el, 'e');
}

const dialogText = (el: SalesPipeline) => dialogOf(el).textContent!.replace(/\s+/g, ' ');

describe('<sales-pipeline> conflicts with another tab', () => {
  let name: string;
  let repo: SalesRepository;
  let tabB: TabB;
  let el: SalesPipeline | undefined;

  beforeEach(async () => {
    name = dbName('conflicts');
    repo = await openRepository({ name });
    await repo.ensurePipeline(PIPELINE, {
      name: 'Test',
      currency: 'EUR',
      stages: [
        { id: 'lead', name: 'Lead' },
        { id: 'offer', name: 'Offer' },
        { id: 'deal', name: 'Negotiation' },
        { id: 'contract', name: 'Contract' },
      ],
    });
    await repo.createDeal(PIPELINE, { title: 'Alpha', company: 'Acme', stageId: 'lead' });
    for (let i = 0; i < 40; i += 1) {
      await repo.createDeal(PIPELINE, { title: `Filler ${i}`, stageId: 'lead' });
    }
    tabB = await openTabB(name);
  });
  afterEach(async () => {
    el?.remove();
    el = undefined;
    await tabB.close();
    repo.close();
    await deleteDatabases();
  });

  it('Ctrl+Z after the other tab moved the deal leaves it there and says where it is, by name', async () => {
    el = await board(repo);
    const alpha = (await stored(repo, 'Alpha'))!;
    // Tab A moves Alpha from stage 1 to stage 2.
    expect(await el.moveDeal(alpha.id, { stageId: 'offer' })).to.equal(true);
    const afterA = (await repo.getDeal(alpha.id))!;
    // Tab B moves it on to stage 4.
    await tabB.call('moveDeal', alpha.id, 'contract', { expectedVersion: afterA.version });
    await showsIn(el, 'Contract', 'Alpha');
    const afterB = await tabB.call('getDeal', alpha.id);

    card(el, 'Alpha').focus();
    await pressUndo(el);

    expect(noticeTexts(el)).to.include(
      '“Alpha” was changed in another tab or window and is now in Contract: it stays there, and nothing was undone. ×',
    );
    expect(alerts(el).some((a) => a.textContent!.includes('now in Contract'))).to.equal(true);
    // Stored as tab B left it, for both tabs, and shown there.
    expect(await repo.getDeal(alpha.id)).to.deep.equal(afterB);
    expect(await tabB.call('getDeal', alpha.id)).to.deep.equal(afterB);
    expect(titlesIn(el, 'Contract')).to.deep.equal(['Alpha']);
    expect(titlesIn(el, 'Lead')).to.deep.equal([]);
    // Nothing is left to undo: a second Ctrl+Z does not try again.
    await pressUndo(el);
    expect((await repo.getDeal(alpha.id))!.stageId).to.equal('contract');
    expect(root(el).textContent).to.not.include(alpha.id);
  });

  it('Ctrl+Z still undoes a move when nothing changed elsewhere', async () => {
    el = await board(repo);
    const alpha = (await stored(repo, 'Alpha'))!;
    await el.moveDeal(alpha.id, { stageId: 'offer' });
    // Another deal changed in tab B does not stand in the way.
    const other = (await stored(repo, 'Filler 3'))!;
    await tabB.call('moveDeal', other.id, 'deal', { expectedVersion: other.version });
    await showsIn(el, 'Negotiation', 'Filler 3');
    await search(el, 'Alpha');
    card(el, 'Alpha').focus();
    await pressUndo(el);
    expect((await repo.getDeal(alpha.id))!.stageId).to.equal('lead');
    expect(titlesIn(el, 'Lead')).to.deep.equal(['Alpha']);
  });

  it('Ctrl+Z of a delete the other tab already undid says so, by title, and keeps one deal', async () => {
    el = await board(repo);
    await search(el, 'Alpha');
    const alpha = (await stored(repo, 'Alpha'))!;
    const events = await repo.listEvents(PIPELINE, { dealId: alpha.id });
    card(el, 'Alpha').focus();
    await press(el, 'Delete');
    expect(await repo.getDeal(alpha.id)).to.equal(undefined);
    // Tab B puts it back (its own undo).
    await tabB.call('restoreDeal', { deal: alpha, events });
    await showsIn(el, 'Lead', 'Alpha');

    await pressUndo(el);
    expect(noticeTexts(el)).to.include(
      '“Alpha” is back already (it was restored in another tab or window): nothing was undone. ×',
    );
    expect((await repo.listDeals(PIPELINE)).filter((d) => d.title === 'Alpha')).to.have.length(1);
    expect(root(el).textContent).to.not.include(alpha.id);
  });

  it('a deal dialog whose deal the other tab deleted says so, keeps what was typed and saves it as a new deal', async () => {
    el = await board(repo);
    const alpha = (await stored(repo, 'Alpha'))!;
    await editDialog(el, 'Alpha');
    field(el, 'Owner').value = 'Marta';
    field(el, 'Title').value = 'Alpha again';

    await tabB.call('deleteDeal', alpha.id, alpha.version);
    await waitUntil(
      () => dialogText(el!).includes('was deleted in another tab'),
      'the dialog never said the deal was deleted',
      { timeout: 5000 },
    );
    expect(dialogText(el)).to.include(
      '“Alpha” was deleted in another tab or window. What you typed is still here: save it as a new deal, or cancel.',
    );
    expect(dialogOf(el).querySelector('h2')!.textContent).to.equal('Edit deal');
    expect(field(el, 'Owner').value).to.equal('Marta');
    expect(field(el, 'Title').value).to.equal('Alpha again');
    expect(hasButton(el, 'Delete deal')).to.equal(false);
    expect(dialogText(el)).to.not.include(alpha.id);

    button(el, 'Save as a new deal').click();
    await el.updateComplete;
    expect(dialogOf(el).open).to.equal(false);
    const copy = (await stored(repo, 'Alpha again'))!;
    expect(copy).to.include({ owner: 'Marta', company: 'Acme', stageId: 'lead' });
    expect(copy.id).to.not.equal(alpha.id);
    expect(await repo.getDeal(alpha.id)).to.equal(undefined);
    await showsIn(el, 'Lead', 'Alpha again');
  });

  it('a deal dialog whose deal the other tab changed offers, in Spanish, to save what was typed as a new deal', async () => {
    el = await board(repo, 'es');
    const alpha = (await stored(repo, 'Alpha'))!;
    await editDialog(el, 'Alpha');
    field(el, 'Responsable').value = 'Marta';

    const changed = await tabB.call('updateDeal', alpha.id, { amount: 900 }, alpha.version);
    await waitUntil(
      () => dialogText(el!).includes('otra pestaña'),
      'the dialog never said the deal changed',
      { timeout: 5000 },
    );
    expect(field(el, 'Responsable').value).to.equal('Marta');
    expect(dialogText(el)).to.not.include(alpha.id);
    button(el, 'Guardar como oportunidad nueva').click();
    await el.updateComplete;
    expect(dialogOf(el).open).to.equal(false);
    // Tab B's change stands; what was typed here is a deal of its own.
    expect(await repo.getDeal(alpha.id)).to.deep.equal(changed);
    const deals = (await repo.listDeals(PIPELINE)).filter((d) => d.title === 'Alpha');
    expect(deals.map((d) => d.owner ?? null).sort()).to.deep.equal(['Marta', null]);
  });

  it('clearing the site data is said as such, not as a deal deleted in another tab', async () => {
    el = await board(repo);
    const alpha = (await stored(repo, 'Alpha'))!;
    await editDialog(el, 'Alpha');
    field(el, 'Owner').value = 'Marta';
    // What "Clear site data" does to the database under the open page (tab B's connection,
    // like this one, closes for it).
    await deleteDB(name);
    await waitUntil(() => alerts(el!).some((a) => a.textContent!.includes('was deleted')));

    button(el, 'Save').click();
    await el.updateComplete;
    const said = `${noticeTexts(el).join(' ')} ${dialogText(el)}`;
    expect(said).to.include(
      'The saved data of this site was deleted (its site data was cleared in the browser). Changes made here can no longer be saved: reload the page to start again.',
    );
    expect(said).to.not.include('in another tab');
    expect(said).to.not.include(alpha.id);
    expect(hasButton(el, 'Reload')).to.equal(true);
  });
});
