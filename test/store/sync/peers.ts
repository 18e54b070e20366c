import * as Y from 'yjs';
import type { RepositoryNotice } from '../../../src/store/repository.js';
import { SyncRepository } from '../../../src/store/sync/sync-repository.js';

/** A peer: a synced repository over its own Y.Doc, and the notices it received. */
export interface Peer {
  repo: SyncRepository;
  doc: Y.Doc;
  notices: RepositoryNotice[];
}

/** Two (or more) peers with their own documents, ids and a shared step clock. */
export function peers(names: string[], clock: () => number): Peer[] {
  return names.map((name) => {
    const doc = new Y.Doc();
    let n = 0;
    const repo = new SyncRepository(doc, { now: clock, newId: () => `${name}-${(n += 1)}` });
    const notices: RepositoryNotice[] = [];
    repo.onNotice((notice) => notices.push(notice));
    return { repo, doc, notices };
  });
}

/** Exchanges what each document lacks, both ways, as a provider would. */
export function exchange(a: Y.Doc, b: Y.Doc): void {
  const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  Y.applyUpdate(b, toB, 'peer');
  Y.applyUpdate(a, toA, 'peer');
}

export const TWO_STAGES = {
  id: 'p',
  name: 'Team',
  stages: [
    { id: 'a', name: 'A' },
    { id: 'b', name: 'B' },
    { id: 'c', name: 'C' },
  ],
};

/** Both peers on one pipeline: created by the first and received by the second. */
export async function sharedPipeline(list: Peer[]): Promise<void> {
  await list[0]!.repo.createPipeline(TWO_STAGES);
  for (const p of list.slice(1)) exchange(list[0]!.doc, p.doc);
}
