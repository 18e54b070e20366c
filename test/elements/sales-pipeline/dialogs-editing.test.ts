import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { SalesPipeline } from '../../../src/elements/sales-pipeline/sales-pipeline.js';
import { createMemoryRepository } from '../../../src/store/memory-repository.js';
import {
  PIPELINE,
  THREE,
  board,
  boardWith,
  button,
  card,
  dialogOf,
  field,
  focused,
  press,
  root,
  seed,
  stored,
  titlesIn,
  totalsOf,
  SIX,
} from './helpers.js';

// Adding, editing, closing and deleting deals through the board's dialog, and where the focus
// goes afterwards. Cards show newest first: Lead holds C, B, A; Offer holds X.
const DEALS = SIX.filter((d) => d.title !== 'D' && d.title !== 'Y');

const fieldErrors = (el: SalesPipeline) =>
  [...dialogOf(el).querySelectorAll('[part="error"]')].map((e) => e.textContent);

describe('<sales-pipeline> deal dialog', () => {
  it('validates the deal dialog, naming each field, then creates the deal', async () => {
    const repo = createMemoryRepository();
    await seed(repo);
    const el = await board(repo);
    button(el, 'Add deal').click();
    await el.updateComplete;
    expect(dialogOf(el).open).to.equal(true);
    await expect(el).to.be.accessible();
    field(el, 'Amount').value = 'abc';
    field(el, 'Currency').value = 'EURO';
    button(el, 'Save').click();
    await el.updateComplete;
    expect(fieldErrors(el)).to.deep.equal([
      'Title is required.',
      'Amount must be a number, such as 1500 or 1500.50.',
      'Currency must be a three-letter code such as EUR or USD.',
    ]);
    expect(field(el, 'Title').getAttribute('aria-invalid')).to.equal('true');
    expect(await repo.listDeals(PIPELINE)).to.have.length(0);

    field(el, 'Title').value = '<b>Bold</b> & co';
    field(el, 'Amount').value = '1500.50';
    field(el, 'Currency').value = 'usd';
    field<HTMLSelectElement>(el, 'Stage').value = 'offer';
    button(el, 'Save').click();
    await el.updateComplete;
    expect(dialogOf(el).open).to.equal(false);
    const [deal] = await repo.listDeals(PIPELINE);
    expect(deal).to.include({
      title: '<b>Bold</b> & co',
      amount: 1500.5,
      currency: 'USD',
      stageId: 'offer',
    });
    // HTML in a title is shown as text, never parsed.
    expect(card(el, '<b>Bold</b> & co').querySelector('b')).to.equal(null);
  });

  it('reads amounts as the person means them, shows what will be stored, and refuses a guess', async () => {
    const { repo, el } = await boardWith([]);
    button(el, 'Add deal').click();
    await el.updateComplete;
    const amount = field(el, 'Amount');
    const preview = () => root(el).querySelector('#p-amount')?.textContent?.trim() ?? '';
    amount.focus();
    await sendKeys({ type: '12,5k' });
    await el.updateComplete;
    expect(preview()).to.equal('= €12,500');
    expect(amount.getAttribute('aria-describedby')).to.equal('p-amount');
    amount.select();
    await sendKeys({ type: '1.500' });
    await el.updateComplete;
    expect(preview()).to.equal('');
    field(el, 'Title').value = 'Guess';
    button(el, 'Save').click();
    await el.updateComplete;
    expect(fieldErrors(el)).to.deep.equal([
      'Amount: “1.500” could mean 1.5 or 1,500. Write 1.5 for the first or 1500 for the second.',
    ]);
    expect(await repo.listDeals(PIPELINE)).to.have.length(0);
    // The message goes as soon as the field is fixed, before any Save.
    amount.select();
    await sendKeys({ type: '1,500.50' });
    await el.updateComplete;
    expect(fieldErrors(el)).to.deep.equal([]);
    expect(amount.getAttribute('aria-invalid')).to.equal('false');
    expect(preview()).to.equal('= €1,500.50');
    button(el, 'Save').click();
    await el.updateComplete;
    expect((await stored(repo, 'Guess'))!.amount).to.equal(1500.5);
    // Cents show on the card and in the column's totals.
    expect(card(el, 'Guess').textContent).to.contain('€1,500.50');
    expect(totalsOf(el, 'Lead')).to.deep.equal(['€1,500.50', '€150.05']);
  });

  it('reads Spanish amounts, and refuses an amount in another currency than the deal’s', async () => {
    const { repo, el } = await boardWith([], 'es');
    button(el, 'Nueva oportunidad').click();
    await el.updateComplete;
    field(el, 'Título').value = 'Ibérica';
    const amount = field(el, 'Importe');
    amount.focus();
    await sendKeys({ type: '$1.500,50' });
    button(el, 'Guardar').click();
    await el.updateComplete;
    expect(fieldErrors(el)).to.deep.equal([
      'Importe está escrito en $ pero la moneda es EUR: cambie la moneda o escriba el importe sin $.',
    ]);
    amount.select();
    await sendKeys({ type: '1.500,50 €' });
    await el.updateComplete;
    expect(fieldErrors(el)).to.deep.equal([]);
    expect(root(el).querySelector('#p-amount')!.textContent!.trim()).to.equal('= 1500,50\u00a0€');
    button(el, 'Guardar').click();
    await el.updateComplete;
    expect((await stored(repo, 'Ibérica'))!.amount).to.equal(1500.5);
    expect(card(el, 'Ibérica').textContent).to.contain('1500,50\u00a0€');
  });

  it('keeps the Company field as tall as the Title field, a message beside it or not', async () => {
    const { el } = await boardWith([]);
    button(el, 'Add deal').click();
    await el.updateComplete;
    const height = (label: string) => field(el, label).getBoundingClientRect().height;
    expect(height('Company')).to.equal(height('Title'));
    button(el, 'Save').click();
    await el.updateComplete;
    expect(fieldErrors(el)).to.deep.equal(['Title is required.']);
    expect(height('Company')).to.equal(height('Title'));
  });

  it('closes a deal as won, and as lost only with a reason given in the dialog', async () => {
    const { repo, el } = await boardWith(THREE);
    const beta = (await stored(repo, 'Beta'))!;
    expect(await el.moveDeal(beta.id, { outcome: 'won' })).to.equal(true);
    await el.updateComplete;
    expect(titlesIn(el, 'Won')).to.deep.equal(['Beta']);
    expect((await stored(repo, 'Beta'))!.outcome).to.equal('won');

    card(el, 'Alpha').focus();
    await press(el, 'Space', 'End', 'Space');
    expect(dialogOf(el).open).to.equal(true);
    await press(el, 'Enter'); // empty reason
    expect(fieldErrors(el)[0]).to.include('Why was it lost?');
    expect((await stored(repo, 'Alpha'))!.outcome).to.equal('open');
    await sendKeys({ type: 'Competitor' });
    const moved = oneEvent(el, 'deal-moved');
    await sendKeys({ press: 'Enter' });
    await moved;
    const alpha = (await stored(repo, 'Alpha'))!;
    expect([alpha.outcome, alpha.lostReason]).to.deep.equal(['lost', 'Competitor']);
    await el.updateComplete;
    expect(card(el, 'Alpha').textContent).to.include('Lost: Competitor');
  });
});

describe('<sales-pipeline> focus after a dialog', () => {
  async function ready(): Promise<SalesPipeline> {
    return (await boardWith(DEALS)).el;
  }

  it('returns focus to the card after editing it: saved, cancelled or closed with Escape', async () => {
    const el = await ready();
    for (const close of ['save', 'cancel', 'escape']) {
      card(el, 'B').focus();
      await press(el, 'e');
      expect(dialogOf(el).open, close).to.equal(true);
      if (close === 'save') button(el, 'Save').click();
      else if (close === 'cancel') button(el, 'Cancel').click();
      else await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(dialogOf(el).open, close).to.equal(false);
      expect(focused(el), `focus after ${close}`).to.equal('card B');
    }
  });

  it('focuses a new deal once saved, and "Add deal" again when the dialog is cancelled', async () => {
    const el = await ready();
    const add = button(el, 'Add deal');
    add.focus();
    await press(el, 'Enter');
    await sendKeys({ type: 'Echo' });
    await press(el, 'Enter');
    expect(dialogOf(el).open).to.equal(false);
    expect(focused(el), 'focus after saving').to.equal('card Echo');

    add.focus();
    await press(el, 'Enter');
    expect(dialogOf(el).open).to.equal(true);
    await press(el, 'Escape');
    expect(dialogOf(el).open).to.equal(false);
    expect(focused(el)).to.equal('button Add deal');
  });

  it('deleting from the dialog focuses the neighbour, not the card that is gone', async () => {
    const el = await ready();
    card(el, 'B').focus();
    await press(el, 'e');
    button(el, 'Delete deal').click();
    await el.updateComplete;
    expect(dialogOf(el).open).to.equal(false);
    expect(focused(el), 'after deleting B').to.equal('card A');
    expect(button(el, 'Undo').disabled).to.equal(false);
    expect(titlesIn(el, 'Lead')).to.deep.equal(['C', 'A']);
  });
});
