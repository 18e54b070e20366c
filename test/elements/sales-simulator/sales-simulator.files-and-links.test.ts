import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import type { SalesSimulator } from '../../../src/elements/sales-simulator/sales-simulator.js';
import type { ScenarioChangedDetail } from '../../../src/elements/sales-simulator/events.js';
import {
  decodeScenarioHash,
  encodeScenarioHash,
} from '../../../src/elements/sales-simulator/model/share-link.js';
import type { SalesErrorEvent } from '../../../src/elements/events.js';
import { formatNumber } from '../../../src/model/format.js';
import type { Scenario } from '../../../src/model/types.js';
import { parseScenario } from '../../../src/model/validate.js';
import { project } from '../../../src/sim/index.js';
import { createMemoryRepository } from '../../../src/store/memory-repository.js';
import type { SalesRepository } from '../../../src/store/repository.js';
import { make, quietWarnings, SCENARIO as SMALL } from './fixtures.js';
import {
  byLabel,
  byRole,
  figure,
  focused,
  queryByRole,
  spoken,
  textOf,
  typeInto,
} from './queries.js';

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

const withRepo = (repo: SalesRepository, lang = 'en', scenario: Scenario = SCENARIO) =>
  make({ lang, trials: 200, scenario, repository: repo });

/** The status line of the saved-scenarios panel. */
const status = (el: SalesSimulator) =>
  textOf(byRole(el, 'region', 'Scenarios').querySelector('[part~="status"]'));
/** The problem shown above the panels, that a person just caused. */
const alert = (el: SalesSimulator) => textOf(byRole(el, 'alert'));

/** Chooses a file in the element's file input, as the browser does after the picker closes. */
function chooseFile(el: SalesSimulator, label: string, file: File) {
  const input = byRole<HTMLInputElement>(el, 'button', label);
  const dt = new DataTransfer();
  dt.items.add(file);
  input.files = dt.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

afterEach(() => {
  history.replaceState(null, '', location.pathname + location.search);
});

describe('<sales-simulator> export and import', () => {
  it('exports the scenario as a JSON download that imports back the same', async () => {
    const el = await withRepo(createMemoryRepository());
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
      byRole(el, 'button', 'Export JSON').click();
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
    expect(el.shadowRoot!.querySelector('a')).to.equal(null);

    // Import it into another simulator through its file input.
    const other = await make({ trials: 200, scenario: null });
    const changed = oneEvent(other, 'scenario-changed');
    chooseFile(
      other,
      'Import JSON',
      new File([text], 'q3-plan.json', { type: 'application/json' }),
    );
    await changed;
    await other.updateComplete;
    expect(other.value).to.deep.equal(el.value);
    expect(status(other)).to.equal('Imported “Q3 plan”.');
    expect(spoken(other)).to.equal('Imported “Q3 plan”.');
  });

  it("reads a chosen file's JSON once, whether it holds a scenario or a deck", async () => {
    const deck = {
      title: 'Deck',
      steps: [
        { title: 'One', scenario: SMALL },
        { title: 'Two', change: { leads: 2000 } },
      ],
    };
    const files: [string, string, (el: SalesSimulator) => Promise<unknown>, string][] = [
      [
        'plan.json',
        JSON.stringify({ ...SMALL, name: 'Plan' }),
        (el) => oneEvent(el, 'scenario-changed'),
        'Imported “Plan”.',
      ],
      [
        'deck.json',
        JSON.stringify(deck),
        (el) => waitUntil(() => status(el) !== '', 'no status'),
        'Deck “Deck” loaded: 2 steps.',
      ],
    ];
    for (const [name, text, done, said] of files) {
      const el = await withRepo(createMemoryRepository());
      const parse = sinon.spy(JSON, 'parse');
      try {
        const shown = done(el);
        chooseFile(el, 'Import JSON', new File([text], name, { type: 'application/json' }));
        await shown;
        await el.updateComplete;
        expect(
          parse.getCalls().filter((c) => c.args[0] === text),
          name,
        ).to.have.length(1);
      } finally {
        parse.restore();
      }
      expect(status(el), name).to.equal(said);
    }
  });

  it('imports a scenario from text and rejects a bad one without losing the current', async () => {
    const el = await withRepo(createMemoryRepository(), 'en', SMALL);
    const event = oneEvent(el, 'scenario-changed');
    expect(
      el.importText(JSON.stringify({ ...SMALL, leads: 500, name: 'From file' }), 'x.json'),
    ).to.equal(true);
    await event;
    await el.updateComplete;
    expect(el.value.leads).to.equal(500);
    const warn = quietWarnings();
    try {
      expect(el.importText('{"leads": 1e999', 'bad.json')).to.equal(false);
      await el.updateComplete;
    } finally {
      warn.restore();
    }
    expect(alert(el)).to.contain('The file “bad.json” could not be used');
    expect(el.value.leads).to.equal(500);
  });

  const bad: [string, () => File, string, string?][] = [
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
      // Shown naming the stage; the event keeps the path.
      'Stage 1 (x): the conversion rate must be between 0 and 1',
    ],
  ];
  for (const [label, file, message, shown] of bad) {
    it(`refuses ${label}, naming what is wrong, and loses nothing`, async () => {
      const repo = createMemoryRepository();
      await repo.saveScenario({ name: 'Kept', scenario: SCENARIO });
      const before = await repo.listScenarios();
      const el = await withRepo(repo);
      const value = el.value;
      const warn = quietWarnings();
      try {
        const error = oneEvent(el, 'error') as Promise<SalesErrorEvent>;
        chooseFile(el, 'Import JSON', file());
        const { detail } = await error;
        expect(detail.field).to.equal('import');
        expect(detail.message).to.contain(message);
        expect(warn.callCount).to.equal(1);
      } finally {
        warn.restore();
      }
      await el.updateComplete;
      expect(alert(el)).to.contain(shown ?? message);
      expect(el.value).to.deep.equal(value);
      expect(await repo.listScenarios()).to.deep.equal(before);
      expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    });
  }

  it('fires error again when the same bad file is chosen again', async () => {
    const el = await withRepo(createMemoryRepository());
    const warn = quietWarnings();
    try {
      const errors: SalesErrorEvent[] = [];
      el.addEventListener('error', (e) => errors.push(e));
      const page = () => new File(['<html></html>'], 'page.html', { type: 'text/html' });
      chooseFile(el, 'Import JSON', page());
      await waitUntil(() => errors.length === 1, 'no error');
      chooseFile(el, 'Import JSON', page());
      await waitUntil(() => errors.length === 2, 'no second error');
    } finally {
      warn.restore();
    }
  });

  it('refuses a file over the size limit before reading it', async () => {
    const el = await withRepo(createMemoryRepository());
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
    const warn = quietWarnings();
    try {
      const error = oneEvent(el, 'error');
      chooseFile(
        el,
        'Import JSON',
        new File([JSON.stringify(SCENARIO)], 'huge.json', { type: 'application/json' }),
      );
      await error;
      await el.updateComplete;
    } finally {
      warn.restore();
      delete (File.prototype as unknown as Record<string, unknown>).size;
      delete (File.prototype as unknown as Record<string, unknown>).text;
    }
    expect(read).to.equal(false);
    expect(alert(el)).to.equal('“huge.json” is 2 GB; scenario files of up to 1 MB are accepted.');
    expect(el.value).to.deep.equal(SCENARIO);
  });

  it('says it in Spanish, and again in English when the language changes', async () => {
    const el = await withRepo(createMemoryRepository(), 'es');
    const warn = quietWarnings();
    const errors: SalesErrorEvent[] = [];
    try {
      el.addEventListener('error', (e) => errors.push(e));
      const error = oneEvent(el, 'error');
      chooseFile(
        el,
        'Importar JSON',
        new File(['<html></html>'], 'pagina.html', { type: 'text/html' }),
      );
      await error;
      await el.updateComplete;
    } finally {
      warn.restore();
    }
    expect(alert(el)).to.equal(
      '«pagina.html» no es un archivo JSON: parece una página web (HTML o XML).',
    );
    // Re-worded when the language changes, without firing again.
    el.setAttribute('lang', 'en');
    await waitUntil(() => alert(el).startsWith('“pagina.html” is not a JSON file'));
    expect(errors).to.have.length(1);
  });
});

describe('<sales-simulator> share link', () => {
  it('round-trips the scenario through the URL hash', async () => {
    const el = await withRepo(createMemoryRepository(), 'en', SMALL);
    await typeInto(el, byLabel(el, 'Demo: rate, exact %'), '55');
    const link = el.shareLink();
    const decoded = decodeScenarioHash(new URL(link).hash, 'en');
    expect(decoded.ok && decoded.value).to.deep.equal(el.value);

    history.replaceState(null, '', new URL(link).hash);
    const other = await make({ syncHash: true, trials: 200, scenario: null });
    expect(other.value).to.deep.equal(el.value);
    expect(figure(other, 'Won deals').value).to.equal(formatNumber(project(el.value).won, 'en'));
    expect(status(other)).to.equal('Scenario loaded from the link.');
  });

  it('shares a link from its button: shown, selected, and the address while syncing', async () => {
    const el = await make({ syncHash: true, trials: 200, scenario: SMALL });
    byRole(el, 'button', 'Share as link').click();
    await waitUntil(() => queryByRole(el, 'textbox', 'Link to this scenario'), 'no link shown');
    await el.updateComplete;
    const field = byLabel(el, 'Link to this scenario');
    expect(field.value).to.equal(el.shareLink());
    expect(focused(el)).to.equal(field);
    expect([field.selectionStart, field.selectionEnd]).to.deep.equal([0, field.value.length]);
    expect(['Link copied to the clipboard.', 'Copy the link below.']).to.include(status(el));
    expect(location.hash).to.equal(new URL(el.shareLink()).hash);
  });

  it('follows the address while syncing: a new link loads, and says so', async () => {
    const el = await make({ syncHash: true, trials: 200, scenario: SMALL });
    const next = { ...SMALL, leads: 321 };
    const changed = oneEvent(el, 'scenario-changed') as Promise<CustomEvent<ScenarioChangedDetail>>;
    location.hash = encodeScenarioHash(next);
    const { detail } = await changed;
    expect(detail.scenario.leads).to.equal(321);
    await el.updateComplete;
    expect(status(el)).to.equal('Scenario loaded from the link.');
    expect(spoken(el)).to.equal('Scenario loaded from the link.');
  });

  const hostile: [string, string][] = [
    [
      'a proto key',
      '{"leads":10,"dealValue":1,"stages":[{"name":"x","rate":0.5}],"__proto__":{"polluted":1}}',
    ],
    ['huge numbers', '{"leads":1e308,"dealValue":1e300,"stages":[{"name":"x","rate":0.5}]}'],
    ['not a scenario', '"<img src=x onerror=alert(1)>"'],
  ];
  for (const [label, json] of hostile) {
    it(`rejects a link with ${label}, keeping the scenario in effect`, async () => {
      const el = await make({ syncHash: true, trials: 200, scenario: SMALL });
      const bytes = new TextEncoder().encode(json);
      const b64 = btoa(String.fromCharCode(...bytes))
        .replace(/\+/g, '-')
        .replace(/\//g, '_');
      const warn = quietWarnings();
      try {
        const event = oneEvent(el, 'error') as Promise<SalesErrorEvent>;
        location.hash = `scenario=${b64}`;
        const { detail } = await event;
        await el.updateComplete;
        expect(detail.field).to.equal('link');
      } finally {
        warn.restore();
      }
      expect(alert(el)).to.contain('The link holds no usable scenario');
      expect(el.value).to.deep.equal(SMALL);
      expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
      expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    });
  }
});
