import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import type { StageSelectedEvent } from '../../../src/elements/events.js';
import type { SalesFunnel } from '../../../src/elements/sales-funnel/sales-funnel.js';
import {
  SCENARIO_WITH_AFTER_SALE,
  STAGES,
  THREE,
  afterResize,
  bands,
  centre,
  chart,
  root,
  stage,
  stages,
  tooltip,
} from './helpers.js';

/**
 * Runs `steps` counting the element's layouts: each reads the host's computed style once (for
 * the labels' font), and nothing else in an update does.
 */
async function countingLayouts(
  el: SalesFunnel,
  steps: (layouts: () => number) => Promise<void>,
): Promise<void> {
  const original = window.getComputedStyle;
  let calls = 0;
  window.getComputedStyle = function (...args: Parameters<typeof getComputedStyle>) {
    if (args[0] === el) calls++;
    return original.apply(window, args);
  };
  try {
    await steps(() => calls);
  } finally {
    window.getComputedStyle = original;
  }
}

afterEach(async () => {
  document.querySelectorAll('body > sales-funnel').forEach((e) => e.remove());
  await resetMouse();
});

describe('<sales-funnel> keyboard', () => {
  it('moves focus with arrow keys and selects with Enter and Space', async () => {
    const el = await fixture<SalesFunnel>(
      html`<sales-funnel lang="en" .stages=${STAGES}></sales-funnel>`,
    );
    stage(el, 'Leads')!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(root(el).activeElement).to.equal(stage(el, 'Qualified'));
    expect(stages(el).map((s) => s.getAttribute('tabindex'))).to.deep.equal([
      '-1',
      '0',
      '-1',
      '-1',
    ]);
    let event = oneEvent(el, 'stage-selected') as Promise<StageSelectedEvent>;
    await sendKeys({ press: 'Enter' });
    expect((await event).detail).to.deep.equal({
      index: 1,
      stage: 'Qualified',
      value: 600,
      share: 0.5,
      conversion: 0.5,
    });
    await sendKeys({ press: 'End' });
    event = oneEvent(el, 'stage-selected') as Promise<StageSelectedEvent>;
    await sendKeys({ press: ' ' });
    expect((await event).detail.index).to.equal(3);
    await el.updateComplete;
    expect(stage(el, 'Won')!.getAttribute('aria-selected')).to.equal('true');
    // The tooltip follows focus.
    expect(tooltip(el)!.textContent).to.contain('Won');
  });

  it('dismisses the tooltip with Escape, keeping focus', async () => {
    const el = await fixture<SalesFunnel>(
      html`<sales-funnel lang="en" .stages=${THREE}></sales-funnel>`,
    );
    stage(el, 'Leads')!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(tooltip(el)).not.to.equal(null);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(tooltip(el)).to.equal(null);
    expect(root(el).activeElement).to.equal(stage(el, 'Qualified'));
  });

  it('draws a focus ring unlike the best-improvement outline', async () => {
    const el = await fixture<SalesFunnel>(
      html`<sales-funnel
        lang="en"
        style="--sales-funnel-payoff: rgb(10, 150, 10)"
        .scenario=${SCENARIO_WITH_AFTER_SALE}
      ></sales-funnel>`,
    );
    const index = bands(el).findIndex((b) => getComputedStyle(b).stroke === 'rgb(10, 150, 10)');
    expect(index).to.be.at.least(0);
    const band = bands(el)[index];
    const before = getComputedStyle(band);
    const [width, dash] = [parseFloat(before.strokeWidth), before.strokeDasharray];
    stages(el)[0].focus();
    await sendKeys({ press: 'End' });
    await sendKeys({ press: 'Home' });
    for (let i = 0; i < index; i++) await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(root(el).activeElement).to.equal(stages(el)[index]);
    const focused = getComputedStyle(band);
    expect(parseFloat(focused.strokeWidth)).to.be.greaterThan(width + 0.5);
    expect(focused.strokeDasharray).not.to.equal(dash);
  });
});

describe('<sales-funnel> pointer', () => {
  it('selects a stage on click and shows its tooltip on hover', async () => {
    const el = await fixture<SalesFunnel>(
      html`<sales-funnel lang="en" .stages=${STAGES}></sales-funnel>`,
    );
    const position = centre(bands(el)[2]);
    await sendMouse({ type: 'move', position });
    await el.updateComplete;
    expect(tooltip(el)!.textContent).to.contain('Offer');
    const event = oneEvent(el, 'stage-selected') as Promise<StageSelectedEvent>;
    await sendMouse({ type: 'click', position });
    expect((await event).detail.stage).to.equal('Offer');
  });

  it('lets the tooltip go when the pointer leaves after a click', async () => {
    const el = await fixture<SalesFunnel>(
      html`<sales-funnel lang="en" .stages=${THREE}></sales-funnel>`,
    );
    const box = stage(el, 'Qualified')!.getBoundingClientRect();
    const at: [number, number] = [Math.round(box.x + box.width / 2), Math.round(box.bottom - 4)];
    await sendMouse({ type: 'click', position: at });
    await el.updateComplete;
    expect(tooltip(el)).not.to.equal(null);
    await sendMouse({
      type: 'move',
      position: [2, Math.round(el.getBoundingClientRect().bottom + 40)],
    });
    await el.updateComplete;
    expect(tooltip(el)).to.equal(null);
  });
});

describe('<sales-funnel> layout', () => {
  it('lays itself out again when its container resizes', async () => {
    const el = await fixture<SalesFunnel>(
      html`<sales-funnel no-animation style="width: 800px" .stages=${STAGES}></sales-funnel>`,
    );
    await afterResize(el);
    const wide = bands(el)[0].getAttribute('d');
    const wideWidth = bands(el)[0].getBoundingClientRect().width;
    await afterResize(el, () => (el.style.width = '300px'));
    expect(bands(el)[0].getAttribute('d')).not.to.equal(wide);
    expect(bands(el)[0].getBoundingClientRect().width).to.be.lessThan(wideWidth);
    expect(chart(el)!.getBoundingClientRect().width).to.be.at.most(300);
  });

  it('switches orientation and shape', async () => {
    const el = await fixture<SalesFunnel>(
      html`<sales-funnel
        no-animation
        style="width: 900px"
        orientation="horizontal"
        shape="curved"
        .stages=${STAGES}
      ></sales-funnel>`,
    );
    const [a, b] = bands(el).map((p) => p.getBoundingClientRect());
    expect(b.left).to.be.greaterThan(a.left);
    expect(bands(el)[0].getAttribute('d')).to.contain('C');
  });

  it('lays out once for the width it measured: only a new width lays out again', async () => {
    const el = await fixture<SalesFunnel>(
      html`<sales-funnel lang="en" style="width: 500px" .stages=${THREE}></sales-funnel>`,
    );
    const widthOf = () => chart(el)!.getBoundingClientRect().width;
    await countingLayouts(el, async (layouts) => {
      // The first observation reports the width the first render measured: nothing to redo.
      await afterResize(el);
      expect(layouts()).to.equal(0);
      expect(widthOf()).to.be.closeTo(500 - 24, 1);
      await afterResize(el, () => (el.style.width = '300px'));
      expect(layouts()).to.equal(1);
      expect(widthOf()).to.be.closeTo(300 - 24, 1);
    });
  });

  it('does not lay out again when only the tooltip or focus changes', async () => {
    const el = await fixture<SalesFunnel>(
      html`<sales-funnel lang="en" .stages=${THREE}></sales-funnel>`,
    );
    // Let the first size observation land.
    await afterResize(el);
    await countingLayouts(el, async (layouts) => {
      stages(el)[0].focus();
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(layouts()).to.equal(0);
      // A data change does lay out (and measures the font) again.
      el.stages = THREE.slice(0, 2);
      await el.updateComplete;
      expect(layouts()).to.equal(1);
    });
  });
});
