import { expect } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import {
  boardWith,
  button,
  centre,
  dialogOf,
  field,
  focused,
  nameOf,
  titlesIn,
} from './helpers.js';

// The board's dialogs load with the first one opened. In this file's fresh page nothing has
// loaded them yet: the first click that asks for one must open it, ready for typing.

describe('<sales-pipeline> the first dialog, asked for by a click', () => {
  afterEach(() => resetMouse());

  it('opens the deal form on the first click on "Add deal"; what is typed next goes into it', async () => {
    const { el } = await boardWith();
    await sendMouse({ type: 'click', position: centre(button(el, 'Add deal')) });
    await el.updateComplete;
    const dialog = dialogOf(el);
    expect(dialog.open, 'opened by the first click').to.equal(true);
    expect(nameOf(dialog)).to.equal('New deal');

    await sendKeys({ type: 'Omega' });
    expect(field(el, 'Title').value).to.equal('Omega');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(dialog.open).to.equal(false);
    expect(titlesIn(el, 'Lead')).to.include('Omega');
    expect(focused(el)).to.equal('card Omega');
  });
});
