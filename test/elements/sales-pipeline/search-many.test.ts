import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { buildColumns } from '../../../src/elements/sales-pipeline/model/board-model.js';
import type { SalesPipeline } from '../../../src/elements/sales-pipeline/sales-pipeline.js';
import type { SearchRequest } from '../../../src/elements/sales-pipeline/model/search-index.js';
import type { SalesRepository } from '../../../src/store/repository.js';
import {
  PIPELINE,
  board,
  countOf,
  headings,
  memoryRepo,
  seed,
  titlesIn,
  toolbarField,
} from './helpers.js';

/**
 * Typing in the search box of a board of 6,000 deals: the board shows what the naive filter
 * finds, column by column (counts and the cards in view), whether its search runs in its
 * worker (the matching done there: the page only asks) or, without workers, on the page's
 * thread, which says so in the console.
 */

const OWNERS = ['Ana Ruiz', 'Luis Ortega', 'Lucía Prieto'];
const STAGES = ['lead', 'offer', 'deal'];
const N = 6000;

async function manyDeals(): Promise<SalesRepository> {
  const repo = memoryRepo();
  await seed(repo);
  await repo.importDeals(
    PIPELINE,
    Array.from({ length: N }, (_, i) => ({
      title: `Deal ${i}`,
      company: `Company ${i % 70}`,
      owner: OWNERS[i % OWNERS.length],
      amount: 100 + (i % 13),
      stageId: STAGES[i % STAGES.length],
      createdAt: 1_700_000_000_000 + i * 1000,
    })),
  );
  return repo;
}

/** What the naive filter shows for `text`: each column's count and first titles. */
async function naive(repo: SalesRepository, el: SalesPipeline, text: string) {
  const pipeline = (await repo.getPipeline(PIPELINE))!;
  const deals = await repo.listDeals(PIPELINE);
  const filter = { text, owner: '', staleOnly: false, staleDays: 30, now: Date.now() };
  const names = { won: headings(el).at(-2)!, lost: headings(el).at(-1)! };
  return buildColumns(pipeline, deals, filter, 'en', names).map((c) => ({
    heading: c.name,
    count: c.count,
    first: c.deals.slice(0, 3).map((d) => d.title),
  }));
}

const shown = (el: SalesPipeline) =>
  headings(el).map((heading) => ({
    heading,
    count: Number(countOf(el, heading).replace(/\D/g, '')),
    first: titlesIn(el, heading).slice(0, 3),
  }));

/** Types `text` a key at a time, checking the board against the naive filter after each. */
async function typeAndCheck(repo: SalesRepository, el: SalesPipeline, text: string) {
  toolbarField(el, 'Search').focus();
  for (let i = 1; i <= text.length; i++) {
    await sendKeys({ type: text[i - 1] });
    await el.updateComplete;
    expect(shown(el), text.slice(0, i)).to.deep.equal(await naive(repo, el, text.slice(0, i)));
  }
}

describe('board search at many deals', () => {
  const realWorker = window.Worker;
  const realInfo = console.info;
  let notes: string[] = [];
  let queries: string[] = [];

  beforeEach(() => {
    notes = [];
    queries = [];
    console.info = (...args: unknown[]) => notes.push(args.join(' '));
    // The real worker, with the queries the page asks of it seen on their way.
    class SeenWorker extends realWorker {}
    const post = realWorker.prototype.postMessage as (this: Worker, ...args: unknown[]) => void;
    Object.defineProperty(SeenWorker.prototype, 'postMessage', {
      value(this: Worker, message: SearchRequest, ...rest: unknown[]) {
        if (message.kind === 'query') queries.push(message.query.words.join(' '));
        post.call(this, message, ...rest);
      },
    });
    window.Worker = SeenWorker;
  });

  afterEach(() => {
    window.Worker = realWorker;
    console.info = realInfo;
  });

  it('searches in its worker: the naive filter’s columns, each keystroke one query', async function () {
    this.timeout(30_000);
    const repo = await manyDeals();
    const el = await board(repo);
    expect(countOf(el, 'Lead')).to.equal('2,000 deals');
    queries = [];
    await typeAndCheck(repo, el, 'lucía 12');
    // The space adds no word: no query of its own.
    expect(queries).to.deep.equal(['l', 'lu', 'luc', 'luci', 'lucia', 'lucia 1', 'lucia 12']);
    expect(notes).to.deep.equal([]);
  });

  it('shows each answer in the card elements already in view: no card built or moved, none left over', async function () {
    this.timeout(30_000);
    const repo = await manyDeals();
    const el = await board(repo);
    const cards = () => [...el.shadowRoot!.querySelectorAll('li.card')];
    const before = new Set(cards());
    const dealOf = new Map(cards().map((c) => [c, c.getAttribute('data-deal')]));
    expect(before.size).to.be.greaterThan(10);
    // Cards built: elements put in that were not there before; moved: put in again (which the
    // browser styles and lays out anew, as a new one).
    let built = 0;
    let moved = 0;
    const seen = new MutationObserver((records) => {
      for (const r of records) {
        for (const n of r.addedNodes) {
          if (n instanceof HTMLLIElement) {
            if (before.has(n)) moved++;
            else built++;
          }
        }
      }
    });
    seen.observe(el.shadowRoot!, { childList: true, subtree: true });
    toolbarField(el, 'Search').focus();
    // "Company 7" (both words, anywhere) leaves out most cards in view: the elements show the
    // deals that come instead, as the naive filter finds them.
    await typeAndCheck(repo, el, 'company 7');
    seen.disconnect();
    expect(built).to.equal(0);
    expect(moved).to.equal(0);
    expect(cards().every((c) => before.has(c))).to.equal(true);
    const reused = cards().filter((c) => c.getAttribute('data-deal') !== dealOf.get(c));
    expect(reused.length).to.be.greaterThan(10);
  });

  it('shows an answer in the cards in view first, the rest of each window in the next frame', async function () {
    this.timeout(30_000);
    const repo = await manyDeals();
    const el = await board(repo);
    const root = el.shadowRoot!;
    const cards = () => [...root.querySelectorAll<HTMLElement>('li.card')];
    const window = cards().length;
    // The rows a list shows (any part of them), from its height and a row's.
    const list = root.querySelector<HTMLElement>('.list')!;
    const [first, second] = list.querySelectorAll<HTMLElement>('li.card');
    const inView = Math.ceil(list.clientHeight / (second.offsetTop - first.offsetTop));
    const columns = root.querySelectorAll('.list').length;
    expect(window).to.be.greaterThan(inView * columns);
    // Each batch of changes the board makes: the cards that show another deal, or came.
    const batches: number[] = [];
    const seen = new MutationObserver((records) => {
      const changed = new Set<Node>();
      for (const r of records) {
        if (r.type === 'attributes' && r.target instanceof HTMLLIElement) changed.add(r.target);
        for (const n of r.addedNodes) if (n instanceof HTMLLIElement) changed.add(n);
      }
      if (changed.size) batches.push(changed.size);
    });
    seen.observe(root, { subtree: true, childList: true, attributeFilter: ['data-deal'] });
    // "Company 7" leaves out most cards in every window: each shows other deals.
    const search = toolbarField(el, 'Search');
    search.value = 'company 7';
    search.dispatchEvent(new Event('input'));
    await el.updateComplete;
    seen.disconnect();
    // The answer's first render: no more cards than those in view (it was the whole window).
    expect(batches[0]).to.be.at.most(inView * columns);
    expect(batches.length).to.be.greaterThan(1);
    // Then every window whole, as the naive filter finds it.
    expect(cards().length).to.equal(window);
    expect(shown(el)).to.deep.equal(await naive(repo, el, 'company 7'));
    const pipeline = (await repo.getPipeline(PIPELINE))!;
    const filter = {
      text: 'company 7',
      owner: '',
      staleOnly: false,
      staleDays: 30,
      now: Date.now(),
    };
    const names = { won: headings(el).at(-2)!, lost: headings(el).at(-1)! };
    for (const col of buildColumns(pipeline, await repo.listDeals(PIPELINE), filter, 'en', names)) {
      const titles = titlesIn(el, col.name);
      expect(titles).to.deep.equal(col.deals.slice(0, titles.length).map((d) => d.title));
    }
  });

  it('says it is loading, not an empty board, until its worker first answers', async function () {
    this.timeout(30_000);
    const repo = await manyDeals();
    // A worker that takes the deals and the query and never answers.
    const posted: string[] = [];
    class SilentWorker extends EventTarget {
      postMessage(message: SearchRequest): void {
        posted.push(message.kind);
      }
      terminate(): void {}
    }
    window.Worker = SilentWorker as unknown as typeof Worker;
    const parent = await fixture<HTMLDivElement>(html`<div></div>`);
    const el = document.createElement('sales-pipeline');
    el.setAttribute('pipeline', PIPELINE);
    el.setAttribute('lang', 'en');
    el.repository = repo;
    parent.append(el);
    // The deals are read and the board has asked its worker for the columns.
    await waitUntil(() => posted.includes('query'), 'the board asked its worker', {
      timeout: 20_000,
    });
    expect(el.shadowRoot!.textContent).to.include('Loading the pipeline…');
    expect(headings(el)).to.deep.equal([]);
  });

  it('without workers, searches on the page’s thread with the same results, and says so', async function () {
    this.timeout(30_000);
    (window as { Worker?: unknown }).Worker = undefined;
    const repo = await manyDeals();
    const el = await board(repo);
    await typeAndCheck(repo, el, 'lucía 12');
    expect(queries).to.deep.equal([]);
    expect(notes).to.have.length(1);
    expect(notes[0]).to.match(/search runs on the page's thread/);
  });
});
