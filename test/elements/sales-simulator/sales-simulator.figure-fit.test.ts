import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { getPreset } from '../../../src/model/presets.js';
import { make } from './fixtures.js';
import { figure } from './queries.js';

/*
 * Every headline figure stays inside its card, in both languages, at the widths a page, a
 * laptop and a projector give: "155,5 mil €" (2,000 leads, in Spanish) ran into the next card.
 */

const WIDTHS = [320, 768, 1024, 1280, 1920];
const scenario = { ...getPreset('pipeline-7')!.scenario, leads: 2000, costPerLead: 15 };

/** The figures whose text runs out of their card: "label value (card → text)". */
function overflowing(root: ShadowRoot): string[] {
  return [...root.querySelectorAll('[part="metric"]')].flatMap((card) => {
    const box = card.getBoundingClientRect();
    return [...card.querySelectorAll('dt, dd')].flatMap((text) => {
      const range = document.createRange();
      range.selectNodeContents(text);
      const ink = range.getBoundingClientRect();
      const inside =
        ink.left >= box.left &&
        ink.right <= box.right &&
        ink.top >= box.top &&
        ink.bottom <= box.bottom;
      const fits = text.scrollWidth <= text.clientWidth;
      return inside && fits
        ? []
        : [
            `${text.textContent!.trim()} (${Math.round(box.width)} px card, ${Math.round(ink.width)} px text)`,
          ];
    });
  });
}

describe('<sales-simulator> figures fit their cards', () => {
  after(() => setViewport({ width: 800, height: 600 }));

  for (const presenting of [false, true]) {
    for (const lang of ['es', 'en']) {
      it(`in ${lang}${presenting ? ', presenting' : ''}, at ${WIDTHS.join(', ')} px`, async () => {
        for (const width of WIDTHS) {
          await setViewport({ width, height: 900 });
          const el = await make({ lang, scenario, presenting, trials: 200 });
          // 2,000 leads: "155,5 mil €" in Spanish, "€155.5K" in English.
          const revenue = figure(el, lang === 'es' ? 'Ingresos' : 'Revenue').value;
          expect(revenue).to.equal(lang === 'es' ? '155,5 mil €' : '€155.5K');
          expect(overflowing(el.shadowRoot!), `${width} px`).to.deep.equal([]);
        }
      });
    }
  }
});
