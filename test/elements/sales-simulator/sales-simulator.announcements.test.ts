import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import sinon from 'sinon';
import type { SalesSimulator } from '../../../src/elements/sales-simulator/sales-simulator.js';
import { createMemoryRepository } from '../../../src/store/memory-repository.js';
import { make } from './fixtures.js';
import { byLabel, byRole, fold } from './queries.js';

// WCAG 4.1.3: what a person caused is said once through the live region — a field's problem
// when the field is left, a slider step's summary — and never two changes within 2 s of a key.

/** Every text the live region shows from now on, each change once (a repeat included). */
function recordLive(el: SalesSimulator): string[] {
  const region = byRole(el, 'status');
  const said: string[] = [];
  new MutationObserver(() => said.push(fold(region.textContent))).observe(region, {
    childList: true,
    characterData: true,
    subtree: true,
  });
  return said;
}

describe('<sales-simulator> announcements', () => {
  let clock: sinon.SinonFakeTimers | undefined;
  afterEach(() => clock?.restore());

  it('says a number field’s problem when the field is left, once', async () => {
    const el = await make();
    const leads = byLabel(el, 'Leads per period');
    clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const said = recordLive(el);
    leads.focus();
    leads.select();
    await sendKeys({ type: '12x' });
    await clock.tickAsync(0);
    const message = fold(
      el.shadowRoot!.getElementById(leads.getAttribute('aria-describedby')!)!.textContent,
    );
    expect(message).to.include('Leads per period');
    await sendKeys({ press: 'Tab' });
    await clock.tickAsync(2000);
    await el.updateComplete;
    expect(said).to.deep.equal([message]);
  });

  it('says an empty scenario name when Save is pressed', async () => {
    const el = await make({ repository: createMemoryRepository() });
    const said = recordLive(el);
    byRole(el, 'button', 'Save').click();
    await el.updateComplete;
    const name = byLabel(el, 'Name for this scenario');
    expect(name.getAttribute('aria-invalid')).to.equal('true');
    const message = fold(
      el.shadowRoot!.getElementById(name.getAttribute('aria-describedby')!)!.textContent,
    );
    expect(said).to.deep.equal([message]);
    expect(message).to.include('Name for this scenario');
  });

  it('one slider step is one live-region change in the 2 s after the key', async () => {
    const el = await make();
    const slider = byRole(el, 'slider', 'Demo: rate');
    slider.focus();
    clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const said = recordLive(el);
    await sendKeys({ press: 'ArrowRight' });
    await clock.tickAsync(2000);
    await el.updateComplete;
    expect(said).to.have.length(1);
    expect(said[0]).to.match(/^Won deals /);
  });
});
