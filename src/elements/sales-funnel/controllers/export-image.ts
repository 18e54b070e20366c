import { dispatch } from '../../events.js';
import type { FunnelFigure } from '../model/funnel-figure.js';
import { FUNNEL_PALETTES, funnelSvg, type FunnelColours } from '../model/funnel-svg.js';

/**
 * SVG and PNG export and file download for `<sales-funnel>`: loaded with a dynamic `import()`
 * on first use, so a chart nobody exports does not carry it.
 */

/** The private colour of each of the file's colours (sales-funnel.styles.ts). */
const COLOUR_PROPS: Record<keyof FunnelColours, string> = {
  background: '--_bg',
  text: '--_text',
  muted: '--_muted',
  start: '--_start',
  end: '--_end',
  compare: '--_ghost',
  drop: '--_drop',
  payoff: '--_payoff',
};

/**
 * The chart as a standalone SVG document (`funnelSvg`, as `renderFunnelSvg` writes it), in the
 * colours and font it has on the page: each private colour resolved by the browser (a page's
 * `--sales-*` tokens, the theme, `light-dark()`, forced colours) on a probe set through the
 * CSSOM, which a strict CSP allows.
 */
export function standaloneSvg(
  figure: FunnelFigure | undefined,
  base: Element | null,
  title: string,
): string {
  if (!figure || !base)
    return funnelSvg(undefined, {
      colours: FUNNEL_PALETTES.light,
      font: '',
      title: wellFormed(title),
    });
  const probe = document.createElement('span');
  base.append(probe);
  const colours = {} as FunnelColours;
  for (const [key, prop] of Object.entries(COLOUR_PROPS) as [keyof FunnelColours, string][]) {
    probe.style.color = `var(${prop})`;
    colours[key] = getComputedStyle(probe).color;
  }
  probe.remove();
  return wellFormed(funnelSvg(figure, { colours, font: getComputedStyle(base).fontFamily, title }));
}

/**
 * Text as every serializer and canvas takes it: a lone surrogate (half of an emoji cut off,
 * say) becomes U+FFFD, the replacement character, instead of making `encodeURIComponent` or an
 * XML parser throw.
 */
export const wellFormed = (text: string): string =>
  text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');

const MESSAGES = {
  en: 'The PNG image could not be made in this browser; download the SVG instead.',
  es: 'No se pudo crear la imagen PNG en este navegador; descargue el SVG en su lugar.',
};

/** Any other failure of an export: what the browser said is for the console and the event. */
const FAILED = {
  en: 'The chart could not be exported in this browser. Try Download SVG, or reload the page and try again.',
  es: 'No se pudo exportar el gráfico en este navegador. Pruebe Descargar SVG, o recargue la página y vuelva a intentarlo.',
};

/** Why an export did not download, in words for the person who asked for it. */
export class ExportError extends Error {
  override name = 'ExportError';
}

/** The failure of a PNG export, in the chart's language; the cause goes to the console. */
export function pngFailure(lang: string, cause: unknown): ExportError {
  console.error('sales-funnel: PNG export failed', cause);
  return new ExportError(lang === 'es' ? MESSAGES.es : MESSAGES.en, { cause });
}

/** The browser's own words for a failure and what caused it, for logs only. */
function causeText(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const own = `${e.name}: ${e.message}`;
  return e.cause === undefined ? own : `${own} (${causeText(e.cause)})`;
}

/**
 * What the export menu says when an export did not download, in the chart's language: an
 * `ExportError`'s own words, anything else a plain "could not export" (never the browser's
 * words, which go to the console and, as `cause`, to the host's `error` event).
 */
export function exportProblem(host: HTMLElement, e: unknown, lang: string): string {
  const own = e instanceof ExportError;
  const message = own ? e.message : lang === 'es' ? FAILED.es : FAILED.en;
  // An ExportError was logged where it was made.
  if (!own) console.error('sales-funnel: export failed', e);
  dispatch(host, 'error', { field: 'export', message, cause: causeText(own ? e.cause : e) });
  return message;
}

const number = (el: Element, name: string, whole: number) => {
  const v = el.getAttribute(name) ?? '0';
  return v.endsWith('%') ? (whole * parseFloat(v)) / 100 : parseFloat(v) || 0;
};

/** A presentation attribute as SVG inherits it: from `el` or the nearest group that sets it. */
const inherited = (el: Element, name: string): string | null =>
  el.closest(`[${name}]`)?.getAttribute(name) ?? null;

/** A length attribute as a CSS length (`13` is 13px). */
const px = (v: string) => (/^[\d.]+$/.test(v) ? `${v}px` : v);

/** Paints what `el` draws with the presentation attributes the standalone SVG carries. */
function paint(ctx: CanvasRenderingContext2D, el: Element, shape: Path2D | null, text?: string) {
  const fill = inherited(el, 'fill');
  const stroke = el.getAttribute('stroke');
  ctx.save();
  if (text !== undefined) {
    const weight = inherited(el, 'font-weight') ?? '400';
    const size = px(inherited(el, 'font-size') ?? '12');
    ctx.font = `${weight} ${size} ${inherited(el, 'font-family') ?? 'sans-serif'}`;
    const anchor = inherited(el, 'text-anchor');
    ctx.textAlign = anchor === 'middle' ? 'center' : anchor === 'end' ? 'end' : 'start';
    if (fill && fill !== 'none') {
      ctx.fillStyle = fill;
      ctx.fillText(text, number(el, 'x', 0), number(el, 'y', 0));
    }
  } else if (shape) {
    if (fill && fill !== 'none') {
      ctx.fillStyle = fill;
      ctx.fill(shape);
    }
    if (stroke && stroke !== 'none') {
      ctx.strokeStyle = stroke;
      ctx.lineWidth = parseFloat(el.getAttribute('stroke-width') ?? '1') || 1;
      const dash = (el.getAttribute('stroke-dasharray') ?? 'none').split(/[\s,]+/).map(parseFloat);
      ctx.setLineDash(dash.every((d) => d >= 0) ? dash : []);
      ctx.stroke(shape);
    }
  }
  ctx.restore();
}

/** Draws the elements the chart is made of (rect, path, line, text), in document order. */
function drawNode(ctx: CanvasRenderingContext2D, el: Element, width: number, height: number) {
  switch (el.localName) {
    case 'rect': {
      const shape = new Path2D();
      shape.rect(
        number(el, 'x', width),
        number(el, 'y', height),
        number(el, 'width', width),
        number(el, 'height', height),
      );
      paint(ctx, el, shape);
      return;
    }
    case 'path':
      paint(ctx, el, new Path2D(el.getAttribute('d') ?? ''));
      return;
    case 'line': {
      const shape = new Path2D();
      shape.moveTo(number(el, 'x1', width), number(el, 'y1', height));
      shape.lineTo(number(el, 'x2', width), number(el, 'y2', height));
      paint(ctx, el, shape);
      return;
    }
    case 'text':
    case 'tspan': {
      const lines = el.querySelectorAll(':scope > tspan');
      if (lines.length === 0) paint(ctx, el, null, wellFormed(el.textContent?.trim() ?? ''));
      else lines.forEach((line) => drawNode(ctx, line, width, height));
      return;
    }
    case 'title':
      return;
    default:
      for (const child of el.children) drawNode(ctx, child, width, height);
  }
}

/**
 * Draws a standalone SVG document onto a canvas, `scale` times `width` × `height`, shape by
 * shape: no image is loaded (neither a `data:` nor a `blob:` URL), so a page whose
 * Content-Security-Policy allows images only from itself (`default-src 'self'`) can export too.
 * Rejects with an `ExportError` in words when the browser cannot make the image.
 */
export async function svgToPng(
  svgText: string,
  width: number,
  height: number,
  scale: number,
  lang = 'en',
): Promise<Blob> {
  try {
    const doc = new DOMParser().parseFromString(wellFormed(svgText), 'image/svg+xml');
    const error = doc.querySelector('parsererror');
    if (error) throw new Error(error.textContent ?? 'not an SVG document');
    const canvas = document.createElement('canvas');
    const s = Number.isFinite(scale) && scale > 0 ? scale : 2;
    canvas.width = Math.max(1, Math.round(width * s));
    canvas.height = Math.max(1, Math.round(height * s));
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas');
    ctx.scale(canvas.width / Math.max(1, width), canvas.height / Math.max(1, height));
    drawNode(ctx, doc.documentElement, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (b) => (b ? resolve(b) : reject(new Error('toBlob gave nothing'))),
        'image/png',
      ),
    );
  } catch (e) {
    throw pngFailure(lang, e);
  }
}

/** What can be exported: the element's own `toSVG()` and `toPNG()`. */
interface Exportable extends HTMLElement {
  toSVG(): Promise<string>;
  toPNG(): Promise<Blob>;
}

/**
 * The export menu's choice, downloaded: '' when it was, else why not in words (`exportProblem`).
 */
export async function exportTo(
  host: Exportable,
  kind: 'svg' | 'png',
  lang: string,
): Promise<string> {
  try {
    const blob =
      kind === 'svg'
        ? new Blob([await host.toSVG()], { type: 'image/svg+xml' })
        : await host.toPNG();
    download(blob, `sales-funnel.${kind}`);
    return '';
  } catch (e) {
    return exportProblem(host, e, lang);
  }
}

/** Saves a blob as a file through a temporary link. */
export function download(blob: Blob, name: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}
