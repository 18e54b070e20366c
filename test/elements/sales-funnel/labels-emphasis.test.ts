import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import type { SalesFunnel } from '../../../src/elements/sales-funnel/sales-funnel.js';
import {
  SCENARIO,
  SCENARIO_WITH_AFTER_SALE,
  STAGES,
  bands,
  caption,
  chart,
  labelText,
  root,
  stages,
} from './helpers.js';

/** Emphasis colours the page sets, so a test can tell which band wears which. */
const DROP = 'rgb(200, 10, 10)';
const PAYOFF = 'rgb(10, 150, 10)';
const COLOURS = `--sales-funnel-drop: ${DROP}; --sales-funnel-payoff: ${PAYOFF}`;
const outlinedWith = (el: SalesFunnel, colour: string) =>
  bands(el)
    .map((b, i) => (getComputedStyle(b).stroke === colour ? i : -1))
    .filter((i) => i >= 0);

afterEach(() => {
  document.querySelectorAll('body > sales-funnel').forEach((e) => e.remove());
});

describe('<sales-funnel> emphasis', () => {
  it('emphasises the biggest drop in the caption, on the label and on the band', async () => {
    const el = await fixture<SalesFunnel>(
      html`<sales-funnel lang="en" style=${COLOURS} .stages=${STAGES}></sales-funnel>`,
    );
    expect(caption(el)).to.contain('entering Offer').and.contain('25%');
    expect(outlinedWith(el, DROP)).to.deep.equal([2]);
    expect(labelText(el)[2]).to.contain('▼ 25%');
  });

  it('names the biggest drop before the sale, not in the after-sale steps', async () => {
    // cycle-8: win-back (25 % of cross-sold customers) is lower than any rate before the sale,
    // but it is no place where deals are lost; the lowest before it is the offer's 35 % (those
    // won enter Delivery).
    const el = await fixture<SalesFunnel>(
      html`<sales-funnel lang="en" preset="cycle-8"></sales-funnel>`,
    );
    expect(caption(el)).to.contain('entering Delivery: only 35% of Offer and win');
    expect(caption(el)).not.to.contain('entering Win-back');
  });

  it('outlines what pays off most and names it in the caption', async () => {
    const el = await fixture<SalesFunnel>(
      html`<sales-funnel lang="en" style=${COLOURS} .scenario=${SCENARIO}></sales-funnel>`,
    );
    const [best] = outlinedWith(el, PAYOFF);
    expect(best).to.be.a('number');
    expect(labelText(el)[best]).to.match(/^★ /);
    const name = stages(el)[best].getAttribute('aria-label')!.split(',')[0];
    expect(caption(el)).to.contain(`Improving ${name} by +5 pp pays off most`);
  });

  it('takes the payoff step from payoff-points and hides it with no-payoff', async () => {
    const el = await fixture<SalesFunnel>(
      html`<sales-funnel
        lang="en"
        style=${COLOURS}
        payoff-points="0.1"
        .scenario=${SCENARIO_WITH_AFTER_SALE}
      ></sales-funnel>`,
    );
    expect(caption(el)).to.match(/by \+10 pp pays off most/);
    el.toggleAttribute('no-payoff', true);
    await el.updateComplete;
    expect(caption(el)).not.to.contain('pays off');
    expect(outlinedWith(el, PAYOFF)).to.deep.equal([]);
    expect(labelText(el).some((t) => t.includes('★'))).to.equal(false);
  });
});

describe('<sales-funnel> labels', () => {
  it('labels a billion compactly', async () => {
    const el = await fixture<SalesFunnel>(
      html`<sales-funnel
        lang="en"
        .stages=${[
          { name: 'Visits', value: 1e9 },
          { name: 'Carts', value: 3e6 },
          { name: 'Orders', value: 7 },
        ]}
      ></sales-funnel>`,
    );
    expect(labelText(el)[0]).to.contain('1B');
  });

  const overlaps = (a: DOMRect, b: DOMRect) =>
    a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

  for (const orientation of ['vertical', 'horizontal']) {
    it(`has no overlapping labels at 280 px (${orientation}, with compare, Spanish)`, async () => {
      const el = await fixture<SalesFunnel>(
        html`<sales-funnel
          no-animation
          lang="es"
          style="width: 280px"
          orientation=${orientation}
          preset="pipeline-7"
          .compare=${{ ...SCENARIO, stages: Array(7).fill({ name: 'x', rate: 0.5 }) }}
        ></sales-funnel>`,
      );
      const boxes = [...root(el).querySelectorAll('[part~="label"]')].map((t) =>
        t.getBoundingClientRect(),
      );
      const svgBox = chart(el)!.getBoundingClientRect();
      const bandBoxes = bands(el).map((b) => b.getBoundingClientRect());
      expect(boxes.length).to.equal(7);
      for (let i = 0; i < boxes.length; i++) {
        expect(boxes[i].right).to.be.at.most(svgBox.right + 1);
        expect(boxes[i].left).to.be.at.least(svgBox.left - 1);
        for (let j = i + 1; j < boxes.length; j++)
          expect(overlaps(boxes[i], boxes[j])).to.equal(false);
        for (const band of bandBoxes) expect(overlaps(boxes[i], band)).to.equal(false);
      }
    });
  }

  /** Calls of a canvas's measureText while `run` runs. */
  async function measuring(run: () => Promise<void>): Promise<number> {
    const spy = sinon.spy(CanvasRenderingContext2D.prototype, 'measureText');
    try {
      await run();
      return spy.callCount;
    } finally {
      spy.restore();
    }
  }

  const LONG = [
    { name: 'Inbound marketing qualified leads', value: 1200 },
    { name: 'Discovery calls held', value: 480 },
    { name: 'Proposals sent to procurement', value: 130 },
    { name: 'Won', value: 61 },
  ];

  it('lays out the built-in font without a canvas (as a server does), a host font with one', async () => {
    const builtIn = await measuring(async () => {
      await fixture<SalesFunnel>(html`<sales-funnel lang="en" .stages=${LONG}></sales-funnel>`);
    });
    expect(builtIn).to.equal(0);
    const host = await measuring(async () => {
      await fixture<SalesFunnel>(
        html`<sales-funnel lang="en" style="--sales-font: serif" .stages=${LONG}></sales-funnel>`,
      );
    });
    expect(host).to.be.greaterThan(0);
  });

  /** Names of wide letters, in both languages: wider than the average width the layout gives. */
  const WIDE = [
    { name: 'WWWW MMMM Inbound marketing qualified leads', value: 1200 },
    { name: 'Négociation commerciale approfondie', value: 480 },
    ...LONG.slice(1),
  ];
  const FONTS = ['', '--sales-font: serif'];

  for (const width of [260, 320, 420, 900]) {
    it(`keeps every label line inside the chart at ${width} px, named in full`, async () => {
      for (const [lang, data] of [
        ['en', LONG],
        ['en', WIDE],
        ['es', WIDE],
      ] as const) {
        for (const font of FONTS) {
          for (const orientation of ['vertical', 'horizontal']) {
            const el = await fixture<SalesFunnel>(
              html`<sales-funnel
                lang=${lang}
                no-animation
                style="width: ${width}px; ${font}"
                orientation=${orientation}
                .stages=${data}
              ></sales-funnel>`,
            );
            const svgBox = chart(el)!.getBoundingClientRect();
            const lines = [...root(el).querySelectorAll<SVGTextElement>('[part~="label"] text')];
            expect(lines.length).to.be.greaterThan(data.length);
            for (const line of lines) {
              const box = line.getBoundingClientRect();
              const what = `${lang} ${font || 'built-in'} ${orientation}: ${line.textContent}`;
              expect(box.right, what).to.be.at.most(svgBox.right + 0.01);
              expect(box.left, what).to.be.at.least(svgBox.left - 0.01);
            }
            // A shortened label still names its stage in full, to a screen reader and in the table.
            expect(
              stages(el).map((o) => o.getAttribute('aria-label')!.split(',')[0]),
            ).to.deep.equal(data.map((d) => d.name));
            const texts = [...root(el).querySelectorAll('[part~="label"]')].map((t) =>
              t.getBoundingClientRect(),
            );
            // Side by side (a narrow chart draws a horizontal funnel vertically): none overlap.
            if (texts[0].top === texts[1].top) {
              for (let i = 1; i < texts.length; i++) {
                expect(texts[i].left, `label ${i}`).to.be.at.least(texts[i - 1].right - 1);
              }
            }
            el.remove();
          }
        }
      }
    });
  }
});
