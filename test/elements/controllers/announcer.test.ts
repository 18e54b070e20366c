import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import sinon from 'sinon';
import { Announcer } from '../../../src/elements/controllers/announcer.js';

class AnnouncingHost extends LitElement {
  readonly announcer = new Announcer(this);
  override render() {
    return this.announcer.render();
  }
}
customElements.define('test-announcing-host', AnnouncingHost);

const region = (el: AnnouncingHost) => el.shadowRoot!.querySelector('[role=status]')!;
const said = (el: AnnouncingHost) => region(el).textContent!.trim();

describe('Announcer', () => {
  let clock: sinon.SinonFakeTimers | undefined;
  afterEach(() => {
    clock?.restore();
    clock = undefined;
  });

  it('is one polite, atomic live region that says a sentence once', async () => {
    const el = await fixture<AnnouncingHost>(html`<test-announcing-host></test-announcing-host>`);
    expect(el.shadowRoot!.querySelectorAll('[role=status]')).to.have.length(1);
    expect(region(el).getAttribute('aria-live')).to.equal('polite');
    expect(region(el).getAttribute('aria-atomic')).to.equal('true');
    el.announcer.announce('Moved to Offer');
    await el.updateComplete;
    expect(said(el)).to.equal('Moved to Offer');
  });

  it('changes the region when the same sentence is said again, so it is read again', async () => {
    const el = await fixture<AnnouncingHost>(html`<test-announcing-host></test-announcing-host>`);
    el.announcer.announce('Nothing to undo');
    await el.updateComplete;
    const first = region(el).textContent;
    el.announcer.announce('Nothing to undo');
    await el.updateComplete;
    expect(region(el).textContent).to.not.equal(first);
    expect(said(el).replace(/\u00a0/g, '')).to.equal('Nothing to undo');
  });

  it('with a delay, says only the last sentence, once no call came for that long', async () => {
    const el = await fixture<AnnouncingHost>(html`<test-announcing-host></test-announcing-host>`);
    clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    el.announcer.announce('Won deals 26.1', 500);
    clock.tick(300);
    el.announcer.announce('Won deals 26.4', 500);
    clock.tick(499);
    await el.updateComplete;
    expect(said(el)).to.equal('');
    clock.tick(1);
    await el.updateComplete;
    expect(said(el)).to.equal('Won deals 26.4');
  });

  it('drops a sentence still waiting when the element leaves the page', async () => {
    const el = await fixture<AnnouncingHost>(html`<test-announcing-host></test-announcing-host>`);
    clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    el.announcer.announce('late', 100);
    el.remove();
    clock.tick(200);
    expect(el.announcer.text).to.equal('');
  });
});
