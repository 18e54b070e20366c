import { SalesPipeline } from './sales-pipeline.js';

// Guarded so that two copies of the library on one page do not throw "name already defined".
if (!customElements.get('sales-pipeline')) customElements.define('sales-pipeline', SalesPipeline);

export { SalesPipeline };
export type {
  BoardPlace,
  DealBeforeMoveDetail,
  DealBeforeMoveEvent,
  DealMovedDetail,
  DealMovedEvent,
} from './events.js';
export type { PipelineStrings } from './strings.js';

declare global {
  interface HTMLElementTagNameMap {
    'sales-pipeline': SalesPipeline;
  }
}
