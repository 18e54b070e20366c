import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { SalesPipeline } from '../../../src/elements/sales-pipeline/sales-pipeline.js';
import {
  THREE,
  boardWith,
  button,
  card,
  dialogOf,
  field,
  focused,
  press,
  root,
} from './helpers.js';

// WCAG 2.4.3: after an action removes or re-labels what had the focus, the focus lands on a
// visible control in the board (the one that opened what closed, where there is one), never
// on the page's <body>. Each step is pressed as a person presses it.

const activate = async (el: SalesPipeline, target: HTMLElement) => {
  target.focus();
  await press(el, 'Enter');
};

describe('<sales-pipeline> focus after actions', () => {
  it('dismissing an import report gives the focus back to Import', async () => {
    const { el } = await boardWith(THREE);
    await el.importFile(new File(['Title,Amount\nOne,abc\n'], 'bad.csv', { type: 'text/csv' }));
    await el.updateComplete;
    const report = root(el).querySelector<HTMLElement>('.import-errors')!;
    await activate(el, report.querySelector('button')!);
    expect(root(el).querySelector('.import-errors')).to.equal(null);
    expect(focused(el)).to.equal('button Import CSV or JSON');
  });

  it('"Move X right" keeps the focus on the moved stage’s arrow; at the end, its other one', async () => {
    const { el } = await boardWith(THREE);
    await activate(el, button(el, 'Edit stages'));
    await activate(el, button(el, 'Move Lead right'));
    expect(focused(el)).to.equal('button Move Lead right');
    await press(el, 'Enter');
    // Lead is last now: its right arrow is off, so its left one has the focus.
    expect(field(el, 'Name of stage 3').value).to.equal('Lead');
    expect(focused(el)).to.equal('button Move Lead left');
  });

  it('confirming "Remove stage" focuses the stage that took its place', async () => {
    const { el } = await boardWith(THREE);
    await activate(el, button(el, 'Edit stages'));
    await activate(el, button(el, 'Remove Offer…'));
    await activate(el, button(el, 'Remove Offer'));
    expect(dialogOf(el).open).to.equal(true);
    expect(focused(el)).to.equal('input Name of stage 2');
    expect(field(el, 'Name of stage 2').value).to.equal('Negotiation');
    // The last stage removed: the one before it.
    await activate(el, button(el, 'Remove Negotiation…'));
    await activate(el, button(el, 'Remove Negotiation'));
    expect(focused(el)).to.equal('input Name of stage 1');
  });

  it('Tab goes board, card, its "Move…" button, then out: no column list is a stop', async () => {
    // Offer's list is long enough to scroll, with none of its cards a Tab stop.
    const offers = Array.from({ length: 8 }, (_, i) => ({ title: `O${i}`, stageId: 'offer' }));
    const { el } = await boardWith([THREE[0]!, ...offers]);
    const list = card(el, 'O0').closest<HTMLElement>('.list')!;
    expect(list.scrollHeight).to.be.greaterThan(list.clientHeight);
    button(el, 'Load sample pipeline').focus();
    const stops: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      await sendKeys({ press: 'Tab' });
      stops.push(focused(el));
    }
    expect(stops.slice(0, 3)).to.deep.equal([
      'div Pipeline board',
      'card Alpha',
      'button Move… Alpha',
    ]);
    expect(stops[3]).to.equal('(nothing)');
    expect(card(el, 'Alpha').tabIndex).to.equal(0);
  });
});
