import { expect } from '@open-wc/testing';
import type { SalesPipeline } from '../../../src/elements/sales-pipeline/sales-pipeline.js';
import { createMemoryRepository } from '../../../src/store/memory-repository.js';
import { PIPELINE, board, button, dialogOf, field, seed } from './helpers.js';

// The deal dialog refuses an amount the board cannot add up (over 10^15), naming the field,
// in the board's language; nothing is stored.

const fieldErrors = (el: SalesPipeline) =>
  [...dialogOf(el).querySelectorAll('[part="error"]')].map((e) => e.textContent);

describe('<sales-pipeline> deal dialog: amounts within bounds', () => {
  for (const [lang, title, amount, save, text] of [
    ['en', 'Title', 'Amount', 'Save', 'Amount can be at most 1,000,000,000,000,000.'],
    ['es', 'Título', 'Importe', 'Guardar', 'Importe puede ser como mucho 1.000.000.000.000.000.'],
  ] as const) {
    it(`refuses an amount over 10^15 and stores nothing (${lang})`, async () => {
      const repo = createMemoryRepository();
      await seed(repo);
      const el = await board(repo, lang);
      button(el, lang === 'en' ? 'Add deal' : 'Nueva oportunidad').click();
      await el.updateComplete;
      field(el, title).value = 'Huge';
      field(el, amount).value = '2000000000000000';
      button(el, save).click();
      await el.updateComplete;
      expect(fieldErrors(el)).to.deep.equal([text]);
      expect(field(el, amount).getAttribute('aria-invalid')).to.equal('true');
      expect(await repo.listDeals(PIPELINE)).to.deep.equal([]);

      field(el, amount).value = '1000000000000000';
      button(el, save).click();
      await el.updateComplete;
      expect(dialogOf(el).open).to.equal(false);
      expect((await repo.listDeals(PIPELINE)).map((d) => d.amount)).to.deep.equal([1e15]);
    });
  }
});
