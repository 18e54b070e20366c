import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import { presetScenario } from '../../../src/model/preset-scenarios.js';
import { renderFunnelSvg, type FunnelSvgOptions } from '../../../src/svg.js';
import type { SalesFunnel } from '../../../src/elements/sales-funnel/sales-funnel.js';
import { SCENARIO, SCENARIO_WITH_AFTER_SALE, STAGES } from './helpers.js';

/** The element with `attrs` in a box whose content is `width` px wide (the base pads 12 px). */
async function chartOf(data: unknown, attrs: Record<string, string>, width: number) {
  const el = await fixture<SalesFunnel>(
    html`<div style="width: ${width + 24}px"><sales-funnel no-animation></sales-funnel></div>`,
  ).then((box) => box.querySelector<SalesFunnel>('sales-funnel')!);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  if (Array.isArray(data)) el.stages = data as never;
  else el.scenario = data as never;
  await el.updateComplete;
  // The first observed size asks for one more layout (at the same width).
  await nextFrame();
  await el.updateComplete;
  return el;
}

const CASES: [string, unknown, Record<string, string>, FunnelSvgOptions][] = [
  ['stage counts', STAGES, {}, {}],
  ['a scenario, in Spanish', SCENARIO, { lang: 'es' }, { lang: 'es' }],
  ['an after-sale scenario, dark', SCENARIO_WITH_AFTER_SALE, { theme: 'dark' }, { theme: 'dark' }],
  ['a preset, curved', presetScenario('saas-b2b'), { shape: 'curved' }, { shape: 'curved' }],
  [
    'counts against counts, horizontal',
    STAGES,
    {
      orientation: 'horizontal',
      compare: JSON.stringify(STAGES.map((s) => ({ ...s, value: s.value * 0.8 }))),
      'compare-label': 'Q2',
    },
    {
      orientation: 'horizontal',
      compare: STAGES.map((s) => ({ ...s, value: s.value * 0.8 })),
      compareLabel: 'Q2',
    },
  ],
  [
    'counts with a deal value, in USD',
    STAGES,
    { 'deal-value': '1500', currency: 'USD' },
    { dealValue: 1500, currency: 'USD' },
  ],
];

describe('renderFunnelSvg', () => {
  for (const [name, data, attrs, options] of CASES) {
    for (const width of [480, 720]) {
      it(`writes the element's toSVG() for ${name} at ${width} px`, async () => {
        const el = await chartOf(data, attrs, width);
        const drawn = await el.toSVG();
        expect(drawn).to.contain('<path');
        expect(renderFunnelSvg(data as never, { ...options, width })).to.equal(drawn);
      });
    }
  }

  it('is a document a browser reads, with its labels and title', () => {
    const doc = new DOMParser().parseFromString(
      renderFunnelSvg(STAGES, { lang: 'es' }),
      'image/svg+xml',
    );
    expect(doc.querySelector('parsererror')).to.equal(null);
    expect(doc.querySelector('title')!.textContent).to.equal('Embudo de ventas');
    expect(doc.querySelectorAll('path')).to.have.length(STAGES.length);
    expect(doc.documentElement.textContent).to.contain('Qualified');
  });

  it('names the field of bad data or a bad option, in the options’ language', () => {
    expect(() => renderFunnelSvg([{ name: 'A', value: -1 }])).to.throw(/data\[0\]\.value/);
    expect(() => renderFunnelSvg('[{', { lang: 'es' })).to.throw(/data no es un JSON válido/);
    expect(() => renderFunnelSvg(STAGES, { width: 10 })).to.throw(/width must be a number/);
    expect(() => renderFunnelSvg(STAGES, { compare: 'x' })).to.throw(/compare/);
  });
});
