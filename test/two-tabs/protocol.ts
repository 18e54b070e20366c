import type { SalesRepository } from '../../src/store/repository.js';

/**
 * What tab A sends tab B through the `two-tabs-run` server command: call a method of tab B's
 * repository on `database` (its result comes back as JSON), or close that repository.
 */
export interface TabBRequest {
  op: 'call' | 'close';
  args: { database: string; method?: keyof SalesRepository; params?: unknown[] };
}
