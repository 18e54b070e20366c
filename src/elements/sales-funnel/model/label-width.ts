import type { LabelLine } from './funnel-text.js';

/** The labels' built-in font stack (as a browser serializes it) and size. */
export const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
export const LABEL_SIZE = 13;
/** The least width of a label character, in px. */
export const LEAST_CHAR = 7;

/** Width in px of `text` in the label font, `bold` for the 600-weight lines. */
export type TextWidth = (text: string, bold: boolean) => number;

/**
 * Advance widths of the printable ASCII characters (space to `~`) at 13 px, regular and bold
 * (600), in quarter pixels above '!' (`2` = 4.25 px): DejaVu Sans, the widest common default
 * sans-serif (Segoe UI, San Francisco, Roboto and Arial are narrower), so an estimated label
 * never needs more room than it was given. Measured once with a canvas in Chromium.
 */
const ASCII = [
  '269MBRJ/55;M2423BBBBBBBBBB33MMM=UEEEIB?IH00C>NHJ@JEBAGETEAE535M;;AB>BA3BB//?/TBABB6<5B@L@@<B3BM',
  '39<MEUN199<M5754EEEEEEEEEE66MMM?UIIGLEELM44IBUMMGMIFDKIZIGG949M;;DF@FD8FF33D3WFEFF;@:FCQCC?F4FM',
];

/** The other characters labels use, in quarter pixels: separators, spaces, marks, money. */
const SPECIAL: Record<string, number> = {
  '·': 17,
  '\u00a0': 17,
  '\u202f': 10,
  '–': 26,
  '—': 52,
  '…': 52,
  '−': 44,
  '€': 34,
  '▲': 40,
  '▼': 40,
  '✓': 44,
  '★': 47,
};

/**
 * The label font's text width without a DOM: the tables above per character; other accented
 * Latin letters as a lowercase letter (8.5 px), anything else (CJK, emoji) a full em. What the
 * element lays out with on a server and `renderFunnelSvg` in Node; a browser measures its
 * font with a canvas (where the font is DejaVu Sans, as on this project's Linux machines, the
 * two agree, and a hydrated chart keeps the server's paths).
 */
export const estimateWidth: TextWidth = (text, bold) => {
  const table = ASCII[bold ? 1 : 0];
  let quarters = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    quarters +=
      code >= 32 && code < 127
        ? table.charCodeAt(code - 32) - 33
        : (SPECIAL[ch] ?? (code < 0x250 ? 34 : 52));
  }
  return quarters / 4;
};

/**
 * The widest per-character width of the label lines, never below `least`: what the layout
 * gives each character. Names are measured bold, the other lines regular (an emphasised line's
 * few bold characters fit in the room a name's average leaves); lines under 6 characters say
 * little about the font and are skipped.
 */
export function widestChar(labels: LabelLine[][], width: TextWidth, least: number): number {
  let widest = least;
  for (const line of labels.flat()) {
    const text = line.texts[0];
    const chars = [...text].length;
    if (chars < 6) continue;
    widest = Math.max(widest, width(text, line.cls.startsWith('name')) / chars);
  }
  return Math.ceil(widest * 10) / 10;
}

/**
 * The first of `texts` (variants, longest first) no wider than `room` px in `width`, else the
 * last one shortened to fit with an ellipsis. A text's width is the sum of its characters' (as
 * both `estimateWidth` and a canvas measure it), so one pass finds where to cut.
 */
export function fitWidth(texts: string[], room: number, width: TextWidth, bold: boolean): string {
  const found = texts.find((text) => width(text, bold) <= room);
  if (found !== undefined) return found;
  let used = width('…', bold);
  let out = '';
  for (const ch of texts[texts.length - 1]) {
    used += width(ch, bold);
    if (used > room) break;
    out += ch;
  }
  return `${out.trimEnd()}…`;
}
