// The page side of bench/import/long-tasks.mjs: a CSV export generated in the page, read by the
// import step's runner (worker), mapped, and written through an IndexedDB repository, while a
// long-task observer records every task over 50 ms on the page's thread. Exposes `window.bench`.
import { deleteDB } from 'idb';
import { importRunner } from '../../src/store/import/import-runner.js';
import { resolvePlan } from '../../src/store/import/map-rows.js';
import { suggestPlan } from '../../src/store/import/plan.js';
import { createIdbRepository } from '../../src/store/idb-repository.js';

function exportText(rows: number, noteRepeat: number): string {
  const note = 'Called twice; "budget" confirmed, next step: proposal,\nsee minutes.'.replace(
    /"/g,
    '""',
  );
  const lines = [
    'Record ID,Deal Name,Deal Stage,Amount,Close Date,Create Date,Deal Owner,Associated Company,Notes',
  ];
  for (let i = 0; i < rows; i += 1) {
    lines.push(
      `${i},Deal ${i},${i % 3 ? 'Qualified To Buy' : 'Appointment Scheduled'},${(i % 97) * 125}.50,2026-03-31,2026-01-05 09:30,Ana Ruiz,"Company ${i % 700}, S.L.","${note.repeat(noteRepeat)}"`,
    );
  }
  return lines.join('\r\n');
}

interface Phase {
  ms: number;
  longTasks: number;
  longestMs: number;
}

async function phase(run: () => Promise<void>): Promise<Phase> {
  const tasks: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) tasks.push(e.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  const t0 = performance.now();
  await run();
  const ms = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 50));
  observer.disconnect();
  return { ms, longTasks: tasks.length, longestMs: Math.max(0, ...tasks) };
}

async function run(rows: number, noteRepeat: number) {
  const file = new Blob([exportText(rows, noteRepeat)], { type: 'text/csv' });
  const name = `bench-import-${Date.now()}`;
  const repo = await createIdbRepository({ name });
  const pipeline = await repo.ensurePipeline('bench', { name: 'Bench' });
  const runner = importRunner();
  let scan;
  const heap = () =>
    (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0;
  const heapBefore = heap();
  const reading = await phase(async () => {
    const outcome = await runner.scan(file, undefined, () => undefined);
    if (!outcome.ok) throw new Error('not utf-8');
    scan = outcome.scan;
  });
  const { plan } = suggestPlan(scan!, pipeline);
  let rowsMapped: Awaited<ReturnType<typeof runner.map>> = [];
  const mapping = await phase(async () => {
    rowsMapped = await runner.map(file, scan!, plan, pipeline, 'en', () => undefined);
  });
  const heapAfterMap = heap();
  const resolved = resolvePlan(plan, scan!.headers, pipeline, 'en');
  const deals = rowsMapped.flatMap((r) => (r.deal ? [r.deal] : []));
  const writing = await phase(async () => {
    await repo.importMapped('bench', { deals, newStages: resolved.newStages });
  });
  runner.close();
  repo.close();
  await deleteDB(name);
  return {
    megabytes: file.size / 1048576,
    rows: deals.length,
    reading,
    mapping,
    writing,
    heapGrowthMb: (heapAfterMap - heapBefore) / 1048576,
    inWorker: performance
      .getEntriesByType('resource')
      .some((e) => e.name.includes('import-worker')),
  };
}

(window as unknown as { bench: unknown }).bench = { run };
