/**
 * SVG and PNG export and file download for `<sales-funnel>`: loaded with a dynamic `import()`
 * on first use, so a chart nobody exports does not carry it.
 */

const NS = 'http://www.w3.org/2000/svg';

/**
 * A standalone SVG document of the live chart: computed styles become presentation attributes
 * (the file needs no stylesheet, and no `style` attribute is written — a strict CSP reports
 * those even on a detached copy), page-only attributes and Lit's marker comments are dropped.
 */
export function standaloneSvg(
  live: SVGSVGElement | null,
  base: Element | null,
  size: { width: number; height: number } | undefined,
  title: string,
): string {
  if (!live || !size) return `<svg xmlns="${NS}" width="0" height="0"></svg>`;
  const copy = live.cloneNode(true) as SVGSVGElement;
  const targets = copy.querySelectorAll('*');
  const props = [
    'fill',
    'stroke',
    'stroke-width',
    'stroke-dasharray',
    'font-family',
    'font-size',
    'font-weight',
  ];
  const pageOnly = ['tabindex', 'role', 'aria-label', 'aria-selected', 'part', 'class', 'style'];
  live.querySelectorAll('*').forEach((src, i) => {
    const cs = getComputedStyle(src);
    for (const p of props) targets[i].setAttribute(p, cs.getPropertyValue(p));
    for (const a of pageOnly) targets[i].removeAttribute(a);
  });
  for (const a of ['role', 'aria-label']) copy.removeAttribute(a);
  copy.setAttribute('xmlns', NS);
  copy.setAttribute('width', String(size.width));
  copy.setAttribute('height', String(size.height));
  const bg = base ? getComputedStyle(base).backgroundColor : 'transparent';
  const titleEl = document.createElementNS(NS, 'title');
  titleEl.textContent = title;
  const rect = document.createElementNS(NS, 'rect');
  rect.setAttribute('width', '100%');
  rect.setAttribute('height', '100%');
  rect.setAttribute('fill', bg);
  copy.prepend(titleEl, rect);
  return new XMLSerializer().serializeToString(copy).replace(/<!--[^]*?-->/g, '');
}

/** Draws a standalone SVG document onto a canvas, `scale` times `width` × `height`. */
export async function svgToPng(
  svgText: string,
  width: number,
  height: number,
  scale: number,
): Promise<Blob> {
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  const s = Number.isFinite(scale) && scale > 0 ? scale : 2;
  canvas.width = Math.max(1, Math.round(width * s));
  canvas.height = Math.max(1, Math.round(height * s));
  canvas.getContext('2d')?.drawImage(img, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG export failed'))), 'image/png'),
  );
}

/** Saves a blob as a file through a temporary link. */
export function download(blob: Blob, name: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}
