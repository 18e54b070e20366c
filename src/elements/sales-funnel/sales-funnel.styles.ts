import { css, unsafeCSS } from 'lit';
import { FONT, LABEL_SIZE } from './model/label-width.js';

/**
 * Public custom properties fall back to the shared `--sales-*` tokens, then to built-in
 * `light-dark(light, dark)` values: the host's colour scheme decides, as it does for a native
 * control: the page's `color-scheme` (inherited; a page that declares none is light), or
 * `theme` (`light`, `dark`, `auto` = the system's; `hostBase`). The private `--_*` copies
 * live on `.base` so nothing leaks to the page. Text sits outside the bands, on the
 * background, so contrast depends on text colours only (all ≥ 4.5:1 on their background in
 * both schemes).
 *
 * The defaults are the shared palette's (`LIGHT` and `DARK` in `../shared-styles.ts`) written
 * out: interpolating them costs about 0.2 KB gzip on the first load, which is at its 20 KB
 * budget. test/elements/shared-styles.test.ts keeps the two equal, and the SVG export's
 * palette (`FUNNEL_PALETTES`) is checked against them through `toSVG()`. The funnel's own
 * values: `--sales-accent-soft` (the bands' end colour, only the funnel has it) and a subtler
 * dark border (`#374151`, like the simulator's) for its tooltip and menu.
 */
export const styles = css`
  .base {
    --_bg: var(--sales-funnel-background, var(--sales-surface, light-dark(#ffffff, #111827)));
    --_text: var(--sales-funnel-text, var(--sales-text, light-dark(#1f2937, #f3f4f6)));
    --_muted: var(--sales-funnel-muted, var(--sales-muted, light-dark(#4b5563, #cbd5e1)));
    --_start: var(--sales-funnel-color-start, var(--sales-accent, light-dark(#1d4ed8, #60a5fa)));
    --_end: var(--sales-funnel-color-end, var(--sales-accent-soft, light-dark(#7cb3f7, #3570d4)));
    --_ghost: var(--sales-funnel-compare, var(--sales-muted, light-dark(#4b5563, #cbd5e1)));
    --_drop: var(--sales-funnel-drop, var(--sales-warning, light-dark(#b93c0a, #fb923c)));
    --_payoff: var(--sales-funnel-payoff, var(--sales-success, light-dark(#047857, #34d399)));
    --_focus: var(--sales-funnel-focus, var(--sales-focus, light-dark(#7c3aed, #c4b5fd)));
    --_border: var(--sales-funnel-border, var(--sales-border, light-dark(#d1d5db, #374151)));
    --_radius: var(--sales-funnel-radius, var(--sales-radius, 8px));
    --_font: var(--sales-funnel-font, var(--sales-font, ${unsafeCSS(FONT)}));
    position: relative;
    display: block;
    box-sizing: border-box;
    inline-size: 100%;
    padding: var(--sales-funnel-padding, 12px);
    background: var(--_bg);
    color: var(--_text);
    font-family: var(--_font);
    font-size: 13px;
    line-height: 1.4;
    border-radius: var(--_radius);
    text-align: start;
  }

  svg {
    display: block;
    inline-size: 100%;
    block-size: auto;
    overflow: visible;
  }

  .band {
    fill: color-mix(in oklab, var(--_start) calc((1 - var(--_t, 0)) * 100%), var(--_end));
    stroke: var(--_bg);
    stroke-width: 1;
    cursor: pointer;
  }
  .band.missing {
    fill: var(--_bg);
    stroke: var(--_muted);
    stroke-dasharray: 4 3;
  }
  .ghost {
    fill: none;
    stroke: var(--_ghost);
    stroke-width: 1.5;
    stroke-dasharray: 5 3;
    pointer-events: none;
  }
  .band,
  .ghost {
    transition: d 0.4s ease;
  }
  .stage.drop .band {
    stroke: var(--_drop);
    stroke-width: 2.5;
  }
  .stage.payoff .band {
    stroke: var(--_payoff);
    stroke-width: 2.5;
  }
  .stage:hover .band,
  .stage[aria-selected='true'] .band {
    filter: brightness(1.08) saturate(1.1);
  }
  .stage {
    outline: none;
  }
  .stage[aria-selected='true'] .band {
    stroke: var(--_text);
    stroke-width: 2;
  }
  /*
   * Last, so the focus ring shows on a selected or emphasised stage too: thicker, dashed and
   * haloed, so it never reads as the solid green "best improvement" outline.
   */
  .stage:focus-visible .band {
    stroke: var(--_focus);
    stroke-width: 4;
    stroke-dasharray: 6 3;
    filter: drop-shadow(0 0 2px var(--_focus));
  }
  .won-tick {
    stroke: var(--_text);
    stroke-width: 2;
    pointer-events: none;
  }

  .label {
    fill: var(--_text);
    font-family: var(--_font);
    font-size: ${LABEL_SIZE}px;
    cursor: pointer;
  }
  .label :is(.name, .drop-text, .won-text, .payoff-text) {
    font-weight: 600;
  }
  .label .sub {
    fill: var(--_muted);
  }
  .label .drop-text {
    fill: var(--_drop);
  }
  .label .payoff-text {
    fill: var(--_payoff);
  }

  .caption {
    margin: 10px 0 0;
    color: var(--_text);
    font-size: 13px;
  }
  .caption span {
    display: block;
  }
  .caption :is(.drop-mark, .payoff-mark) {
    display: inline;
    font-weight: 700;
  }
  .caption .drop-mark {
    color: var(--_drop);
  }
  .caption .payoff-mark {
    color: var(--_payoff);
  }

  .tooltip {
    position: absolute;
    z-index: 2;
    min-inline-size: 150px;
    max-inline-size: 240px;
    padding: 8px 10px;
    border: 1px solid var(--_border);
    border-radius: 6px;
    background: var(--_bg);
    color: var(--_text);
    box-shadow: 0 4px 14px rgb(0 0 0 / 0.18);
    font-size: 12px;
    pointer-events: none;
    transform: translate(-50%, -100%);
  }
  .tooltip.below {
    transform: translateX(-50%);
  }
  .tooltip strong {
    display: block;
    margin-block-end: 2px;
    font-size: 13px;
  }
  .tooltip dl {
    display: grid;
    grid-template-columns: auto auto;
    gap: 0 10px;
    margin: 0;
  }
  .tooltip dt {
    color: var(--_muted);
  }
  .tooltip dd {
    margin: 0;
    text-align: end;
    font-variant-numeric: tabular-nums;
  }

  .error {
    margin: 0;
    padding: 12px 14px;
    border: 1px solid var(--_drop);
    border-inline-start-width: 4px;
    border-radius: 6px;
    color: var(--_text);
  }
  .error strong {
    display: block;
    margin-block-end: 4px;
  }
  .error ul {
    margin: 0;
    padding-inline-start: 18px;
  }

  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    padding: 0;
    border: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  :host([no-animation]) .band,
  :host([no-animation]) .ghost {
    transition: none;
  }
  @media (prefers-reduced-motion: reduce) {
    .band,
    .ghost {
      transition: none;
    }
  }
  /*
   * Forced colours (Windows high contrast) leave SVG as drawn: the chart's colours become the
   * person's palette (as specific as the theme rules, and after them): text, ticks and marks
   * in its text colour, outlined bands, the selected one filled in its highlight.
   */
  @media (forced-colors: active) {
    :host .base.base {
      --_text: CanvasText;
      --_muted: CanvasText;
      --_ghost: CanvasText;
      --_drop: CanvasText;
      --_payoff: CanvasText;
      --_bg: Canvas;
      --_focus: Highlight;
    }
    .band {
      fill: Canvas;
      stroke: CanvasText;
    }
    .stage[aria-selected='true'] .band {
      fill: Highlight;
    }
  }
`;
