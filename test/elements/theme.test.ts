import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import '../../src/elements/sales-forecast/define.js';
import '../../src/elements/sales-funnel/define.js';
import type { SalesFunnel } from '../../src/elements/sales-funnel/sales-funnel.js';
import '../../src/elements/sales-pipeline/define.js';
import '../../src/elements/sales-simulator/define.js';
import '../../src/elements/sales-workspace/define.js';
import { createMemoryRepository } from '../../src/store/memory-repository.js';

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

  describe('the other elements follow it the same way', () => {
    /** The shared palette's surface and text, light and dark, as computed. */
    const LIGHT = { bg: WHITE, text: 'rgb(31, 41, 55)' };
    const DARK = { bg: 'rgb(17, 24, 39)', text: 'rgb(243, 244, 246)' };
    /** Training mode's own: black on white, or white on black. */
    const PRESENTING_LIGHT = { bg: WHITE, text: 'rgb(0, 0, 0)' };
    const PRESENTING_DARK = { bg: 'rgb(0, 0, 0)', text: WHITE };

    type Shown = HTMLElement & { updateComplete: Promise<boolean> };
    const ELEMENTS: Record<string, (theme: string) => TemplateResult> = {
      '<sales-pipeline>': (theme) =>
        html`<sales-pipeline
          lang="en"
          theme=${theme}
          .repository=${createMemoryRepository()}
        ></sales-pipeline>`,
      '<sales-simulator>': (theme) =>
        html`<sales-simulator lang="en" theme=${theme}></sales-simulator>`,
      '<sales-forecast>': (theme) =>
        html`<sales-forecast
          lang="en"
          theme=${theme}
          .repository=${createMemoryRepository()}
        ></sales-forecast>`,
      '<sales-workspace>': (theme) =>
        html`<sales-workspace
          lang="en"
          theme=${theme}
          .repository=${createMemoryRepository()}
        ></sales-workspace>`,
    };

    /** `template` in a box whose `color-scheme` is `scheme`, with `theme` if given. */
    async function inBox(template: (theme: string) => TemplateResult, scheme: string, theme = '') {
      const box = await fixture<HTMLElement>(
        html`<div style="color-scheme: ${scheme}"><section>${template(theme)}</section></div>`,
      );
      const el = box.querySelector<Shown>('section > *')!;
      if (!theme) el.removeAttribute('theme');
      await el.updateComplete;
      return el;
    }
    /** The base part's background and text colour, as a person sees them. */
    const colours = (el: Element) => {
      const style = getComputedStyle(el.shadowRoot!.querySelector('[part~="base"]')!);
      return { bg: style.backgroundColor, text: style.color };
    };

    for (const [name, template] of Object.entries(ELEMENTS)) {
      it(`${name}: dark under a dark ancestor, light with none declared, on either system`, async () => {
        for (const system of ['light', 'dark'] as const) {
          await emulateMedia({ colorScheme: system });
          expect(colours(await inBox(template, 'dark')), `dark page, ${system}`).to.deep.equal(
            DARK,
          );
          expect(colours(await inBox(template, 'normal')), `no scheme, ${system}`).to.deep.equal(
            LIGHT,
          );
          expect(colours(await inBox(template, 'light')), `light page, ${system}`).to.deep.equal(
            LIGHT,
          );
        }
      });

      it(`${name}: follows the system under light dark, and yields to theme`, async () => {
        await emulateMedia({ colorScheme: 'dark' });
        const el = await inBox(template, 'light dark');
        expect(colours(el)).to.deep.equal(DARK);
        await emulateMedia({ colorScheme: 'light' });
        expect(colours(el)).to.deep.equal(LIGHT);
        expect(colours(await inBox(template, 'dark', 'light'))).to.deep.equal(LIGHT);
        expect(colours(await inBox(template, 'light', 'dark'))).to.deep.equal(DARK);
        expect(colours(await inBox(template, 'dark', 'auto'))).to.deep.equal(LIGHT);
        await emulateMedia({ colorScheme: 'dark' });
        expect(colours(await inBox(template, 'light', 'auto'))).to.deep.equal(DARK);
        expect(colours(await inBox(template, 'normal', 'auto'))).to.deep.equal(DARK);
      });
    }

    it('<sales-workspace>: its views follow the page with it, or its theme', async () => {
      await emulateMedia({ colorScheme: 'light' });
      const board = (el: Element) => el.shadowRoot!.querySelector('sales-pipeline')!;
      const onDark = await inBox(ELEMENTS['<sales-workspace>']!, 'dark');
      expect(colours(board(onDark))).to.deep.equal(DARK);
      const forcedLight = await inBox(ELEMENTS['<sales-workspace>']!, 'dark', 'light');
      expect(colours(board(forcedLight))).to.deep.equal(LIGHT);
    });

    it('<sales-simulator presenting>: training mode’s own colours follow the same scheme', async () => {
      const presenting = (theme: string) =>
        html`<sales-simulator lang="en" presenting theme=${theme}></sales-simulator>`;
      await emulateMedia({ colorScheme: 'dark' });
      expect(colours(await inBox(presenting, 'normal'))).to.deep.equal(PRESENTING_LIGHT);
      expect(colours(await inBox(presenting, 'light dark'))).to.deep.equal(PRESENTING_DARK);
      await emulateMedia({ colorScheme: 'light' });
      expect(colours(await inBox(presenting, 'dark'))).to.deep.equal(PRESENTING_DARK);
      expect(colours(await inBox(presenting, 'dark', 'light'))).to.deep.equal(PRESENTING_LIGHT);
      expect(colours(await inBox(presenting, 'light', 'dark'))).to.deep.equal(PRESENTING_DARK);
    });
  });
});
