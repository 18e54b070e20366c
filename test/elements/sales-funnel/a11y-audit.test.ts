import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { SalesFunnel } from '../../../src/elements/sales-funnel/sales-funnel.js';
import { STAGES, root, stage } from './helpers.js';

// The funnel against the WCAG 2.2 AA audit (issue 13): focus order, forced colours, text
// alternatives. Keys are pressed as a person presses them.

const focusedName = (el: SalesFunnel) => {
  const active = root(el).activeElement;
  return active ? `${active.localName} ${active.getAttribute('aria-label') ?? ''}` : '(nothing)';
};

describe('<sales-funnel> focus order', () => {
  it('Tab lands on a stage (the chart is no stop of its own); Arrow Down goes to the next one', async () => {
    const wrap = await fixture<HTMLDivElement>(
      html`<div>
        <button>before</button>
        <sales-funnel lang="en" .stages=${STAGES}></sales-funnel>
        <button>after</button>
      </div>`,
    );
    const el = wrap.querySelector('sales-funnel')!;
    await el.updateComplete;
    wrap.querySelector('button')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(focusedName(el)).to.match(/^g Leads,/);
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(root(el).activeElement).to.equal(stage(el, 'Qualified'));
    // One stop: the next Tab leaves the chart.
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement).to.equal(wrap.querySelectorAll('button')[1]);
  });
});
