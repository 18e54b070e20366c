import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { deleteDB } from 'idb';
import '../../../src/elements/sales-workspace/define.js';
import type { SalesForecast } from '../../../src/elements/sales-forecast/sales-forecast.js';
import type { SalesFunnel } from '../../../src/elements/sales-funnel/sales-funnel.js';
import type { SalesPipeline } from '../../../src/elements/sales-pipeline/sales-pipeline.js';
import type { SalesSimulator } from '../../../src/elements/sales-simulator/sales-simulator.js';
import type { SalesWorkspace } from '../../../src/elements/sales-workspace/sales-workspace.js';
import { WORKSPACE_TABS, type WorkspaceTab } from '../../../src/elements/sales-workspace/events.js';
import type { SalesErrorEvent } from '../../../src/elements/events.js';
import { createMemoryRepository } from '../../../src/store/memory-repository.js';
import type { SalesRepository } from '../../../src/store/repository.js';

const PIPELINE = 'ws';
const root = (el: SalesWorkspace) => el.shadowRoot!;
const tabs = (el: SalesWorkspace) => [...root(el).querySelectorAll<HTMLElement>('[role="tab"]')];
/** The tab of a view, by its place in the tab list. */
const tab = (el: SalesWorkspace, name: WorkspaceTab) => tabs(el)[WORKSPACE_TABS.indexOf(name)];
const panel = (el: SalesWorkspace, name: WorkspaceTab) =>
  [...root(el).querySelectorAll<HTMLElement>('[role="tabpanel"]')][WORKSPACE_TABS.indexOf(name)];
const selected = (el: SalesWorkspace) =>
  tabs(el)
    .filter((b) => b.getAttribute('aria-selected') === 'true')
    .map((b) => b.id);
const board = (el: SalesWorkspace) => root(el).querySelector<SalesPipeline>('sales-pipeline');
const funnel = (el: SalesWorkspace) => root(el).querySelector<SalesFunnel>('sales-funnel');
const simulator = (el: SalesWorkspace) => root(el).querySelector<SalesSimulator>('sales-simulator');
/** The one button that is not a tab. */
const sampleButton = (el: SalesWorkspace) =>
  root(el).querySelector<HTMLButtonElement>('button:not([role])')!;
const status = (el: SalesWorkspace) =>
  root(el).querySelector('[role="status"]')!.textContent!.trim();
/** The messages about bad input shown in place. */
const problems = (el: SalesWorkspace) =>
  [...root(el).querySelectorAll('[part~="error"]')].map((p) => p.textContent!.trim());

/** The funnel's hidden data table, as [stage, count] rows. */
const funnelRows = (f: SalesFunnel) =>
  [...f.shadowRoot!.querySelectorAll('tbody tr')].map((tr) =>
    [...tr.children].slice(0, 2).map((c) => c.textContent!.trim()),
  );
async function rowsBecome(f: SalesFunnel, rows: string[][]) {
  await waitUntil(
    () => JSON.stringify(funnelRows(f)) === JSON.stringify(rows),
    `funnel rows never became ${JSON.stringify(rows)}; last ${JSON.stringify(funnelRows(f))}`,
    { timeout: 4000 },
  );
}

/** Three stages; two deals in Lead, one in Offer. */
async function seed(repo: SalesRepository) {
  await repo.createPipeline({
    id: PIPELINE,
    name: 'Test',
    stages: [
      { id: 'lead', name: 'Lead', names: { en: 'Lead', es: 'Contacto' } },
      { id: 'offer', name: 'Offer', names: { en: 'Offer', es: 'Oferta' } },
      { id: 'deal', name: 'Negotiation', names: { en: 'Negotiation', es: 'Negociación' } },
    ],
  });
  const a = await repo.createDeal(PIPELINE, { title: 'Alpha', stageId: 'lead' });
  await repo.createDeal(PIPELINE, { title: 'Beta', stageId: 'lead' });
  await repo.createDeal(PIPELINE, { title: 'Gamma', stageId: 'offer' });
  return a;
}

async function workspace(repo: SalesRepository, attrs: { lang?: string; tab?: string } = {}) {
  const el = await fixture<SalesWorkspace>(
    html`<sales-workspace
      lang=${attrs.lang ?? 'en'}
      pipeline=${PIPELINE}
      tab=${attrs.tab ?? 'board'}
      .repository=${repo}
    ></sales-workspace>`,
  );
  await el.updateComplete;
  return el;
}

describe('<sales-workspace>', () => {
  it('is a WAI-ARIA tab list: roving tabindex, labelled panels, only the selected one shown', async () => {
    const el = await workspace(createMemoryRepository());
    expect(tabs(el).map((b) => b.textContent!.trim())).to.deep.equal([
      'Board',
      'Funnel',
      'Simulator',
      'Forecast',
    ]);
    expect(root(el).querySelector('[role="tablist"]')!.getAttribute('aria-label')).to.equal(
      'Pipeline views',
    );
    expect(selected(el)).to.deep.equal(['tab-board']);
    expect(tabs(el).map((b) => b.tabIndex)).to.deep.equal([0, -1, -1, -1]);
    for (const name of WORKSPACE_TABS) {
      expect(tab(el, name).getAttribute('aria-controls')).to.equal(`panel-${name}`);
      expect(panel(el, name).getAttribute('aria-labelledby')).to.equal(`tab-${name}`);
      expect(panel(el, name).hidden).to.equal(name !== 'board');
    }
  });

  it('moves between tabs with arrows (wrapping), Home and End, firing tab-changed', async () => {
    const el = await workspace(createMemoryRepository());
    tab(el, 'board').focus();
    const changes: string[] = [];
    el.addEventListener('tab-changed', (e) => changes.push(`${e.detail.previous}>${e.detail.tab}`));

    const steps: [string, WorkspaceTab][] = [
      ['ArrowRight', 'funnel'],
      ['ArrowRight', 'simulator'],
      ['ArrowRight', 'forecast'],
      ['ArrowRight', 'board'],
      ['ArrowLeft', 'forecast'],
      ['Home', 'board'],
      ['End', 'forecast'],
    ];
    for (const [key, expected] of steps) {
      await sendKeys({ press: key });
      await el.updateComplete;
      await el.updateComplete;
      expect(selected(el), key).to.deep.equal([`tab-${expected}`]);
      expect(el.getAttribute('tab'), key).to.equal(expected);
      expect(root(el).activeElement?.id, key).to.equal(`tab-${expected}`);
      expect(
        tabs(el).map((b) => b.tabIndex),
        key,
      ).to.deep.equal(tabs(el).map((b) => (b.id === `tab-${expected}` ? 0 : -1)));
      expect(panel(el, expected).hidden, key).to.equal(false);
    }
    expect(changes).to.deep.equal([
      'board>funnel',
      'funnel>simulator',
      'simulator>forecast',
      'forecast>board',
      'board>forecast',
      'forecast>board',
      'board>forecast',
    ]);
  });

  it('creates a view only when its tab is first shown, and keeps it afterwards', async () => {
    const el = await workspace(createMemoryRepository());
    expect(board(el)).to.exist;
    expect(funnel(el)).to.equal(null);
    expect(simulator(el)).to.equal(null);

    const changed = oneEvent(el, 'tab-changed');
    tab(el, 'simulator').click();
    expect((await changed).detail).to.deep.equal({ tab: 'simulator', previous: 'board' });
    await el.updateComplete;
    expect(simulator(el)).to.exist;
    expect(funnel(el), 'funnel never shown').to.equal(null);

    const sim = simulator(el);
    tab(el, 'board').click();
    await el.updateComplete;
    expect(simulator(el)).to.equal(sim);
    expect(panel(el, 'simulator').hidden).to.equal(true);
  });

  it('follows the tab attribute set from outside, without firing tab-changed', async () => {
    const el = await workspace(createMemoryRepository(), { tab: 'funnel' });
    expect(selected(el)).to.deep.equal(['tab-funnel']);
    expect(funnel(el)).to.exist;
    expect(board(el), 'board not shown yet').to.equal(null);
    let fired = 0;
    el.addEventListener('tab-changed', () => (fired += 1));
    el.setAttribute('tab', 'simulator');
    await el.updateComplete;
    expect(selected(el)).to.deep.equal(['tab-simulator']);
    expect(fired).to.equal(0);
  });

  it('shows a bad tab value in place, fires error and falls back to the board', async () => {
    const warn = console.warn;
    const warnings: unknown[] = [];
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const el = document.createElement('sales-workspace');
      el.repository = createMemoryRepository();
      el.setAttribute('tab', 'kanban');
      const error = oneEvent(el, 'error') as Promise<SalesErrorEvent>;
      document.body.append(el);
      const { detail } = await error;
      expect(detail.field).to.equal('tab');
      expect(detail.message).to.equal(
        'tab must be one of board, funnel, simulator, forecast, not “kanban”; board is used.',
      );
      await el.updateComplete;
      expect(problems(el)).to.deep.equal([detail.message]);
      expect(selected(el)).to.deep.equal(['tab-board']);
      expect(warnings).to.have.length(1);
      // Fixed, the message goes.
      el.setAttribute('tab', 'funnel');
      await el.updateComplete;
      expect(problems(el)).to.deep.equal([]);
      el.remove();
    } finally {
      console.warn = warn;
    }
  });

  it('shows a bad theme in place, fires error with its field and uses the system preference', async () => {
    const warn = console.warn;
    console.warn = () => undefined;
    try {
      const el = document.createElement('sales-workspace');
      el.lang = 'es';
      el.repository = createMemoryRepository();
      el.setAttribute('theme', 'sepia');
      const error = oneEvent(el, 'error') as Promise<SalesErrorEvent>;
      document.body.append(el);
      const { detail } = await error;
      expect(detail.field).to.equal('theme');
      expect(detail.message).to.contain('theme debe ser uno de estos valores: light, dark, auto');
      await el.updateComplete;
      expect(problems(el)).to.deep.equal([detail.message]);
      // The views are not given the bad value (each would report it again).
      expect(board(el)!.theme).to.equal(undefined);
      el.remove();
    } finally {
      console.warn = warn;
    }
  });

  it('gives its repository to all three views through context: a deal moved on the board changes the funnel', async () => {
    const repo = createMemoryRepository();
    const alpha = await seed(repo);
    const el = await workspace(repo);
    const b = board(el)!;
    await waitUntil(
      () => b.shadowRoot!.querySelector('.card[data-deal]'),
      'board never showed its deals',
    );
    // Not handed down: provided.
    expect(b.repository).to.equal(undefined);

    tab(el, 'funnel').click();
    await el.updateComplete;
    const f = funnel(el)!;
    expect(f.repository).to.equal(undefined);
    expect(f.pipeline).to.equal(PIPELINE);
    await f.updateComplete;
    // Reached: Lead 3 (all), Offer 1, Negotiation 0; none won yet.
    expect(funnelRows(f)).to.deep.equal([
      ['Lead', '3'],
      ['Offer', '1'],
      ['Negotiation', '0'],
      ['Won', '0'],
    ]);

    const moved = oneEvent(b, 'deal-moved');
    expect(await b.moveDeal(alpha.id, { stageId: 'deal' })).to.equal(true);
    await moved;
    await rowsBecome(f, [
      ['Lead', '3'],
      ['Offer', '2'],
      ['Negotiation', '1'],
      ['Won', '0'],
    ]);

    tab(el, 'simulator').click();
    await el.updateComplete;
    const sim = simulator(el)!;
    expect(sim.repository).to.equal(undefined);
    expect(sim.pipeline).to.equal(PIPELINE);
  });

  it('shows the deals of its repository property on every tab', async () => {
    const repo = createMemoryRepository();
    await seed(repo);
    // A won deal, so the simulator has a decided one to observe.
    const won = await repo.createDeal(PIPELINE, { title: 'Delta', stageId: 'offer' });
    await repo.setOutcome(won.id, 'won', { expectedVersion: won.version });
    const el = await workspace(repo);
    const b = board(el)!;
    await waitUntil(() => b.shadowRoot!.querySelectorAll('.card').length >= 3, 'board deals');
    const titles = [...b.shadowRoot!.querySelectorAll('.card')].map((c) => c.textContent!);
    for (const title of ['Alpha', 'Beta', 'Gamma']) {
      expect(
        titles.some((text) => text.includes(title)),
        title,
      ).to.equal(true);
    }

    tab(el, 'funnel').click();
    await el.updateComplete;
    await funnel(el)!.updateComplete;
    expect(funnelRows(funnel(el)!)).to.deep.equal([
      ['Lead', '4'],
      ['Offer', '2'],
      ['Negotiation', '1'],
      ['Won', '1'],
    ]);

    tab(el, 'simulator').click();
    await el.updateComplete;
    const sim = simulator(el)!;
    await sim.updateComplete;
    const note = sim.shadowRoot!.querySelector('[part~="calibration"]')?.textContent ?? '';
    expect(note).to.match(/Calibrated from pipeline “Test”/);
  });

  it('gives the database to its views, sharing the page repository for that database, and hands the theme down', async () => {
    const name = `test-workspace-${Date.now().toString(36)}`;
    try {
      const el = await fixture<SalesWorkspace>(
        html`<sales-workspace
          lang="en"
          pipeline=${PIPELINE}
          database=${name}
          theme="dark"
        ></sales-workspace>`,
      );
      tab(el, 'funnel').click();
      await el.updateComplete;
      const b = board(el)!;
      const f = funnel(el)!;
      // Provided, not handed down: the views' own database stays theirs to set.
      expect(b.database).to.equal(undefined);
      expect(f.database).to.equal(undefined);
      expect(b.theme).to.equal('dark');
      expect(f.theme).to.equal('dark');
      // The sample, written through the workspace, reaches the funnel through that database.
      await el.loadSample({ deals: 40, now: Date.UTC(2026, 5, 30) });
      await waitUntil(() => funnelRows(f)[0]?.[1] === '40', JSON.stringify(funnelRows(f)), {
        timeout: 4000,
      });
      el.remove();
    } finally {
      await deleteDB(name);
    }
  });

  it('loads the sample pipeline: a few hundred deals, seen by the board, funnel and simulator', async () => {
    const repo = createMemoryRepository();
    const el = await workspace(repo);
    // A deal of the person's own survives the sample.
    await repo.ensurePipeline(PIPELINE, { name: 'Mine' });
    await repo.createDeal(PIPELINE, { title: 'My own deal' });

    sampleButton(el).click();
    await el.updateComplete;
    expect(sampleButton(el).disabled).to.equal(true);
    await waitUntil(() => status(el).startsWith('Sample pipeline loaded'), status(el), {
      timeout: 6000,
    });
    expect(status(el)).to.equal('Sample pipeline loaded: 300 deals over the last two quarters.');
    expect(sampleButton(el).disabled).to.equal(false);
    const deals = await repo.listDeals(PIPELINE);
    expect(deals).to.have.length(301);
    expect(deals.some((d) => d.title === 'My own deal')).to.equal(true);

    // Loading it again replaces the sample, not adds to it.
    expect(await el.loadSample()).to.equal(300);
    expect(await repo.listDeals(PIPELINE)).to.have.length(301);

    tab(el, 'funnel').click();
    await el.updateComplete;
    const f = funnel(el)!;
    await waitUntil(() => funnelRows(f)[0]?.[1] === '301', JSON.stringify(funnelRows(f)), {
      timeout: 4000,
    });

    tab(el, 'simulator').click();
    await el.updateComplete;
    const sim = simulator(el)!;
    await sim.updateComplete;
    const note = sim.shadowRoot!.querySelector('[part~="calibration"]')?.textContent ?? '';
    expect(note).to.match(/Calibrated from pipeline/);
  });

  it('says in place when the sample cannot be stored, and fires error', async () => {
    const repo = createMemoryRepository();
    const failing: SalesRepository = Object.create(repo) as SalesRepository;
    failing.loadSample = () => Promise.reject(new Error('Quota exceeded'));
    const el = await workspace(failing);
    const error = oneEvent(el, 'error') as Promise<SalesErrorEvent>;
    const warn = console.warn;
    console.warn = () => undefined;
    try {
      sampleButton(el).click();
      const { detail } = await error;
      expect(detail.field).to.equal('pipeline');
      expect(detail.message).to.equal('The sample pipeline could not be loaded: Quota exceeded');
      await el.updateComplete;
      expect(status(el)).to.equal(detail.message);
      expect(await repo.listDeals(PIPELINE)).to.have.length(0);
    } finally {
      console.warn = warn;
    }
  });

  it('hides the sample button with no-sample', async () => {
    const el = await fixture<SalesWorkspace>(
      html`<sales-workspace no-sample .repository=${createMemoryRepository()}></sales-workspace>`,
    );
    expect(root(el).querySelector('.sample')).to.equal(null);
  });

  it('shows one sample button: the board inside does not offer its own', async () => {
    const el = await fixture<SalesWorkspace>(
      html`<sales-workspace .repository=${createMemoryRepository()}></sales-workspace>`,
    );
    expect(root(el).querySelector('.sample')).to.not.equal(null);
    const board = root(el).querySelector('sales-pipeline')!;
    expect(board.hasAttribute('no-sample')).to.equal(true);
  });

  it('speaks Spanish from the nearest lang, in its tabs and in its views', async () => {
    const repo = createMemoryRepository();
    await seed(repo);
    const wrapper = await fixture<HTMLElement>(
      html`<div lang="es">
        <sales-workspace pipeline=${PIPELINE} tab="funnel" .repository=${repo}></sales-workspace>
      </div>`,
    );
    const el = wrapper.querySelector('sales-workspace')!;
    await el.updateComplete;
    expect(tabs(el).map((b) => b.textContent!.trim())).to.deep.equal([
      'Tablero',
      'Embudo',
      'Simulador',
      'Previsión',
    ]);
    expect(sampleButton(el).textContent!.trim()).to.equal('Cargar flujo de ventas de ejemplo');
    await rowsBecome(funnel(el)!, [
      ['Contacto', '3'],
      ['Oferta', '1'],
      ['Negociación', '0'],
      ['Ganadas', '0'],
    ]);
    wrapper.setAttribute('lang', 'en');
    await waitUntil(() => tab(el, 'board').textContent!.trim() === 'Board', 'never re-worded');
  });

  for (const lang of ['en', 'es'] as const) {
    it(`shows on its Funnel tab the conversion the simulator states for each stage, and a Won band (${lang})`, async () => {
      const repo = createMemoryRepository();
      const el = await workspace(repo, { lang, tab: 'funnel' });
      await el.loadSample();
      const f = funnel(el)!;
      await f.updateComplete;
      const rows = [...f.shadowRoot!.querySelectorAll('tbody tr')].map((tr) =>
        [...tr.children].map((c) => c.textContent!.trim()),
      );
      tab(el, 'simulator').click();
      await el.updateComplete;
      const sim = simulator(el)!;
      await sim.updateComplete;
      // What the simulator says under each stage's rate: "Observed: 62 of 94 decided deals went
      // on (66 %)", the description of the stage's slider.
      const observed = [...sim.shadowRoot!.querySelectorAll('input[type="range"]')].map(
        (slider) =>
          sim.shadowRoot!.getElementById(slider.getAttribute('aria-describedby') ?? '')
            ?.textContent ?? '',
      );
      expect(observed.length).to.be.greaterThan(2);
      expect(rows).to.have.length(observed.length + 1);
      const numbers = (m: RegExpExecArray | null, text: string) => {
        expect(m, text).to.not.equal(null);
        return m!.slice(1, 4).map((x) => Number(x.replace(',', '.')));
      };
      // Row i + 1 of the funnel says how many of the deals decided in stage i went on.
      observed.forEach((line, i) => {
        const cell = rows[i + 1][3];
        const [won, of, said] = numbers(
          /(\d+) (?:of|de) (\d+)\D*\(([\d.,]+)\s?%\)$/.exec(line),
          line,
        );
        const [shown, cellWon, cellOf] = numbers(
          /^([\d.,]+)\s?% \((\d+) (?:of|de) (\d+)\)$/.exec(cell),
          cell,
        );
        expect([cellWon, cellOf], `${line} / ${cell}`).to.deep.equal([won, of]);
        expect(Math.abs(shown - said), `${line} / ${cell}`).to.be.at.most(0.5);
        expect(Math.abs(shown - (100 * won) / of), cell).to.be.at.most(0.5);
      });
      const deals = await repo.listDeals(PIPELINE);
      const wonDeals = deals.filter((d) => d.outcome === 'won').length;
      expect(wonDeals).to.be.greaterThan(0);
      expect(rows.at(-1)!.slice(0, 2)).to.deep.equal([
        lang === 'en' ? 'Won' : 'Ganadas',
        String(wonDeals),
      ]);
    });
  }

  it('is accessible on every tab, with the sample loaded', async () => {
    const repo = createMemoryRepository();
    const el = await workspace(repo);
    await el.loadSample({ deals: 60, now: Date.UTC(2026, 5, 30) });
    // The forecast tab has its own test below: each stays within the default timeout.
    for (const name of WORKSPACE_TABS.filter((t) => t !== 'forecast')) {
      tab(el, name).click();
      await el.updateComplete;
      if (name === 'board') {
        const b = board(el)!;
        await waitUntil(
          () => b.shadowRoot!.querySelector('.card[data-deal]'),
          'board never showed deals',
        );
      }
      if (name === 'simulator') await simulator(el)!.updateComplete;
      await expect(el, name).to.be.accessible();
    }
  });
});

describe('<sales-workspace> forecast tab', () => {
  it('shows the pipeline’s forecast, accessibly, with the sample loaded', async () => {
    const repo = createMemoryRepository();
    const el = await workspace(repo, { tab: 'forecast' });
    await el.loadSample({ deals: 60, now: Date.UTC(2026, 5, 30) });
    const f = root(el).querySelector<SalesForecast>('sales-forecast')!;
    expect(f.getAttribute('pipeline')).to.equal(PIPELINE);
    await f.updateComplete;
    expect(f.shadowRoot!.querySelectorAll('table')).to.have.length(3);
    await expect(el).to.be.accessible();
  });
});

describe('<sales-workspace> on a hostile page', () => {
  it('stays inside its container with "* { all: unset }" on the page', async () => {
    const hostile = document.createElement('style');
    hostile.textContent = '* { all: unset; }';
    document.head.append(hostile);
    try {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div style="display: block; width: 320px">
          <sales-workspace lang="en" .repository=${createMemoryRepository()}></sales-workspace>
        </div>`,
      );
      const el = wrapper.querySelector<SalesWorkspace>('sales-workspace')!;
      await el.updateComplete;
      const outer = wrapper.getBoundingClientRect();
      const base = root(el).querySelector('.base')!.getBoundingClientRect();
      expect(base.width).to.be.greaterThan(0);
      expect(base.right).to.be.at.most(outer.right + 0.5);
    } finally {
      hostile.remove();
    }
  });
});
