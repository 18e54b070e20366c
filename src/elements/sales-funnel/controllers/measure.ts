import { estimateWidth, LABEL_SIZE, type TextWidth } from '../model/label-width.js';

/**
 * Text widths from a canvas 2D context, so labels can be laid out before they are rendered (one
 * update, no reading back of SVG text, no layout). A text is the sum of its characters'
 * advances, each measured once per font: a data change brings new numbers but no new digits,
 * so it measures nothing. Kerning and ligatures are left out, which only makes a text a little
 * wider than drawn (up to ~7 % for caps such as "AVATAR"), so the room a label gets is never short.
 */
let context: CanvasRenderingContext2D | null | undefined;
/** Setting `font` parses it, which costs more than measuring: set it only when it changes. */
let currentFont = '';
/** One entry per character and font: bounded by the characters a page writes, so never cleared. */
const cache = new Map<string, number>();

/** Width in px of `text` drawn in the CSS `font` shorthand; 0 where no canvas is available. */
export function textWidth(text: string, font: string): number {
  let sum = 0;
  for (const ch of text) {
    const key = `${font}\n${ch}`;
    let width = cache.get(key);
    if (width === undefined) {
      context ??= document.createElement('canvas').getContext('2d');
      if (!context) return 0;
      if (font !== currentFont) context.font = currentFont = font;
      width = context.measureText(ch).width;
      cache.set(key, width);
    }
    sum += width;
  }
  return sum;
}

/** Label widths in the CSS font family `family` (600 weight for bold lines), by canvas. */
export const canvasWidth =
  (family: string): TextWidth =>
  (text, bold) =>
    textWidth(text, `${bold ? 600 : 400} ${LABEL_SIZE}px ${family}`);

/**
 * The text width of the font the labels resolve to, before rendering, so that one update lays
 * the chart out: the host's `--sales-funnel-font` or `--sales-font` measured with a
 * canvas; the built-in stack estimated as a server does (`estimateWidth`: DejaVu Sans, wider
 * than the system fonts the stack names), so a page that sets no font creates no canvas (its
 * first measure of a font costs ~20 ms of wall time, 3–5 ms of CPU) and a server's chart
 * hydrates to the very layout the server wrote.
 */
export function labelWidth(host: Element): TextWidth {
  const cs = getComputedStyle(host);
  const family = ['--sales-funnel-font', '--sales-font']
    .map((name) => cs.getPropertyValue(name).trim())
    .find(Boolean);
  return family ? canvasWidth(family) : estimateWidth;
}
