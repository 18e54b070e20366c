import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { boardWith, card, dialogOf, focused, nameOf, root } from './helpers.js';

// The board's dialogs load with the first one opened. In this file's fresh page nothing has
// loaded them yet: the first key that asks for one must open it, focused, as a later one does.

describe('<sales-pipeline> the first dialog, asked for by a key', () => {
  it('opens the "Move…" dialog on the first M pressed on a card, with the focus in it', async () => {
    const { el } = await boardWith();
    card(el, 'Alpha').focus();
    expect(focused(el)).to.equal('card Alpha');
    await sendKeys({ press: 'm' });
    await el.updateComplete;
    const dialog = dialogOf(el);
    expect(dialog.open, 'opened by the first key').to.equal(true);
    expect(nameOf(dialog)).to.equal('Move “Alpha”');
    expect(dialog.contains(root(el).activeElement), 'the focus is in the dialog').to.equal(true);

    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(dialog.open).to.equal(false);
    expect(focused(el)).to.equal('card Alpha');
  });
});
