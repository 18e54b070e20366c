import { executeServerCommand } from '@web/test-runner-commands';
import type { SalesRepository } from '../../src/store/repository.js';
import type { TabBRequest } from './protocol.js';

/** The methods of a repository that answer with data (those that can cross to another tab). */
type Callable = {
  [K in keyof SalesRepository]-?: SalesRepository[K] extends (...a: never[]) => Promise<unknown>
    ? K
    : never;
}[keyof SalesRepository];

/** A second real tab of this browser, with its own repository on `database`. */
export interface TabB {
  /** Calls a method of tab B's repository and resolves once tab B's call has resolved. */
  call<M extends Callable>(
    method: M,
    ...params: Parameters<SalesRepository[M]>
  ): Promise<Awaited<ReturnType<SalesRepository[M]>>>;
  /** Closes tab B's repository and the tab itself. */
  close(): Promise<void>;
}

async function send(request: TabBRequest): Promise<unknown> {
  const reply = await executeServerCommand<{ value: unknown }, TabBRequest>(
    'two-tabs-run',
    request,
  );
  return reply.value;
}

/** Opens tab B (see `plugin.mjs`) for a test on `database`. */
export async function openTabB(database: string): Promise<TabB> {
  await executeServerCommand('two-tabs-open');
  return {
    call: (method, ...params) => send({ op: 'call', args: { database, method, params } }) as never,
    close: async () => {
      try {
        await send({ op: 'close', args: { database } });
      } finally {
        await executeServerCommand('two-tabs-close');
      }
    },
  };
}
