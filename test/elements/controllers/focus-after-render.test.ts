import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { FocusAfterRender } from '../../../src/elements/controllers/focus-after-render.js';

/** A list whose items come and go, like a board's cards. */
class FocusingHost extends LitElement {
  static override properties = { items: { attribute: false } };
  items: string[] = ['a', 'b'];
  readonly focusing = new FocusAfterRender(this);
  find(label: string) {
    return this.shadowRoot!.querySelector<HTMLElement>(`button[aria-label="${label}"]`);
  }
  override render() {
    return html`${this.items.map((i) => html`<button aria-label=${i}>${i}</button>`)}`;
  }
}
customElements.define('test-focusing-host', FocusingHost);

const focused = (el: FocusingHost) => el.shadowRoot!.activeElement?.getAttribute('aria-label');

describe('FocusAfterRender', () => {
  it('focuses an element the next render creates', async () => {
    const el = await fixture<FocusingHost>(html`<test-focusing-host></test-focusing-host>`);
    el.items = ['a', 'b', 'c'];
    el.focusing.focus(() => el.find('c'));
    await el.updateComplete;
    expect(focused(el)).to.equal('c');
    expect(el.focusing.pending).to.be.false;
  });

  it('gives up after one render by default, or waits for the element with untilFound', async () => {
    const el = await fixture<FocusingHost>(html`<test-focusing-host></test-focusing-host>`);
    el.focusing.focus(() => el.find('z'));
    await el.updateComplete;
    expect(el.focusing.pending).to.be.false;

    el.focusing.focus(() => el.find('z'), { untilFound: true });
    await el.updateComplete;
    expect(el.focusing.pending).to.be.true;
    expect(focused(el)).to.equal(undefined);
    el.items = ['a', 'z'];
    await el.updateComplete;
    expect(focused(el)).to.equal('z');
    expect(el.focusing.pending).to.be.false;
  });

  it('lets a later request replace an earlier one', async () => {
    const el = await fixture<FocusingHost>(html`<test-focusing-host></test-focusing-host>`);
    el.focusing.focus(() => el.find('a'));
    el.focusing.focus(() => el.find('b'));
    await el.updateComplete;
    expect(focused(el)).to.equal('b');
  });
});
