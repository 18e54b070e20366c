import { expect } from '@open-wc/testing';
import type { SalesPipeline } from '../../../src/elements/sales-pipeline/sales-pipeline.js';
import {
  PIPELINE,
  boardWith,
  button,
  catchDownloads,
  noticeTexts,
  root,
  titlesIn,
} from './helpers.js';

// The import step driven as a person drives it: choose a file, read what the board recognised,
// change a column and a stage by their labels, answer a question, check, choose, download.

const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/** Chooses `file` in the toolbar's file input, as the browser's file picker does. */
async function choose(el: SalesPipeline, file: File): Promise<void> {
  const input = root(el).querySelector<HTMLInputElement>('input[type="file"]')!;
  const files = new DataTransfer();
  files.items.add(file);
  input.files = files.files;
  input.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

const step = (el: SalesPipeline) =>
  root(el).querySelector<HTMLElement>('section[aria-labelledby="import-step-title"]');

/** A select or input of the step by its accessible name (its aria-label, or its label's text). */
function control<T extends HTMLElement>(el: SalesPipeline, name: string): T {
  const scope = step(el)!;
  const byAria = scope.querySelector<T>(`[aria-label="${name}"]`);
  if (byAria) return byAria;
  const label = [...scope.querySelectorAll('label')].find((l) =>
    squash(l.textContent).startsWith(name),
  );
  const found = label?.querySelector<T>('select, input');
  if (!found) throw new Error(`no control “${name}”`);
  return found;
}

function pick(select: HTMLSelectElement, optionText: string): void {
  const option = [...select.options].find((o) => squash(o.textContent) === optionText);
  if (!option)
    throw new Error(
      `no option “${optionText}” in ${[...select.options].map((o) => o.text).join(', ')}`,
    );
  select.value = option.value;
  select.dispatchEvent(new Event('change'));
}

const HUBSPOT = [
  'Record ID,Deal Name,Deal Stage,Amount,Close Date,Deal Owner,Associated Company,Pipeline',
  '1,Acme renewal,Appointment Scheduled,"1,500.50",03/04/2026,Ana,Acme,Sales',
  '2,Bolt rollout,Qualified To Buy,800,05/06/2026,Luis,Bolt,Sales',
  '3,Core pilot,Closed Won,300,07/08/2026,Ana,Core,Sales',
].join('\r\n');

describe('<sales-pipeline> import step', () => {
  it('maps a HubSpot export: columns, stages by label, the date question, then imports with history', async () => {
    const { repo, el } = await boardWith([]);
    await choose(el, new File([HUBSPOT], 'hubspot.csv', { type: 'text/csv' }));
    expect(squash(step(el)!.textContent)).to.include('Recognised as a HubSpot export: 3 rows.');
    expect(squash(step(el)!.textContent)).to.include('Not imported: Pipeline.');
    expect(control<HTMLSelectElement>(el, 'Column “Deal Owner”').selectedOptions[0]!.text).to.equal(
      'Owner',
    );
    // Nothing is written before the person says so.
    expect(await repo.listDeals(PIPELINE)).to.have.length(0);

    pick(control(el, 'Stage “Appointment Scheduled”'), 'Lead');
    pick(control(el, 'Stage “Qualified To Buy”'), 'Offer');
    await el.updateComplete;
    expect(control<HTMLSelectElement>(el, 'Stage “Closed Won”').selectedOptions[0]!.text).to.equal(
      'Won',
    );
    // 03/04, 05/06, 07/08: no value tells day/month from month/day, so the board asks.
    const question = step(el)!.querySelector('fieldset.import-question')!;
    expect(squash(question.querySelector('legend')!.textContent)).to.equal(
      '“Close Date”: is 03/04/2026 day/month or month/day?',
    );
    button(el, 'Check and import').click();
    await el.updateComplete;
    expect(squash(step(el)!.querySelector('[role="alert"]')!.textContent)).to.equal(
      'Answer the questions above first.',
    );
    const monthDay = [...question.querySelectorAll('label')].find(
      (l) => squash(l.textContent) === 'Month/day',
    )!;
    monthDay.querySelector('input')!.click();
    await el.updateComplete;
    const preview = [...step(el)!.querySelectorAll('table.import-preview tbody tr')].map((tr) =>
      [...tr.children].map((c) => squash(c.textContent)),
    );
    expect(preview[0]).to.deep.equal([
      '2',
      'Acme renewal',
      'Acme',
      '€1,500.50',
      'Lead',
      '2026-03-04',
      'Ana',
    ]);
    await expect(el).to.be.accessible();

    button(el, 'Check and import').click();
    await el.updateComplete;
    expect(squash(root(el).querySelector('.import-result')!.textContent)).to.include(
      'hubspot.csv: 3 added, 0 updated, 0 unchanged.',
    );
    expect(titlesIn(el, 'Lead')).to.deep.equal(['Acme renewal']);
    expect(titlesIn(el, 'Won')).to.deep.equal(['Core pilot']);
    const stored = await repo.listDeals(PIPELINE);
    expect(stored.find((d) => d.title === 'Bolt rollout')).to.deep.include({
      stageId: 'offer',
      sourceId: '2',
      owner: 'Luis',
      company: 'Bolt',
      expectedClose: '2026-05-06',
    });

    // The same export again: updated in place, and the stages are remembered for this source.
    await choose(el, new File([HUBSPOT.replace('"1,500.50"', '1600')], 'hubspot.csv'));
    expect(
      control<HTMLSelectElement>(el, 'Stage “Qualified To Buy”').selectedOptions[0]!.text,
    ).to.equal('Offer');
    monthDayOf(el).click();
    await el.updateComplete;
    button(el, 'Check and import').click();
    await el.updateComplete;
    expect(squash(root(el).querySelector('.import-result')!.textContent)).to.include(
      '0 added, 1 updated, 2 unchanged.',
    );
    expect(await repo.listDeals(PIPELINE)).to.have.length(3);
  });

  it('offers the valid rows and the report of the bad ones, and refuses a Windows-1252 file until told', async () => {
    const downloads = catchDownloads();
    try {
      const { repo, el } = await boardWith([]);
      const latin =
        'Title;Company;Amount\r\nUno;Compañía Ibérica;100\r\nDos;Bolt;12x\r\n\r\nTres;Core;5\r\n';
      await choose(
        el,
        new File([new Uint8Array([...latin].map((c) => c.charCodeAt(0)))], 'latin.csv'),
      );
      expect(squash(step(el)!.querySelector('[role="alert"]')!.textContent)).to.equal(
        'This file is not UTF-8; it looks like Windows-1252. Its first line with accents reads: “Uno;Compañía Ibérica;100”. Import it as Windows-1252?',
      );
      button(el, 'Import as Windows-1252').click();
      await el.updateComplete;
      button(el, 'Check and import').click();
      await el.updateComplete;
      const choice = root(el).querySelector('.import-choice')!;
      expect(squash(choice.textContent)).to.include('2 rows can be imported; 1 cannot:');
      expect(squash(choice.querySelector('li')!.textContent)).to.equal(
        'Row 3: Amount is not a number: “12x”',
      );
      expect(await repo.listDeals(PIPELINE)).to.have.length(0);
      button(el, 'Import the 2 valid rows and skip the 1 bad ones').click();
      await el.updateComplete;
      expect((await repo.listDeals(PIPELINE)).map((d) => d.company).sort()).to.deep.equal([
        'Compañía Ibérica',
        'Core',
      ]);
      button(el, 'Download the 1 rows not imported').click();
      const file = await downloads.files[0]!;
      expect(file.name).to.equal('latin-not-imported.csv');
      expect(file.text.split('\r\n')[1]).to.equal(
        'Dos;Bolt;12x;3;Amount;Amount is not a number: “12x”',
      );
    } finally {
      downloads.restore();
    }
  });

  it('refuses a file over the limit before reading it, with its size and the limit', async () => {
    const { el } = await boardWith([]);
    const big = new File([''], 'big.csv');
    Object.defineProperty(big, 'size', { value: 60 * 1024 * 1024 });
    await choose(el, big);
    expect(noticeTexts(el).join(' ')).to.include(
      'The file is 60.0 MB; the import limit is 50.0 MB.',
    );
    expect(step(el)).to.equal(null);
  });
});

function monthDayOf(el: SalesPipeline): HTMLInputElement {
  const label = [...step(el)!.querySelectorAll('fieldset.import-question label')].find(
    (l) => squash(l.textContent) === 'Month/day',
  )!;
  return label.querySelector('input')!;
}
