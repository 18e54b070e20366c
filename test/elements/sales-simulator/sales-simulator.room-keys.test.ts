import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { SalesSimulator } from '../../../src/elements/sales-simulator/sales-simulator.js';
import { SCENARIO, simulatorHtml } from './fixtures.js';
import { allByRole, byRole, queryByRole } from './queries.js';

/*
 * A clicker sends its keys to the page, wherever the focus is: these tests press real keys
 * with the focus on the page's body or on things outside the simulator.
 */

/** A custom element with a text field in its own shadow root, as another widget on the page. */
class OtherWidget extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' }).innerHTML = '<input aria-label="Other widget field" />';
  }
}
customElements.define('room-keys-other-widget', OtherWidget);

interface Page {
  el: SalesSimulator;
  page: HTMLElement;
}

async function presentingPage(): Promise<Page> {
  const page = await fixture<HTMLElement>(
    html`<div>
      <p tabindex="-1" id="plain">Course notes</p>
      <input aria-label="Page search" />
      <textarea aria-label="Page notes"></textarea>
      <div contenteditable="true" aria-label="Page editor">x</div>
      <room-keys-other-widget></room-keys-other-widget>
      ${simulatorHtml({ presenting: true, trials: 200 })}
      <div style="block-size: 3000px"></div>
    </div>`,
  );
  const el = page.querySelector<SalesSimulator>('sales-simulator')!;
  await el.updateComplete;
  return { el, page };
}

const shownStages = (el: SalesSimulator) =>
  allByRole(byRole(el, 'list', 'Stages and conversion rates'), 'listitem').length;

async function press(el: SalesSimulator, key: string): Promise<void> {
  await sendKeys({ press: key });
  await el.updateComplete;
}

/** Focus on the page's body, as after clicking a slide's background. */
function focusBody(): void {
  (document.activeElement as HTMLElement | null)?.blur();
  expect(document.activeElement).to.equal(document.body);
}

/** The element focused, through the shadow roots. */
function deepFocus(): Element | null {
  let at = document.activeElement;
  while (at?.shadowRoot?.activeElement) at = at.shadowRoot.activeElement;
  return at;
}

describe('<sales-simulator presenting> keys from anywhere on the page', () => {
  afterEach(async () => {
    if (document.fullscreenElement) await document.exitFullscreen();
  });

  it('reveals with Page Down and the arrows from the body, without scrolling the page', async () => {
    const { el } = await presentingPage();
    window.scrollTo(0, 0);
    focusBody();
    await press(el, 'PageDown');
    expect(shownStages(el)).to.equal(2);
    expect(window.scrollY).to.equal(0);
    await press(el, 'ArrowRight');
    expect(shownStages(el)).to.equal(3);
    await press(el, 'ArrowLeft');
    await press(el, 'PageUp');
    expect(shownStages(el)).to.equal(1);
    expect(window.scrollY).to.equal(0);
  });

  it('hears keys with the focus on plain text outside it, and nudges the selected stage', async () => {
    const { el, page } = await presentingPage();
    page.querySelector<HTMLElement>('#plain')!.focus();
    await press(el, 'PageDown');
    await press(el, '+');
    expect(el.value.stages[1].rate).to.equal(0.51);
    await press(el, '[');
    await press(el, '-');
    expect(el.value.stages[0].rate).to.equal(0.59);
  });

  it('leaves every key to a text field, in the page or in another shadow root', async () => {
    const { el, page } = await presentingPage();
    const other = page.querySelector('room-keys-other-widget')!.shadowRoot!.querySelector('input')!;
    const fields: HTMLElement[] = [
      page.querySelector('input')!,
      page.querySelector('textarea')!,
      page.querySelector<HTMLElement>('[contenteditable]')!,
      other,
    ];
    for (const field of fields) {
      field.focus();
      await press(el, 'PageDown');
      await press(el, 'ArrowRight');
      await sendKeys({ type: '+b.f' });
      await el.updateComplete;
      expect(shownStages(el), field.getAttribute('aria-label')!).to.equal(1);
      expect(queryByRole(el, 'button', /^Screen blanked/)).to.equal(null);
    }
    expect(el.value.stages[0].rate).to.equal(SCENARIO.stages[0].rate);
    expect((page.querySelector('input') as HTMLInputElement).value).to.equal('+b.f');
    expect(other.value).to.equal('+b.f');
    expect(document.fullscreenElement).to.equal(null);
  });

  it('goes through the stages, the answer and back, from the body', async () => {
    const { el } = await presentingPage();
    focusBody();
    for (let i = 0; i < 2; i++) await press(el, 'PageDown');
    expect(shownStages(el)).to.equal(3);
    expect(queryByRole(el, 'table')).to.equal(null);
    // Past the last stage: the answer.
    await press(el, 'PageDown');
    expect(byRole(el, 'button', 'Show the answer').getAttribute('aria-pressed')).to.equal('true');
    expect(queryByRole(el, 'table')).to.not.equal(null);
    await press(el, 'PageUp');
    expect(queryByRole(el, 'table')).to.equal(null);
    expect(shownStages(el)).to.equal(3);
    await press(el, 'PageUp');
    expect(shownStages(el)).to.equal(2);
  });

  it('keeps the focus inside when Page Up hides the stage it was in', async () => {
    const { el } = await presentingPage();
    focusBody();
    await press(el, 'PageDown');
    expect(shownStages(el)).to.equal(2);
    const rows = allByRole(byRole(el, 'list', 'Stages and conversion rates'), 'listitem');
    const inLast = rows[1]!.querySelector<HTMLButtonElement>('button:not([disabled])')!;
    inLast.focus();
    await press(el, 'PageUp');
    expect(shownStages(el)).to.equal(1);
    const now = deepFocus() as HTMLElement;
    expect(el.shadowRoot!.contains(now), now.outerHTML).to.equal(true);
    expect(now.checkVisibility()).to.equal(true);
  });

  it('keeps the focus on a control of its own when the one used turns disabled', async () => {
    const { el } = await presentingPage();
    byRole(el, 'button', 'Show next stage').focus();
    await press(el, 'Enter');
    await press(el, 'Enter');
    expect(shownStages(el)).to.equal(3);
    expect(byRole<HTMLButtonElement>(el, 'button', 'Show next stage').disabled).to.equal(true);
    const now = deepFocus() as HTMLElement;
    expect(now.localName).to.equal('button');
    expect(el.shadowRoot!.contains(now)).to.equal(true);
    expect(now.checkVisibility()).to.equal(true);
    // The keys still work from there.
    await press(el, 'PageUp');
    expect(shownStages(el)).to.equal(2);
    // "Show all" turns disabled too.
    byRole(el, 'button', 'Show all').focus();
    await press(el, 'Enter');
    expect(el.shadowRoot!.contains(deepFocus())).to.equal(true);
    expect((deepFocus() as HTMLButtonElement).disabled).to.equal(false);
  });

  it('blanks the screen with B or "." and brings it back', async () => {
    const { el } = await presentingPage();
    focusBody();
    await press(el, 'b');
    const blank = byRole(el, 'button', /^Screen blanked/);
    const box = blank.getBoundingClientRect();
    expect([box.left, box.top, box.width, box.height]).to.deep.equal([
      0,
      0,
      window.innerWidth,
      window.innerHeight,
    ]);
    expect(getComputedStyle(blank).backgroundColor).to.equal('rgb(0, 0, 0)');
    await press(el, 'b');
    expect(queryByRole(el, 'button', /^Screen blanked/)).to.equal(null);
    await press(el, '.');
    expect(queryByRole(el, 'button', /^Screen blanked/)).to.not.equal(null);
    // Any other key brings the screen back first, without acting.
    await press(el, 'PageDown');
    expect(queryByRole(el, 'button', /^Screen blanked/)).to.equal(null);
    expect(shownStages(el)).to.equal(1);
  });

  it('toggles full screen with F', async () => {
    const { el } = await presentingPage();
    focusBody();
    let change = oneEvent(document, 'fullscreenchange');
    await sendKeys({ press: 'f' });
    await change;
    expect(document.fullscreenElement).to.equal(el);
    await el.updateComplete;
    expect(byRole(el, 'button', 'Full screen').getAttribute('aria-pressed')).to.equal('true');
    change = oneEvent(document, 'fullscreenchange');
    await sendKeys({ press: 'f' });
    await change;
    expect(document.fullscreenElement).to.equal(null);
  });

  it('stops listening when it leaves the page, and when training mode ends', async () => {
    const { el, page } = await presentingPage();
    el.remove();
    focusBody();
    await sendKeys({ press: 'PageDown' });
    page.append(el);
    await el.updateComplete;
    expect(shownStages(el)).to.equal(1);
    el.presenting = false;
    await el.updateComplete;
    window.scrollTo(0, 0);
    focusBody();
    await sendKeys({ press: 'PageDown' });
    // The page keeps its own Page Down: it scrolls.
    if (window.scrollY === 0) {
      await new Promise((resolve) => window.addEventListener('scroll', resolve, { once: true }));
    }
    expect(window.scrollY).to.be.above(0);
  });
});
