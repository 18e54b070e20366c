import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../../src/elements/sales-forecast/define.js';
import type { SalesForecast } from '../../../src/elements/sales-forecast/sales-forecast.js';
import { createMemoryRepository } from '../../../src/store/memory-repository.js';
import type { SalesRepository } from '../../../src/store/repository.js';

const PIPELINE = 'fc';
const root = (el: SalesForecast) => el.shadowRoot!;
const text = (el: Element | ShadowRoot) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();
const headings = (el: SalesForecast) =>
  [...root(el).querySelectorAll('h2, h3, h4')].map((h) => text(h));
const goalInput = (el: SalesForecast) => root(el).querySelector<HTMLInputElement>('#goal')!;
const saveButton = (el: SalesForecast) =>
  root(el).querySelector<HTMLButtonElement>('form.goal button')!;
const tables = (el: SalesForecast) =>
  [...root(el).querySelectorAll('table')].map((t) => ({
    caption: text(t.querySelector('caption')!),
    rows: [...t.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.children].map((c) => text(c)).filter((c) => c !== ''),
    ),
  }));

async function sampleRepository(): Promise<SalesRepository> {
  const repo = createMemoryRepository();
  await repo.ensurePipeline(PIPELINE, { name: 'Sample' });
  await repo.loadSample(PIPELINE, { lang: 'en' });
  return repo;
}

async function shown(repo: SalesRepository, lang = 'en'): Promise<SalesForecast> {
  const el = await fixture<SalesForecast>(
    html`<sales-forecast lang=${lang} pipeline=${PIPELINE} .repository=${repo}></sales-forecast>`,
  );
  await el.updateComplete;
  return el;
}

async function typeGoal(el: SalesForecast, value: string) {
  goalInput(el).value = value;
  saveButton(el).click();
  await el.updateComplete;
}

/** Types into the goal field without saving: one input event. */
async function typing(el: SalesForecast, value: string) {
  goalInput(el).value = value;
  goalInput(el).dispatchEvent(new Event('input', { bubbles: true }));
  await el.updateComplete;
}

/** What is shown beside the goal field: its live reading, and the message under it, if any. */
function goalShown(el: SalesForecast) {
  const [readsId, errorId] = goalInput(el).getAttribute('aria-describedby')!.split(' ');
  const of = (id: string) => text(root(el).getElementById(id!) ?? document.createElement('p'));
  return {
    reads: of(readsId!),
    error: of(errorId!),
    invalid: goalInput(el).getAttribute('aria-invalid'),
  };
}

describe('<sales-forecast>', () => {
  it('shows this quarter and the next as bands, each with its figures in a table', async () => {
    const el = await shown(await sampleRepository());
    const h = headings(el);
    expect(h[0]).to.equal('Forecast of the open deals');
    expect(h.some((x) => /^This quarter \(Q[1-4] \d{4}\)$/.test(x))).to.equal(true);
    expect(h.some((x) => /^Next quarter \(Q[1-4] \d{4}\)$/.test(x))).to.equal(true);
    const [quarters, months] = tables(el);
    expect(quarters.caption).to.match(/^Won revenue by quarter/);
    expect(quarters.rows).to.have.length(2);
    // Quarter, won so far, low, expected, high, chance ("—" without a goal).
    for (const row of quarters.rows) {
      expect(row).to.have.length(6);
      expect(row[5]).to.equal('—');
    }
    expect(months.rows).to.have.length(6);
    expect(text(root(el))).to.contain('Set a goal to see the chance of reaching it.');
    // Each band's sentence: expected and likely range.
    expect(text(root(el))).to.match(
      /Expected €[\d.,]+K?; likely between €[\d.,]+K? and €[\d.,]+K?/,
    );
    await expect(el).to.be.accessible();
  });

  /**
   * One large deal whose win is unlikely (a fresh pipeline's rates are 1 of 2 at each of its
   * stages) closing in three months, and a tiny one a month later: most outcomes win nothing in
   * those months, so their expected revenue lies above the high (p90, €0).
   */
  async function unlikelyDeals(): Promise<SalesRepository> {
    const repo = createMemoryRepository();
    await repo.ensurePipeline(PIPELINE, { name: 'Unlikely' });
    const today = new Date();
    const iso = (months: number) =>
      new Date(today.getFullYear(), today.getMonth() + months, 15).toLocaleDateString('sv');
    await repo.createDeal(PIPELINE, { title: 'Big', amount: 100000, expectedClose: iso(3) });
    await repo.createDeal(PIPELINE, { title: 'Tiny', amount: 5, expectedClose: iso(4) });
    return repo;
  }

  const monthName = (months: number, lang: string) => {
    const today = new Date();
    const name = new Date(today.getFullYear(), today.getMonth() + months, 1).toLocaleDateString(
      lang,
      { month: 'long', year: 'numeric' },
    );
    return name[0].toLocaleUpperCase(lang) + name.slice(1);
  };

  it('explains a month whose expected revenue lies above its high, and rounds tiny figures', async () => {
    const el = await shown(await unlikelyDeals());
    const months = tables(el)[1];
    // Month, low, expected (marked), high.
    const [, low, expected, high] = months.rows[3];
    expect([low, high]).to.deep.equal(['€0', '€0']);
    expect(expected, 'marked for its note').to.match(/^€[\d,]+\*$/);
    const amount = expected.slice(1, -1);
    expect(Number(amount.replace(/,/g, ''))).to.be.greaterThan(0);
    expect(months.rows[4].slice(1)).to.deep.equal(['€0', 'under €1', '€0']);
    const notes = [...root(el).querySelectorAll('.band-notes li')].map((li) => text(li));
    expect(notes).to.have.length(1);
    expect(notes[0]).to.match(
      new RegExp(
        `^\\* ${monthName(3, 'en')}: most likely nothing is won \\((\\d+(\\.\\d+)?)% chance of any win\\); the expected €${amount} is the average over every outcome\\.$`,
      ),
    );
    const chance = Number(/\((\d+(\.\d+)?)%/.exec(notes[0])![1]);
    expect(chance).to.be.within(0.1, 10);
    // The marked cell is described by its note.
    const cell = root(el).querySelector('table.months td[aria-describedby]')!;
    expect(text(root(el).getElementById(cell.getAttribute('aria-describedby')!)!)).to.equal(
      notes[0],
    );
    // Months are named as people name them, not 2026-12.
    expect(months.rows.map((r) => r[0])).to.deep.equal(
      [0, 1, 2, 3, 4, 5].map((m) => monthName(m, 'en')),
    );
    // The next quarter's band says the same beside its sentence.
    expect(text(root(el))).to.match(
      /Expected €[\d,]+; likely between €0 and €0 \* Q[1-4] \d{4}: most likely nothing is won/,
    );
    await expect(el).to.be.accessible();
  });

  it('explains it in Spanish too', async () => {
    const el = await shown(await unlikelyDeals(), 'es');
    const months = tables(el)[1];
    expect(months.rows[3][2]).to.match(/^[\d.]+ €\*$/);
    expect(months.rows[4].slice(1)).to.deep.equal(['0 €', 'menos de 1 €', '0 €']);
    const note = text(root(el).querySelector('.band-notes li')!);
    expect(note).to.match(
      new RegExp(
        `^\\* ${monthName(3, 'es')}: lo más probable es no ganar nada \\(\\d+(,\\d+)? % de probabilidad de alguna venta\\); los [\\d.]+ € esperados son la media de todos los resultados\\.$`,
      ),
    );
    expect(months.rows.map((r) => r[0])).to.deep.equal(
      [0, 1, 2, 3, 4, 5].map((m) => monthName(m, 'es')),
    ); // Quarters as Spanish names them (T for trimestre), not 2026-Q4.
    expect(headings(el).some((h) => /^Próximo trimestre \(T[1-4] \d{4}\)$/.test(h))).to.equal(true);
    expect(headings(el).some((h) => /^Desde que empezó el T[1-4] \d{4}$/.test(h))).to.equal(true);
  });

  it('stores a goal typed in the element with the pipeline and says the chance of reaching it', async () => {
    const repo = await sampleRepository();
    const el = await shown(repo);
    await typeGoal(el, '120000');
    expect((await repo.getPipeline(PIPELINE))!.goal).to.deep.equal({ revenue: 120000 });
    await el.updateComplete;
    const chance = text(root(el).querySelector('[part="chance"]')!);
    expect(chance).to.match(/^\d+(\.\d)?% chance of reaching €120K$/);
    const [quarters] = tables(el);
    expect(quarters.rows[0][5]).to.match(/^\d+(\.\d)?%$/);
    expect(text(root(el))).to.contain('Goal saved: €120,000 each quarter.');
    // A second element on the same pipeline reads the stored goal.
    const again = await shown(repo);
    expect(goalInput(again).value).to.equal('120000');
    await expect(el).to.be.accessible();
  });

  it('refuses a goal that is not an amount, saying so in place and firing error', async () => {
    const repo = await sampleRepository();
    const el = await shown(repo);
    const fired = oneEvent(el, 'error');
    await typeGoal(el, '12x');
    const { detail } = await fired;
    expect(detail.field).to.equal('goal');
    const alert = root(el).querySelector('[role="alert"]')!;
    expect(text(alert)).to.equal(
      'The goal must be an amount of money of 0 or more, such as 120000; "12x" is not.',
    );
    expect(goalInput(el).getAttribute('aria-invalid')).to.equal('true');
    expect((await repo.getPipeline(PIPELINE))!.goal).to.equal(undefined);
  });

  it('reads a goal typed the Spanish way and speaks Spanish', async () => {
    const repo = await sampleRepository();
    const el = await shown(repo, 'es');
    await typeGoal(el, '120.000');
    expect((await repo.getPipeline(PIPELINE))!.goal).to.deep.equal({ revenue: 120000 });
    await el.updateComplete;
    expect(headings(el)[0]).to.equal('Previsión de las oportunidades abiertas');
    expect(text(root(el).querySelector('[part="chance"]')!)).to.match(
      /^\d+(,\d)? % de probabilidad de alcanzar 120\s?mil €$/,
    );
  });

  it('reads the goal live as it is typed in English: "12,5k" is €12,500, "1.500" is refused as ambiguous', async () => {
    const repo = await sampleRepository();
    const el = await shown(repo);
    await typing(el, '12,5k');
    expect(goalShown(el)).to.deep.equal({ reads: '= €12,500', error: '', invalid: 'false' });
    await typeGoal(el, '12,5k');
    expect((await repo.getPipeline(PIPELINE))!.goal).to.deep.equal({ revenue: 12500 });

    await typeGoal(el, '1.500');
    expect(goalShown(el)).to.deep.equal({
      reads: '',
      error:
        'Goal: “1.500” could mean 1.5 or 1,500. Write 1.5 for the first or 1500 for the second.',
      invalid: 'true',
    });
    expect((await repo.getPipeline(PIPELINE))!.goal).to.deep.equal({ revenue: 12500 });
    // Fixed as it is typed: the message goes before Save.
    await typing(el, '1,500');
    expect(goalShown(el)).to.deep.equal({ reads: '= €1,500', error: '', invalid: 'false' });

    await typeGoal(el, '$120k');
    expect(goalShown(el).error).to.equal(
      'The goal is in EUR: "$120k" is written with $. Write it without the sign, or with the sign of EUR.',
    );
    expect((await repo.getPipeline(PIPELINE))!.goal).to.deep.equal({ revenue: 12500 });
    await expect(el).to.be.accessible();
  });

  it('reads the goal typed the Spanish way: "1.500,50" is 1500,50 €, "1,500" is refused as ambiguous', async () => {
    const repo = await sampleRepository();
    const el = await shown(repo, 'es');
    await typing(el, '1.500,50');
    expect(goalShown(el)).to.deep.equal({ reads: '= 1500,50 €', error: '', invalid: 'false' });
    await typeGoal(el, '1.500,50');
    expect((await repo.getPipeline(PIPELINE))!.goal).to.deep.equal({ revenue: 1500.5 });
    // Saved, the field shows the stored goal with its cents, not rounded to 1501.
    expect(goalInput(el).value).to.equal('1500,5');

    await typeGoal(el, '1,500');
    expect(goalShown(el)).to.deep.equal({
      reads: '',
      error:
        'Objetivo: «1,500» puede significar 1,5 o 1500. Escriba 1,5 para lo primero o 1500 para lo segundo.',
      invalid: 'true',
    });
    expect((await repo.getPipeline(PIPELINE))!.goal).to.deep.equal({ revenue: 1500.5 });
    await typing(el, '120 mil €');
    expect(goalShown(el)).to.deep.equal({ reads: '= 120.000 €', error: '', invalid: 'false' });
  });

  it('says what a what-if does to the chance and the band', async () => {
    const repo = await sampleRepository();
    await repo.updatePipeline(PIPELINE, { goal: { revenue: 120000 } });
    const el = await shown(repo);
    const select = root(el).querySelector<HTMLSelectElement>('#what-if-choice')!;
    expect(select.labels![0].textContent!.trim()).to.equal('Change');
    const options = [...select.options].map((o) => o.textContent!.trim());
    expect(options).to.include('We lose the largest deal');
    expect(options.filter((o) => o.endsWith('converted 5 points better'))).to.have.length(6);
    select.value = 'lose-largest';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    const result = text(root(el).querySelector('.what-if-result')!);
    expect(result).to.match(
      /^Then: \d+(\.\d)?% chance \(now \d+(\.\d)?%\); this quarter expected €[\d.,]+K?, likely between €[\d.,]+K? and €[\d.,]+K?\.$/,
    );
  });

  it('lets the person tick deals that slip and says what that does to this quarter', async () => {
    const repo = await sampleRepository();
    await repo.updatePipeline(PIPELINE, { goal: { revenue: 120000 } });
    const el = await shown(repo);
    const select = root(el).querySelector<HTMLSelectElement>('#what-if-choice')!;
    select.value = 'slip';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    const result = () => text(root(el).querySelector('.what-if-result')!);
    expect(result()).to.equal('Tick "Slips to next quarter" on the deals above first.');
    const box = root(el).querySelector<HTMLInputElement>('ul[aria-labelledby="top"] input')!;
    expect(box.labels![0].textContent!.trim()).to.equal('Slips to next quarter');
    box.click();
    await el.updateComplete;
    expect(result()).to.match(/^Then: \d+(\.\d)?% chance \(now \d+(\.\d)?%\)/);
  });

  it('follows the pipeline: a deal won elsewhere shows in what is won so far', async () => {
    const repo = await sampleRepository();
    const el = await shown(repo);
    const wonSoFar = () => tables(el)[0].rows[0][1];
    const before = wonSoFar();
    const deal = (await repo.listDeals(PIPELINE)).find((d) => d.outcome === 'open')!;
    await repo.updateDeal(deal.id, { amount: 987654 }, deal.version);
    const edited = (await repo.getDeal(deal.id))!;
    await repo.setOutcome(deal.id, 'won', { expectedVersion: edited.version });
    await el.updateComplete;
    expect(wonSoFar()).not.to.equal(before);
  });

  it('shows the movement since the quarter began, balancing to the deals open now', async () => {
    const repo = await sampleRepository();
    const el = await shown(repo);
    const movement = tables(el)[2];
    expect(movement.caption).to.match(/^Open deals at the start of the quarter and now/);
    expect(movement.rows.map((r) => r[0])).to.deep.equal([
      'Open at the start',
      '+ Created',
      '− Won',
      '− Lost',
      '+ Reopened',
      '= Open now',
      'Moved back to an earlier stage',
      'Slipped: open since before, now expected after the quarter',
    ]);
    const n = movement.rows.map((r) => Number(r[1].replace(/,/g, '')));
    expect(n[0] + n[1] - n[2] - n[3] + n[4]).to.equal(n[5]);
    const open = (await repo.listDeals(PIPELINE)).filter((d) => d.outcome === 'open');
    expect(n[5]).to.equal(open.length);
  });

  it('lists the deals with the largest expected value, each with amount × chance', async () => {
    const el = await shown(await sampleRepository());
    const top = root(el).querySelector('ul[aria-labelledby="top"]')!;
    const items = [...top.querySelectorAll('li')];
    expect(items).to.have.length(5);
    for (const li of items) expect(text(li)).to.match(/€[\d.,]+K? × \d+(\.\d)?% = €[\d.,]+K?/);
  });

  it('reports an unknown theme and keeps working', async () => {
    const repo = await sampleRepository();
    const el = document.createElement('sales-forecast');
    el.repository = repo;
    el.pipeline = PIPELINE;
    el.setAttribute('theme', 'sepia');
    const fired = oneEvent(el, 'error');
    document.body.append(el);
    const { detail } = await fired;
    expect(detail.field).to.equal('theme');
    await el.updateComplete;
    expect(tables(el)).to.have.length(3);
    el.remove();
  });
});
