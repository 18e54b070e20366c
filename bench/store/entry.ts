// The page side of bench/store/run.mjs: the store and <sales-pipeline> as a page would load
// them, plus plain `idb` for the raw-write baseline. Exposes `window.bench`.
import { deleteDB, openDB } from 'idb';
import '../../src/elements/sales-pipeline/define.js';
import type { SalesPipeline } from '../../src/elements/sales-pipeline/sales-pipeline.js';
import { createIdbRepository } from '../../src/store/idb-repository.js';
import type { SalesRepository } from '../../src/store/repository.js';
import { makeDeals } from '../deals.js';

const PIPELINE = 'bench';
let seq = 0;
const uniqueName = (label: string) => `bench-${label}-${Date.now()}-${(seq += 1)}`;

async function filledRepository(name: string, n: number): Promise<SalesRepository> {
  const repo = await createIdbRepository({ name });
  const pipeline = await repo.ensurePipeline(PIPELINE, { name: 'Bench' });
  await repo.importDeals(
    PIPELINE,
    makeDeals(
      n,
      pipeline.stages.map((s) => s.id),
    ),
  );
  return repo;
}

/** Resolves after the next frame has been rendered (a message posted from rAF runs after paint). */
const afterPaint = () =>
  new Promise<number>((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(null);
    }),
  );

/** The repository of the board on screen, closed before the next one opens. */
let shown: SalesRepository | undefined;

const boardHost = () => document.querySelector<HTMLElement>('#board')!;

declare global {
  interface Window {
    bench: typeof bench;
  }
}

const bench = {
  /** Import of `n` deals through the repository, then the same records with plain idb puts. */
  async importVsRaw(n: number) {
    const name = uniqueName('import');
    const repo = await createIdbRepository({ name });
    const pipeline = await repo.ensurePipeline(PIPELINE, { name: 'Bench' });
    const inputs = makeDeals(
      n,
      pipeline.stages.map((s) => s.id),
    );
    const t0 = performance.now();
    await repo.importDeals(PIPELINE, inputs);
    const repoMs = performance.now() - t0;
    const exported = await repo.exportPipeline(PIPELINE);
    repo.close();
    await deleteDB(name);

    // Same stores and indexes as the app's schema, same records, one transaction.
    const rawName = uniqueName('raw');
    const raw = await openDB(rawName, 1, {
      upgrade(db) {
        const deals = db.createObjectStore('deals', { keyPath: 'id' });
        deals.createIndex('byPipeline', 'pipelineId');
        deals.createIndex('byPipelineStage', ['pipelineId', 'stageId']);
        const events = db.createObjectStore('events', { keyPath: 'id' });
        events.createIndex('byDeal', 'dealId');
        events.createIndex('byPipeline', 'pipelineId');
      },
    });
    const t1 = performance.now();
    const tx = raw.transaction(['deals', 'events'], 'readwrite');
    const dealStore = tx.objectStore('deals');
    const eventStore = tx.objectStore('events');
    for (const d of exported.deals) void dealStore.put(d);
    for (const e of exported.events) void eventStore.put(e);
    await tx.done;
    const rawMs = performance.now() - t1;
    raw.close();
    await deleteDB(rawName);
    return { repoMs, rawMs, deals: exported.deals.length, events: exported.events.length };
  },

  /** Prepares a database with `n` deals for `firstScreen`. */
  async prepare(n: number) {
    const name = uniqueName('board');
    (await filledRepository(name, n)).close();
    return name;
  },

  /** Opening the database, reading `n` deals and painting the board's first screen. */
  async firstScreen(name: string) {
    boardHost().replaceChildren();
    shown?.close();
    await afterPaint();
    const t0 = performance.now();
    const repo = await createIdbRepository({ name });
    shown = repo;
    const el = document.createElement('sales-pipeline') as SalesPipeline;
    el.pipeline = PIPELINE;
    el.repository = repo;
    boardHost().append(el);
    await new Promise<void>((resolve) => {
      const check = () => {
        if (el.shadowRoot?.querySelector('.cards .card')) resolve();
        else requestAnimationFrame(check);
      };
      check();
    });
    await el.updateComplete;
    const painted = await afterPaint();
    const cards = el.shadowRoot!.querySelectorAll('.cards .card').length;
    return { ms: painted - t0, cards };
  },

  /** Starts timing at the next pointerup; resolves at `deal-moved` (after the commit). */
  armDrop() {
    const el = boardHost().querySelector('sales-pipeline')!;
    return new Promise<void>((ready) => {
      (window as unknown as { dropResult: Promise<number> }).dropResult = new Promise<number>(
        (resolve) => {
          let t0 = 0;
          window.addEventListener('pointerup', () => (t0 = performance.now()), {
            capture: true,
            once: true,
          });
          el.addEventListener('deal-moved', () => resolve(performance.now() - t0), { once: true });
          ready();
        },
      );
    });
  },

  /** Centres of the first card of `from` and of the header of `to`, in viewport px. */
  dragPoints(from: string, to: string) {
    const root = boardHost().querySelector('sales-pipeline')!.shadowRoot!;
    const box = (sel: string) => root.querySelector(sel)!.getBoundingClientRect();
    const a = box(`.column[data-col="${from}"] .cards .card`);
    const b = box(`.column[data-col="${to}"] .column-header`);
    return { from: [a.x + a.width / 2, a.y + 20], to: [b.x + b.width / 2, b.y + b.height / 2] };
  },

  /**
   * Centre of the first card of column `key`, and a point in the gap between its third and
   * fourth cards: a drag from one to the other reorders within the column.
   */
  reorderPoints(key: string) {
    const root = boardHost().querySelector('sales-pipeline')!.shadowRoot!;
    const cards = [...root.querySelectorAll(`.column[data-col="${key}"] .cards .card`)].map((c) =>
      c.getBoundingClientRect(),
    );
    const [a, c] = [cards[0]!, cards[3]!];
    return { from: [a.x + a.width / 2, a.y + 20], to: [c.x + c.width / 2, c.y + 2] };
  },

  stageIds() {
    const root = boardHost().querySelector('sales-pipeline')!.shadowRoot!;
    return [...root.querySelectorAll<HTMLElement>('.column')].map((c) => c.dataset.col!);
  },

  async cleanup(name: string) {
    boardHost().replaceChildren();
    shown?.close();
    shown = undefined;
    await new Promise((r) => setTimeout(r, 50));
    await deleteDB(name);
  },
};

window.bench = bench;
