import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  WorkerSearch,
  changedDeals,
  startSearchWorker,
} from '../../../src/elements/sales-pipeline/controllers/worker-search.js';
import {
  buildColumns,
  type BoardColumn,
  type BoardFilter,
} from '../../../src/elements/sales-pipeline/model/board-model.js';
import { windowOf } from '../../../src/elements/sales-pipeline/model/windowing.js';
import type { Deal } from '../../../src/model/types.js';
import { deal, none, pipeline } from './model/fixtures.js';
import { NAMES, applyStep, dealsArb, expectSame, shape, stepArb } from './model/search-steps.js';

/**
 * The search with its index in a real worker, against the naive filter (`buildColumns`): the
 * same columns, order and totals once answered, for any deals and any keystrokes, filters and
 * changes; an older keystroke's answer is never shown; the page's thread filters nothing.
 */

/** A search on `worker` (by default the real search worker), with its queries awaited. */
function searchOn(worker: Worker = startSearchWorker()) {
  const passes: Promise<void>[] = [];
  const failures: unknown[] = [];
  let answers = 0;
  const search = new WorkerSearch(worker, {
    ready: () => (answers += 1),
    track: (pass) => passes.push(pass),
    failed: (why) => failures.push(why),
  });
  const ask = (deals: readonly Deal[], filter: BoardFilter) =>
    search.columns(pipeline, deals, filter, 'es', NAMES);
  /** The columns once every query asked so far is answered. */
  const answered = async (deals: readonly Deal[], filter: BoardFilter) => {
    ask(deals, filter);
    while (passes.length) await Promise.all(passes.splice(0));
    return ask(deals, filter);
  };
  return { search, ask, answered, failures, answers: () => answers };
}

/**
 * The real worker, whose answers are held until `release`: to hand them to the page late, or
 * in another order than they came.
 */
class HeldWorker extends EventTarget {
  private readonly real = startSearchWorker();
  private readonly held: unknown[] = [];
  private arrived?: () => void;

  constructor() {
    super();
    this.real.addEventListener('message', (e: MessageEvent) => {
      if ((e.data as { kind: string }).kind !== 'found') return;
      this.held.push(e.data);
      this.arrived?.();
    });
  }

  postMessage(message: unknown): void {
    this.real.postMessage(message);
  }

  terminate(): void {
    this.real.terminate();
  }

  /** Resolves once `n` answers are held. */
  async holding(n: number): Promise<void> {
    while (this.held.length < n) await new Promise<void>((r) => (this.arrived = r));
  }

  /** Hands the held answers `order` (indices in arrival order) to the page. */
  release(...order: number[]): void {
    const held = this.held.splice(0);
    for (const i of order) this.dispatchEvent(new MessageEvent('message', { data: held[i] }));
  }
}

const lucia = Array.from({ length: 300 }, (_, i) =>
  deal(`d${i}`, {
    title: i % 3 ? `Deal ${i}` : `Lucía ${i}`,
    stageId: i % 2 ? 'a' : 'b',
    amount: i,
  }),
);
const naive = (deals: readonly Deal[], text: string) =>
  buildColumns(pipeline, deals, { ...none, text }, 'es', NAMES);
const total = (columns: BoardColumn[]) => columns.reduce((n, c) => n + c.count, 0);

describe('board search in a worker', () => {
  it('tells the index every change of the deals, a deal that only moved in the list kept', () => {
    const pool = Array.from({ length: 12 }, (_, i) => deal(`d${i}`, {}));
    const list = fc.uniqueArray(fc.constantFrom(...pool), { maxLength: 12 });
    fc.assert(
      fc.property(list, list, (prev, next) => {
        const { changed, gone } = changedDeals(prev, next);
        // What the index holds after it is told, in the order it is (puts, then drops).
        const held = new Set(prev);
        for (const d of changed) held.add(d);
        for (const d of gone) held.delete(d);
        expect([...held].map((d) => d.id).sort()).to.deep.equal(next.map((d) => d.id).sort());
        expect(gone.filter((d) => next.includes(d))).to.deep.equal([]);
      }),
    );
  });

  it('finds exactly what the naive filter finds, keystroke by keystroke, as deals change', async () => {
    const { search, answered } = searchOn();
    await fc.assert(
      fc.asyncProperty(dealsArb, fc.array(stepArb, { maxLength: 20 }), async (start, steps) => {
        let deals: Deal[] = start;
        let filter: BoardFilter = { ...none, staleDays: 30 };
        expectSame(
          await answered(deals, filter),
          buildColumns(pipeline, deals, filter, 'es', NAMES),
        );
        for (const step of steps) {
          ({ filter, deals } = applyStep(step, filter, deals));
          const found = await answered(deals, filter);
          expectSame(found, buildColumns(pipeline, deals, filter, 'es', NAMES));
        }
      }),
      // One worker for every run: each run's deals replace the last run's, as a reload would.
      { seed: 1604, numRuns: 120 },
    );
    search.close();
  });

  it('never shows an older keystroke’s answer: the last one asked wins', async () => {
    const worker = new HeldWorker();
    const { search, ask } = searchOn(worker as unknown as Worker);
    ask(lucia, none);
    await worker.holding(1);
    worker.release(0);
    expectSame(ask(lucia, none), naive(lucia, ''));
    // "l" then "lu" before either is answered; the answers come late, in order.
    ask(lucia, { ...none, text: 'l' });
    ask(lucia, { ...none, text: 'lu' });
    await worker.holding(2);
    const before = search.found;
    worker.release(0);
    // The answer to "l" is dropped: the board still shows everything, never "l"'s result.
    expect(search.found).to.equal(before);
    expectSame(ask(lucia, { ...none, text: 'lu' }), naive(lucia, ''));
    worker.release();
    // A newer query again, and the answers handed over in the wrong order.
    ask(lucia, { ...none, text: 'luc' });
    ask(lucia, { ...none, text: 'lucí' });
    await worker.holding(2);
    worker.release(1, 0);
    expectSame(ask(lucia, { ...none, text: 'lucí' }), naive(lucia, 'lucí'));
    search.close();
  });

  it('matches in the worker: a keystroke costs the page one query and the deals it reads', async () => {
    const { search, answered } = searchOn();
    const shown = await answered(lucia, none);
    expect(search.work.sent).to.equal(300);
    // The answer's columns hold their matches as slots: no deal turned back until one is read.
    expect(search.work.mapped).to.equal(0);
    expect(shown.map((c) => c.count)).to.deep.equal([150, 150, 0, 0]);
    // A render reads the rows in view, and reads them again for the Tab stop: built once.
    const rows = { start: 140, end: 150 };
    expect(windowOf(shown[0], rows).map((d) => d.id)).to.deep.equal(
      naive(lucia, '')[0]
        .deals.slice(140, 150)
        .map((d) => d.id),
    );
    windowOf(shown[0], rows);
    expect(search.work.mapped).to.equal(10);
    const work = () => ({ ...search.work });
    let before = work();
    const l = await answered(lucia, { ...none, text: 'l' });
    expect(work()).to.deep.equal({
      sent: before.sent,
      queries: before.queries + 1,
      // Every deal looked at in the worker; the page turned none back into deals yet.
      filteredInWorker: before.filteredInWorker + 300,
      mapped: before.mapped,
    });
    // Read whole (as a key or a dialog does): each match turned back once, whatever is read after.
    expectSame(l, naive(lucia, 'l'));
    expectSame(l, naive(lucia, 'l'));
    expect(search.work.mapped - before.mapped).to.equal(total(l));
    before = work();
    const lu = await answered(lucia, { ...none, text: 'lu' });
    expect(total(lu)).to.equal(100);
    // Typing on narrows "l"'s matches, in the worker.
    expect(search.work.filteredInWorker - before.filteredInWorker).to.equal(total(l));
    expect(search.work.mapped - before.mapped).to.equal(0);
    // One deal edited: one deal sent to the index, not the board.
    before = work();
    const edited = lucia.map((d, i) => (i === 1 ? { ...d, title: 'Lucía again' } : d));
    expect(total(await answered(edited, { ...none, text: 'lu' }))).to.equal(101);
    expect(search.work.sent - before.sent).to.equal(1);
    expect(shown).to.have.length(4);
    search.close();
  });

  it('an answer read after the deals changed still shows the deals it found, as they were', async () => {
    const { search, answered } = searchOn();
    await fc.assert(
      fc.asyncProperty(dealsArb, fc.array(stepArb, { maxLength: 12 }), async (start, steps) => {
        let deals: Deal[] = start;
        let filter: BoardFilter = { ...none, staleDays: 30 };
        let held = await answered(deals, filter);
        let expected = buildColumns(pipeline, deals, filter, 'es', NAMES);
        for (const step of steps) {
          ({ filter, deals } = applyStep(step, filter, deals));
          const next = await answered(deals, filter);
          // Read only now, after edits and removals reached the index (a board keeps showing
          // an answer until the next one): the same deal objects it found, none missing.
          expect(held.map((c) => c.deals)).to.deep.equal(expected.map((c) => c.deals));
          held = next;
          expected = buildColumns(pipeline, deals, filter, 'es', NAMES);
        }
      }),
      { seed: 1605, numRuns: 80 },
    );
    search.close();
  });

  it('says so when the worker cannot start, and answers what it last had', async () => {
    const broken = new Worker(URL.createObjectURL(new Blob(['throw new Error("no")'])), {
      type: 'module',
    });
    const { ask, answered, failures } = searchOn(broken);
    expect(shape(await answered(lucia, none))).to.deep.equal([]);
    ask(lucia, none);
    expect(failures).to.have.length(1);
  });
});
