/**
 * The funnel's layout as a pure function: band paths, centres and label boxes from the values
 * and the room available. No DOM, so it is unit-tested directly and reused by `toSVG()`.
 *
 * Paths are plain strings rather than d3-shape generators: each band is one trapezoid (or two
 * cubic edges when curved), which costs a few lines here and keeps d3 out of the embed's bundle.
 */

export type Orientation = 'vertical' | 'horizontal';
export type Shape = 'straight' | 'curved';

export interface LayoutOptions {
  /** One value per stage; `null` (or anything not a finite number ≥ 0) means unknown. */
  values: readonly (number | null)[];
  /** A second data set drawn as an outline behind the bands, on the same scale. */
  compare?: readonly (number | null)[];
  /** Room available, in px. */
  width: number;
  orientation?: Orientation;
  shape?: Shape;
  /** Smallest band, as a share of the widest, so tiny and zero stages stay visible. */
  minShare?: number;
  /** Lines of text in each stage's label. */
  labelLines?: number;
  lineHeight?: number;
  /** Average width of one character of label text, in px. */
  charWidth?: number;
  /** Characters the longest label line wants; labels are given up to this much room. */
  labelChars?: number;
  /** Space between bands, in px. */
  gap?: number;
}

/** Where a stage's label goes; its lines must be shortened to `width` by the caller. */
export interface LabelBox {
  x: number;
  y: number;
  width: number;
  height: number;
  anchor: 'start' | 'middle';
  /** The lines as drawn, each fitted to `width` (`funnelLayout` sets them). */
  lines?: string[];
}

export interface BandLayout {
  index: number;
  /** The value drawn (`null` when unknown: drawn at the minimum size). */
  value: number | null;
  /** Band's size across the funnel's axis at its start, in px. */
  size: number;
  path: string;
  /** Outline of the compared value, when a compare set is given. */
  ghost?: string;
  /** Centre of the band. */
  cx: number;
  cy: number;
  /** Bounding box of the band. */
  x: number;
  y: number;
  width: number;
  height: number;
  label: LabelBox;
}

export interface FunnelLayout {
  width: number;
  height: number;
  /** The orientation drawn: horizontal falls back to vertical when labels would not fit. */
  orientation: Orientation;
  bands: BandLayout[];
}

/** Narrowest column a horizontal funnel accepts before falling back to vertical. */
export const MIN_COLUMN = 88;
const LABEL_GAP = 12;
const MAX_FUNNEL = 560;

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const num = (v: number) => String(Math.round(v * 100) / 100);
const finite = (v: unknown, fallback: number) =>
  typeof v === 'number' && Number.isFinite(v) ? v : fallback;

/** A value the chart can draw, or `null`. */
export function drawable(v: number | null | undefined): number | null {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null;
}

/**
 * A band along the main axis from `a0` to `a1`, centred on `mid` across it, `s0` wide at the
 * start and `s1` at the end. Coordinates are (along, across); `flip` swaps them for vertical.
 */
function bandPath(
  a0: number,
  a1: number,
  mid: number,
  s0: number,
  s1: number,
  curved: boolean,
  vertical: boolean,
): string {
  const p = (along: number, across: number) =>
    vertical ? `${num(across)} ${num(along)}` : `${num(along)} ${num(across)}`;
  const l0 = mid - s0 / 2;
  const r0 = mid + s0 / 2;
  const l1 = mid - s1 / 2;
  const r1 = mid + s1 / 2;
  if (!curved) return `M${p(a0, l0)}L${p(a0, r0)}L${p(a1, r1)}L${p(a1, l1)}Z`;
  // Control points halfway along keep the edge tangent to the axis at both ends, so consecutive
  // bands join smoothly whatever their sizes.
  const am = (a0 + a1) / 2;
  return (
    `M${p(a0, l0)}L${p(a0, r0)}C${p(am, r0)} ${p(am, r1)} ${p(a1, r1)}` +
    `L${p(a1, l1)}C${p(am, l1)} ${p(am, l0)} ${p(a0, l0)}Z`
  );
}

/** Lays the funnel out. Never returns NaN: bad sizes and values fall back to safe ones. */
export function layoutFunnel(o: LayoutOptions): FunnelLayout {
  const values = o.values.map(drawable);
  const compare = o.compare?.map(drawable);
  const n = values.length;
  const width = clamp(finite(o.width, 320), 120, 100_000);
  const lines = clamp(Math.round(finite(o.labelLines, 3)), 1, 6);
  const lineHeight = clamp(finite(o.lineHeight, 16), 8, 64);
  const charWidth = clamp(finite(o.charWidth, 7), 3, 40);
  const labelChars = clamp(Math.round(finite(o.labelChars, 22)), 4, 80);
  const minShare = clamp(finite(o.minShare, 0.08), 0, 1);
  const gap = clamp(finite(o.gap, 2), 0, 20);
  const curved = o.shape === 'curved';
  if (n === 0) return { width, height: 0, orientation: o.orientation ?? 'vertical', bands: [] };

  let max = 0;
  for (const v of [...values, ...(compare ?? [])]) if (v !== null && v > max) max = v;
  const sizeOf = (v: number | null, full: number) => {
    const floor = full * minShare;
    return v === null || max === 0 ? floor : Math.max(floor, (v / max) * full);
  };

  const labelHeight = lines * lineHeight;
  const horizontal = o.orientation === 'horizontal' && width / n >= MIN_COLUMN;

  // Both orientations are laid out along an axis (stages) and across it (band sizes), then
  // mapped to x/y; only the size of the plot and the label boxes differ.
  let step: number, full: number, mid: number, height: number;
  let label: (a0: number, a1: number, i: number) => LabelBox;
  if (horizontal) {
    step = width / n;
    full = clamp(width * 0.3, 140, 260);
    mid = full / 2;
    height = full + LABEL_GAP + labelHeight + 4;
    label = (a0, a1) => ({
      x: (a0 + a1) / 2,
      y: full + LABEL_GAP,
      width: step - 8,
      height: labelHeight,
      anchor: 'middle',
    });
  } else {
    // Stages stacked top to bottom, labels in a column right of the funnel; the two are
    // centred together when there is room to spare.
    step = Math.max(labelHeight + 10, 28);
    height = n * step;
    const labelWidth = Math.min(clamp(labelChars * charWidth, 120, 280), width * 0.6);
    full = Math.min(width - labelWidth - LABEL_GAP, MAX_FUNNEL);
    const left = Math.max(0, (width - full - LABEL_GAP - labelWidth) / 2);
    mid = left + full / 2;
    label = (_a0, _a1, i) => ({
      x: left + full + LABEL_GAP,
      y: i * step + (step - labelHeight) / 2,
      width: labelWidth,
      height: labelHeight,
      anchor: 'start',
    });
  }
  const sizes = values.map((v) => sizeOf(v, full));
  const ghosts = compare?.map((v) => sizeOf(v, full));
  const vertical = !horizontal;
  const bands = values.map((value, i): BandLayout => {
    const a0 = i * step + gap / 2;
    const a1 = (i + 1) * step - gap / 2;
    const s0 = sizes[i];
    const s1 = sizes[i + 1] ?? s0;
    const size = Math.max(s0, s1);
    const band: BandLayout = {
      index: i,
      value,
      size: s0,
      path: bandPath(a0, a1, mid, s0, s1, curved, vertical),
      cx: vertical ? mid : (a0 + a1) / 2,
      cy: vertical ? (a0 + a1) / 2 : mid,
      x: vertical ? mid - size / 2 : a0,
      y: vertical ? a0 : mid - size / 2,
      width: vertical ? size : a1 - a0,
      height: vertical ? a1 - a0 : size,
      label: label(a0, a1, i),
    };
    if (ghosts && i < ghosts.length) {
      band.ghost = bandPath(a0, a1, mid, ghosts[i], ghosts[i + 1] ?? ghosts[i], curved, vertical);
    }
    return band;
  });
  return { width, height, orientation: horizontal ? 'horizontal' : 'vertical', bands };
}
