import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import type { SalesErrorEvent } from '../../../src/elements/events.js';
import { StoreError } from '../../../src/store/errors.js';
import '../../../src/elements/sales-pipeline/define.js';
import type { SalesPipeline } from '../../../src/elements/sales-pipeline/sales-pipeline.js';
import { sharedSyncRepository } from '../../../src/store/sync/shared.js';
import { serverForSuite } from '../../sync/client.js';
import {
  boardWith,
  button,
  focused,
  hasButton,
  nameOf,
  press,
  recordAnnouncements,
  root,
  titlesIn,
} from './helpers.js';

/** The trash of a synced board: deleted deals of the last 30 days, restored with their history. */

const STAGES = [
  { id: 'lead', name: 'Lead' },
  { id: 'offer', name: 'Offer' },
];
let rooms = 0;
const newRoom = () => `trash-${Date.now().toString(36)}-${(rooms += 1)}`;
const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** The trash region (named by its heading), and its rows as a person reads them. */
const trashRegion = (el: SalesPipeline) =>
  [...root(el).querySelectorAll('section[aria-labelledby]')].find(
    (s) => nameOf(s).startsWith('Trash') || nameOf(s).startsWith('Papelera'),
  );
const trashRows = (el: SalesPipeline) =>
  [...(trashRegion(el)?.querySelectorAll('tbody tr') ?? [])].map((tr) =>
    [...tr.children].slice(0, 3).map((c) => squash(c.textContent)),
  );

describe('<sales-pipeline sync> trash', () => {
  const suite = serverForSuite();

  async function syncedBoard(lang = 'en') {
    const room = newRoom();
    const repo = await sharedSyncRepository({ url: suite.server.url, room });
    await repo.ensurePipeline('p', { name: 'Team', stages: STAGES });
    const acme = await repo.createDeal('p', { title: 'Acme', stageId: 'lead' });
    await repo.moveDeal(acme.id, 'offer', { expectedVersion: acme.version });
    await repo.createDeal('p', { title: 'Bolt', stageId: 'lead' });
    const el = await fixture<SalesPipeline>(
      html`<sales-pipeline
        pipeline="p"
        room=${room}
        sync=${suite.server.url}
        lang=${lang}
      ></sales-pipeline>`,
    );
    await waitUntil(() => titlesIn(el).length === 2, 'the deals never showed', { timeout: 8000 });
    return { el, repo, acme };
  }

  it('lists deleted deals with their stage and when, and restores one to its stage with its history, from the keyboard', async () => {
    const { el, repo, acme } = await syncedBoard();
    const before = await repo.listEvents('p', { dealId: acme.id });
    const deletedAt = Date.now();
    await repo.deleteDeal(acme.id);
    await el.updateComplete;
    expect(titlesIn(el)).to.deep.equal(['Bolt']);

    const toggle = button(el, 'Trash');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.focus();
    await press(el, 'Enter');
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(nameOf(trashRegion(el)!)).to.equal('Trash: deals deleted in the last 30 days');
    expect(focused(el)).to.equal('h2 Trash: deals deleted in the last 30 days');
    const [[title, stage, when]] = trashRows(el) as [[string, string, string]];
    expect([title, stage]).to.deep.equal(['Acme', 'Offer']);
    const shown = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });
    expect([shown.format(deletedAt), shown.format(deletedAt + 60_000)]).to.include(when);
    await expect(el).to.be.accessible();

    const said = recordAnnouncements(el);
    await press(el, 'Tab');
    expect(focused(el)).to.equal('button Restore Acme');
    await press(el, 'Enter');
    await waitUntil(() => titlesIn(el, 'Offer').includes('Acme'), 'Acme never came back');
    expect(said).to.include('Acme is back in Offer.');
    expect(await repo.listEvents('p', { dealId: acme.id })).to.deep.equal(before);
    expect(await repo.listTrash('p')).to.deep.equal([]);
    expect(squash(trashRegion(el)!.textContent)).to.include('The trash is empty.');
    expect(focused(el)).to.equal('h2 Trash: deals deleted in the last 30 days');

    // Escape closes it, and the focus goes back to its button.
    await press(el, 'Escape');
    expect(trashRegion(el)).to.equal(undefined);
    expect(focused(el)).to.equal('button Trash');
  });

  it('follows a delete made while it is open, in Spanish', async () => {
    const { el, repo } = await syncedBoard('es');
    button(el, 'Papelera').click();
    await el.updateComplete;
    expect(squash(trashRegion(el)!.textContent)).to.include('La papelera está vacía.');
    const bolt = (await repo.listDeals('p')).find((d) => d.title === 'Bolt')!;
    await repo.deleteDeal(bolt.id);
    await el.updateComplete;
    expect(trashRows(el).map((r) => r.slice(0, 2))).to.deep.equal([['Bolt', 'Lead']]);
    expect(hasButton(el, 'Restaurar Bolt')).to.equal(true);
    button(el, 'Cerrar papelera').click();
    await el.updateComplete;
    expect(trashRegion(el)).to.equal(undefined);
  });

  it('says in words, with Try again, when the trash cannot be read; the browser’s words only reach the console and the error event', async () => {
    const { el, repo } = await syncedBoard('es');
    const internal = new DOMException('Internal error opening backing store', 'UnknownError');
    const listTrash = sinon
      .stub(repo, 'listTrash')
      .rejects(new StoreError('failed', 'Storage failed: Internal error', { cause: internal }));
    const warn = sinon.stub(console, 'warn');
    sinon.stub(console, 'error');
    const errors: SalesErrorEvent['detail'][] = [];
    el.addEventListener('error', (e) => errors.push((e as SalesErrorEvent).detail));
    let unhandled = 0;
    const count = () => (unhandled += 1);
    window.addEventListener('unhandledrejection', count);
    try {
      const toggle = button(el, 'Papelera');
      toggle.click();
      await el.updateComplete;
      const said =
        'No se pudo leer la papelera: el almacenamiento del navegador informó de un error. Vuelva a intentarlo; si sigue fallando, recargue la página.';
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      const alert = trashRegion(el)!.querySelector('[role="alert"]')!;
      expect(squash(alert.textContent)).to.equal(`${said} Reintentar`);
      expect(squash(trashRegion(el)!.textContent)).not.to.match(/Internal|Storage|backing/);
      expect(focused(el)).to.equal('h2 Papelera: oportunidades borradas en los últimos 30 días');
      expect(errors).to.deep.equal([
        {
          field: 'trash',
          message: said,
          cause:
            'StoreError: Storage failed: Internal error (UnknownError: Internal error opening backing store)',
        },
      ]);
      expect(warn.calledWith(`<sales-pipeline> trash: ${said}`)).to.equal(true);
      await expect(el).to.be.accessible();

      // Try again reads it for real: the list (empty) replaces the message.
      listTrash.restore();
      button(el, 'Reintentar').click();
      await el.updateComplete;
      expect(squash(trashRegion(el)!.textContent)).to.include('La papelera está vacía.');
      expect(trashRegion(el)!.querySelector('[role="alert"]')).to.equal(null);
      expect(focused(el)).to.equal('h2 Papelera: oportunidades borradas en los últimos 30 días');
      expect(unhandled).to.equal(0);
    } finally {
      window.removeEventListener('unhandledrejection', count);
      sinon.restore();
    }
  });

  it('is not offered on a board kept only in this browser (its deletes are undone with Undo)', async () => {
    const { el } = await boardWith();
    expect(hasButton(el, 'Trash')).to.equal(false);
  });
});
