/// <reference lib="webworker" />
import { mapBytes, scanBytes } from './run.js';
import { firstLineWith, NotUtf8Error } from './decode.js';
import { streamChunks, type WorkerReply, type WorkerRequest } from './worker-protocol.js';

/**
 * The import's two passes off the page's thread: the page sends the file (a `Blob`, read here
 * chunk by chunk, never whole), and gets progress from the first byte, the scan, the mapped
 * rows in batches, or why not.
 */

/** Mapped rows per message to the page. */
const ROWS_PER_MESSAGE = 250;

const scope = self as unknown as DedicatedWorkerGlobalScope;
const reply = (message: WorkerReply) => scope.postMessage(message);

scope.onmessage = async (e: MessageEvent<WorkerRequest>) => {
  const request = e.data;
  const onBytes = (done: number) => reply({ kind: 'progress', done });
  try {
    if (request.kind === 'scan') {
      const scan = await scanBytes(streamChunks(request.file), request.encoding, onBytes);
      reply({ kind: 'scanned', scan });
    } else {
      await mapBytes(
        streamChunks(request.file),
        request.scan,
        request.plan,
        request.pipeline,
        request.lang,
        // Small messages: the page takes each in a short task.
        (rows) => {
          for (let i = 0; i < rows.length; i += ROWS_PER_MESSAGE) {
            reply({ kind: 'rows', rows: rows.slice(i, i + ROWS_PER_MESSAGE) });
          }
        },
        onBytes,
      );
      reply({ kind: 'mapped' });
    }
  } catch (err) {
    if (err instanceof NotUtf8Error) {
      const head = new Uint8Array(await request.file.slice(0, 65536).arrayBuffer());
      reply({
        kind: 'not-utf8',
        suggestion: err.suggestion,
        sample: firstLineWith(head, err.suggestion),
      });
    } else reply({ kind: 'failed', message: err instanceof Error ? err.message : String(err) });
  }
};
