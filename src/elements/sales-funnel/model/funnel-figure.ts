import {
  layoutFunnel,
  type FunnelLayout,
  type LabelBox,
  type Orientation,
  type Shape,
} from './geometry.js';
import type { FunnelModel, FunnelRow } from './funnel-model.js';
import type { LabelLine } from './funnel-text.js';
import { fitWidth, type TextWidth } from './label-width.js';

/** Height of a label line, in px. */
export const LINE = 17;

/** What the chart draws: the model, each band's label lines and the layout. */
export interface FunnelFigure {
  model: FunnelModel;
  labels: LabelLine[][];
  layout: FunnelLayout;
}

export interface FigureOptions {
  width: number;
  orientation: Orientation;
  shape: Shape;
  /** Widest label character, in px (`widestChar`). */
  charWidth: number;
  /** The labels' text width, that `charWidth` came from: each line is fitted to its box by it. */
  measure: TextWidth;
}

/**
 * The layout of a model's rows and labels: one function for the element (in a browser and on
 * a server) and `renderFunnelSvg`, so the same data and width draw the same chart. Each label
 * line is fitted to its box by its own width (the bold ones bold, as drawn), not by a count of
 * characters: a name of wide letters is shortened before it overflows the chart.
 */
export function funnelLayout(
  rows: readonly FunnelRow[],
  labels: LabelLine[][],
  o: FigureOptions,
): FunnelLayout {
  const lineCount = Math.max(2, ...labels.map((l) => l.length));
  const longest = Math.max(12, ...labels.flat().map((l) => [...l.texts[0]].length));
  const layout = layoutFunnel({
    values: rows.map((r) => r.value),
    compare: rows.some((r) => r.compare !== null) ? rows.map((r) => r.compare) : undefined,
    width: o.width,
    orientation: o.orientation,
    shape: o.shape,
    labelLines: lineCount,
    lineHeight: LINE,
    charWidth: o.charWidth,
    labelChars: Math.min(longest, 34),
  });
  for (const { index, label } of layout.bands) {
    label.lines = labels[index].map((line) =>
      fitWidth(line.texts, label.width, o.measure, !!line.cls && line.cls !== 'sub'),
    );
  }
  return layout;
}

/** A line's two ends, in the chart's px. */
export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/**
 * A tick across the funnel where the won stage's deals close, where the revenue is made;
 * `undefined` without a won stage.
 */
export function wonTick(model: FunnelModel, layout: FunnelLayout): Segment | undefined {
  const bands = layout.bands;
  const i = model.rows.findIndex((r) => r.won !== null);
  const b = bands[i];
  if (!b) return undefined;
  // The exit edge is as wide as the next band's start; 6 px more each side makes it a tick.
  const half = (bands[i + 1]?.size ?? b.size) / 2 + 6;
  const vertical = layout.orientation === 'vertical';
  const [along, across] = vertical ? [b.y + b.height, b.cx] : [b.x + b.width, b.cy];
  const [x1, y1, x2, y2] = vertical
    ? [across - half, along, across + half, along]
    : [along, across - half, along, across + half];
  return { x1, y1, x2, y2 };
}

/** The first line's baseline in a label box. */
export const baseline = (box: LabelBox): number => box.y + LINE * 0.8;
