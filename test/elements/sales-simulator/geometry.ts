/*
 * What a person sees, measured: where a box lies in the viewport, how big a text renders
 * (its computed size times the scale of the SVG it is drawn in), and the contrast of every
 * text against what is painted behind it.
 */

/** True when `e`'s box lies wholly inside the viewport (and is not empty). */
export function inViewport(e: Element): boolean {
  const r = e.getBoundingClientRect();
  return (
    r.width > 0 &&
    r.height > 0 &&
    r.top >= 0 &&
    r.left >= 0 &&
    r.bottom <= window.innerHeight &&
    r.right <= window.innerWidth
  );
}

/** A box, for messages. */
export const boxOf = (e: Element): string => {
  const r = e.getBoundingClientRect();
  return `${Math.round(r.left)},${Math.round(r.top)} → ${Math.round(r.right)},${Math.round(r.bottom)}`;
};

/** The CSS px an SVG text renders at: its computed font size × its SVG's scale. */
export function svgTextSize(text: SVGTextElement): number {
  const svg = text.ownerSVGElement!;
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  return parseFloat(getComputedStyle(text).fontSize) * scale;
}

type Rgb = [number, number, number, number];

function parseColor(value: string): Rgb | undefined {
  const m = /^rgba?\(([^)]+)\)$/.exec(value.trim());
  if (!m) return undefined;
  const [r, g, b, a = '1'] = m[1].split(/[\s,/]+/).filter(Boolean);
  return [Number(r), Number(g), Number(b), Number(a)];
}

const luminance = ([r, g, b]: Rgb) => {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
};

/** WCAG contrast ratio of two opaque colours. */
export function contrast(a: Rgb, b: Rgb): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

/** The parent of `e`, through shadow roots to their hosts. */
const up = (e: Element): Element | null =>
  e.parentElement ?? ((e.getRootNode() as ShadowRoot).host || null);

/** The first opaque background behind `e` (white when none is painted). */
export function backgroundOf(e: Element): Rgb {
  for (let at: Element | null = e; at; at = up(at)) {
    const bg = parseColor(getComputedStyle(at).backgroundColor);
    if (bg && bg[3] === 1) return bg;
  }
  return [255, 255, 255, 1];
}

/** Every shown element of `root` (and shadow roots inside it) that holds text of its own. */
export function textElements(root: ParentNode): Element[] {
  const out: Element[] = [];
  for (const e of root.querySelectorAll('*')) {
    if (e.shadowRoot) out.push(...textElements(e.shadowRoot));
    const own = [...e.childNodes].some(
      (n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim(),
    );
    if (!own) continue;
    const r = e.getBoundingClientRect();
    // Hidden, or visually hidden for screen readers only (1 px boxes).
    if (r.width <= 1 || r.height <= 1 || !e.checkVisibility({ visibilityProperty: true })) continue;
    out.push(e);
  }
  return out;
}

/** The texts of `root` below `min` contrast, as "text: ratio" lines. */
export function lowContrast(root: ParentNode, min: number): string[] {
  return textElements(root).flatMap((e) => {
    const style = getComputedStyle(e);
    const ink = parseColor(e instanceof SVGElement ? style.fill : style.color);
    if (!ink) return [`${e.textContent!.trim()}: unreadable colour ${style.color}`];
    const ratio = contrast(ink, backgroundOf(e));
    return ratio < min ? [`${e.textContent!.trim().slice(0, 40)}: ${ratio.toFixed(2)}`] : [];
  });
}
