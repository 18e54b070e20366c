// Team sync on loopback (`npm run bench`, or `node --expose-gc --import tsx bench/sync/run.ts`):
// 5 clients × 1,000 deals through one sync server, how long a move takes to reach the other
// four (p50 / p95), a 10,000-deal document's size and load time, memory after 10,000 moves,
// and whether anything was lost (every client's deals and histories equal at the end).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { BrowserLikeWebSocket } from '../../scripts/sync/node-websocket.js';
import { startSyncServer } from '../../scripts/sync/server.js';
import { openSyncRepository } from '../../src/store/sync/connect.js';
import { SyncRepository } from '../../src/store/sync/sync-repository.js';
import type { NewDeal } from '../../src/store/repository.js';

const CLIENTS = 5;
const DEALS = 1000;
const MOVES = 200;
const BIG = 10_000;
const STAGES = ['a', 'b', 'c', 'd'].map((id) => ({ id, name: id.toUpperCase() }));

const step = (what: string) => process.stderr.write(`… ${what}\n`);
const dir = await mkdtemp(join(tmpdir(), 'sync-bench-'));
const { server, close } = await startSyncServer({
  port: 0,
  db: join(dir, 'bench.sqlite'),
  maxMessagesPerSecond: 100_000,
  // The 10,000-deal room arrives in one message.
  maxMessageBytes: 64 * 2 ** 20,
});
const url = `ws://127.0.0.1:${server.address.port}`;

/** The q-quantile of `values` (nearest rank). */
function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

/** A random generator with a seed, so every run moves the same deals. */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}
const random = lcg(20261201);
const deals = (n: number): NewDeal[] =>
  Array.from({ length: n }, (_, i) => ({
    title: `Deal ${i + 1}`,
    amount: 100 + (i % 50) * 10,
    stageId: STAGES[i % STAGES.length]!.id,
  }));

const clients = await Promise.all(
  Array.from({ length: CLIENTS }, (_, i) =>
    openSyncRepository({
      url,
      room: 'bench',
      persist: false,
      WebSocketPolyfill: BrowserLikeWebSocket,
      newId: (() => {
        let n = 0;
        return () => `c${i}-${(n += 1)}`;
      })(),
    }),
  ),
);
await Promise.all(clients.map((c) => c.link!.whenSynced()));
const [first] = clients as [SyncRepository];

/** Resolves once `check` holds on `repo`, checked after each change it hears. */
function when(repo: SyncRepository, check: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (check()) return resolve();
    const off = repo.subscribe(null, () => {
      if (check()) {
        off();
        resolve();
      }
    });
  });
}
const shown = (repo: SyncRepository) => repo.docBackend;

step(`${CLIENTS} clients connected`);
await first.createPipeline({ id: 'p', name: 'Bench', stages: STAGES });
await first.importDeals('p', deals(DEALS));
await Promise.all(clients.map((c) => when(c, () => c.docBackend.roots.deals.size === DEALS)));

step(`${DEALS} deals on every client`);
// A move, from a random client, until all four others show the deal in its new stage.
const latencies: number[] = [];
const ids = (await first.listDeals('p')).map((d) => d.id);
for (let i = 0; i < MOVES; i++) {
  const mover = clients[Math.floor(random() * CLIENTS)]!;
  const id = ids[Math.floor(random() * ids.length)]!;
  const deal = (await mover.getDeal(id))!;
  const to = STAGES.filter((s) => s.id !== deal.stageId)[Math.floor(random() * 3)]!.id;
  const others = clients.filter((c) => c !== mover);
  const arrived = Promise.all(
    others.map((c) => when(c, () => shown(c).dealNow(id)?.stageId === to)),
  );
  const start = performance.now();
  await mover.moveDeal(id, to, { expectedVersion: deal.version });
  await arrived;
  latencies.push(performance.now() - start);
}
await Promise.all(clients.map((c) => c.link!.whenSynced()));
const reference = JSON.stringify([await first.listDeals('p'), await first.listEvents('p')]);
let equal = true;
for (const c of clients) {
  equal &&= JSON.stringify([await c.listDeals('p'), await c.listEvents('p')]) === reference;
}
const moved = (await first.listEvents('p')).filter((e) => e.kind === 'moved').length;
for (const c of clients) c.close();

step(`${MOVES} moves`);
// A 10,000-deal document: its size, and the time to open it from its stored state.
const bigDoc = new Y.Doc();
const big = new SyncRepository(bigDoc);
await big.createPipeline({ id: 'p', name: 'Big', stages: STAGES });
await big.importDeals('p', deals(BIG));
const state = Y.encodeStateAsUpdate(bigDoc);
// Best of 3 (the machine is shared): Yjs applying the stored state, then the repository reading
// and checking every record of it.
let applyMs = Infinity;
let readMs = Infinity;
let loadedDeals = 0;
for (let run = 0; run < 3; run++) {
  const begin = performance.now();
  const loadedDoc = new Y.Doc();
  Y.applyUpdate(loadedDoc, state);
  const applied = performance.now();
  const loaded = new SyncRepository(loadedDoc);
  loadedDeals = (await loaded.listDeals('p')).length;
  applyMs = Math.min(applyMs, applied - begin);
  readMs = Math.min(readMs, performance.now() - applied);
}
const loadMs = applyMs + readMs;

step('10,000-deal document opened');
// The same document through the server: a new client's first sync of all 10,000 deals.
const seeder = await openSyncRepository({
  url,
  room: 'big',
  persist: false,
  WebSocketPolyfill: BrowserLikeWebSocket,
});
Y.applyUpdate(seeder.doc, state);
await seeder.link!.whenSynced();
const start = performance.now();
const reader = await openSyncRepository({
  url,
  room: 'big',
  persist: false,
  WebSocketPolyfill: BrowserLikeWebSocket,
});
await when(reader, () => reader.docBackend.roots.deals.size === BIG);
const networkLoadMs = performance.now() - start;
seeder.close();
reader.close();

step('10,000-deal document synced through the server');
// Memory after 10,000 moves on the 10,000-deal document.
const bigIds = (await big.listDeals('p')).map((d) => d.id);
for (let i = 0; i < 10_000; i++) {
  const id = bigIds[Math.floor(random() * bigIds.length)]!;
  const deal = (await big.getDeal(id))!;
  const to = STAGES.filter((s) => s.id !== deal.stageId)[Math.floor(random() * 3)]!.id;
  await big.moveDeal(id, to, { expectedVersion: deal.version });
}
(globalThis as { gc?: () => void }).gc?.();
const heapMb = process.memoryUsage().heapUsed / 2 ** 20;
const afterMoves = Y.encodeStateAsUpdate(bigDoc).byteLength;
const bigLost =
  (await big.listDeals('p')).length !== BIG ||
  (await big.listEvents('p')).filter((e) => e.kind === 'moved').length !== 10_000;

await close();
await rm(dir, { recursive: true, force: true });

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const rows: [string, string][] = [
  [
    `move seen by the other ${CLIENTS - 1} clients (${CLIENTS} × ${DEALS} deals), p50`,
    `${quantile(latencies, 0.5).toFixed(1)} ms`,
  ],
  [`… p95 (${MOVES} moves)`, `${quantile(latencies, 0.95).toFixed(1)} ms`],
  [
    `${CLIENTS} clients' deals and histories equal, ${moved} moves recorded`,
    equal && moved === MOVES ? 'yes' : 'NO',
  ],
  [`${BIG.toLocaleString('en')}-deal document, stored size`, kb(state.byteLength)],
  [
    `… opened from its stored state (${loadedDeals.toLocaleString('en')} deals read), best of 3`,
    `${loadMs.toFixed(0)} ms`,
  ],
  ['… of which Yjs applying the stored state', `${applyMs.toFixed(0)} ms`],
  ['… of which the repository reading and checking every record', `${readMs.toFixed(0)} ms`],
  ['… first sync of a new client through the server', `${networkLoadMs.toFixed(0)} ms`],
  ['… after 10,000 moves: stored size', kb(afterMoves)],
  ['… after 10,000 moves: heap in use (whole process, after GC)', `${heapMb.toFixed(0)} MB`],
  ['… nothing lost (10,000 deals, 10,000 move events)', bigLost ? 'NO' : 'yes'],
];
const width = Math.max(...rows.map(([k]) => k.length));
console.log(`| ${'what'.padEnd(width)} | value |`);
console.log(`| ${'-'.repeat(width)} | ----- |`);
for (const [k, v] of rows) console.log(`| ${k.padEnd(width)} | ${v} |`);
if (!equal || bigLost) process.exit(1);
