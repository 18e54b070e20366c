/**
 * `sales-funnel/svg`: the funnel chart as a standalone SVG string, in Node or a browser, with
 * no DOM and no element registered (for emails, PDFs and reports).
 */
export {
  renderFunnelSvg,
  FunnelSvgError,
  type FunnelSvgData,
  type FunnelSvgOptions,
} from './elements/sales-funnel/render-svg.js';
export type { FunnelColours } from './elements/sales-funnel/model/funnel-svg.js';
export type { TextWidth } from './elements/sales-funnel/model/label-width.js';
