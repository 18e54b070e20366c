import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/sales-simulator/define.js';
import '../../src/elements/sales-workspace/define.js';
import type { SalesSimulator } from '../../src/elements/sales-simulator/sales-simulator.js';
import type { SalesWorkspace } from '../../src/elements/sales-workspace/sales-workspace.js';
import { createMemoryRepository } from '../../src/store/memory-repository.js';
import { forcedColors } from '../forced-colors/client.js';
import { contrast, systemColour } from './colour.js';
import { PIPELINE, SIX, board, card, column, memoryRepo, seed } from './sales-pipeline/helpers.js';

// Forced colours (Windows high contrast), emulated: what only a colour, a background or a
// shadow told apart is still told apart in the person's palette, each theme under the
// palette it clashes with (the funnel's chart: sales-funnel/a11y-audit.test.ts).

const PAIRS = [
  ['light', 'dark'],
  ['dark', 'light'],
] as const;

const style = (node: Element) => getComputedStyle(node);

describe('forced colours', () => {
  afterEach(() => forcedColors(false));

  for (const [theme, palette] of PAIRS) {
    it(`<sales-pipeline theme="${theme}"> on a ${palette} palette: drop marker, grip, target`, async () => {
      await forcedColors(true, palette);
      const repo = memoryRepo();
      await seed(repo, SIX);
      const el = await board(repo);
      el.setAttribute('theme', theme);
      card(el, 'C').focus();
      await sendKeys({ press: 'Space' });
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      const canvas = systemColour('Canvas');
      const highlight = systemColour('Highlight');
      const marker = column(el, 'Lead').querySelector('[part="drop-marker"]')!;
      expect(style(marker).backgroundColor).to.equal(highlight);
      expect(contrast(style(marker).backgroundColor, canvas)).to.be.at.least(3);
      expect(style(column(el, 'Lead')).outlineColor).to.equal(highlight);
      // The grip's dots are a gradient, which forced colours would drop.
      const grip = card(el, 'A').querySelector('.grip')!;
      expect(style(grip).backgroundImage).to.include('radial-gradient');
      expect(style(column(el, 'Won').querySelector('header')!).borderTopWidth).to.equal('3px');
    });

    it(`<sales-workspace theme="${theme}"> on a ${palette} palette: the selected tab stands out`, async () => {
      await forcedColors(true, palette);
      const el = await fixture<SalesWorkspace>(
        html`<sales-workspace
          lang="en"
          theme=${theme}
          pipeline=${PIPELINE}
          .repository=${createMemoryRepository()}
        ></sales-workspace>`,
      );
      await el.updateComplete;
      const [selected, other] = [
        ...el.shadowRoot!.querySelectorAll('[role="tab"]'),
      ] as HTMLElement[];
      expect(selected!.getAttribute('aria-selected')).to.equal('true');
      expect(style(selected!).backgroundColor).to.equal(systemColour('Highlight'));
      expect(style(selected!).color).to.equal(systemColour('HighlightText'));
      expect(style(other!).backgroundColor).to.not.equal(style(selected!).backgroundColor);
      expect(contrast(style(selected!).color, style(selected!).backgroundColor)).to.be.at.least(
        4.5,
      );
    });

    it(`<sales-simulator theme="${theme}"> on a ${palette} palette: tornado and band in the palette`, async () => {
      await forcedColors(true, palette);
      const el = await fixture<SalesSimulator>(
        html`<sales-simulator lang="en" theme=${theme}></sales-simulator>`,
      );
      await el.updateComplete;
      const canvas = systemColour('Canvas');
      const shadow = el.shadowRoot!;
      const texts = [...shadow.querySelectorAll('.tornado text')];
      expect(texts.length).to.be.greaterThan(4);
      for (const t of texts) {
        expect(contrast(style(t).fill, canvas), t.textContent!).to.be.at.least(4.5);
      }
      for (const up of shadow.querySelectorAll('.tornado .up')) {
        expect(contrast(style(up).fill, canvas)).to.be.at.least(3);
      }
      // A worse value is an outline, not another colour.
      for (const down of shadow.querySelectorAll('.tornado .down')) {
        expect(style(down).fill).to.equal(canvas);
        expect(contrast(style(down).stroke, canvas)).to.be.at.least(3);
      }
      const track = shadow.querySelector('.band-bar .track')!;
      expect(contrast(style(track).stroke, canvas)).to.be.at.least(3);
      const range = shadow.querySelector('.band-bar .range')!;
      expect(contrast(style(range).fill, canvas)).to.be.at.least(3);
      expect(style(shadow.querySelector('.band-bar .mean')!).stroke).to.equal(
        systemColour('Highlight'),
      );
    });
  }
});
