import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/sales-forecast/define.js';
import type { SalesForecast } from '../../src/elements/sales-forecast/sales-forecast.js';
import '../../src/elements/sales-funnel/define.js';
import type { SalesFunnel } from '../../src/elements/sales-funnel/sales-funnel.js';
import { clockAheadHistory } from '../analytics/clock-ahead.js';
import { createMemoryRepository } from '../../src/store/memory-repository.js';
import type { SalesRepository } from '../../src/store/repository.js';
import { caption, tableRows } from './sales-funnel/helpers.js';
import { make } from './sales-simulator/fixtures.js';
import { byRole, textOf } from './sales-simulator/queries.js';

// The device's clock was put a year ahead while 40 deals were won, then back: the funnel, the
// simulator (pipeline mode) and the forecast count the 40 as won, and all say, in the same
// words, that they were dated later.

async function clockWasAhead(): Promise<SalesRepository> {
  const now = Date.now();
  const repo = createMemoryRepository();
  const history = clockAheadHistory(now);
  await repo.importPipeline({
    format: 'sales-funnel/pipeline',
    formatVersion: 1,
    exportedAt: now,
    ...history,
  });
  return repo;
}

const NOTE =
  'Deals dated after now, saved while the device’s clock was ahead, count as of now: 40.';

describe('a clock put a year ahead and back', () => {
  it('the funnel counts the 40 deals won then as won, and says they were dated later', async () => {
    const repo = await clockWasAhead();
    const el = await fixture<SalesFunnel>(
      html`<sales-funnel lang="en" pipeline="p" .repository=${repo}></sales-funnel>`,
    );
    expect(tableRows(el).map((r) => r.slice(0, 2))).to.deep.equal([
      ['Lead', '40'],
      ['Offer', '40'],
      ['Won', '40'],
    ]);
    expect(caption(el)).to.include(NOTE);
  });

  it('the simulator calibrates from the same 40 decided deals instead of "no closed deals yet"', async () => {
    const repo = await clockWasAhead();
    const el = await make({
      lang: 'en',
      trials: 500,
      pipeline: 'p',
      repository: repo,
      scenario: null,
    });
    const note = textOf(byRole(el, 'note'));
    expect(note).to.match(/^Calibrated from pipeline “Sales”: 40 deals since /);
    expect(note).to.include(NOTE);
    expect(el.value.stages.map((s) => s.observed)).to.deep.equal([
      { won: 40, of: 40 },
      { won: 40, of: 40 },
    ]);
  });

  it('the forecast says, in the same words in both languages, that the 40 were dated later', async () => {
    const repo = await clockWasAhead();
    for (const [lang, note] of [
      ['en', NOTE],
      [
        'es',
        'Las oportunidades con fecha posterior a ahora, guardadas con el reloj del dispositivo adelantado, cuentan desde ahora: 40.',
      ],
    ] as const) {
      const el = await fixture<SalesForecast>(
        html`<sales-forecast lang=${lang} pipeline="p" .repository=${repo}></sales-forecast>`,
      );
      await el.updateComplete;
      const said = [...el.shadowRoot!.querySelectorAll('p')].map((p) =>
        p.textContent!.replace(/\s+/g, ' ').trim(),
      );
      expect(said).to.include(note);
    }
  });
});
