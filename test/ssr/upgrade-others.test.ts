// Hydration support patches LitElement as Lit loads, so it comes before anything importing Lit.
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import { expect } from '@open-wc/testing';
import { deleteDB } from 'idb';
import type { LitElement } from 'lit';
import { consoleProblems, serverRender } from './client.js';

// The elements a server renders only a placeholder for, on a page that hydrates (so Lit's
// hydration support is loaded): each shows its base part and some text before it is defined,
// then upgrades without an error, its first render in place of the placeholder (one base
// part, none of the server's markers left).

const DB = 'ssr-upgrade-others';
const TAGS = {
  'sales-pipeline': `<sales-pipeline no-sample database="${DB}"></sales-pipeline>`,
  'sales-simulator': '<sales-simulator></sales-simulator>',
  'sales-workspace': `<sales-workspace no-sample database="${DB}"></sales-workspace>`,
  'sales-forecast': `<sales-forecast database="${DB}"></sales-forecast>`,
};
type Tag = keyof typeof TAGS;
const tags = Object.keys(TAGS) as Tag[];

const bases = (el: Element) => [...el.shadowRoot!.querySelectorAll('[part~="base"]')];
/** The comments of a root's tree: a server's `lit-part` markers until the browser renders. */
const serverMarkers = (root: ShadowRoot) => {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_COMMENT);
  let n = 0;
  while (walker.nextNode())
    if (/^\/?lit-(part|node)/.test((walker.currentNode as Comment).data)) n++;
  return n;
};

const els = new Map<Tag, LitElement>();
const seenBefore = new Map<
  Tag,
  { defined: boolean; bases: number; text: string; height: number }
>();
let problems: ReturnType<typeof consoleProblems>;

// A server render in Node and four elements' modules: slow on a loaded machine, not stuck.
before(async function () {
  this.timeout(60_000);
  const page = document.createElement('div');
  document.body.append(page);
  page.setHTMLUnsafe(await serverRender(tags.map((t) => TAGS[t]).join('')));
  for (const tag of tags) {
    const el = page.querySelector(tag) as LitElement;
    els.set(tag, el);
    const base = el.shadowRoot?.querySelector<HTMLElement>('[part~="base"]');
    seenBefore.set(tag, {
      defined: customElements.get(tag) !== undefined,
      bases: el.shadowRoot ? bases(el).length : 0,
      text: base?.innerText.trim() ?? '',
      height: base?.getBoundingClientRect().height ?? 0,
    });
  }
  problems = consoleProblems();
  await Promise.all([
    import('../../src/elements/sales-pipeline/define.js'),
    import('../../src/elements/sales-simulator/define.js'),
    import('../../src/elements/sales-workspace/define.js'),
    import('../../src/elements/sales-forecast/define.js'),
  ]);
  await Promise.all([...els.values()].map((el) => el.updateComplete));
});

after(async () => {
  problems.restore();
  document.body.replaceChildren();
  await deleteDB(DB);
});

describe('the elements a server renders a placeholder for', () => {
  for (const tag of tags) {
    it(`<${tag}> shows its base part and some text before it is defined`, () => {
      const b = seenBefore.get(tag)!;
      expect(b.defined).to.equal(false);
      expect(b.bases).to.equal(1);
      expect(b.text).to.match(/\p{L}{3,}/u);
      expect(b.height).to.be.greaterThan(0);
    });

    it(`<${tag}> upgrades in place of the placeholder`, () => {
      const el = els.get(tag)!;
      expect(el.hasUpdated).to.equal(true);
      expect(bases(el)).to.have.length(1);
      expect(serverMarkers(el.shadowRoot!)).to.equal(0);
      expect(el.shadowRoot!.querySelector('style'), 'the server’s styles, now adopted').to.equal(
        null,
      );
      expect((bases(el)[0] as HTMLElement).innerText.trim()).to.match(/\p{L}{3,}/u);
    });
  }

  it('upgrade with no error or warning on the console', () => {
    expect(problems.seen).to.deep.equal([]);
  });
});
