// The page side of bench/faults/run.mjs: the worst inputs the limits allow and hostile objects,
// given to the elements as a page would, with the long tasks they cause. Exposes `window.bench`.
import '../../src/elements/sales-funnel/define.js';
import '../../src/elements/sales-pipeline/define.js';
import '../../src/elements/sales-simulator/define.js';
import {
  buildColumns,
  type BoardFilter,
} from '../../src/elements/sales-pipeline/model/board-model.js';
import { BoardSearch } from '../../src/elements/sales-pipeline/model/board-search.js';
import type { SalesPipeline } from '../../src/elements/sales-pipeline/sales-pipeline.js';
import type { SalesSimulator } from '../../src/elements/sales-simulator/sales-simulator.js';
import { MAX_JSON_LENGTH, parseJsonAttribute } from '../../src/model/validate.js';
import { validationWork } from '../../src/model/validate-core.js';
import { createMemoryRepository } from '../../src/store/memory-repository.js';
import { makeDeals } from '../deals.js';
import type { Deal } from '../../src/model/types.js';

/** Long tasks (> 50 ms) the page's thread reports, and the longest seen, from now on. */
function longTasks() {
  const seen: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) seen.push(e.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  return {
    async stop() {
      // Let the observer deliver what it has.
      await new Promise((r) => setTimeout(r, 60));
      observer.disconnect();
      return { count: seen.length, longest: Math.max(0, ...seen) };
    },
  };
}

const VALID = { leads: 1000, dealValue: 2500, stages: [{ name: 'Contact', rate: 0.5 }] };

/** A scenario's JSON text padded with unknown keys to just under 1 MB. */
function megabyteOfUnknownKeys(): string {
  const parts = [JSON.stringify(VALID).slice(0, -1)];
  let size = parts[0].length + 1;
  for (let i = 0; size < MAX_JSON_LENGTH - 40; i++) {
    const part = `,"dealVal${i}":${i}`;
    parts.push(part);
    size += part.length;
  }
  return `${parts.join('')}}`;
}

const unknownKeys = (n: number) =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [`leadz${i}`, i]));

interface Row {
  case: string;
  ms: number;
  longest: number;
  suggestions: number;
  keys: number;
  errors: string;
}

/** Runs `show` (which attaches an element and waits for it), timed, with its work counted. */
async function measured(label: string, show: () => Promise<string>): Promise<Row> {
  const { keysChecked: keys, suggestions } = validationWork;
  const tasks = longTasks();
  // Marks the trace finds (run.mjs sums the main thread's CPU time between them).
  performance.mark('case-start');
  const t0 = performance.now();
  const errors = await show();
  const ms = performance.now() - t0;
  performance.mark('case-end');
  const { longest } = await tasks.stop();
  return {
    case: label,
    ms,
    longest,
    suggestions: validationWork.suggestions - suggestions,
    keys: validationWork.keysChecked - keys,
    errors,
  };
}

/**
 * The first `error` event's message of `el` (attached already) after `act`, once shown, cut
 * short. Console warnings are silenced meanwhile: DevTools' formatting is not the element's.
 */
async function errorAfter(
  el: HTMLElement & { updateComplete: Promise<unknown> },
  act: () => void,
): Promise<string> {
  let message = '';
  el.addEventListener(
    'error',
    (e) => (message ||= (e as unknown as CustomEvent<{ message: string }>).detail.message),
    { once: true },
  );
  const warn = console.warn;
  console.warn = () => {};
  try {
    act();
    await el.updateComplete;
  } finally {
    console.warn = warn;
  }
  return message.length > 70 ? `${message.slice(0, 69)}…` : message;
}

type Shown = HTMLElement & { updateComplete: Promise<unknown> };

/** An element of `tag` in Spanish, set up by `setup`, attached and drawn. */
async function attached<T extends Shown>(tag: string, setup: (el: T) => void = () => {}) {
  const el = document.createElement(tag) as T;
  el.setAttribute('lang', 'es');
  setup(el);
  document.body.append(el);
  await el.updateComplete;
  return el;
}

/**
 * A case: `prepare` (untimed) gives the element and what to do to it; the time is `act` until
 * the element shows the result, with the element's own first render left out.
 */
interface Case {
  label: string;
  prepare(): Promise<{ el?: Shown; act: () => Promise<string> | string }>;
}

const deckText = JSON.stringify({
  title: 'Deck',
  steps: Array.from({ length: 100 }, (_, i) => ({
    title: `S${i}`,
    scenario: { ...VALID, ...unknownKeys(500) },
  })),
});

const megabyte = megabyteOfUnknownKeys();
const bigObject = { ...VALID, ...unknownKeys(50_000) };

/** The 1 MB and 50,000-key cases of issue 16, through the elements. */
const CASES: Case[] = [
  {
    label: `<sales-funnel scenario> attribute, ${(megabyte.length / 1e6).toFixed(2)} MB of unknown keys`,
    async prepare() {
      const el = await attached<Shown>('sales-funnel');
      return { el, act: () => errorAfter(el, () => el.setAttribute('scenario', megabyte)) };
    },
  },
  {
    label: '<sales-funnel>.scenario = 50,000 unknown keys',
    async prepare() {
      const el = await attached<Shown & { scenario?: unknown }>('sales-funnel');
      return { el, act: () => errorAfter(el, () => (el.scenario = bigObject)) };
    },
  },
  {
    label: '<sales-simulator>.importText(1 MB of unknown keys)',
    async prepare() {
      const el = await attached<SalesSimulator>('sales-simulator', (s) => (s.trials = 200));
      return { el, act: () => errorAfter(el, () => el.importText(megabyte, 'big.json')) };
    },
  },
  {
    label: `<sales-simulator deck>, 100 steps × 500 unknown keys (${(deckText.length / 1e6).toFixed(2)} MB)`,
    async prepare() {
      const el = await attached<SalesSimulator>('sales-simulator', (s) => (s.trials = 200));
      return { el, act: () => errorAfter(el, () => el.setAttribute('deck', deckText)) };
    },
  },
  {
    label: 'parseJsonAttribute, 1 MB of broken JSON (es)',
    async prepare() {
      const broken = `${megabyte.slice(0, -1)},}`;
      return {
        act: () => {
          const read = parseJsonAttribute(broken, 'scenario', { lang: 'es' });
          return read.ok ? '' : read.errors[0].message.slice(0, 69) + '…';
        },
      };
    },
  },
];

let board: SalesPipeline | undefined;
let tasks: ReturnType<typeof longTasks> | undefined;

const bench = {
  /** The validation cases' labels, in order. */
  validationCases: (): string[] => CASES.map((c) => c.label),

  /**
   * Case `i`, timed from the input given to the element showing its error, with its work
   * counted; the element is removed afterwards.
   */
  async validationCase(i: number): Promise<Row> {
    const { label, prepare } = CASES[i];
    const { el, act } = await prepare();
    try {
      return await measured(label, async () => act());
    } finally {
      el?.remove();
    }
  },

  /**
   * A board of `n` deals on a memory repository, shown; `worker: false` hides `Worker` from it,
   * as a browser without workers (or a policy refusing them) would: it searches on this thread.
   */
  async showBoard(n: number, worker = true): Promise<{ cards: number; inWorker: boolean }> {
    board?.remove();
    const repo = createMemoryRepository();
    const pipeline = await repo.ensurePipeline('bench', { name: 'Bench' });
    await repo.importDeals(
      'bench',
      makeDeals(
        n,
        pipeline.stages.map((s) => s.id),
      ),
    );
    const realWorker = window.Worker;
    if (!worker) (window as { Worker?: unknown }).Worker = undefined;
    const el = document.createElement('sales-pipeline');
    el.setAttribute('lang', 'en');
    el.pipeline = 'bench';
    el.repository = repo;
    document.body.append(el);
    try {
      await el.updateComplete;
    } finally {
      window.Worker = realWorker;
    }
    board = el;
    // Let the worker's first answer and the slices after it settle before typing.
    await new Promise((r) => setTimeout(r, 500));
    await el.updateComplete;
    const cards = el.shadowRoot!.querySelectorAll('[part~="card"]').length;
    const search = (el as unknown as { search: { inWorker: boolean } }).search;
    return { cards, inWorker: search.inWorker };
  },

  /**
   * Starts watching the next keystroke (`i`): a mark the trace finds, and the long tasks
   * (> 50 ms) the page reports, until `settled`.
   */
  watch(i: number): void {
    tasks = longTasks();
    performance.mark(`keystroke-${i}-start`);
  },

  /**
   * A filter changed as a person would (the owner menu, the stale-only box: their change
   * events), or the search box cleared at once (`search:`), on the board shown.
   */
  setFilter(what: string): void {
    const root = board!.shadowRoot!;
    const [kind, value] = what.split(':');
    if (kind === 'owner') {
      const menu = root.querySelector<HTMLSelectElement>('.toolbar select')!;
      menu.value = value;
      menu.dispatchEvent(new Event('change'));
    } else if (kind === 'stale') {
      const box = root.querySelector<HTMLInputElement>('.toolbar input[type="checkbox"]')!;
      box.click();
    } else {
      const search = root.querySelector<HTMLInputElement>('.toolbar input[type="search"]')!;
      search.value = value;
      search.dispatchEvent(new Event('input'));
    }
  },

  /** After a keystroke: the board shown (and painted), marked, with the cards it shows. */
  async settled(
    i: number,
  ): Promise<{ count: number; longest: number; cards: number; counts: string }> {
    await board!.updateComplete;
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    performance.mark(`keystroke-${i}-end`);
    const seen = await tasks!.stop();
    const cards = board!.shadowRoot!.querySelectorAll('[part~="card"]').length;
    const counts = [...board!.shadowRoot!.querySelectorAll('.count')].map((p) => p.textContent);
    return { ...seen, cards, counts: counts.join(' | ') };
  },

  /** The filter alone, naive (`buildColumns`) against the index, per keystroke of `word`. */
  filterOnly(n: number, word: string) {
    const stages = ['lead', 'qualified', 'proposal', 'negotiation'];
    const pipeline = {
      id: 'p',
      name: 'P',
      currency: 'EUR',
      stages: stages.map((id) => ({ id, name: id, probability: 0.5 })),
      createdAt: 0,
      updatedAt: 0,
    };
    const deals = makeDeals(n, stages).map((d, i): Deal => ({
      ...d,
      amount: d.amount ?? 0,
      id: `d${i}`,
      pipelineId: 'p',
      currency: 'EUR',
      outcome: 'open' as const,
      stageId: d.stageId!,
      updatedAt: d.createdAt!,
      createdAt: d.createdAt!,
      stageEnteredAt: d.createdAt!,
      rank: i,
      version: 1,
    }));
    const names = { won: 'Won', lost: 'Lost' };
    const filter = (text: string): BoardFilter => ({
      text,
      owner: '',
      staleOnly: false,
      staleDays: 30,
      now: 1_760_000_000_000,
    });
    const time = (run: () => void) => {
      const t0 = performance.now();
      run();
      return performance.now() - t0;
    };
    const search = new BoardSearch();
    const build = time(() => search.columns(pipeline, deals, filter(''), 'en', names));
    const naive: number[] = [];
    const indexed: number[] = [];
    for (let i = 1; i <= word.length; i++) {
      naive.push(time(() => buildColumns(pipeline, deals, filter(word.slice(0, i)), 'en', names)));
      indexed.push(
        time(() => search.columns(pipeline, deals, filter(word.slice(0, i)), 'en', names)),
      );
    }
    // Deleting back to nothing: each step a full pass over the index.
    for (let i = word.length - 1; i >= 0; i--) {
      indexed.push(
        time(() => search.columns(pipeline, deals, filter(word.slice(0, i)), 'en', names)),
      );
    }
    return { build, naive, indexed };
  },
};

// Not declared on Window: every bench page names its own `bench`.
(window as unknown as { bench: typeof bench }).bench = bench;
