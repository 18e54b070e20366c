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
    return funnelSvg(undefined, { colours: FUNNEL_PALETTES.light, font: '', title });
  const probe = document.createElement('span');
  base.append(probe);
  const colours = {} as FunnelColours;
  for (const [key, prop] of Object.entries(COLOUR_PROPS) as [keyof FunnelColours, string][]) {
    probe.style.color = `var(${prop})`;
    colours[key] = getComputedStyle(probe).color;
  }
  probe.remove();
  return funnelSvg(figure, { colours, font: getComputedStyle(base).fontFamily, title });
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
