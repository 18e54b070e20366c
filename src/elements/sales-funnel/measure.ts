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
