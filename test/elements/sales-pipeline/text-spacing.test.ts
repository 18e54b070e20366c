import { expect, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { SalesPipeline } from '../../../src/elements/sales-pipeline/sales-pipeline.js';
import type { NewDeal } from '../../../src/store/repository.js';
import { boardWith, card, cardsIn, column, press, root, titleOf } from './helpers.js';

// WCAG 1.4.12 and 1.4.10: cards keep every line under a reader's text-spacing override, the
// windowed lists follow the taller cards, and a 320 px wide page does not scroll sideways.

/** The text-spacing override of WCAG 1.4.12 (as bookmarklets apply it), inside the board. */
function overrideTextSpacing(el: SalesPipeline): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
    word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }`);
  const shadow = root(el);
  shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
}

const lead = (count: number): NewDeal[] =>
  Array.from({ length: count }, (_, i) => ({
    title: `Deal ${i + 1}`,
    // Every other card without a company or an owner: its lines still hold their place.
    ...(i % 2 ? {} : { company: `Company ${i + 1}`, owner: 'Ana' }),
    amount: 1000 + i,
    expectedClose: '2031-06-30',
    stageId: 'lead',
  }));

/** Whether each line of `node` is at least a line high and nothing in it is clipped. */
function linesShown(node: HTMLElement): string[] {
  const problems: string[] = [];
  for (const line of node.querySelectorAll<HTMLElement>(':scope > p')) {
    const lineHeight = parseFloat(getComputedStyle(line).lineHeight);
    const { height } = line.getBoundingClientRect();
    if (height < lineHeight - 0.5) problems.push(`${line.className}: ${height} < ${lineHeight}`);
  }
  if (node.scrollHeight > node.clientHeight + 1) {
    problems.push(`clipped: ${node.scrollHeight} > ${node.clientHeight}`);
  }
  return problems;
}

describe('<sales-pipeline> under a text-spacing override', () => {
  it('shows every line of every card, the cards one under the other', async () => {
    const { el } = await boardWith(lead(6));
    overrideTextSpacing(el);
    await el.updateComplete;
    const cards = cardsIn(el, 'Lead');
    expect(cards.length).to.equal(6);
    for (const c of cards) expect(linesShown(c), titleOf(c)).to.deep.equal([]);
    // One height for all (with a company or without), and no card over another.
    const heights = new Set(cards.map((c) => Math.round(c.getBoundingClientRect().height)));
    expect(heights.size).to.equal(1);
    for (let i = 1; i < cards.length; i += 1) {
      const above = cards[i - 1]!.getBoundingClientRect();
      expect(cards[i]!.getBoundingClientRect().top).to.be.at.least(above.bottom);
    }
  });

  it('windows a long column by the taller rows: scrolled to the end, the last card shows whole', async () => {
    const { el } = await boardWith(lead(60));
    overrideTextSpacing(el);
    await waitUntil(() => linesShown(cardsIn(el, 'Lead')[0]!).length === 0);
    await waitUntil(async () => {
      const list = column(el, 'Lead').querySelector<HTMLElement>('.list')!;
      await el.updateComplete;
      // Measured again each time: the cards take the probe's height once it has been measured.
      const rowHeight =
        cardsIn(el, 'Lead')[1]!.getBoundingClientRect().top -
        cardsIn(el, 'Lead')[0]!.getBoundingClientRect().top;
      // The list is as long as 60 rows of the real height, not of the default one.
      return Math.abs(list.scrollHeight - 60 * rowHeight) <= 2;
    }, 'the windowed list follows the measured row height');
    // The keyboard goes to the last card and the column scrolls to show it.
    cardsIn(el, 'Lead')[0]!.focus();
    await press(el, 'End');
    const list = column(el, 'Lead').querySelector<HTMLElement>('.list')!.getBoundingClientRect();
    const last = card(el, 'Deal 1').getBoundingClientRect();
    expect(last.top).to.be.at.least(list.top - 1);
    expect(last.bottom).to.be.at.most(list.bottom + 1);
    expect(linesShown(card(el, 'Deal 1'))).to.deep.equal([]);
  });
});

describe('<sales-pipeline> at 320 CSS px (400 % zoom of 1280 px)', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('does not scroll the page sideways; the row of columns scrolls on its own', async () => {
    await setViewport({ width: 320, height: 256 });
    const { el } = await boardWith(lead(3));
    await el.updateComplete;
    const page = document.documentElement;
    expect(page.scrollWidth).to.be.at.most(page.clientWidth);
    expect(el.getBoundingClientRect().right).to.be.at.most(page.clientWidth);
    const board = root(el).querySelector<HTMLElement>('[part="board"]')!;
    expect(board.scrollWidth).to.be.greaterThan(board.clientWidth);
    // A column fits the screen, and so do its cards' lines.
    expect(column(el, 'Lead').getBoundingClientRect().width).to.be.at.most(page.clientWidth);
    expect(linesShown(card(el, 'Deal 1'))).to.deep.equal([]);
  });
});
