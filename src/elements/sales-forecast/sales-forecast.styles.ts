import { css } from 'lit';
import { PALETTE } from '../shared-styles.js';

/**
 * Public `--sales-forecast-*` properties fall back to the shared `--sales-*` tokens, then to
 * built-in `light-dark(light, dark)` pairs (`PALETTE`; WCAG AA in both schemes) that follow the
 * host's colour scheme (`hostBase`); private `--_*` copies live on `.base`.
 */
export const styles = css`
  .base {
    --_bg: var(--sales-forecast-background, var(--sales-surface, ${PALETTE.surface}));
    --_alt: var(--sales-forecast-surface-alt, var(--sales-surface-alt, ${PALETTE.surfaceAlt}));
    --_text: var(--sales-forecast-text, var(--sales-text, ${PALETTE.text}));
    --_muted: var(--sales-forecast-muted, var(--sales-muted, ${PALETTE.muted}));
    --_accent: var(--sales-forecast-accent, var(--sales-accent, ${PALETTE.accent}));
    --_on-accent: var(--sales-forecast-on-accent, var(--sales-on-accent, ${PALETTE.onAccent}));
    --_goal: var(--sales-forecast-goal, var(--sales-warning, ${PALETTE.warning}));
    --_error: var(--sales-forecast-error, var(--sales-danger, ${PALETTE.danger}));
    --_border: var(--sales-forecast-border, var(--sales-border, ${PALETTE.border}));
    --_focus: var(--sales-forecast-focus, var(--sales-focus, ${PALETTE.focus}));
    --_radius: var(--sales-forecast-radius, var(--sales-radius, 8px));
    --_font: var(
      --sales-forecast-font,
      var(--sales-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif)
    );
    display: block;
    padding: 16px;
    background: var(--_bg);
    color: var(--_text);
    font-family: var(--_font);
    font-size: 14px;
    line-height: 1.45;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    text-align: start;
  }

  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  h2 {
    margin: 0 0 12px;
    font-size: 1.25rem;
  }
  h3 {
    margin: 20px 0 8px;
    font-size: 1.05rem;
  }
  h4 {
    margin: 8px 0 4px;
    font-size: 0.95rem;
  }
  p {
    margin: 4px 0;
  }
  .muted {
    color: var(--_muted);
  }
  .error {
    color: var(--_error);
  }
  .goal {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    align-items: center;
  }
  .goal .error {
    flex-basis: 100%;
  }
  input,
  select,
  button {
    font: inherit;
    color: inherit;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    padding: 6px 10px;
  }
  input#goal {
    inline-size: 12ch;
  }
  button {
    background: var(--_accent);
    color: var(--_on-accent);
    border-color: var(--_accent);
    cursor: pointer;
  }
  button:disabled {
    opacity: 0.6;
    cursor: default;
  }
  .quarters {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(240px, 1fr));
    gap: 12px;
  }
  .quarter {
    padding: 12px;
    background: var(--_alt);
    border-radius: var(--_radius);
  }
  .quarter h3 {
    margin-block-start: 0;
  }
  .figure {
    font-weight: 600;
  }
  .chance {
    font-size: 1.1rem;
    font-weight: 700;
  }
  svg.band {
    display: block;
    inline-size: 100%;
    block-size: 28px;
  }
  .track {
    fill: var(--_border);
  }
  .range {
    fill: var(--_accent);
    opacity: 0.45;
  }
  .expected {
    fill: var(--_accent);
  }
  .goal line,
  line.goal {
    stroke: var(--_goal);
    stroke-width: 3;
    stroke-dasharray: 4 3;
  }
  table {
    inline-size: 100%;
    margin-block-start: 12px;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  caption {
    text-align: start;
    color: var(--_muted);
    padding-block-end: 4px;
  }
  th,
  td {
    padding: 4px 8px;
    border-block-end: 1px solid var(--_border);
    text-align: end;
  }
  th[scope='row'],
  thead th:first-child {
    text-align: start;
  }
  tr.total th,
  tr.total td {
    font-weight: 600;
  }
  .cell-bar {
    inline-size: 40%;
  }
  /* Hangs into the cell's padding, so the figures stay aligned. */
  .note-mark {
    display: inline-block;
    inline-size: 0;
    overflow: visible;
  }
  .band-note,
  .band-notes {
    color: var(--_muted);
    font-size: 0.9rem;
  }
  .band-notes {
    margin-block-start: 8px;
  }
  .band-notes li {
    display: block;
    padding: 2px 0;
    border: none;
  }
  .deal-lists {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(260px, 1fr));
    gap: 12px;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  li {
    display: flex;
    flex-direction: column;
    gap: 2px;
    padding: 8px 0;
    border-block-end: 1px solid var(--_border);
  }
  .deal-title {
    font-weight: 600;
  }
  .risk {
    color: var(--_goal);
  }
  .slip {
    display: flex;
    gap: 6px;
    align-items: center;
    color: var(--_muted);
  }
  select {
    margin-inline-start: 8px;
    max-inline-size: 100%;
  }
  .what-if-result {
    margin-block-start: 8px;
    font-weight: 600;
  }
`;
