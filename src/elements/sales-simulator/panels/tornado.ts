import { svg, type SVGTemplateResult } from 'lit';
import type { TornadoLayout } from '../model/tornado.js';

/** Draws a layout; `format` turns a change in won deals into its label. */
export function renderTornado(
  layout: TornadoLayout,
  format: (value: number) => string,
  label: string,
): SVGTemplateResult {
  const { width, height, zero, barHeight } = layout;
  return svg`<svg class="tornado" part="tornado" role="img" aria-label=${label}
    viewBox="0 0 ${width} ${height}" width=${width} height=${height}>
    ${layout.bars.map(
      (b, i) => svg`<g class=${i === 0 ? 'row top' : 'row'}>
        <line class="zero" x1=${zero} x2=${zero} y1=${b.barY - 3} y2=${b.barY + barHeight + 3}></line>
        <text class="lever" x=${zero} y=${b.y + 13} text-anchor="middle">${b.label}</text>
        <rect class="down" x=${b.downX} y=${b.barY} width=${b.downWidth} height=${barHeight}
          rx="2"></rect>
        <rect class="up" x=${b.upX} y=${b.barY} width=${b.upWidth} height=${barHeight}
          rx="2"></rect>
        <text class="value" x=${b.downX - 4} y=${b.barY + barHeight - 3} text-anchor="end">
          ${format(b.down)}</text>
        <text class="value" x=${b.upX + b.upWidth + 4} y=${b.barY + barHeight - 3}>
          ${format(b.up)}</text>
      </g>`,
    )}
  </svg>`;
}
