import { expect } from '@open-wc/testing';
import { SIMULATOR_STRINGS } from '../../../src/elements/sales-simulator/strings.js';
import { make, SCENARIO } from './fixtures.js';
import { byRole, columns, fold, rows } from './queries.js';

// The tornado's text alternative: every number it draws, "better" and "worse", is in the
// ranking table under a heading that says which, in English and Spanish.

describe('<sales-simulator> tornado text alternative', () => {
  for (const lang of ['en', 'es'] as const) {
    it(`carries both sides of every bar in the table (${lang})`, async () => {
      const s = SIMULATOR_STRINGS[lang];
      const el = await make({ lang, scenario: SCENARIO });
      const tornado = el.shadowRoot!.querySelector('svg.tornado')!;
      expect(tornado.getAttribute('role')).to.equal('img');
      expect(tornado.getAttribute('aria-label')).to.not.equal('');
      const drawn = [...tornado.querySelectorAll('.row')].map((row) => {
        const [down, up] = [...row.querySelectorAll('.value')].map((v) => fold(v.textContent));
        return [fold(row.querySelector('.lever')!.textContent), up, down];
      });
      const table = byRole(el, 'table', s.rankingTitle);
      const heads = columns(table);
      const [lever, better, worse] = [s.colLever, s.colWon, s.colWorse].map((h) =>
        heads.indexOf(h),
      );
      expect(
        [lever, better, worse].every((i) => i >= 0),
        heads.join(' | '),
      ).to.equal(true);
      const listed = rows(table).map((r) => [r[lever]!, r[better]!, r[worse]!]);
      expect(drawn.length).to.be.greaterThan(2);
      expect(listed).to.have.deep.members(drawn);
    });
  }
});
