import { css } from 'lit';
import { visuallyHidden } from './hidden.styles.js';

/*
 * Training mode (`presenting`) for a projector: plain black on white (or white on black, as the
 * host's colour scheme picks from each `light-dark()` pair) with every text colour at 7:1 or
 * more, the funnel scaled up to fill the screen's height beside the key figures and the lever
 * sentence, and a blank screen.
 */

export const projectorStyles = css`
  :host([presenting]) .base {
    --_size: clamp(15px, 0.6vw + 9px, 22px);
    --_bg: light-dark(#ffffff, #000000);
    --_panel: light-dark(#ffffff, #000000);
    --_text: light-dark(#000000, #ffffff);
    --_muted: light-dark(#1f2937, #e5e7eb);
    --_accent: light-dark(#0033cc, #7dd3fc);
    --_gain: light-dark(#0033cc, #7dd3fc);
    --_loss: light-dark(#8a2300, #fdba74);
    --_up: light-dark(#005c35, #86efac);
    --_error: light-dark(#9b1c1c, #fca5a5);
    --_border: light-dark(#000000, #ffffff);
    --_focus: light-dark(#c026d3, #f0abfc);
    --_on-accent: light-dark(#ffffff, #000000);
  }
  :host(:fullscreen) {
    overflow: auto;
  }
  :host(:fullscreen) .base {
    min-block-size: 100%;
    border-radius: 0;
  }

  :host([presenting]) .base {
    padding: 8px;
  }
  :host([presenting]) .header {
    margin-block-end: 0;
  }
  :host([presenting]) h2 {
    font-size: 1.1em;
  }
  :host([presenting]) button:disabled {
    /* Still readable from the back of the room: dashed, not faded. */
    opacity: 1;
    color: var(--_muted);
    border-style: dashed;
  }
  :host([presenting]) button[aria-pressed='true'] {
    background: var(--_text);
    color: var(--_bg);
  }

  .presenting-bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 6px 16px;
    padding: 6px 10px;
    margin-block-end: 12px;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
  }
  .presenting-bar .reveal,
  .presenting-bar .step {
    font-weight: 700;
  }
  .presenting-help {
    display: grid;
    gap: 6px;
    margin-block-end: 12px;
  }
  .presenting-help .note {
    font-style: italic;
  }

  .projector {
    --_col: 100cqi;
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 16px;
    margin-block-end: 16px;
  }
  @container (min-width: 700px) {
    .projector {
      --_col: 58cqi;
      grid-template-columns: minmax(0, 58fr) minmax(0, 42fr);
      align-items: start;
    }
  }
  /*
   * The funnel lays its labels out 17 px apart: it is zoomed as a whole, as far as the
   * screen's height allows for its drawing (its measured layout height, plus its padding), with
   * the page's room above the element left below it too and the element's paddings, and as far as
   * its column's width keeps 400 px of layout. Its labels are 14 px, as training mode always
   * made them (the funnel measures them at 13 px; its label column has the room). Its caption
   * says what the figures beside it say: it stays for screen readers only.
   */
  .projector sales-funnel {
    zoom: clamp(
      1,
      min(
        (100vh - 2 * var(--_top, 0px) - 20px) / (var(--_funnel-height, 560px) + 10px),
        (var(--_col) - 12px) / 400px
      ),
      2.4
    );
    --sales-funnel-background: var(--_bg);
    --sales-funnel-text: var(--_text);
    --sales-funnel-muted: var(--_muted);
    --sales-funnel-compare: var(--_muted);
    --sales-funnel-drop: var(--_loss);
    --sales-funnel-payoff: var(--_up);
    --sales-funnel-border: var(--_border);
    --sales-funnel-focus: var(--_focus);
    --sales-funnel-color-start: var(--_accent);
  }
  .projector sales-funnel::part(label) {
    font-size: 14px;
  }
  .projector sales-funnel::part(caption) {
    ${visuallyHidden}
  }
  .projector-side {
    display: grid;
    gap: 16px;
    min-inline-size: 0;
  }
  .projector .metrics {
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 180px), 1fr));
    margin: 0;
  }
  .projector .metric {
    padding: 12px 16px;
    border-width: 2px;
  }
  .projector .metric .label {
    font-size: clamp(16px, 1.4vw, 30px);
  }
  .projector .metric .value {
    font-size: min(3.6vw, 15cqi);
  }
  .projector .metric .delta {
    font-size: clamp(15px, 1.2vw, 26px);
  }
  .projector .lever,
  .projector .step-change {
    font-size: clamp(18px, 1.6vw, 34px);
    font-weight: 700;
    line-height: 1.3;
    padding-inline-start: 12px;
    border-inline-start: 6px solid var(--_accent);
  }
  .projector .step-change {
    border-inline-start-color: var(--_up);
  }

  .blank {
    position: fixed;
    inset: 0;
    z-index: 2147483647;
    margin: 0;
    padding: 0;
    border: 0;
    border-radius: 0;
    background: #000000;
    cursor: pointer;
  }
  @media (prefers-reduced-motion: no-preference) {
    .blank {
      animation: fade-to-black 0.3s ease-out;
    }
    @keyframes fade-to-black {
      from {
        opacity: 0;
      }
    }
  }
`;
