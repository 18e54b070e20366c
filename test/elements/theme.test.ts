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

  describe('without theme, the page’s color-scheme, as a native control follows it', () => {
    /** A funnel in a box whose `color-scheme` is `scheme`, with `theme` if given. */
    const inScheme = (scheme: string, theme?: string) =>
      fixture<HTMLElement>(
        html`<div style="color-scheme: ${scheme}">
          <section><sales-funnel theme=${theme ?? ''} stages=${STAGES}></sales-funnel></section>
        </div>`,
      ).then(async (box) => {
        const el = box.querySelector<SalesFunnel>('sales-funnel')!;
        if (!theme) el.removeAttribute('theme');
        await el.updateComplete;
        return el;
      });
    /** Whether a CSS colour is dark: its relative luminance under 0.2. */
    const isDark = (rgb: string) => {
      const [r, g, b] = rgb.match(/[\d.]+/g)!.map(Number);
      return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.2 * 255;
    };

    it('is dark when an ancestor declares color-scheme: dark, whatever the system', async () => {
      for (const system of ['light', 'dark'] as const) {
        await emulateMedia({ colorScheme: system });
        const el = await inScheme('dark');
        expect(isDark(background(el)), system).to.equal(true);
        const band = el.shadowRoot!.querySelector('[part~="stage"]')!;
        // The bands' colours and the labels' follow too, not only the background.
        expect(getComputedStyle(band).fill).to.not.equal('rgb(29, 78, 216)');
        const label = el.shadowRoot!.querySelector('[part~="label"]')!;
        expect(isDark(getComputedStyle(label).fill), system).to.equal(false);
      }
    });

    it('follows the system when the page declares light dark', async () => {
      await emulateMedia({ colorScheme: 'dark' });
      const el = await inScheme('light dark');
      expect(isDark(background(el))).to.equal(true);
      await emulateMedia({ colorScheme: 'light' });
      expect(background(el)).to.equal(WHITE);
    });

    it('is light when the page declares light, or nothing, on a dark system', async () => {
      await emulateMedia({ colorScheme: 'dark' });
      expect(background(await inScheme('light'))).to.equal(WHITE);
      expect(background(await inScheme('normal'))).to.equal(WHITE);
    });

    it('yields to theme: light on a dark page, dark on a light one, auto on either', async () => {
      await emulateMedia({ colorScheme: 'light' });
      expect(background(await inScheme('dark', 'light'))).to.equal(WHITE);
      expect(isDark(background(await inScheme('light', 'dark')))).to.equal(true);
      expect(background(await inScheme('dark', 'auto'))).to.equal(WHITE);
      await emulateMedia({ colorScheme: 'dark' });
      expect(isDark(background(await inScheme('light', 'auto')))).to.equal(true);
    });
  });
});
