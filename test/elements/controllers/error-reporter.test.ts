import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import { ErrorReporter } from '../../../src/elements/controllers/error-reporter.js';
import type { SalesErrorEvent } from '../../../src/elements/events.js';
import { SalesElement, type SalesEventsOf } from '../../../src/elements/sales-element.js';

/** Shows its problems in place, as the elements do. */
class ReportingHost extends SalesElement<SalesEventsOf<object>> {
  readonly errors = new ErrorReporter(this);
  override render() {
    return html`${this.errors.problems.map((p) => html`<p role="alert">${p.message}</p>`)}`;
  }
}
customElements.define('test-reporting-host', ReportingHost);

describe('ErrorReporter', () => {
  let warn: sinon.SinonStub;
  beforeEach(() => {
    warn = sinon.stub(console, 'warn');
  });
  afterEach(() => warn.restore());

  it('shows a problem in place, then warns once and fires error once, after the update', async () => {
    const el = await fixture<ReportingHost>(html`<test-reporting-host></test-reporting-host>`);
    const events: SalesErrorEvent[] = [];
    el.addEventListener('error', (e) => events.push(e));
    el.errors.set('theme', 'theme must be light or dark, not "blue"', 'blue');
    expect(events).to.have.length(0);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).to.equal(
      'theme must be light or dark, not "blue"',
    );
    expect(events.map((e) => e.detail)).to.deep.equal([
      { field: 'theme', message: 'theme must be light or dark, not "blue"' },
    ]);
    expect(events[0]!.bubbles).to.equal(false);
    expect(
      warn.calledOnceWith('<test-reporting-host> theme: theme must be light or dark, not "blue"'),
    ).to.be.true;
    // Re-renders and a reworded message for the same value fire nothing more.
    el.requestUpdate();
    await el.updateComplete;
    el.errors.set('theme', 'theme debe ser light o dark, no "blue"', 'blue');
    await el.updateComplete;
    expect(events).to.have.length(1);
    expect(el.shadowRoot!.textContent).to.include('theme debe ser light o dark');
  });

  it('fires again for another value, and for the same one after it was fixed', async () => {
    const el = await fixture<ReportingHost>(html`<test-reporting-host></test-reporting-host>`);
    const fields: string[] = [];
    el.addEventListener('error', (e) => fields.push(e.detail.message));
    el.errors.set('trials', 'bad abc', 'abc');
    await el.updateComplete;
    el.errors.set('trials', 'bad 5', '5');
    await el.updateComplete;
    el.errors.clear('trials');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role=alert]')).to.equal(null);
    el.errors.set('trials', 'bad 5', '5');
    await el.updateComplete;
    expect(fields).to.deep.equal(['bad abc', 'bad 5', 'bad 5']);
    expect(warn.callCount).to.equal(3);
  });

  it('keeps problems of several fields apart', async () => {
    const el = await fixture<ReportingHost>(html`<test-reporting-host></test-reporting-host>`);
    el.errors.set('theme', 'bad theme');
    el.errors.set('benchmark', 'bad benchmark');
    await el.updateComplete;
    el.errors.clear('theme');
    await el.updateComplete;
    const shown = [...el.shadowRoot!.querySelectorAll('[role=alert]')].map((p) => p.textContent);
    expect(shown).to.deep.equal(['bad benchmark']);
    expect(el.errors.has('benchmark')).to.be.true;
    expect(el.errors.message('theme')).to.equal(undefined);
  });
});
