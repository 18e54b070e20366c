import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import type { SalesFunnel } from '../../../src/elements/sales-funnel/sales-funnel.js';
import { labelText, tableRows } from './helpers.js';

// A page's first `Intl.NumberFormat` costs ~17 ms in Chromium (ICU loading its data): about half
// of a funnel's first render. A chart of counts in English or Spanish writes its labels, its
// accessible names and its data table without one; the text is Intl's all the same.
const STAGES = [
  { name: 'Prospects', value: 12000 },
  { name: 'Contacted', value: 7200 },
  { name: 'Qualified', value: 3600 },
  { name: 'Offer', value: 2520 },
  { name: 'Won', value: 1386 },
  { name: 'Retained', value: 299 },
];

describe('<sales-funnel> first render without ICU', () => {
  afterEach(() => sinon.restore());

  for (const [lang, first, won] of [
    ['en', '12,000', '1.4K'],
    ['es', '12.000', '1,4 mil'],
  ] as const) {
    it(`builds no Intl.NumberFormat for a chart of counts (${lang})`, async () => {
      const built = sinon.spy(Intl, 'NumberFormat');
      const el = await fixture<SalesFunnel>(
        html`<sales-funnel lang=${lang} no-animation .stages=${STAGES}></sales-funnel>`,
      );
      await el.updateComplete;
      expect(built.callCount).to.equal(0);
      sinon.restore();
      const rows = tableRows(el);
      expect(rows[0]).to.include(first);
      expect(labelText(el).join(' | ')).to.include(won);
      // The same text Intl writes, for every figure shown.
      const all = rows.flat().join(' ');
      for (const value of STAGES.map((s) => s.value)) {
        expect(all).to.include(new Intl.NumberFormat(lang).format(value));
      }
    });
  }
});
