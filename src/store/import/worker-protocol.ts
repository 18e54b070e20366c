import type { Lang, Pipeline } from '../../model/types.js';
import type { Encoding } from './decode.js';
import type { MappedRow } from './map-rows.js';
import type { ImportPlan, ImportScan } from './plan.js';

/** What the page and the import worker say to each other (structured-cloned: plain data, Blobs, Maps). */

export type WorkerRequest =
  | { kind: 'scan'; file: Blob; encoding?: Encoding }
  | { kind: 'map'; file: Blob; scan: ImportScan; plan: ImportPlan; pipeline: Pipeline; lang: Lang };

export type WorkerReply =
  | { kind: 'progress'; done: number }
  | { kind: 'scanned'; scan: ImportScan }
  | { kind: 'not-utf8'; suggestion: Encoding; sample: string }
  | { kind: 'rows'; rows: MappedRow[] }
  | { kind: 'mapped' }
  | { kind: 'failed'; message: string };

/** A Blob's bytes, chunk by chunk as the browser reads them. */
export async function* streamChunks(file: Blob): AsyncGenerator<Uint8Array> {
  const reader = file.stream().getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}
