import { nice } from 'd3-array';

/**
 * The geometry of the ranking's tornado chart: one row per lever, a bar to the left for the won
 * deals lost when the lever gets worse and one to the right for those gained when it gets
 * better. Pure (d3-array rounds the axis); `panels/tornado.ts` draws it with a Lit `svg`
 * template. Labels sit above their bar so the chart still reads at 320 px.
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
