import type { LabelLine } from '../model/funnel-text.js';
import { FONT, LABEL_SIZE } from '../sales-funnel.styles.js';

/**
 * Text widths from a canvas 2D context, so labels can be laid out before they are rendered (one
 * update, no reading back of SVG text). Cached by font and text: a chart re-measures only labels
 * it has not seen in that font, and a new font simply misses the cache.
 */
let context: CanvasRenderingContext2D | null | undefined;
/** Setting `font` parses it, which costs more than measuring: set it only when it changes. */
let currentFont = '';
const cache = new Map<string, number>();

/** Width in px of `text` drawn in the CSS `font` shorthand; 0 where no canvas is available. */
export function textWidth(text: string, font: string): number {
  const key = `${font}\n${text}`;
  let width = cache.get(key);
  if (width === undefined) {
    context ??= document.createElement('canvas').getContext('2d');
    if (!context) return 0;
    if (font !== currentFont) context.font = currentFont = font;
    width = context.measureText(text).width;
    // Data changes bring new labels; keep the cache from growing without bound.
    if (cache.size > 2000) cache.clear();
    cache.set(key, width);
  }
  return width;
}

/**
 * The widest per-character width of the label lines in the font they resolve to (the host's
 * `--sales-funnel-font` or `--sales-font`, else the built-in stack), never below `least`:
 * measured before rendering, so that one update lays the chart out.
 */
export function widestChar(host: Element, labels: LabelLine[][], least: number): number {
  const cs = getComputedStyle(host);
  const family =
    ['--sales-funnel-font', '--sales-font']
      .map((name) => cs.getPropertyValue(name).trim())
      .find(Boolean) ?? FONT;
  let widest = least;
  // Names first, then the rest: each font is set once (setting it costs more than measuring).
  const lines = labels.flat().sort((a, b) => +b.cls.startsWith('name') - +a.cls.startsWith('name'));
  for (const line of lines) {
    const text = line.texts[0];
    const chars = [...text].length;
    // A short line's average says little about the font.
    if (chars < 6) continue;
    const weight = line.cls.startsWith('name') ? 600 : 400;
    widest = Math.max(widest, textWidth(text, `${weight} ${LABEL_SIZE}px ${family}`) / chars);
  }
  return Math.ceil(widest * 10) / 10;
}
