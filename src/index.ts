/**
 * The package entry: defines every element and re-exports the classes, their event and string
 * types, and the pure APIs a page may want. Import `sales-funnel/sim`, `sales-funnel/model`,
 * `sales-funnel/analytics` or `sales-funnel/store` for those parts alone, without elements.
 */
import './elements/sales-funnel/define.js';
import './elements/sales-pipeline/define.js';
import './elements/sales-simulator/define.js';
import './elements/sales-workspace/define.js';
import './elements/sales-forecast/define.js';

// The classes and their event types, as `sales-funnel/elements` exports them.
export * from './elements/index.js';

// <sales-funnel>
export type { FunnelRow } from './elements/sales-funnel/sales-funnel.js';
export { layoutFunnel } from './elements/sales-funnel/model/geometry.js';
export * from './svg.js';
export type {
  FunnelLayout,
  BandLayout,
  LabelBox,
  Orientation,
  Shape,
} from './elements/sales-funnel/model/geometry.js';
export { FUNNEL_STRINGS, type FunnelStrings } from './elements/sales-funnel/strings.js';
/** @deprecated Use `FUNNEL_STRINGS`. */
export { FUNNEL_STRINGS as STRINGS } from './elements/sales-funnel/strings.js';
/** @deprecated Use `FunnelStrings`. */
export type { FunnelStrings as UiStrings } from './elements/sales-funnel/strings.js';

// <sales-pipeline>
export { PIPELINE_STRINGS } from './elements/sales-pipeline/later-strings.js';
export type { PipelineStrings } from './elements/sales-pipeline/strings.js';

// <sales-simulator>
export { SIMULATOR_STRINGS, type SimulatorStrings } from './elements/sales-simulator/strings.js';

// <sales-workspace>
export { WORKSPACE_TABS } from './elements/sales-workspace/events.js';
export { WORKSPACE_STRINGS, type WorkspaceStrings } from './elements/sales-workspace/strings.js';

// <sales-forecast>
export { FORECAST_STRINGS, type ForecastStrings } from './elements/sales-forecast/strings.js';

export * from './model/index.js';
export * from './sim/index.js';
