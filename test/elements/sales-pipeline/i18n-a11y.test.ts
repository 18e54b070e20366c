import { expect } from '@open-wc/testing';
import {
  THREE,
  boardWith,
  button,
  card,
  column,
  countOf,
  memoryRepo,
  noticeTexts,
  root,
  seed,
  totalsOf,
  boardWithAttributes,
  watching,
} from './helpers.js';

// Spanish and English, the host's own words, and what assistive technology gets.

describe('<sales-pipeline> languages and accessibility', () => {
  it('is accessible on the board', async () => {
    const { el } = await boardWith(THREE);
    await expect(el).to.be.accessible();
  });

  it('speaks Spanish with lang="es"', async () => {
    const { el } = await boardWith(THREE, 'es');
    expect(column(el, 'Ganadas')).to.exist;
    expect(countOf(el, 'Offer')).to.equal('2 oportunidades');
    expect(totalsOf(el, 'Offer').map((t) => t.replace(/\s/g, ' '))).to.deep.equal([
      '6000 €',
      '3000 €',
    ]);
    expect(noticeTexts(el).join(' ')).to.include('Sin guardar');
    expect(card(el, 'Alpha').textContent).to.include('0 d en la etapa');
    // A pipeline is a "flujo de ventas" on the board ("embudo" is the funnel chart's word).
    expect(root(el).querySelector('[role="region"]')!.getAttribute('aria-label')).to.equal(
      'Tablero del flujo de ventas',
    );
    expect(button(el, 'Cargar flujo de ventas de ejemplo')).to.exist;
  });

  it('says what is wrong with an attribute in Spanish, and once only when the language changes', async () => {
    const repo = memoryRepo();
    await seed(repo, THREE);
    const {
      value: el,
      errors,
      warnings,
    } = await boardWithAttributes(repo, { lang: 'es', currency: 'euros', 'stale-days': 'pronto' });
    expect(noticeTexts(el)).to.include.members([
      'stale-days debe ser un número de 0 a 3650, no «pronto». Se usa 30.',
      'currency debe ser un código ISO 4217 de tres letras, como EUR o USD; no «euros». Se usa EUR.',
    ]);
    expect(warnings).to.have.length(2);
    const later = await watching(async () => {
      el.lang = 'en';
      await el.updateComplete;
    });
    expect(later.warnings, 'the same problems, reworded, are not reported again').to.deep.equal([]);
    expect(noticeTexts(el)).to.include(
      'stale-days must be a number from 0 to 3,650, not “pronto”; 30 is used.',
    );
    expect(errors.map((e) => e.field).sort()).to.deep.equal(['currency', 'stale-days']);
  });

  it('takes host overrides of its strings', async () => {
    const { el } = await boardWith(THREE);
    el.strings = { won: 'Closed won' };
    await el.updateComplete;
    expect(column(el, 'Closed won')).to.exist;
  });

  it('names every button as a part, and every notice', async () => {
    const { el } = await boardWith(THREE);
    button(el, 'Edit stages').click();
    await el.updateComplete;
    const buttons = [...root(el).querySelectorAll('button')];
    expect(buttons.length).to.be.greaterThan(10);
    expect(buttons.filter((b) => !b.part.contains('button'))).to.deep.equal([]);
  });
});
