/**
 * Colours as the browser computed them, and WCAG's contrast ratio between two of them, for
 * tests that check what a person sees (1.4.3, 1.4.11) rather than the stylesheet's text.
 */

/** `rgb(…)` / `rgba(…)` / `color(srgb …)` as computed, to 0–255 channels and alpha 0–1. */
export function parseColour(text: string): [number, number, number, number] {
  const srgb = /^color\(srgb ([\d.]+) ([\d.]+) ([\d.]+)(?: \/ ([\d.]+))?\)$/.exec(text);
  if (srgb) {
    const [r, g, b] = [srgb[1], srgb[2], srgb[3]].map((v) => Number(v) * 255);
    return [r!, g!, b!, srgb[4] === undefined ? 1 : Number(srgb[4])];
  }
  const rgb = /^rgba?\(([\d.]+),? ([\d.]+),? ([\d.]+)(?:[,/] ?([\d.]+))?\)$/.exec(text);
  if (!rgb) throw new Error(`not a computed colour: ${text}`);
  return [
    Number(rgb[1]),
    Number(rgb[2]),
    Number(rgb[3]),
    rgb[4] === undefined ? 1 : Number(rgb[4]),
  ];
}

function luminance([r, g, b]: readonly number[]): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
}

/** WCAG contrast ratio of two opaque computed colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const [la, lb] = [luminance(parseColour(a)), luminance(parseColour(b))];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** The first opaque background at or behind `node` (through shadow roots), as computed. */
export function backgroundBehind(node: Element): string {
  for (let at: Element | null = node; at;) {
    const bg = getComputedStyle(at).backgroundColor;
    if (parseColour(bg)[3] === 1) return bg;
    at = at.parentElement ?? ((at.getRootNode() as ShadowRoot).host || null);
  }
  return 'rgb(255, 255, 255)';
}

/** A CSS system colour (`Canvas`, `Highlight`…) as the page computes it now. */
export function systemColour(name: string): string {
  const probe = document.createElement('span');
  probe.style.color = name;
  document.body.append(probe);
  const value = getComputedStyle(probe).color;
  probe.remove();
  return value;
}
