import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../../src/elements/sales-simulator/define.js';
import type { SalesSimulator } from '../../../src/elements/sales-simulator/sales-simulator.js';
import type { ErrorEventDetail } from '../../../src/elements/events.js';
import type { Scenario } from '../../../src/model/types.js';
import { parseScenario } from '../../../src/model/validate.js';
import { createMemoryRepository } from '../../../src/store/memory-repository.js';
import type { SalesRepository } from '../../../src/store/repository.js';

const SCENARIO: Scenario = {
  name: 'Q3 plan',
  leads: 1000,
  dealValue: 2500,
  currency: 'EUR',
  wonStage: 1,
  stages: [
    { name: 'Contact', rate: 0.6 },
    // Normalized: an observed rate is its posterior mean (won + 1) / (of + 2).
    { name: 'Close', rate: 6 / 22, observed: { won: 5, of: 20 } },
  ],
};

const root = (el: SalesSimulator) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: SalesSimulator, sel: string) =>
  root(el).querySelector<T>(sel)!;
const txt = (el: SalesSimulator, sel: string) =>
  ($(el, sel)?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function make(repo: SalesRepository, lang = 'en') {
  const el = await fixture<SalesSimulator>(
    html`<sales-simulator
      lang=${lang}
      trials="200"
      .scenario=${SCENARIO}
      .repository=${repo}
    ></sales-simulator>`,
  );
  await el.updateComplete;
  return el;
}

/** Chooses a file in the element's file input, as the browser does after the picker closes. */
function choose(el: SalesSimulator, file: File) {
  const input = $<HTMLInputElement>(el, 'input.file');
  const dt = new DataTransfer();
  dt.items.add(file);
  input.files = dt.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('<sales-simulator> export and import', () => {
  it('exports the scenario as a JSON download that imports back the same', async () => {
    const el = await make(createMemoryRepository());
    const blobs: Blob[] = [];
    const clicked: { href: string; download: string }[] = [];
    const create = URL.createObjectURL;
    const click = HTMLAnchorElement.prototype.click;
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      blobs.push(blob as Blob);
      return create.call(URL, blob);
    };
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download });
    };
    try {
      const button = [...root(el).querySelectorAll('button')].find(
        (b) => b.textContent!.trim() === 'Export JSON',
      )!;
      button.click();
    } finally {
      URL.createObjectURL = create;
      HTMLAnchorElement.prototype.click = click;
    }
    expect(clicked).to.have.length(1);
    expect(clicked[0].download).to.equal('q3-plan.json');
    expect(clicked[0].href).to.match(/^blob:/);
    expect(blobs[0].type).to.equal('application/json');
    const text = await blobs[0].text();
    const parsed = parseScenario(JSON.parse(text));
    expect(parsed.ok && parsed.value).to.deep.equal(el.value);
    // No anchor is left behind in the shadow root.
    expect(root(el).querySelector('a')).to.equal(null);

    // Import it into another simulator through its file input.
    const other = await fixture<SalesSimulator>(
      html`<sales-simulator
        lang="en"
        trials="200"
        .repository=${createMemoryRepository()}
      ></sales-simulator>`,
    );
    const changed = oneEvent(other, 'scenario-changed');
    choose(other, new File([text], 'q3-plan.json', { type: 'application/json' }));
    await changed;
    await other.updateComplete;
    expect(other.value).to.deep.equal(el.value);
    expect(txt(other, '.status')).to.equal('Imported “Q3 plan”.');
  });

  const bad: [string, () => File, string][] = [
    [
      'an HTML page',
      () =>
        new File(['<!doctype html><html><body>hi</body></html>'], 'page.html', {
          type: 'text/html',
        }),
      '“page.html” is not a JSON file: it looks like a web page (HTML or XML).',
    ],
    [
      'malformed JSON',
      () => new File(['{"leads": 10, "stages": ['], 'broken.json', { type: 'application/json' }),
      'The file “broken.json” could not be used:',
    ],
    [
      'a __proto__ key',
      () =>
        new File(
          [
            '{"__proto__": {"polluted": 1}, "leads": 10, "dealValue": 1, "stages": [{"name": "x", "rate": 0.5}]}',
          ],
          'proto.json',
        ),
      '__proto__',
    ],
    [
      'a bad field',
      () =>
        new File(
          ['{"leads": 10, "dealValue": 1, "stages": [{"name": "x", "rate": 1.5}]}'],
          'r.json',
        ),
      'stages[0].rate',
    ],
  ];
  for (const [label, file, message] of bad) {
    it(`refuses ${label}, naming what is wrong, and loses nothing`, async () => {
      const repo = createMemoryRepository();
      await repo.saveScenario({ name: 'Kept', scenario: SCENARIO });
      const before = await repo.listScenarios();
      const el = await make(repo);
      const value = el.value;
      const warn = console.warn;
      console.warn = () => {};
      try {
        const error = oneEvent(el, 'error');
        choose(el, file());
        const { detail } = (await error) as CustomEvent<ErrorEventDetail>;
        expect(detail.field).to.equal('import');
        expect(detail.message).to.contain(message);
      } finally {
        console.warn = warn;
      }
      await el.updateComplete;
      expect(txt(el, '.banner')).to.contain(message);
      expect($(el, '.banner').getAttribute('role')).to.equal('alert');
      expect(el.value).to.deep.equal(value);
      expect(await repo.listScenarios()).to.deep.equal(before);
      expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    });
  }

  it('refuses a file over the size limit before reading it', async () => {
    const el = await make(createMemoryRepository());
    const size = Object.getOwnPropertyDescriptor(Blob.prototype, 'size')!;
    let read = false;
    // A real 2 GB file is not needed: the element must look at `size` only.
    Object.defineProperty(File.prototype, 'size', {
      configurable: true,
      get(this: File) {
        return this.name === 'huge.json' ? 2e9 : size.get!.call(this);
      },
    });
    Object.defineProperty(File.prototype, 'text', {
      configurable: true,
      value(this: File) {
        if (this.name === 'huge.json') read = true;
        return Blob.prototype.text.call(this);
      },
    });
    const warn = console.warn;
    console.warn = () => {};
    try {
      const error = oneEvent(el, 'error');
      choose(el, new File([JSON.stringify(SCENARIO)], 'huge.json', { type: 'application/json' }));
      await error;
      await el.updateComplete;
    } finally {
      console.warn = warn;
      delete (File.prototype as unknown as Record<string, unknown>).size;
      delete (File.prototype as unknown as Record<string, unknown>).text;
    }
    expect(read).to.equal(false);
    expect(txt(el, '.banner')).to.equal(
      '“huge.json” is 2 GB; scenario files of up to 1 MB are accepted.',
    );
    expect(el.value).to.deep.equal(SCENARIO);
  });

  it('says it in Spanish', async () => {
    const el = await make(createMemoryRepository(), 'es');
    const warn = console.warn;
    console.warn = () => {};
    try {
      const error = oneEvent(el, 'error');
      choose(el, new File(['<html></html>'], 'pagina.html', { type: 'text/html' }));
      await error;
      await el.updateComplete;
    } finally {
      console.warn = warn;
    }
    expect(txt(el, '.banner')).to.equal(
      '«pagina.html» no es un archivo JSON: parece una página web (HTML o XML).',
    );
    // Re-worded when the language changes.
    el.setAttribute('lang', 'en');
    await waitUntil(() => txt(el, '.banner').startsWith('“pagina.html” is not a JSON file'));
  });
});

describe('<sales-simulator> deleting a saved scenario', () => {
  it('offers Undo, announced and focused, which restores it as it was', async () => {
    const repo = createMemoryRepository();
    const saved = await repo.saveScenario({ name: 'Plan A', scenario: SCENARIO });
    const el = await make(repo);
    await waitUntil(() => txt(el, '.saved').includes('Plan A'), 'not listed');

    $<HTMLButtonElement>(el, 'button[aria-label="Delete: Plan A"]').click();
    await waitUntil(() => root(el).querySelector('button.undo'), 'no undo');
    expect(await repo.listScenarios()).to.deep.equal([]);
    expect(txt(el, '.status')).to.equal('Deleted “Plan A”.');
    expect($(el, '.status').getAttribute('role')).to.equal('status');
    const undo = $<HTMLButtonElement>(el, 'button.undo');
    expect(undo.getAttribute('aria-label')).to.equal('Undo deleting “Plan A”');
    expect(root(el).activeElement).to.equal(undo);
    await expect(el).to.be.accessible();

    undo.click();
    await waitUntil(() => txt(el, '.status') === 'Restored “Plan A”.', 'not restored');
    const back = await repo.listScenarios();
    expect(back).to.have.length(1);
    expect(back[0].id).to.equal(saved.id);
    expect(back[0].name).to.equal('Plan A');
    expect(back[0].scenario).to.deep.equal(saved.scenario);
    expect(root(el).querySelector('button.undo')).to.equal(null);
    await waitUntil(() => txt(el, '.saved').includes('Plan A'), 'not listed again');
    expect(root(el).activeElement?.getAttribute('aria-label')).to.equal('Open: Plan A');
  });
});
