import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/elements/sales-funnel/define.js';
import type { SalesFunnel } from '../../src/elements/sales-funnel/sales-funnel.js';

const STAGES = '[{"name":"Leads","value":100},{"name":"Won","value":10}]';
const background = (el: SalesFunnel) =>
  getComputedStyle(el.shadowRoot!.querySelector('[part~="base"]')!).backgroundColor;
const WHITE = 'rgb(255, 255, 255)';

describe('theme', () => {
  afterEach(() => emulateMedia({ colorScheme: 'light' }));

  it('stays light without a theme when the system is dark, as a native control would', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const el = await fixture<SalesFunnel>(html`<sales-funnel stages=${STAGES}></sales-funnel>`);
    expect(background(el)).to.equal(WHITE);
  });

  it('follows the system with theme="auto", and theme="dark" forces dark', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const auto = await fixture<SalesFunnel>(
      html`<sales-funnel theme="auto" stages=${STAGES}></sales-funnel>`,
    );
    expect(background(auto)).to.not.equal(WHITE);
    await emulateMedia({ colorScheme: 'light' });
    expect(background(auto)).to.equal(WHITE);
    const dark = await fixture<SalesFunnel>(
      html`<sales-funnel theme="dark" stages=${STAGES}></sales-funnel>`,
    );
    expect(background(dark)).to.not.equal(WHITE);
  });
});
