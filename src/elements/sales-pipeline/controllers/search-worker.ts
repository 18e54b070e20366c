/// <reference lib="webworker" />
import { SearchIndex, type SearchReply, type SearchRequest } from '../model/search-index.js';

/**
 * The board's search off the page's thread: the page keeps the index here in step with its
 * deals and asks one query per keystroke; the matches go back as slots, in transferred buffers.
 */

const scope = self as unknown as DedicatedWorkerGlobalScope;
const index = new SearchIndex();

scope.onmessage = (e: MessageEvent<SearchRequest>) => {
  const reply = index.handle(e.data);
  if (reply?.kind === 'found') {
    scope.postMessage(
      reply,
      reply.columns.map((c) => c.slots.buffer),
    );
  }
};
scope.postMessage({ kind: 'ready' } satisfies SearchReply);
