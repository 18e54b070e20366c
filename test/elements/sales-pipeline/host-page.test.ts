import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { SalesPipeline } from '../../../src/elements/sales-pipeline/sales-pipeline.js';
import { PIPELINE, board, card, column, memoryRepo, root, seed } from './helpers.js';

// What the page around the board may and may not do to it.

const button = (el: SalesPipeline, text: string) =>
  [...root(el).querySelectorAll('button')].find((b) => b.textContent!.trim() === text);

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
    column: box(column(el, 'lead')),
    list: column(el, 'lead').querySelector('.list')!.getBoundingClientRect().height,
  };
}

describe('<sales-pipeline> on a hostile page', () => {
  let hostile: HTMLStyleElement | undefined;
  afterEach(() => hostile?.remove());

  it('keeps its cards and columns the same size under "* { all: unset }" and page button colours', async () => {
    const repo = memoryRepo();
    await seed(repo, [{ title: 'Alpha', stageId: 'lead' }]);
    const el = await board(repo);
    const before = sizes(el);
    // The card row the windowing counts on (104px card + 8px gap).
    expect(before.card[1]).to.equal(104);

    hostile = document.createElement('style');
    hostile.textContent = '* { all: unset } button { color: rgb(255, 0, 0) !important }';
    document.head.append(hostile);
    await el.updateComplete;
    expect(getComputedStyle(el).boxSizing, 'the page does reach the host').to.equal('content-box');
    expect(sizes(el)).to.deep.equal(before);
    const add = button(el, 'Add deal')!;
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
    await waitUntil(() => root(el).querySelector('.board'), 'board never rendered');
    expect(el.noSample).to.equal(true);
    expect(button(el, 'Load sample pipeline')).to.equal(undefined);
    expect(button(el, 'Export JSON')).to.not.equal(undefined);

    el.removeAttribute('no-sample');
    await el.updateComplete;
    expect(button(el, 'Load sample pipeline')).to.not.equal(undefined);
    el.noSample = true;
    await el.updateComplete;
    expect(el.hasAttribute('no-sample')).to.equal(true);
    expect(button(el, 'Load sample pipeline')).to.equal(undefined);
  });

  it('shows the button by default', async () => {
    const repo = memoryRepo();
    await seed(repo);
    const el = await board(repo);
    expect(el.noSample).to.equal(false);
    expect(button(el, 'Load sample pipeline')).to.not.equal(undefined);
  });
});
