/**
 * `sales-funnel/elements`: every element's class, registering none of them, for a page that
 * defines them under its own names or subclasses one. Import `sales-funnel/funnel` (and the
 * other per-element entries) to register an element with its usual tag.
 */
export { SalesFunnel } from './sales-funnel/sales-funnel.js';
export { SalesPipeline } from './sales-pipeline/sales-pipeline.js';
export { SalesSimulator } from './sales-simulator/sales-simulator.js';
export { SalesWorkspace } from './sales-workspace/sales-workspace.js';
export { SalesForecast } from './sales-forecast/sales-forecast.js';
export { SalesElement, type SalesEventsOf } from './sales-element.js';
export type {
  ErrorEventDetail,
  SalesErrorEvent,
  StageSelectedDetail,
  StageSelectedEvent,
} from './events.js';
export type {
  BoardPlace,
  DealBeforeMoveDetail,
  DealBeforeMoveEvent,
  DealMovedDetail,
  DealMovedEvent,
} from './sales-pipeline/events.js';
export type { ScenarioChangedDetail, ScenarioChangedEvent } from './sales-simulator/events.js';
export type { TabChangedDetail, TabChangedEvent, WorkspaceTab } from './sales-workspace/events.js';
