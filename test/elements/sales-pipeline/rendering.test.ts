import { expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { SalesPipeline } from '../../../src/elements/sales-pipeline/sales-pipeline.js';
import { CARD_ROW_HEIGHT } from '../../../src/elements/sales-pipeline/model/windowing.js';
import {
  DAY,
  PIPELINE,
  THREE,
  board,
  boardWith,
  card,
  cardsIn,
  column,
  countOf,
  hasButton,
  headings,
  memoryRepo,
  root,
  seed,
  titlesIn,
  toolbarField,
  totalsOf,
  SIX,
} from './helpers.js';

// What the board shows: its columns, their totals, the cards in view and the filters.

describe('<sales-pipeline> columns and cards', () => {
  it('shows a column per stage plus won and lost, with count, total and weighted total', async () => {
    const { el } = await boardWith(THREE);
    expect(headings(el)).to.deep.equal(['Lead', 'Offer', 'Negotiation', 'Won', 'Lost']);
    expect(countOf(el, 'Offer')).to.equal('2 deals');
    // 2000 + 4000 = 6000; weighted at 50 %: 3000.
    expect(totalsOf(el, 'Offer')).to.deep.equal(['€6,000', '€3,000']);
    expect(titlesIn(el, 'Lead')).to.deep.equal(['Alpha']);
    const alpha = card(el, 'Alpha');
    expect(alpha.textContent).to.include('Acme').and.include('€1,000').and.include('Ana');
    expect(alpha.textContent).to.include('0 d in stage');
  });

  it('marks deals that waited longer than stale-days', async () => {
    const repo = memoryRepo();
    await seed(repo, [{ title: 'Old', createdAt: Date.now() - 40 * DAY }, { title: 'New' }]);
    const el = await board(repo, 'en', 30);
    expect(card(el, 'Old').getAttribute('part')).to.equal('card card-stale');
    // Short on a stale card (the stale mark must fit beside a close date), full in its tooltip.
    const days = card(el, 'Old').querySelector<HTMLElement>('[title]')!;
    expect(days.textContent!.replace(/\s+/g, ' ').trim()).to.equal('40 d · stale');
    expect(days.title).to.equal('40 d in stage');
    expect(card(el, 'New').getAttribute('part')).to.equal('card');
  });

  it('shows each column in stored rank order, new deals on top', async () => {
    const { el } = await boardWith(SIX);
    expect(titlesIn(el, 'Lead')).to.deep.equal(['D', 'C', 'B', 'A']);
    expect(titlesIn(el, 'Offer')).to.deep.equal(['Y', 'X']);
  });

  it('filters by text, owner and staleness', async () => {
    const { el } = await boardWith([
      ...THREE,
      { title: 'Delta', owner: 'Luis', createdAt: Date.now() - 60 * DAY },
    ]);
    const search = toolbarField(el, 'Search');
    search.focus();
    await sendKeys({ type: 'acme' });
    await el.updateComplete;
    expect(titlesIn(el)).to.deep.equal(['Alpha']);
    expect(column(el, 'Offer').textContent).to.include('No deals match');
    search.value = '';
    search.dispatchEvent(new Event('input'));
    const owner = toolbarField<HTMLSelectElement>(el, 'Owner');
    owner.value = 'Ana';
    owner.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(titlesIn(el)).to.have.members(['Alpha', 'Gamma']);
    owner.value = '';
    owner.dispatchEvent(new Event('change'));
    toolbarField(el, 'Stale only').click();
    await el.updateComplete;
    expect(titlesIn(el)).to.deep.equal(['Delta']);
  });

  it('renders only a window of cards for 10,000 deals and follows the scroll', async () => {
    const repo = memoryRepo();
    await seed(repo);
    const deals = Array.from({ length: 10_000 }, (_, i) => ({
      title: `Deal ${i}`,
      amount: 10,
      stageId: i % 2 ? 'lead' : 'offer',
      createdAt: 1_700_000_000_000 + i * 1000,
    }));
    await repo.importDeals(PIPELINE, deals);
    const el = await board(repo);
    expect(cardsIn(el).length).to.be.greaterThan(2).and.lessThan(60);
    expect(countOf(el, 'Lead')).to.equal('5,000 deals');
    const first = cardsIn(el, 'Lead')[0]!;
    expect(first.getAttribute('aria-setsize')).to.equal('5000');
    expect(titlesIn(el, 'Lead')[0]).to.equal('Deal 9999');
    const list = column(el, 'Lead').querySelector('ul')!.parentElement!;
    list.scrollTop = 124 * 2500;
    list.dispatchEvent(new Event('scroll'));
    await el.updateComplete;
    const shown = cardsIn(el, 'Lead').map((c) => Number(c.getAttribute('aria-posinset')));
    expect(shown).to.include(2501);
    expect(cardsIn(el).length).to.be.lessThan(60);
  });

  it('renders as many cards as the column height holds, and follows a change of height', async () => {
    const repo = memoryRepo();
    await seed(repo);
    await repo.importDeals(
      PIPELINE,
      Array.from({ length: 200 }, (_, i) => ({ title: `Deal ${i}`, stageId: 'lead' })),
    );
    const el = await fixture<SalesPipeline>(
      html`<sales-pipeline
        pipeline=${PIPELINE}
        .repository=${repo}
        style="--sales-pipeline-column-height: 1344px"
      ></sales-pipeline>`,
    );
    const list = column(el, 'Lead').querySelector('ul')!.parentElement!;
    const rendered = () => cardsIn(el, 'Lead').length;
    // A list of height h shows ⌈h / 124⌉ + 1 rows, plus 3 more below for smooth scrolling.
    const expected = () => Math.ceil(list.clientHeight / CARD_ROW_HEIGHT) + 1 + 3;
    // The height is measured by a ResizeObserver, whose report asks for an update in a frame.
    const measured = () => waitUntil(() => rendered() === expected(), `${rendered()} rendered`);
    expect(list.clientHeight).to.be.greaterThan(1000);
    await measured();
    expect(rendered()).to.equal(expected());
    el.style.setProperty('--sales-pipeline-column-height', '300px');
    await nextFrame();
    await el.updateComplete;
    expect(list.clientHeight).to.be.lessThan(400);
    await measured();
    expect(rendered()).to.be.lessThan(10);
  });
});

describe('<sales-pipeline template>', () => {
  it('starts a new pipeline with the stages of the template', async () => {
    const repo = memoryRepo();
    const el = await fixture<SalesPipeline>(
      html`<sales-pipeline
        pipeline="fresh"
        template="three-processes"
        .repository=${repo}
      ></sales-pipeline>`,
    );
    expect(headings(el)).to.deep.equal(['Lead generation', 'Conversion', 'Won', 'Lost']);
    const stored = await repo.getPipeline('fresh');
    expect(stored!.stages.map((s) => s.name)).to.deep.equal(['Lead generation', 'Conversion']);
  });

  it('leaves the stages of an existing pipeline alone, and uses the 7-stage one by default', async () => {
    const repo = memoryRepo();
    await seed(repo, THREE);
    const kept = await fixture<SalesPipeline>(
      html`<sales-pipeline pipeline=${PIPELINE} template="ecommerce" .repository=${repo}>
      </sales-pipeline>`,
    );
    expect(headings(kept)).to.deep.equal(['Lead', 'Offer', 'Negotiation', 'Won', 'Lost']);
    const plain = await fixture<SalesPipeline>(
      html`<sales-pipeline pipeline="plain" .repository=${repo}></sales-pipeline>`,
    );
    expect(headings(plain)[0]).to.equal('Prospecting');
    expect(plain.template).to.equal(undefined);
  });

  it('takes the template and currency as properties set before the board is attached', async () => {
    const repo = memoryRepo();
    const el = document.createElement('sales-pipeline');
    el.repository = repo;
    el.pipeline = 'early';
    el.template = 'saas-b2b';
    el.currency = 'usd';
    const parent = await fixture<HTMLDivElement>(html`<div lang="en"></div>`);
    parent.append(el);
    await el.updateComplete;
    expect(headings(el).slice(0, 4)).to.deep.equal(['Lead', 'MQL', 'SQL', 'Opportunity']);
    expect((await repo.getPipeline('early'))!.currency).to.equal('USD');
    expect(totalsOf(el, 'Lead')).to.deep.equal(['$0', '$0']);
  });
});

// What the page around the board may and may not do to it.
interface Sizes {
  card: [number, number];
  column: [number, number];
  list: number;
}

function sizes(el: SalesPipeline): Sizes {
  const box = (node: Element): [number, number] => {
    const r = node.getBoundingClientRect();
    return [r.width, r.height];
  };
  return {
    card: box(card(el, 'Alpha')),
    column: box(column(el, 'Lead')),
    list: column(el, 'Lead').querySelector('ul')!.parentElement!.getBoundingClientRect().height,
  };
}

describe('<sales-pipeline> on a hostile page', () => {
  let hostile: HTMLStyleElement | undefined;
  afterEach(() => hostile?.remove());

  it('keeps its cards and columns the same size under "* { all: unset }" and page button colours', async () => {
    const { el } = await boardWith([{ title: 'Alpha', stageId: 'lead' }]);
    const before = sizes(el);
    // The card row the windowing counts on (116px card + 8px gap).
    expect(before.card[1]).to.equal(116);

    hostile = document.createElement('style');
    hostile.textContent = '* { all: unset } button { color: rgb(255, 0, 0) !important }';
    document.head.append(hostile);
    await el.updateComplete;
    expect(getComputedStyle(el).boxSizing, 'the page does reach the host').to.equal('content-box');
    expect(sizes(el)).to.deep.equal(before);
    const add = [...root(el).querySelectorAll('button')].find(
      (b) => b.textContent!.trim() === 'Add deal',
    )!;
    expect(getComputedStyle(add).color).to.not.equal('rgb(255, 0, 0)');
    expect(getComputedStyle(card(el, 'Alpha')).boxSizing).to.equal('border-box');
  });
});

describe('<sales-pipeline no-sample>', () => {
  it('hides the "Load sample pipeline" button, and shows it again without the attribute', async () => {
    const repo = memoryRepo();
    await seed(repo);
    const el = await fixture<SalesPipeline>(
      html`<sales-pipeline pipeline=${PIPELINE} lang="en" no-sample .repository=${repo}>
      </sales-pipeline>`,
    );
    expect(el.noSample).to.equal(true);
    expect(hasButton(el, 'Load sample pipeline')).to.equal(false);
    expect(hasButton(el, 'Export JSON')).to.equal(true);

    el.removeAttribute('no-sample');
    await el.updateComplete;
    expect(hasButton(el, 'Load sample pipeline')).to.equal(true);
    el.noSample = true;
    await el.updateComplete;
    expect(el.hasAttribute('no-sample')).to.equal(true);
    expect(hasButton(el, 'Load sample pipeline')).to.equal(false);
  });

  it('shows the button by default', async () => {
    const { el } = await boardWith([]);
    expect(el.noSample).to.equal(false);
    expect(hasButton(el, 'Load sample pipeline')).to.equal(true);
  });
});
