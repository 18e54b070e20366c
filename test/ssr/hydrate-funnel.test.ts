// Hydration support patches LitElement as Lit loads, so it comes before anything importing Lit.
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import { expect, nextFrame } from '@open-wc/testing';
import type { SalesFunnel } from '../../src/elements/sales-funnel/sales-funnel.js';
import { SCENARIO } from '../elements/sales-funnel/scenarios.js';
import { consoleProblems, serverRender, shadowSnapshot } from './client.js';

// <sales-funnel> rendered by the `sales-funnel/server` entry under @lit-labs/ssr, parsed by the
// browser as a page would be, shown before the element is defined, then hydrated: Lit adopts
// the server's nodes (no mismatch, nothing re-created, no frame without the chart) and the
// chart then shows what a browser alone renders for the same input, and stays live.

const LONG = JSON.stringify([
  { name: 'Inbound marketing qualified leads', value: 1200 },
  { name: 'Discovery calls held', value: 480 },
  { name: 'Proposals sent to procurement', value: 130 },
  { name: 'Won', value: 61 },
]);

/**
 * Each case as a page writes it: 600 px wide (the server lays out at 480) and in a font other
 * than the DejaVu Sans the server estimates with, so hydration meets other widths than the
 * server's; one takes its language from an ancestor, which a server does not see.
 */
const CASES = {
  stages: `<sales-funnel stages='${LONG}'></sales-funnel>`,
  'stages, Spanish from an ancestor': `<div lang="es"><sales-funnel stages='${LONG}'></sales-funnel></div>`,
  preset: `<sales-funnel preset="saas-b2b" shape="curved"></sales-funnel>`,
  'scenario, in Spanish': `<sales-funnel lang="es" scenario='${JSON.stringify(SCENARIO)}'></sales-funnel>`,
  'stages, exportable': `<sales-funnel exportable stages='${LONG}'></sales-funnel>`,
};
type Case = keyof typeof CASES;
const names = Object.keys(CASES) as Case[];
const frame = (markup: string) =>
  `<div class="case" style="inline-size: 600px; --sales-funnel-font: 'Liberation Sans Narrow'">${markup}</div>`;

const funnelIn = (box: Element) => box.querySelector('sales-funnel') as SalesFunnel;
const root = (el: Element) => el.shadowRoot!;
const bands = (el: Element) => [...root(el).querySelectorAll<SVGPathElement>('[part~="stage"]')];
const rowNames = (el: Element) =>
  [...root(el).querySelectorAll('table tbody th')].map((th) => th.textContent!.trim());
const labels = (el: Element) =>
  [...root(el).querySelectorAll('[part~="label"]')].map((t) =>
    t.textContent!.replace(/\s+/g, ' ').trim(),
  );

interface Before {
  defined: boolean;
  bandBoxes: { width: number; height: number }[];
  fills: string[];
  rows: string[];
  labels: string[];
  bands: SVGPathElement[];
  table: Element | null;
  /** The export menu and whether its styles are there (it is laid out in the chart's corner). */
  menu: Element | null;
  menuStyled: boolean;
}

const menuStyled = (el: Element) => {
  const menu = root(el).querySelector('details');
  return !!menu && getComputedStyle(menu).position === 'relative';
};

const served = new Map<Case, Element>();
const seenBefore = new Map<Case, Before>();
const removed = new Map<Case, Node[]>();
let problems: ReturnType<typeof consoleProblems>;

// A server render in Node and the element's modules: slow on a loaded machine, not stuck.
before(async function () {
  this.timeout(60_000);
  const html = await serverRender(names.map((n) => frame(CASES[n])).join(''));
  const page = document.createElement('div');
  document.body.append(page);
  // Parsed as a page's HTML is: declarative shadow roots attach while parsing.
  page.setHTMLUnsafe(html);
  const boxes = [...page.querySelectorAll('.case')];
  names.forEach((name, i) => {
    const el = funnelIn(boxes[i]);
    served.set(name, el);
    seenBefore.set(name, {
      defined: customElements.get('sales-funnel') !== undefined,
      bandBoxes: bands(el).map((b) => b.getBoundingClientRect()),
      fills: bands(el).map((b) => getComputedStyle(b).fill),
      rows: rowNames(el),
      labels: labels(el),
      bands: bands(el),
      table: root(el).querySelector('table'),
      menu: root(el).querySelector('details'),
      menuStyled: menuStyled(el),
    });
    const gone: Node[] = [];
    removed.set(name, gone);
    new MutationObserver((records) => {
      for (const r of records) gone.push(...r.removedNodes);
    }).observe(root(el), { childList: true, subtree: true });
  });
  problems = consoleProblems();
  await import('../../src/elements/sales-funnel/define.js');
  await settle([...served.values()]);
});

after(() => problems.restore());

/** Each funnel drawn and laid out for its box (the first resize observation lays it out again). */
async function settle(els: Element[]) {
  for (let i = 0; i < 2; i++) {
    await Promise.all(els.map((el) => (el as SalesFunnel).updateComplete));
    await nextFrame();
    await nextFrame();
  }
}

describe('<sales-funnel> rendered on a server, then hydrated', () => {
  it('shows its chart, labels and table before the element is defined', () => {
    for (const name of names) {
      const b = seenBefore.get(name)!;
      expect(b.defined, name).to.equal(false);
      expect(b.bandBoxes.length, name).to.be.greaterThan(2);
      for (const box of b.bandBoxes) {
        expect(box.width, name).to.be.greaterThan(10);
        expect(box.height, name).to.be.greaterThan(5);
      }
      // The bands' shades, from the first stage's colour to the last's, are written by the server.
      expect(new Set(b.fills).size, `${name}: ${b.fills.join(' ')}`).to.equal(b.fills.length);
      expect(b.rows.length, name).to.equal(b.bandBoxes.length);
      expect(b.labels.join(' '), name).to.match(/\p{L}{3,}.*\d/u);
    }
    expect(seenBefore.get('stages')!.rows).to.deep.equal(
      JSON.parse(LONG).map((s: { name: string }) => s.name),
    );
    expect(seenBefore.get('scenario, in Spanish')!.rows).to.deep.equal([
      'Contact',
      'Demo',
      'Close',
    ]);
  });

  it('serves the export menu with its styles, and hydrates it in place', () => {
    const b = seenBefore.get('stages, exportable')!;
    expect(b.menu?.querySelector('summary')?.textContent).to.contain('Export');
    expect(b.menuStyled).to.equal(true);
    const el = served.get('stages, exportable')!;
    expect(root(el).querySelector('details') === b.menu).to.equal(true);
    expect(menuStyled(el)).to.equal(true);
    expect(seenBefore.get('stages')!.menu).to.equal(null);
  });

  it('hydrates with no error or warning on the console', () => {
    expect(problems.seen).to.deep.equal([]);
  });

  it('keeps the server’s nodes: the same bands and table, nothing removed from the shadow root', () => {
    for (const name of names) {
      const el = served.get(name)!;
      const b = seenBefore.get(name)!;
      expect(bands(el), name).to.have.length(b.bands.length);
      bands(el).forEach((band, i) =>
        expect(band === b.bands[i], `${name}: band ${i}`).to.equal(true),
      );
      expect(root(el).querySelector('table') === b.table, name).to.equal(true);
      const elements = removed.get(name)!.filter((n) => n.nodeType === Node.ELEMENT_NODE);
      expect(
        elements.map((n) => (n as Element).localName),
        name,
      ).to.deep.equal([]);
    }
  });

  it('then shows what a browser alone renders for the same input and box', async () => {
    const page = document.createElement('div');
    document.body.append(page);
    // `innerHTML` attaches no declarative shadow root: these render in the browser only.
    page.innerHTML = names.map((n) => frame(CASES[n])).join('');
    const alone = [...page.querySelectorAll('.case')].map(funnelIn);
    await settle([...alone, ...served.values()]);
    names.forEach((name, i) => {
      expect(shadowSnapshot(root(served.get(name)!)), name).to.equal(
        shadowSnapshot(root(alone[i])),
      );
    });
    const spanish = root(served.get('stages, Spanish from an ancestor')!);
    expect(spanish.querySelector('thead th')!.textContent!.trim()).to.equal('Etapa');
    page.remove();
  });

  it('reacts to an attribute change after hydrating, on the same nodes', async () => {
    const el = served.get('stages')!;
    const first = bands(el);
    el.setAttribute(
      'stages',
      JSON.stringify([
        { name: 'Visitors', value: 9000 },
        { name: 'Sign-ups', value: 700 },
        { name: 'Trials', value: 210 },
        { name: 'Customers', value: 40 },
        { name: 'Renewals', value: 31 },
      ]),
    );
    await settle([el]);
    expect(rowNames(el)).to.deep.equal(['Visitors', 'Sign-ups', 'Trials', 'Customers', 'Renewals']);
    expect(labels(el)[0]).to.match(/^Visitors/);
    expect(bands(el)).to.have.length(5);
    first.forEach((band, i) => expect(bands(el)[i] === band, `band ${i}`).to.equal(true));
    expect(problems.seen).to.deep.equal([]);
  });
});
