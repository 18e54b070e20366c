import { SalesFunnel } from './sales-funnel.js';

// Guarded so that two copies of the library on one page (a CMS plugin and a theme, say) do not
// throw "name already defined".
if (!customElements.get('sales-funnel')) customElements.define('sales-funnel', SalesFunnel);

export { SalesFunnel };
export type { FunnelRow } from './sales-funnel.js';
export type {
  ErrorEventDetail,
  SalesErrorEvent,
  StageSelectedDetail,
  StageSelectedEvent,
} from '../events.js';
export type { FunnelStrings } from './strings.js';

declare global {
  interface HTMLElementTagNameMap {
    'sales-funnel': SalesFunnel;
  }
}
