// Tab B's side of the two-tab harness (plugin.mjs opens this page beside the test page): a
// repository of its own on the database tab A names, whose methods tab A calls by name.
import { createIdbRepository } from '../../src/store/idb-repository.js';
import type { SalesRepository } from '../../src/store/repository.js';
import type { TabBRequest } from './protocol.js';

const repositories = new Map<string, Promise<SalesRepository>>();

function repositoryFor(database: string): Promise<SalesRepository> {
  let repo = repositories.get(database);
  if (!repo) repositories.set(database, (repo = createIdbRepository({ name: database })));
  return repo;
}

async function run(op: TabBRequest['op'], args: TabBRequest['args']): Promise<unknown> {
  if (op === 'close') {
    const repo = repositories.get(args.database);
    repositories.delete(args.database);
    (await repo)?.close();
    return null;
  }
  const repo = (await repositoryFor(args.database)) as unknown as Record<
    string,
    (...a: unknown[]) => Promise<unknown>
  >;
  const method = repo[args.method ?? ''];
  if (typeof method !== 'function') throw new Error(`tab B: no repository method ${args.method}`);
  return method.apply(repo, args.params ?? []);
}

declare global {
  interface Window {
    tabB?: { run: typeof run };
  }
}
window.tabB = { run };
