import { baseline, LINE, wonTick, type FunnelFigure } from './funnel-figure.js';
import { LABEL_SIZE } from './label-width.js';

/**
 * The chart as a standalone SVG document, as a string: presentation attributes only (no
 * stylesheet, no `style` attribute, which a strict CSP reports even in a file), so it shows
 * the same in an `<img>`, an email, a PDF or an editor. One writer for `toSVG()` (colours
 * read from the page) and `renderFunnelSvg` (built-in or given colours). Pure.
 */

/** The colours a funnel is drawn in. */
export interface FunnelColours {
  background: string;
  text: string;
  muted: string;
  /** First band; the bands shade to `end` through OKLab, as the element's CSS does. */
  start: string;
  end: string;
  compare: string;
  drop: string;
  payoff: string;
}

/**
 * The built-in palettes: the defaults in sales-funnel.styles.ts (test/elements/sales-funnel/
 * render-svg.test.ts compares the two through `toSVG()`).
 */
export const FUNNEL_PALETTES: Record<'light' | 'dark', FunnelColours> = {
  light: {
    background: '#ffffff',
    text: '#1f2937',
    muted: '#4b5563',
    start: '#1d4ed8',
    end: '#7cb3f7',
    compare: '#4b5563',
    drop: '#b93c0a',
    payoff: '#047857',
  },
  dark: {
    background: '#111827',
    text: '#f3f4f6',
    muted: '#cbd5e1',
    start: '#60a5fa',
    end: '#3570d4',
    compare: '#cbd5e1',
    drop: '#fb923c',
    payoff: '#34d399',
  },
};

export interface SvgLook {
  colours: FunnelColours;
  /** CSS font family of the labels. */
  font: string;
  /** The document's `<title>`. */
  title: string;
}

const NS = 'http://www.w3.org/2000/svg';
type Rgba = [number, number, number, number];

/** `#rgb`, `#rrggbb`, `#rrggbbaa`, `rgb()` or `rgba()` as numbers; `undefined` for the rest. */
function parseColour(text: string): Rgba | undefined {
  const s = text.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/.exec(s)?.[1];
  if (hex) {
    const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
    const [r, g, b, a = 255] = full.match(/../g)!.map((h) => parseInt(h, 16));
    return [r, g, b, a / 255];
  }
  const fn = /^rgba?\(([^)]*)\)$/.exec(s)?.[1];
  const parts = fn
    ?.split(/[\s,/]+/)
    .filter(Boolean)
    .map(Number);
  if (!parts || parts.length < 3 || parts.length > 4 || parts.some((n) => !Number.isFinite(n))) {
    return undefined;
  }
  return [parts[0], parts[1], parts[2], parts[3] ?? 1];
}

/** As a browser serializes a computed colour: `rgb(r, g, b)`, or `rgba(…)` when translucent. */
function formatColour([r, g, b, a]: Rgba): string {
  const c = [r, g, b].map((v) => Math.round(Math.min(255, Math.max(0, v))));
  return a < 1 ? `rgba(${c.join(', ')}, ${Math.round(a * 1000) / 1000})` : `rgb(${c.join(', ')})`;
}

/** A colour in the form the file uses; one it cannot read is written as given. */
const normal = (text: string) => {
  const rgba = parseColour(text);
  return rgba ? formatColour(rgba) : text;
};

const toLinear = (c: number) => {
  const v = c / 255;
  return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
};
const fromLinear = (v: number) =>
  255 * (v <= 0.0031308 ? 12.92 * v : 1.055 * v ** (1 / 2.4) - 0.055);

/** sRGB to OKLab (Björn Ottosson's matrices). */
function toOklab([r, g, b]: Rgba): [number, number, number] {
  const [lr, lg, lb] = [r, g, b].map(toLinear);
  const l = Math.cbrt(0.4122214708 * lr + 0.5363325363 * lg + 0.0514459929 * lb);
  const m = Math.cbrt(0.2119034982 * lr + 0.6806995451 * lg + 0.1073969566 * lb);
  const s = Math.cbrt(0.0883024619 * lr + 0.2817188376 * lg + 0.6299787005 * lb);
  return [
    0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s,
    1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s,
    0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s,
  ];
}

function fromOklab([L, A, B]: [number, number, number]): [number, number, number] {
  const l = (L + 0.3963377774 * A + 0.2158037573 * B) ** 3;
  const m = (L - 0.1055613458 * A - 0.0638541728 * B) ** 3;
  const s = (L - 0.0894841775 * A - 1.291485548 * B) ** 3;
  return [
    4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s,
    -1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s,
    -0.0041960863 * l - 0.7034186147 * m + 1.707614701 * s,
  ].map((v) => fromLinear(Math.min(1, Math.max(0, v)))) as [number, number, number];
}

/**
 * `start` shaded `t` of the way to `end` in OKLab: what `color-mix(in oklab, …)` gives the
 * bands on the page. Colours it cannot read are left to the reader's `color-mix()`.
 */
export function mixColours(start: string, end: string, t: number): string {
  const a = parseColour(start);
  const b = parseColour(end);
  if (!a || !b) return `color-mix(in oklab, ${start} ${Math.round((1 - t) * 100)}%, ${end})`;
  const [la, lb] = [toOklab(a), toOklab(b)];
  const lab = la.map((v, i) => v + (lb[i] - v) * t) as [number, number, number];
  return formatColour([...fromOklab(lab), a[3] + (b[3] - a[3]) * t]);
}

const escape = (text: string) =>
  text.replace(
    /[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c,
  );
const n = (v: number) => String(Math.round(v * 100) / 100);

/** One element with its attributes (values escaped) and content (already markup). */
function tag(name: string, attrs: Record<string, string | number | undefined>, content = '') {
  const list = Object.entries(attrs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escape(typeof v === 'number' ? n(v) : (v ?? ''))}"`)
    .join('');
  return content ? `<${name}${list}>${content}</${name}>` : `<${name}${list}/>`;
}

/** The standalone SVG of a drawn figure; an empty 0 × 0 document when there is nothing to draw. */
export function funnelSvg(figure: FunnelFigure | undefined, look: SvgLook): string {
  if (!figure?.model.rows.length) return `<svg xmlns="${NS}" width="0" height="0"></svg>`;
  const { model, layout, labels } = figure;
  const c = Object.fromEntries(
    Object.entries(look.colours).map(([k, v]) => [k, normal(v)]),
  ) as unknown as FunnelColours;
  const last = Math.max(1, model.rows.length - 1);
  const bands = layout.bands.map((b) => {
    const emphasis =
      b.index === model.drop ? c.drop : b.index === model.payoff?.index ? c.payoff : undefined;
    const missing = model.rows[b.index].value === null;
    const ghost = b.ghost
      ? tag('path', {
          d: b.ghost,
          fill: 'none',
          stroke: c.compare,
          'stroke-width': 1.5,
          'stroke-dasharray': '5 3',
        })
      : '';
    const band = tag('path', {
      d: b.path,
      fill: missing ? c.background : mixColours(c.start, c.end, b.index / last),
      stroke: emphasis ?? (missing ? c.muted : c.background),
      'stroke-width': emphasis ? 2.5 : 1,
      'stroke-dasharray': missing && !emphasis ? '4 3' : undefined,
    });
    return tag('g', {}, ghost + band);
  });
  const tick = wonTick(model, layout);
  const tickLine = tick ? tag('line', { ...tick, stroke: c.text, 'stroke-width': 2 }) : '';
  const fills: Record<string, string> = {
    sub: c.muted,
    'drop-text': c.drop,
    'payoff-text': c.payoff,
    'name payoff-text': c.payoff,
  };
  const texts = layout.bands.map((b) => {
    const { x } = b.label;
    const y = baseline(b.label);
    const lines = labels[b.index].map((line, k) =>
      tag(
        'tspan',
        {
          x,
          y: y + k * LINE,
          fill: fills[line.cls],
          'font-weight': line.cls === '' || line.cls === 'sub' ? undefined : 600,
        },
        escape(b.label.lines![k]),
      ),
    );
    return tag('text', { x, y, 'text-anchor': b.label.anchor }, lines.join(''));
  });
  const { width, height } = layout;
  const labelGroup = tag(
    'g',
    { fill: c.text, 'font-family': look.font, 'font-size': LABEL_SIZE },
    texts.join(''),
  );
  return tag(
    'svg',
    { xmlns: NS, viewBox: `0 0 ${n(width)} ${n(height)}`, width, height },
    tag('title', {}, escape(look.title)) +
      tag('rect', { width: '100%', height: '100%', fill: c.background }) +
      bands.join('') +
      tickLine +
      labelGroup,
  );
}
