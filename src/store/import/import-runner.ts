import type { Lang, Pipeline } from '../../model/types.js';
import { firstLineWith, NotUtf8Error, type Encoding } from './decode.js';
import type { MappedRow } from './map-rows.js';
import type { ImportPlan, ImportScan } from './plan.js';
import { mapBytes, scanBytes } from './run.js';
import { streamChunks, type WorkerReply, type WorkerRequest } from './worker-protocol.js';

/**
 * Runs an import's passes in a worker (`import-worker.ts`), so a 50 MB file never holds the
 * page's thread; where workers are not available (an old browser, a page's strict policy) the
 * same passes run here, chunk by chunk, yielding between chunks.
 */

export type ScanOutcome =
  { ok: true; scan: ImportScan } | { ok: false; suggestion: Encoding; sample: string };

export interface ImportRunner {
  scan(
    file: Blob,
    encoding: Encoding | undefined,
    onBytes: (done: number) => void,
  ): Promise<ScanOutcome>;
  map(
    file: Blob,
    scan: ImportScan,
    plan: ImportPlan,
    pipeline: Pipeline,
    lang: Lang,
    onBytes: (done: number) => void,
  ): Promise<MappedRow[]>;
  close(): void;
}

function startWorker(): Worker | undefined {
  try {
    return new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return undefined;
  }
}

/** A runner; `inWorker: false` runs the passes on this thread (tests of the fallback). */
export function importRunner(options: { inWorker?: boolean } = {}): ImportRunner {
  const worker = options.inWorker === false ? undefined : startWorker();
  return worker ? workerRunner(worker) : localRunner();
}

function ask(
  worker: Worker,
  request: WorkerRequest,
  on: (reply: WorkerReply) => boolean,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const onMessage = (e: MessageEvent<WorkerReply>) => {
      started = true;
      const reply = e.data;
      if (reply.kind === 'failed') done(new Error(reply.message));
      else if (on(reply)) done();
    };
    // A worker that never started (its file not served beside the page): said apart, to fall back.
    const onError = (e: ErrorEvent) => {
      e.preventDefault();
      done(started ? new Error(e.message || 'The import worker failed') : new WorkerUnavailable());
    };
    let started = false;
    const done = (error?: Error) => {
      worker.removeEventListener('message', onMessage);
      worker.removeEventListener('error', onError);
      if (error) reject(error);
      else resolve();
    };
    worker.addEventListener('message', onMessage);
    worker.addEventListener('error', onError);
    worker.postMessage(request);
  });
}

class WorkerUnavailable extends Error {}

/** The worker's runner; if the worker cannot start, the same passes run on this thread. */
function workerRunner(worker: Worker): ImportRunner {
  const local = localRunner();
  let failed = false;
  const orLocal = async <T>(run: () => Promise<T>, fallback: () => Promise<T>): Promise<T> => {
    if (failed) return fallback();
    try {
      return await run();
    } catch (err) {
      if (!(err instanceof WorkerUnavailable)) throw err;
      failed = true;
      worker.terminate();
      return fallback();
    }
  };
  const inWorker = viaWorker(worker);
  return {
    scan: (file, encoding, onBytes) =>
      orLocal(
        () => inWorker.scan(file, encoding, onBytes),
        () => local.scan(file, encoding, onBytes),
      ),
    map: (file, scan, plan, pipeline, lang, onBytes) =>
      orLocal(
        () => inWorker.map(file, scan, plan, pipeline, lang, onBytes),
        () => local.map(file, scan, plan, pipeline, lang, onBytes),
      ),
    close: () => worker.terminate(),
  };
}

function viaWorker(worker: Worker): ImportRunner {
  return {
    async scan(file, encoding, onBytes) {
      let outcome: ScanOutcome | undefined;
      await ask(worker, { kind: 'scan', file, ...(encoding ? { encoding } : {}) }, (r) => {
        if (r.kind === 'progress') onBytes(r.done);
        else if (r.kind === 'scanned') outcome = { ok: true, scan: r.scan };
        else if (r.kind === 'not-utf8')
          outcome = { ok: false, suggestion: r.suggestion, sample: r.sample };
        return outcome !== undefined;
      });
      return outcome!;
    },
    async map(file, scan, plan, pipeline, lang, onBytes) {
      const rows: MappedRow[] = [];
      await ask(worker, { kind: 'map', file, scan, plan, pipeline, lang }, (r) => {
        if (r.kind === 'progress') onBytes(r.done);
        else if (r.kind === 'rows') rows.push(...r.rows);
        return r.kind === 'mapped';
      });
      return rows;
    },
    close: () => worker.terminate(),
  };
}

/** Chunks with a pause after each, so the page stays responsive without a worker. */
async function* yielding(file: Blob): AsyncGenerator<Uint8Array> {
  for await (const chunk of streamChunks(file)) {
    yield chunk;
    await new Promise((r) => setTimeout(r, 0));
  }
}

function localRunner(): ImportRunner {
  return {
    async scan(file, encoding, onBytes) {
      try {
        return { ok: true, scan: await scanBytes(yielding(file), encoding, onBytes) };
      } catch (err) {
        if (!(err instanceof NotUtf8Error)) throw err;
        const head = new Uint8Array(await file.slice(0, 65536).arrayBuffer());
        return {
          ok: false,
          suggestion: err.suggestion,
          sample: firstLineWith(head, err.suggestion),
        };
      }
    },
    async map(file, scan, plan, pipeline, lang, onBytes) {
      const rows: MappedRow[] = [];
      await mapBytes(yielding(file), scan, plan, pipeline, lang, (r) => rows.push(...r), onBytes);
      return rows;
    },
    close: () => undefined,
  };
}
