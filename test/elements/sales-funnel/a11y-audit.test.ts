import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { SalesFunnel } from '../../../src/elements/sales-funnel/sales-funnel.js';
import { forcedColors } from '../../forced-colors/client.js';
import { contrast, systemColour } from '../colour.js';
import { SCENARIO_WITH_AFTER_SALE, STAGES, root, stage, stages } from './helpers.js';

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

describe('<sales-funnel> under forced colours (Windows high contrast)', () => {
  afterEach(() => forcedColors(false));

  // Each theme under the palette it clashes with: a light chart on a black palette, a dark
  // chart on a white one, where the labels and the won tick vanished.
  for (const [theme, palette] of [
    ['light', 'dark'],
    ['dark', 'light'],
  ] as const) {
    it(`theme="${theme}" on a ${palette} palette: labels, tick, bands, selection and focus show`, async () => {
      await forcedColors(true, palette);
      const el = await fixture<SalesFunnel>(
        html`<sales-funnel
          lang="en"
          theme=${theme}
          .scenario=${SCENARIO_WITH_AFTER_SALE}
        ></sales-funnel>`,
      );
      await el.updateComplete;
      const canvas = systemColour('Canvas');
      expect(getComputedStyle(root(el).querySelector('.base')!).backgroundColor).to.equal(canvas);
      const texts = [...root(el).querySelectorAll('.label text')];
      expect(texts.length).to.be.greaterThan(4);
      for (const t of texts) {
        expect(contrast(getComputedStyle(t).fill, canvas), t.textContent!).to.be.at.least(4.5);
      }
      const tick = root(el).querySelector('.won-tick')!;
      expect(contrast(getComputedStyle(tick).stroke, canvas)).to.be.at.least(3);
      for (const band of root(el).querySelectorAll('.band')) {
        expect(contrast(getComputedStyle(band).stroke, canvas)).to.be.at.least(3);
      }
      // The selected stage is filled, the focused one ringed, in the palette's highlight.
      stages(el)[1]!.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      const highlight = systemColour('Highlight');
      const [first, second] = stages(el).map((s) => getComputedStyle(s.querySelector('.band')!));
      expect(second!.fill).to.equal(highlight);
      expect(first!.fill).to.equal(canvas);
      expect(second!.stroke).to.equal(highlight);
    });
  }
});

describe('<sales-funnel> text alternative', () => {
  it('names the chart in its table caption and its list, and heads the change column, en and es', async () => {
    for (const [lang, caption, list, change] of [
      ['en', 'Funnel data: Leads – Won', 'Funnel stages: Leads – Won', 'Change (Q2)'],
      ['es', 'Datos del embudo: Leads – Won', 'Etapas del embudo: Leads – Won', 'Cambio (Q2)'],
    ] as const) {
      const el = await fixture<SalesFunnel>(
        html`<sales-funnel
          lang=${lang}
          .stages=${STAGES}
          .compare=${STAGES.map((s) => ({ ...s, value: s.value / 2 }))}
          compare-label="Q2"
        ></sales-funnel>`,
      );
      await el.updateComplete;
      expect(root(el).querySelector('table caption')!.textContent!.trim()).to.equal(caption);
      expect(root(el).querySelector('[role="listbox"]')!.getAttribute('aria-label')).to.equal(list);
      const heads = [...root(el).querySelectorAll('thead th')].map((th) => th.textContent!.trim());
      expect(heads.at(-1)).to.equal(change);
      // Every row carries its change, as the chart's labels do.
      const cells = [...root(el).querySelectorAll('tbody tr')].map((tr) => tr.lastElementChild!);
      expect(cells.map((c) => c.textContent!.trim())).to.deep.equal(
        STAGES.map(() => (lang === 'en' ? '+100%' : '+100\u00a0%')),
      );
    }
  });
});
