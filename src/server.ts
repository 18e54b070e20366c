/**
 * `sales-funnel/server`: the package entry for server rendering (`@lit-labs/ssr`). It defines
 * every element like the main entry, with what `<sales-funnel>` would load on first use given
 * at once, so a `preset` or a `scenario` renders its whole chart on the server too.
 */
import './elements/sales-funnel/server.js';

export * from './index.js';
