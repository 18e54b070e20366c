import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { DealMovedEvent } from '../../../src/elements/sales-pipeline/events.js';
import type { SalesPipeline } from '../../../src/elements/sales-pipeline/sales-pipeline.js';
import { PIPELINE, board, button, card, column, memoryRepo, root, seed } from './helpers.js';

// Where the keyboard focus lands after each action a person takes, driven with real keys.
// Cards show newest first: Lead holds C, B, A; Offer holds D.
const DEALS = [
  { id: 'a', title: 'A', stageId: 'lead' },
  { id: 'b', title: 'B', stageId: 'lead' },
  { id: 'c', title: 'C', stageId: 'lead' },
  { id: 'd', title: 'D', stageId: 'offer' },
];

/** What has focus inside the board: a card's title, a column's key, or a button's text. */
function focused(el: SalesPipeline): string {
  const active = root(el).activeElement as HTMLElement | null;
  if (!active) return '(nothing)';
  if (active.dataset.deal) return `card ${active.querySelector('.title')!.textContent!.trim()}`;
  if (active.classList.contains('column')) return `column ${active.dataset.col}`;
  return `${active.localName} ${active.textContent!.replace(/\s+/g, ' ').trim()}`;
}

async function ready(): Promise<SalesPipeline> {
  const repo = memoryRepo();
  await seed(repo, DEALS);
  return board(repo);
}

const dialogOf = (el: SalesPipeline) => root(el).querySelector('dialog')!;

async function dialogClosed(el: SalesPipeline): Promise<void> {
  await waitUntil(() => !dialogOf(el).open, 'the dialog stayed open');
  await el.updateComplete;
}

/** Every text the live region showed, in order (each change once). */
function recordAnnouncements(el: SalesPipeline): string[] {
  const region = root(el).querySelector('[aria-live]')!;
  const said: string[] = [];
  new MutationObserver(() => {
    const text = region.textContent!.trim();
    if (text && said.at(-1) !== text) said.push(text);
  }).observe(region, { childList: true, characterData: true, subtree: true });
  return said;
}

describe('<sales-pipeline> focus', () => {
  it('returns focus to the card after editing it: saved, cancelled or closed with Escape', async () => {
    const el = await ready();
    for (const close of ['save', 'cancel', 'escape']) {
      card(el, 'B').focus();
      await sendKeys({ press: 'e' });
      await el.updateComplete;
      expect(dialogOf(el).open, close).to.equal(true);
      if (close === 'save') button(el, 'Save').click();
      else if (close === 'cancel') button(el, 'Cancel').click();
      else await sendKeys({ press: 'Escape' });
      await dialogClosed(el);
      await waitUntil(() => focused(el) === 'card B', `focus after ${close}: ${focused(el)}`);
    }
  });

  it('focuses a new deal once saved, and "Add deal" again when the dialog is cancelled', async () => {
    const el = await ready();
    const add = button(el, 'Add deal');
    add.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await sendKeys({ type: 'Echo' });
    await sendKeys({ press: 'Enter' });
    await dialogClosed(el);
    await waitUntil(() => focused(el) === 'card Echo', `focus after saving: ${focused(el)}`);

    add.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(dialogOf(el).open).to.equal(true);
    await sendKeys({ press: 'Escape' });
    await dialogClosed(el);
    expect(focused(el)).to.equal('button Add deal');
  });

  it('after a delete, focuses the next card, then the emptied column; Ctrl+Z brings the deal back focused', async () => {
    const el = await ready();
    card(el, 'C').focus();
    await sendKeys({ press: 'Delete' });
    await waitUntil(() => focused(el) === 'card B', `after deleting C: ${focused(el)}`);
    // The last card of its column: the one above it.
    card(el, 'A').focus();
    await sendKeys({ press: 'Delete' });
    await waitUntil(() => focused(el) === 'card B', `after deleting A: ${focused(el)}`);
    // The only card of its column: the column itself.
    card(el, 'D').focus();
    await sendKeys({ press: 'Delete' });
    await waitUntil(() => focused(el) === 'column offer', `after deleting D: ${focused(el)}`);
    expect(column(el, 'offer').querySelector('.empty')).to.not.equal(null);
    // Undo is one key away from where the focus went.
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'z' });
    await sendKeys({ up: 'Control' });
    await waitUntil(() => focused(el) === 'card D', `after undo: ${focused(el)}`);
  });

  it('deleting from the dialog focuses the neighbour, not the card that is gone', async () => {
    const el = await ready();
    card(el, 'B').focus();
    await sendKeys({ press: 'e' });
    await el.updateComplete;
    button(el, 'Delete deal').click();
    await dialogClosed(el);
    await waitUntil(() => focused(el) === 'card A', `after deleting B: ${focused(el)}`);
    expect(button(el, 'Undo').disabled).to.equal(false);
  });

  it('keeps focus on a card dropped in another column, announcing the move once', async () => {
    const el = await ready();
    const said = recordAnnouncements(el);
    card(el, 'B').focus();
    const moved = oneEvent(el, 'deal-moved') as Promise<DealMovedEvent>;
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'Space' });
    await moved;
    await el.updateComplete;
    await waitUntil(() => focused(el) === 'card B', `after the drop: ${focused(el)}`);
    expect(column(el, 'offer').contains(root(el).activeElement)).to.equal(true);
    const afterDrop = said.slice(said.findIndex((s) => s.startsWith('B: over Offer')) + 1);
    expect(afterDrop).to.deep.equal(['B moved to Offer.']);
  });

  it('does not take the focus from the page for a move made through moveDeal()', async () => {
    const el = await ready();
    const outside = document.createElement('button');
    document.body.append(outside);
    try {
      outside.focus();
      expect(await el.moveDeal('a', { stageId: 'offer' })).to.equal(true);
      await el.updateComplete;
      expect(document.activeElement === outside, 'the page kept its focus').to.equal(true);
    } finally {
      outside.remove();
    }
  });

  it('focuses the result of an import: the message of a good file, the report of a bad one', async () => {
    const el = await ready();
    button(el, 'Import CSV or JSON').focus();
    const good = 'Title,Stage\nOne,Lead\nTwo,Offer\n';
    await el.importFile(new File([good], 'good.csv', { type: 'text/csv' }));
    await el.updateComplete;
    await waitUntil(() => root(el).activeElement?.classList.contains('notice'), focused(el));
    expect(root(el).activeElement!.textContent).to.include('Imported 2 deals from good.csv');

    const bad = 'Title,Amount,Stage\nThree,abc,Lead\n';
    await el.importFile(new File([bad], 'bad.csv', { type: 'text/csv' }));
    await el.updateComplete;
    await waitUntil(() => root(el).activeElement?.classList.contains('import-errors'), focused(el));
    expect(root(el).activeElement!.textContent).to.include('Row 2');
    expect((await el.repository!.listDeals(PIPELINE)).length).to.equal(DEALS.length + 2);
  });
});
