import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/sales-funnel/define.js';
import type { SalesFunnel } from '../../src/elements/sales-funnel/sales-funnel.js';

// The words of a bad attribute value load the first time one is bad. In this file's fresh page
// nothing has loaded them yet: the first bad value is still said in place and fired once, by
// the time `updateComplete` resolves.

const STAGES = '[{"name":"Leads","value":100},{"name":"Won","value":10}]';

describe('the first bad attribute value of a page', () => {
  it('is shown and fired, worded, once updateComplete resolves', async () => {
    const fired: { field: string; message: string }[] = [];
    const el = await fixture<SalesFunnel>(
      html`<sales-funnel
        theme="neon"
        stages=${STAGES}
        @error=${(e: CustomEvent<{ field: string; message: string }>) => fired.push(e.detail)}
      ></sales-funnel>`,
    );
    await el.updateComplete;
    const message = 'theme must be one of light, dark, auto, not “neon”; the default is used.';
    expect(fired).to.deep.equal([{ field: 'theme', message }]);
    const shown = [...el.shadowRoot!.querySelectorAll('[part~="error"]')].map((e) =>
      (e.textContent ?? '').replace(/\s+/g, ' ').trim(),
    );
    expect(shown.join(' ')).to.include(message);
    // The chart is drawn all the same, with the default theme.
    expect(el.shadowRoot!.querySelector('svg')).to.not.equal(null);
  });
});
