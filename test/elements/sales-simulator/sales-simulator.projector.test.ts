import { expect, nextFrame } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import type { SalesSimulator } from '../../../src/elements/sales-simulator/sales-simulator.js';
import { make } from './fixtures.js';
import { boxOf, inViewport, lowContrast, svgTextSize } from './geometry.js';
import { allByText, byRole } from './queries.js';

const SIZES = [
  [1920, 1080],
  [1280, 720],
  [1024, 768],
] as const;

/** The default 7-stage preset presented, every stage shown and the answer given. */
async function projected(theme?: string): Promise<SalesSimulator> {
  const el = await make({
    presenting: true,
    scenario: null,
    trials: 200,
    ...(theme ? { theme } : {}),
  });
  byRole(el, 'button', 'Show all').click();
  byRole(el, 'button', 'Show the answer').click();
  await settled(el);
  window.scrollTo(0, 0);
  return el;
}

/**
 * Shown and laid out: a zoomed funnel hears of its new width from ResizeObserver and draws for
 * it a frame later, so frames go by until its drawing is as wide as its box.
 */
async function settled(el: SalesSimulator): Promise<void> {
  const drawnForItsBox = () => {
    const root = funnelOf(el).shadowRoot!;
    const box = root.querySelector('[part="base"]')!;
    const padding = parseFloat(getComputedStyle(box).paddingInlineStart) * 2;
    const drawn = root.querySelector('svg')!.viewBox.baseVal.width;
    return Math.abs(drawn - (box.clientWidth - padding)) <= 1;
  };
  await el.updateComplete;
  for (let frame = 0; frame < 30 && !drawnForItsBox(); frame++) {
    await nextFrame();
    await el.updateComplete;
  }
  expect(drawnForItsBox(), 'the funnel drawn for its box').to.equal(true);
}

const funnelOf = (el: SalesSimulator) => el.shadowRoot!.querySelector('sales-funnel')!;
const stageNames = (el: SalesSimulator) => [
  ...funnelOf(el).shadowRoot!.querySelectorAll<SVGTextElement>('[part~="label"] .name'),
];
const metric = (el: SalesSimulator, label: string) =>
  byRole(el, 'term', label).closest('[part="metric"]')!;
const figureSize = (el: SalesSimulator, label: string) =>
  parseFloat(getComputedStyle(metric(el, label).querySelector('dd')!).fontSize);

describe('<sales-simulator presenting> on a projector', () => {
  after(() => setViewport({ width: 800, height: 600 }));

  for (const [width, height] of SIZES) {
    it(`shows the funnel, won deals, revenue and the lever sentence at ${width}×${height}, unscrolled`, async () => {
      await setViewport({ width, height });
      const el = await projected();
      // The sentence, not the live region that said it.
      const [lever, ...more] = allByText(el, /^Improve Qualification first/).filter(
        (e) => e !== byRole(el, 'status'),
      );
      expect(more).to.have.length(0);
      for (const [what, box] of [
        ['funnel', funnelOf(el)],
        ['won deals', metric(el, 'Won deals')],
        ['revenue', metric(el, 'Revenue')],
        ['lever sentence', lever],
      ] as const) {
        expect(inViewport(box), `${what} at ${boxOf(box)} in ${width}×${height}`).to.equal(true);
      }
      expect(stageNames(el)).to.have.length(7);
      const names = stageNames(el).map(svgTextSize);
      if (width === 1920) expect(Math.min(...names)).to.be.at.least(24);
      // The key figures are larger than the stage names.
      expect(figureSize(el, 'Won deals')).to.be.above(Math.max(...names));
      expect(figureSize(el, 'Revenue')).to.be.above(Math.max(...names));
    });
  }

  it('keeps stage names at 24 px or more at 1920×1080 once the scenario differs from its baseline', async () => {
    await setViewport({ width: 1920, height: 1080 });
    const el = await projected();
    // A nudge from the clicker's keys: a stage picked, its rate one point up.
    await sendKeys({ press: '[' });
    await sendKeys({ press: '+' });
    await settled(el);
    expect(metric(el, 'Won deals').textContent).to.contain('vs. baseline');
    expect(inViewport(funnelOf(el)), boxOf(funnelOf(el))).to.equal(true);
    expect(Math.min(...stageNames(el).map(svgTextSize))).to.be.at.least(24);
  });

  for (const theme of ['light', 'dark']) {
    it(`gives every text 7:1 contrast or more, ${theme}`, async () => {
      await setViewport({ width: 1920, height: 1080 });
      const el = await projected(theme);
      expect(lowContrast(el.shadowRoot!, 7)).to.deep.equal([]);
      if (theme === 'light') {
        // The check can fail: the usual light colours are AA (4.5:1), not all 7:1.
        el.presenting = false;
        await el.updateComplete;
        expect(lowContrast(el.shadowRoot!, 7)).to.not.deep.equal([]);
      }
    });
  }

  it('follows a dark system preference with theme="auto", at 7:1 too, and respects reduced motion', async () => {
    await emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
    try {
      await setViewport({ width: 1280, height: 720 });
      const el = await projected('auto');
      expect(
        getComputedStyle(el.shadowRoot!.querySelector('[part="base"]')!).backgroundColor,
      ).to.equal('rgb(0, 0, 0)');
      expect(lowContrast(el.shadowRoot!, 7)).to.deep.equal([]);
      byRole(el, 'button', 'Blank the screen').click();
      await el.updateComplete;
      const blank = byRole(el, 'button', /^Screen blanked/);
      expect(getComputedStyle(blank).animationName).to.equal('none');
    } finally {
      await emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
    }
  });
});
