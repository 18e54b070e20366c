import { svg, type SVGTemplateResult } from 'lit';
import { nice } from 'd3-array';

/**
 * The tornado chart of the improvement ranking: one row per lever, a bar to the left for the
 * won deals lost when the lever gets worse and one to the right for those gained when it gets
 * better, widest first. The geometry is a pure function (d3-array rounds the axis); `renderTornado` draws it
 * with a Lit `svg` template. Labels sit above their bar so the chart still reads at 320 px.
 */

export interface TornadoRow {
  label: string;
  /** Change in won deals when the lever gets worse (≤ 0). */
  down: number;
  /** Change in won deals when the lever gets better (≥ 0). */
  up: number;
}

export interface TornadoBar extends TornadoRow {
  /** Top of the row's label line. */
  y: number;
  /** Top of the bars. */
  barY: number;
  /** Left edge and width of the "worse" bar. */
  downX: number;
  downWidth: number;
  /** Left edge and width of the "better" bar (the left edge is the zero line). */
  upX: number;
  upWidth: number;
}

export interface TornadoLayout {
  width: number;
  height: number;
  /** x of the zero line. */
  zero: number;
  barHeight: number;
  bars: TornadoBar[];
}

export interface TornadoOptions {
  width: number;
  /** Height of a label line. Default 18. */
  labelHeight?: number;
  /** Default 14. */
  barHeight?: number;
  /** Room at each side for the value texts. Default 60. */
  valueRoom?: number;
}

export function layoutTornado(rows: readonly TornadoRow[], options: TornadoOptions): TornadoLayout {
  const labelHeight = options.labelHeight ?? 18;
  const barHeight = options.barHeight ?? 14;
  const room = options.valueRoom ?? 60;
  const width = Math.max(160, Math.round(options.width));
  const rowHeight = labelHeight + barHeight + 10;
  const extent = Math.max(1e-9, ...rows.map((r) => Math.max(Math.abs(r.down), Math.abs(r.up))));
  // A symmetric axis, widened to round numbers (d3-array's `nice`), so zero sits in the middle.
  const [lo, hi] = nice(-extent, extent, 4);
  const half = Math.max(-lo, hi);
  const x = (v: number) => room + ((v + half) / (2 * half)) * (width - 2 * room);
  const zero = x(0);
  const bars = rows.map((r, i): TornadoBar => {
    const y = i * rowHeight;
    const left = x(Math.min(0, r.down));
    const right = x(Math.max(0, r.up));
    return {
      ...r,
      y,
      barY: y + labelHeight,
      downX: left,
      downWidth: zero - left,
      upX: zero,
      upWidth: right - zero,
    };
  });
  return { width, height: rows.length * rowHeight, zero, barHeight, bars };
}

/** Draws a layout; `format` turns a change in won deals into its label. */
export function renderTornado(
  layout: TornadoLayout,
  format: (value: number) => string,
  label: string,
): SVGTemplateResult {
  const { width, height, zero, barHeight } = layout;
  return svg`<svg class="tornado" part="tornado" role="img" aria-label=${label}
    viewBox="0 0 ${width} ${height}" width=${width} height=${height}>
    ${layout.bars.map(
      (b, i) => svg`<g class=${i === 0 ? 'row top' : 'row'}>
        <line class="zero" x1=${zero} x2=${zero} y1=${b.barY - 3} y2=${b.barY + barHeight + 3}></line>
        <text class="lever" x=${zero} y=${b.y + 13} text-anchor="middle">${b.label}</text>
        <rect class="down" x=${b.downX} y=${b.barY} width=${b.downWidth} height=${barHeight}
          rx="2"></rect>
        <rect class="up" x=${b.upX} y=${b.barY} width=${b.upWidth} height=${barHeight}
          rx="2"></rect>
        <text class="value" x=${b.downX - 4} y=${b.barY + barHeight - 3} text-anchor="end">
          ${format(b.down)}</text>
        <text class="value" x=${b.upX + b.upWidth + 4} y=${b.barY + barHeight - 3}>
          ${format(b.up)}</text>
      </g>`,
    )}
  </svg>`;
}
