/**
 * The package entry: defines every element and re-exports the classes and the pure APIs a page
 * may want. Import `sales-funnel/sim` or `sales-funnel/model` for the pure parts alone.
 */
import './elements/sales-funnel/define.js';

export { SalesFunnel } from './elements/sales-funnel/sales-funnel.js';
export type { FunnelRow } from './elements/sales-funnel/sales-funnel.js';
export { layoutFunnel } from './elements/sales-funnel/geometry.js';
export type {
  FunnelLayout,
  BandLayout,
  LabelBox,
  Orientation,
  Shape,
} from './elements/sales-funnel/geometry.js';
export { STRINGS, type UiStrings } from './elements/i18n.js';
export type {
  ErrorEventDetail,
  StageSelectedDetail,
  StageSelectedEvent,
  SalesErrorEvent,
} from './elements/events.js';
export * from './model/index.js';
export * from './sim/index.js';
