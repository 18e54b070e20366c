import { createContext } from '@lit/context';
import type { SalesRepository } from '../../store/repository.js';

/**
 * Where the elements under a provider keep their data: a repository object, or the page's
 * shared IndexedDB repository of a database. `<sales-workspace>` provides it to the board,
 * funnel and simulator it shows; any ancestor may provide it with `@lit/context`'s
 * `ContextProvider`. An element's own `repository` property, or its own `database`
 * attribute, still wins over what it is given.
 */
export type RepositorySource = { repository: SalesRepository } | { database: string };

export const repositoryContext = createContext<RepositorySource | undefined>(
  Symbol.for('sales-funnel/repository'),
);
