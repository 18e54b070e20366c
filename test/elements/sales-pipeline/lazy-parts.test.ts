import { expect } from '@open-wc/testing';
import type { SalesPipeline } from '../../../src/elements/sales-pipeline/sales-pipeline.js';
import type { SalesRepository } from '../../../src/store/repository.js';
import { blockRequests } from '../../network/client.js';
import {
  PIPELINE,
  THREE,
  alerts,
  board,
  boardWith,
  button,
  dialogOf,
  memoryRepo,
  nameOf,
  noticeTexts,
  root,
  seed,
  unfollowed,
} from './helpers.js';

// The parts of the board a first screen does not load (its dialogs, the import step, the file
// code, the failures' words) arrive on first use; one that does not arrive (offline) is said
// once, with "Try again", which loads it. Each test loads its part for the first time in this
// page, so the order of the tests matters: each fails a load no earlier test made.

const LOAD_FAILED = 'Part of the board could not be loaded (the connection may be down).';

/** The toolbar's file input given `file`, as the browser's file picker does. */
async function choose(el: SalesPipeline, file: File): Promise<void> {
  const input = root(el).querySelector<HTMLInputElement>('input[type="file"]')!;
  const files = new DataTransfer();
  files.items.add(file);
  input.files = files.files;
  input.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

/** A repository whose `key` method fails with a browser error; everything else works. */
function failing(inner: SalesRepository, key: keyof SalesRepository): SalesRepository {
  return new Proxy(inner, {
    get(target, name, receiver) {
      if (name === key)
        return () => Promise.reject(new DOMException('disk on fire', 'UnknownError'));
      const value = Reflect.get(target, name, receiver) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

describe('<sales-pipeline> parts loaded on first use, offline once', () => {
  it('a failure whose words do not arrive says so; Try again words it', async () => {
    const repo = memoryRepo();
    await seed(repo, THREE);
    // The first words a board in memory fetches are its "not saved" notice's, at once.
    await blockRequests('*later-strings*', { times: 1 });
    const el = await board(unfollowed(repo));
    const alpha = (await repo.listDeals(PIPELINE)).find((d) => d.title === 'Alpha')!;
    await repo.deleteDeal(alpha.id, alpha.version);
    await el.moveDeal(alpha.id, { stageId: 'offer' });
    expect(alerts(el).map((n) => n.querySelector('span')!.textContent)).to.deep.equal([
      LOAD_FAILED,
    ]);

    button(el, 'Try again').click();
    await el.updateComplete;
    expect(noticeTexts(el)).to.include('“Alpha” was deleted in another tab or window. ×');
    expect(noticeTexts(el).join(' ')).to.not.include(LOAD_FAILED);
  });

  it('a dialog whose code does not arrive says so once; Try again opens the dialog', async () => {
    const { el } = await boardWith();
    await blockRequests('*dialog-module*', { times: 1 });
    button(el, 'Add deal').click();
    await el.updateComplete;
    expect(dialogOf(el).open).to.equal(false);
    expect(alerts(el).map((n) => n.querySelector('span')!.textContent)).to.deep.equal([
      LOAD_FAILED,
    ]);
    // Renders after the failure do not fetch again on their own, nor add a second notice.
    el.requestUpdate();
    await el.updateComplete;
    expect(noticeTexts(el).filter((t) => t.includes(LOAD_FAILED))).to.have.length(1);
    expect(dialogOf(el).open).to.equal(false);

    button(el, 'Try again').click();
    await el.updateComplete;
    expect(dialogOf(el).open).to.equal(true);
    expect(nameOf(dialogOf(el))).to.equal('New deal');
    expect(noticeTexts(el).join(' ')).to.not.include(LOAD_FAILED);
  });

  it('an import step whose code does not arrive says so (it used to stay silent); Try again shows the step for the same file', async () => {
    const { el } = await boardWith();
    await blockRequests('*import-module*', { times: 1 });
    await choose(el, new File(['Title,Stage\nOne,Lead\n'], 'deals.csv', { type: 'text/csv' }));
    expect(alerts(el).map((n) => n.querySelector('span')!.textContent)).to.deep.equal([
      LOAD_FAILED,
    ]);
    expect(root(el).querySelector('#import-step-title')).to.equal(null);

    button(el, 'Try again').click();
    await el.updateComplete;
    expect(root(el).querySelector('#import-step-title')?.textContent).to.equal('Import deals.csv');
    expect(noticeTexts(el).join(' ')).to.not.include(LOAD_FAILED);
  });

  it('a file import whose reader does not arrive says so; Try again imports the file', async () => {
    const { el } = await boardWith();
    await blockRequests('*transfer-module*', { times: 1 });
    await el.importFile(new File(['{"pipeline":{}}'], 'board.json', { type: 'application/json' }));
    expect(alerts(el).map((n) => n.querySelector('span')!.textContent)).to.deep.equal([
      LOAD_FAILED,
    ]);

    button(el, 'Try again').click();
    await el.updateComplete;
    expect(noticeTexts(el).join(' ')).to.not.include(LOAD_FAILED);
    // The reader arrived: the file goes on to its confirmation.
    expect(dialogOf(el).open).to.equal(true);
    expect(nameOf(dialogOf(el))).to.equal('Replace this pipeline?');
  });
});

describe('<sales-pipeline> failure texts, worded when shown', () => {
  it('a move of a deal deleted elsewhere, and one the storage refused, read as before in English', async () => {
    const repo = memoryRepo();
    await seed(repo, THREE);
    const el = await board(failing(unfollowed(repo), 'setOutcome'));
    const alpha = (await repo.listDeals(PIPELINE)).find((d) => d.title === 'Alpha')!;
    await repo.deleteDeal(alpha.id, alpha.version);
    await el.moveDeal(alpha.id, { stageId: 'offer' });
    expect(noticeTexts(el)).to.include('“Alpha” was deleted in another tab or window. ×');

    const beta = (await repo.listDeals(PIPELINE)).find((d) => d.title === 'Beta')!;
    await el.moveDeal(beta.id, { outcome: 'won' });
    expect(noticeTexts(el)).to.include(
      'The change could not be saved: the browser’s storage reported an error. Try again; if it keeps failing, reload the page. ×',
    );
  });

  it('the same notices read as before in Spanish', async () => {
    const repo = memoryRepo();
    await seed(repo, THREE);
    const el = await board(failing(unfollowed(repo), 'setOutcome'), 'es');
    const alpha = (await repo.listDeals(PIPELINE)).find((d) => d.title === 'Alpha')!;
    await repo.deleteDeal(alpha.id, alpha.version);
    await el.moveDeal(alpha.id, { stageId: 'offer' });
    expect(noticeTexts(el)).to.include('«Alpha» se borró en otra pestaña o ventana. ×');

    const beta = (await repo.listDeals(PIPELINE)).find((d) => d.title === 'Beta')!;
    await el.moveDeal(beta.id, { outcome: 'won' });
    expect(noticeTexts(el)).to.include(
      'No se pudo guardar el cambio: el almacenamiento del navegador informó de un error. Vuelva a intentarlo; si sigue fallando, recargue la página. ×',
    );
  });
});
