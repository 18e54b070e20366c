import { expect, oneEvent } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/elements/sales-forecast/define.js';
import '../../src/elements/sales-funnel/define.js';
import '../../src/elements/sales-pipeline/define.js';
import '../../src/elements/sales-simulator/define.js';
import '../../src/elements/sales-workspace/define.js';
import type { SalesErrorEvent } from '../../src/elements/events.js';
import { createMemoryRepository } from '../../src/store/memory-repository.js';

/**
 * Structured properties given hostile objects, as a page's script (or an attacker's) could:
 * a revoked Proxy, a getter that throws, a cycle, a getter that answers differently each time.
 * Each ends as bad JSON does: a message in place in the element's language, one `error` event
 * naming the property, nothing thrown out of the element; and the element works again as soon
 * as a good value is set.
 */

type Obj = Record<string, unknown>;

const SCENARIO = { leads: 1000, dealValue: 2500, stages: [{ name: 'Contact', rate: 0.5 }] };
const STAGES = [
  { name: 'Leads', value: 100 },
  { name: 'Won', value: 10 },
];
const DECK = { title: 'Deck', steps: [{ title: 'One', scenario: SCENARIO }] };

function revoked(): object {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

/** `good` whose first key (or entry) throws when read. */
function throwing(good: object): object {
  const copy: Obj | unknown[] = Array.isArray(good) ? [...good] : { ...good };
  const key = Object.keys(copy)[0];
  Object.defineProperty(copy, key, {
    enumerable: true,
    get() {
      throw new Error('getter says no');
    },
  });
  return copy;
}

/** `good` holding itself. */
function cyclic(good: object): object {
  const copy: Obj | unknown[] = Array.isArray(good) ? [...good] : { ...good };
  if (Array.isArray(copy)) copy.push(copy);
  else copy.self = copy;
  return copy;
}

/** `good` whose first key answers its value once, then throws: read twice, it breaks. */
function varying(good: object): object {
  const copy: Obj | unknown[] = Array.isArray(good) ? [...good] : { ...good };
  const key = Object.keys(copy)[0];
  const value = (copy as Obj)[key];
  let reads = 0;
  Object.defineProperty(copy, key, {
    enumerable: true,
    get() {
      reads += 1;
      if (reads > 1) throw new Error('read twice');
      return value;
    },
  });
  return copy;
}

const HOSTILE: [string, (good: object) => object, boolean][] = [
  ['a revoked Proxy', () => revoked(), true],
  ['a throwing getter', throwing, true],
  ['a cycle', cyclic, true],
  // Read once, it is as good as the value it answers; read twice, it would throw.
  ['a getter that answers once', varying, false],
];

interface Case {
  tag: string;
  property: string;
  /** A good value set after the hostile one, then `next`, each shown as `shows` says. */
  good: object;
  next: object;
  /** Properties set first (the data a `compare` is compared with). */
  setup?: Obj;
  /** What a person sees or hears once `value` is set: each must be shown. */
  shows: (value: object) => (string | RegExp)[];
}

const text = (el: HTMLElement) => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ');

/**
 * Everything the element shows or says, nested shadow roots included: text, the names a screen
 * reader reads (`aria-label`), placeholders and what inputs hold.
 */
function shown(el: HTMLElement): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node instanceof Element) {
      for (const name of ['aria-label', 'placeholder']) parts.push(node.getAttribute(name) ?? '');
      if (node instanceof HTMLInputElement) parts.push(node.value);
      if (node.shadowRoot) walk(node.shadowRoot);
    } else if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    node.childNodes.forEach(walk);
  };
  walk(el.shadowRoot!);
  return parts.join(' ').replace(/\s+/g, ' ');
}

const names = (stages: { name: string }[]) => stages.map((s) => s.name);
const NEXT_STAGES = [
  { name: 'Visitas', value: 400 },
  { name: 'Ventas', value: 40 },
];
const NEXT_SCENARIO = { ...SCENARIO, leads: 2000, stages: [{ name: 'Demo', rate: 0.4 }] };
const NEXT_DECK = { title: 'Otra', steps: [{ title: 'Uno y dos', scenario: NEXT_SCENARIO }] };
/** Strings whose `key` reads `words`, with the `__test` key a host may add beside. */
const strings = (key: string, words: string) => ({ [key]: words, __test: 'x' });
const stringsCase = (tag: string, key: string, setup?: Obj): Case => ({
  tag,
  property: 'strings',
  good: strings(key, 'Texto de prueba A'),
  next: strings(key, 'Texto de prueba B'),
  setup,
  shows: (value) => [(value as Record<string, string>)[key]],
});

const CASES: Case[] = [
  {
    tag: 'sales-funnel',
    property: 'stages',
    good: STAGES,
    next: NEXT_STAGES,
    shows: (v) => names(v as typeof STAGES),
  },
  {
    tag: 'sales-funnel',
    property: 'scenario',
    good: SCENARIO,
    next: NEXT_SCENARIO,
    shows: (v) => names((v as typeof SCENARIO).stages),
  },
  {
    tag: 'sales-funnel',
    property: 'compare',
    // The stages against half as many, then twice as many: the change per stage.
    good: STAGES.map((s) => ({ ...s, value: s.value / 2 })),
    next: STAGES.map((s) => ({ ...s, value: s.value * 2 })),
    setup: { stages: STAGES },
    shows: (v) => [(v as typeof STAGES)[0].value < STAGES[0].value ? /▲ 100 ?%/ : /▼ 50 ?%/],
  },
  stringsCase('sales-funnel', 'stagesLabel', { stages: STAGES }),
  {
    tag: 'sales-simulator',
    property: 'scenario',
    good: SCENARIO,
    next: NEXT_SCENARIO,
    shows: (v) => names((v as typeof SCENARIO).stages),
  },
  {
    tag: 'sales-simulator',
    property: 'deck',
    good: DECK,
    next: NEXT_DECK,
    setup: { presenting: true },
    shows: (v) => [
      (v as typeof DECK).steps[0].title,
      ...names((v as typeof DECK).steps[0].scenario.stages),
    ],
  },
  stringsCase('sales-simulator', 'title'),
  stringsCase('sales-pipeline', 'search'),
  stringsCase('sales-workspace', 'tabBoard'),
  stringsCase('sales-forecast', 'title'),
];

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Everything the page saw go wrong: uncaught errors and rejections. */
function pageFaults() {
  const faults: unknown[] = [];
  const onError = (e: ErrorEvent) => faults.push(e.error ?? e.message);
  const onRejection = (e: PromiseRejectionEvent) => faults.push(e.reason);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    faults,
    stop() {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

async function attach(c: Case, lang: string, value: object) {
  const el = document.createElement(c.tag) as HTMLElement &
    Obj & { updateComplete: Promise<unknown> };
  el.setAttribute('lang', lang);
  if (c.tag !== 'sales-funnel' && c.tag !== 'sales-simulator') {
    el.repository = createMemoryRepository();
  }
  Object.assign(el, c.setup ?? {});
  const errors: SalesErrorEvent[] = [];
  el.addEventListener('error', (e) => errors.push(e as unknown as SalesErrorEvent));
  el[c.property] = value;
  document.body.append(el);
  await el.updateComplete;
  return { el, errors };
}

afterEach(() => {
  for (const c of new Set(CASES.map((x) => x.tag))) {
    document.querySelectorAll(`body > ${c}`).forEach((e) => e.remove());
  }
});

describe('hostile objects in structured properties', () => {
  for (const c of CASES) {
    for (const [kind, make, refused] of HOSTILE) {
      it(`<${c.tag}> .${c.property} = ${kind}: ${refused ? 'said in place, in Spanish' : 'read once'}; a good value works next`, async () => {
        const warn = sinon.stub(console, 'warn');
        const page = pageFaults();
        try {
          const { el, errors } = await attach(c, 'es', make(c.good));
          const mine = errors.filter((e) => e.detail.field === c.property);
          if (refused) {
            expect(mine, 'one error event naming the property').to.have.length(1);
            const { message } = mine[0].detail;
            expect(message).to.contain(c.property);
            // In Spanish, with no engine text ("Cannot perform 'get' on a proxy…").
            expect(message).not.to.match(/Cannot|proxy|getter says no|circular|Converting/i);
            expect(message).to.match(/no se (pudo|puede)|debe|no es/);
            // On the page the same problem, a field named in words rather than by its path
            // (the event's "stages[2] debe ser…" is "Etapa 3 debe ser…" there).
            const said = message
              .split(':')[0]
              .replace(/^[\w$]+(?:\.[\w$]+|\[\d+\])+\s/, '')
              .trim();
            expect(text(el)).to.contain(said);
          }
          // It renders and reacts: a good value is shown, then another in its place.
          for (const value of [c.good, c.next]) {
            (el as unknown as Obj)[c.property] = c.property === 'strings' ? { ...value } : value;
            await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
            for (const marker of c.shows(value)) {
              expect(shown(el), `shows ${String(marker)}`).to.match(
                typeof marker === 'string' ? new RegExp(escapeRegExp(marker)) : marker,
              );
            }
          }
          if (refused) expect(text(el)).not.to.contain(mine[0].detail.message);
          expect(page.faults, 'nothing thrown out of the element').to.deep.equal([]);
        } finally {
          page.stop();
          warn.restore();
        }
      });
    }
  }
});

describe('bad JSON in a Spanish element', () => {
  it('says where the JSON breaks in Spanish, with no English engine message', async () => {
    const warn = sinon.stub(console, 'warn');
    try {
      const el = document.createElement('sales-funnel');
      el.setAttribute('lang', 'es');
      const errors: SalesErrorEvent[] = [];
      el.addEventListener('error', (e) => errors.push(e));
      el.setAttribute('stages', '[{"name": "A", value: 1}]');
      document.body.append(el);
      await el.updateComplete;
      const { message } = errors[0].detail;
      expect(message).to.contain('no es un JSON válido (posición 15)');
      expect(message).to.contain('línea 1, columna 16');
      expect(message).not.to.match(/Expected|property name|Unexpected/);
      expect(text(el)).to.contain('línea 1, columna 16');
    } finally {
      warn.restore();
    }
  });

  // V8's own words, kept from the person but not from the page's logs.
  const ENGINE = /Expected (double-quoted property name|property name or '\}')/;

  for (const tag of ['sales-funnel', 'sales-simulator']) {
    it(`<${tag}>: the engine's English message reaches the console and the event's cause, never the text`, async () => {
      const warn = sinon.stub(console, 'warn');
      try {
        const el = document.createElement(tag) as HTMLElement & {
          updateComplete: Promise<unknown>;
        };
        el.setAttribute('lang', 'es');
        el.setAttribute(
          tag === 'sales-funnel' ? 'stages' : 'scenario',
          '[{"name": "A", value: 1}]',
        );
        const fired = oneEvent(el, 'error') as Promise<SalesErrorEvent>;
        document.body.append(el);
        const { detail } = await fired;
        await el.updateComplete;
        expect(detail.message).to.contain('no es un JSON válido');
        expect(detail.message).not.to.match(ENGINE);
        expect(detail.cause).to.match(ENGINE);
        const logged = warn.getCalls().find((c) => String(c.args[0]).includes(detail.message));
        expect(logged?.args.slice(1).join(' '), 'logged with its cause').to.match(ENGINE);
        expect(text(el)).to.contain('no es un JSON válido');
        expect(text(el)).not.to.match(ENGINE);
      } finally {
        warn.restore();
      }
    });
  }
});

describe('strings edited in place', () => {
  it('<sales-funnel>: the object set again is read again, its edit shown', async () => {
    const el = document.createElement('sales-funnel') as unknown as HTMLElement &
      Obj & { updateComplete: Promise<unknown>; strings: Record<string, string> };
    el.stages = STAGES;
    el.strings = { stagesLabel: 'Etapas A' };
    document.body.append(el);
    await el.updateComplete;
    const label = () =>
      el.shadowRoot!.querySelector('[role="listbox"]')!.getAttribute('aria-label');
    expect(label()).to.contain('Etapas A');
    const strings = el.strings;
    strings.stagesLabel = 'Etapas B';
    el.strings = strings;
    await el.updateComplete;
    expect(label()).to.contain('Etapas B');
  });
});
