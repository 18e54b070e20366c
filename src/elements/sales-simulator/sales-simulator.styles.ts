import { css } from 'lit';
import { DARK, LIGHT, darkTheme } from '../shared-styles.js';

/**
 * Public `--sales-simulator-*` properties fall back to the shared `--sales-*` tokens, then to
 * built-in light or dark values; private `--_*` copies live on `.base` so nothing leaks out.
 * Colours are picked for WCAG AA on their backgrounds in both themes; `presenting` switches to
 * larger type and maximum contrast for a projector.
 */
/** The dark theme's values, for `theme="dark"` and for a dark system preference. */
const dark = css`
  --_bg: var(--sales-simulator-background, var(--sales-surface, ${DARK.surface}));
  --_panel: var(--sales-simulator-panel, var(--sales-surface-alt, ${DARK.surfaceAlt}));
  --_text: var(--sales-simulator-text, var(--sales-text, ${DARK.text}));
  --_muted: var(--sales-simulator-muted, var(--sales-muted, ${DARK.muted}));
  --_accent: var(--sales-simulator-accent, var(--sales-accent, ${DARK.accent}));
  --_on-accent: ${DARK.onAccent};
  --_loss: var(--sales-simulator-loss, var(--sales-warning, ${DARK.warning}));
  --_gain: var(--sales-simulator-accent, var(--sales-accent, ${DARK.accent}));
  --_up: var(--sales-success, ${DARK.success});
  --_error: var(--sales-simulator-error, var(--sales-danger, ${DARK.danger}));
  /* The simulator's own dark border, as before: subtler than the shared one, like the funnel's. */
  --_border: var(--sales-simulator-border, var(--sales-border, #374151));
  --_focus: var(--sales-simulator-focus, var(--sales-focus, ${DARK.focus}));
`;

export const styles = css`
  .base {
    --_bg: var(--sales-simulator-background, var(--sales-surface, ${LIGHT.surface}));
    --_panel: var(--sales-simulator-panel, var(--sales-surface-alt, ${LIGHT.surfaceAlt}));
    --_text: var(--sales-simulator-text, var(--sales-text, ${LIGHT.text}));
    --_muted: var(--sales-simulator-muted, var(--sales-muted, ${LIGHT.muted}));
    --_accent: var(--sales-simulator-accent, var(--sales-accent, ${LIGHT.accent}));
    --_on-accent: ${LIGHT.onAccent};
    --_loss: var(--sales-simulator-loss, var(--sales-warning, ${LIGHT.warning}));
    --_gain: var(--sales-simulator-accent, var(--sales-accent, ${LIGHT.accent}));
    --_up: var(--sales-success, ${LIGHT.success});
    --_error: var(--sales-simulator-error, var(--sales-danger, ${LIGHT.danger}));
    --_border: var(--sales-simulator-border, var(--sales-border, ${LIGHT.border}));
    --_focus: var(--sales-simulator-focus, var(--sales-focus, ${LIGHT.focus}));
    --_radius: var(--sales-simulator-radius, var(--sales-radius, 8px));
    --_font: var(
      --sales-simulator-font,
      var(--sales-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif)
    );
    --_size: 14px;
    container-type: inline-size;
    display: block;
    inline-size: 100%;
    padding: 12px;
    background: var(--_bg);
    color: var(--_text);
    font-family: var(--_font);
    font-size: var(--_size);
    line-height: 1.45;
    border-radius: var(--_radius);
    text-align: start;
  }
  ${darkTheme(dark)}

  /* Training mode: bigger type, plain black on white (or white on black), thick focus. */
  :host([presenting]) .base {
    --_size: 19px;
    --_bg: #ffffff;
    --_panel: #ffffff;
    --_text: #000000;
    --_muted: #1f2937;
    --_accent: #0033cc;
    --_gain: #0033cc;
    --_loss: #a32900;
    --_border: #000000;
    --_focus: #c026d3;
  }
  :host([presenting][theme='dark']) .base {
    --_bg: #000000;
    --_panel: #000000;
    --_text: #ffffff;
    --_muted: #e5e7eb;
    --_accent: #7dd3fc;
    --_gain: #7dd3fc;
    --_loss: #fdba74;
    --_border: #ffffff;
    --_focus: #f0abfc;
    --_on-accent: #000000;
  }
  @media (prefers-color-scheme: dark) {
    :host([presenting]:not([theme='light'])) .base {
      --_bg: #000000;
      --_panel: #000000;
      --_text: #ffffff;
      --_muted: #e5e7eb;
      --_accent: #7dd3fc;
      --_gain: #7dd3fc;
      --_loss: #fdba74;
      --_border: #ffffff;
      --_focus: #f0abfc;
      --_on-accent: #000000;
    }
  }

  h2,
  h3,
  h4,
  p {
    margin: 0;
  }
  h2 {
    font-size: 1.35em;
    line-height: 1.2;
  }
  h3 {
    font-size: 1.05em;
    margin-block-end: 8px;
  }
  h4 {
    font-size: 0.95em;
    margin-block: 12px 4px;
  }
  .sr-only {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .hint {
    color: var(--_muted);
    font-size: 0.88em;
  }

  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 8px 16px;
    margin-block-end: 12px;
  }
  .inline {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 6px;
  }

  /* Narrow: one column, results right after the inputs. Wide: inputs and target on the left,
     results and ranking on the right, scenarios across. */
  .grid {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 12px;
  }
  .col {
    display: contents;
  }
  .inputs {
    order: 1;
  }
  .results {
    order: 2;
  }
  .ranking {
    order: 3;
  }
  .target {
    order: 4;
  }
  .scenarios {
    order: 5;
  }
  @container (min-width: 860px) {
    .grid {
      grid-template-columns: minmax(300px, 5fr) minmax(0, 7fr);
      align-items: start;
    }
    .col {
      display: grid;
      gap: 12px;
      min-inline-size: 0;
    }
    .scenarios {
      grid-column: 1 / -1;
    }
  }
  .panel {
    min-inline-size: 0;
    padding: 12px;
    background: var(--_panel);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  /* Fields */
  .fields {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(140px, 1fr));
    gap: 8px 12px;
    align-items: end;
    margin-block-end: 12px;
  }
  .fields .hint {
    grid-column: 1 / -1;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 2px;
    min-inline-size: 0;
  }
  label {
    font-size: 0.9em;
    color: var(--_muted);
  }
  input[type='text'],
  select {
    font: inherit;
    color: var(--_text);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: 6px;
    padding: 5px 8px;
    min-inline-size: 0;
    inline-size: 100%;
  }
  .inline select {
    inline-size: auto;
    max-inline-size: 100%;
  }
  input[aria-invalid='true'] {
    border-color: var(--_error);
    box-shadow: 0 0 0 1px var(--_error);
  }
  .error {
    color: var(--_error);
    font-size: 0.88em;
  }
  .error.banner {
    border: 1px solid var(--_error);
    border-radius: var(--_radius);
    padding: 8px 12px;
    margin-block-end: 12px;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 1px;
  }

  button,
  .file-button {
    font: inherit;
    font-size: 0.92em;
    color: var(--_text);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: 6px;
    padding: 5px 10px;
    cursor: pointer;
    min-block-size: 32px;
  }
  button:hover:not(:disabled),
  .file-button:hover {
    border-color: var(--_accent);
  }
  button:disabled {
    opacity: 0.55;
    cursor: default;
  }
  button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
  }
  .buttons {
    display: inline-flex;
    flex-wrap: wrap;
    gap: 6px;
  }
  .file-button {
    position: relative;
    display: inline-flex;
    align-items: center;
  }
  .file-button input {
    position: absolute;
    inset: 0;
    opacity: 0;
    cursor: pointer;
    inline-size: 100%;
  }
  .file-button:focus-within {
    outline: 3px solid var(--_focus);
    outline-offset: 1px;
  }

  /* Stages */
  .stages {
    list-style: none;
    margin: 0 0 8px;
    padding: 0;
    display: grid;
    gap: 6px;
  }
  .stage {
    padding: 8px;
    border: 1px solid var(--_border);
    border-radius: 6px;
    background: var(--_bg);
  }
  .stage.selected {
    border-color: var(--_accent);
    box-shadow: inset 3px 0 0 var(--_accent);
  }
  .stage.after-sale .num {
    background: transparent;
    color: var(--_muted);
    border: 1px dashed var(--_muted);
  }
  .stage-head {
    display: flex;
    align-items: center;
    gap: 6px;
  }
  .num {
    flex: none;
    display: inline-grid;
    place-items: center;
    inline-size: 1.6em;
    block-size: 1.6em;
    border-radius: 50%;
    background: var(--_accent);
    color: var(--_on-accent);
    font-size: 0.85em;
    font-weight: 700;
  }
  .stage-head .name {
    flex: 1;
    font-weight: 600;
  }
  .tools {
    display: inline-flex;
    gap: 2px;
    flex: none;
  }
  .tools button {
    min-inline-size: 30px;
    padding: 2px 6px;
  }
  /* Narrow (a 320 px phone): the stage name gets the whole row and its buttons go under it;
     the ranking drops its "Change" column so the gains stay in view without scrolling. */
  @container (max-width: 380px) {
    .stage-head {
      flex-wrap: wrap;
    }
    .stage-head .name {
      flex: 1 1 calc(100% - 2.2em);
      min-inline-size: 0;
    }
    .tools {
      margin-inline-start: auto;
    }
    .levers .change {
      display: none;
    }
    .levers thead th {
      white-space: normal;
    }
  }
  .rate {
    display: grid;
    grid-template-columns: minmax(0, 1fr) 7.5em;
    align-items: end;
    gap: 8px;
    margin-block-start: 6px;
  }
  .rate .field label {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .rate .field {
    position: relative;
  }
  .rate .field::after {
    content: '%';
    position: absolute;
    inset-inline-end: 8px;
    inset-block-start: 6px;
    color: var(--_muted);
    pointer-events: none;
  }
  .rate .field input {
    padding-inline-end: 1.6em;
    text-align: end;
  }
  .rate .error {
    grid-column: 1 / -1;
  }
  .slider {
    inline-size: 100%;
    accent-color: var(--_accent);
    margin: 0;
    block-size: 32px;
  }
  .add {
    inline-size: 100%;
  }

  /* Results */
  .results-head {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: baseline;
    gap: 6px;
  }
  .metrics {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(120px, 1fr));
    gap: 8px;
    margin-block: 8px 12px;
  }
  .metric {
    display: flex;
    flex-direction: column;
    padding: 8px;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: 6px;
  }
  .metric .label {
    font-size: 0.85em;
    color: var(--_muted);
  }
  .metric .value {
    /* "78,5 mil €" fits a 120 px card. */
    font-size: 1.5em;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
    line-height: 1.2;
  }
  .delta {
    font-size: 0.82em;
    color: var(--_muted);
  }
  .delta.up {
    color: var(--_up);
  }
  .delta.down {
    color: var(--_loss);
  }
  .metric[data-metric='cac'] .delta.up {
    color: var(--_loss);
  }
  .metric[data-metric='cac'] .delta.down {
    color: var(--_up);
  }
  sales-funnel {
    --sales-funnel-padding: 4px;
    border: 1px solid var(--_border);
    border-radius: 6px;
  }
  /* While a new band computes, the old one fades; its text turns muted instead of
     transparent, so it keeps AA contrast. */
  .band.stale .band-won,
  .band.stale .band-revenue {
    color: var(--_muted);
  }
  .band.stale svg {
    opacity: 0.6;
  }
  .band-bar {
    display: block;
    inline-size: 100%;
    block-size: 14px;
    margin-block: 2px 8px;
  }
  .band-bar .track {
    fill: var(--_border);
  }
  .band-bar .range {
    fill: var(--_accent);
  }
  .band-bar .mean {
    stroke: var(--_text);
    stroke-width: 2;
    vector-effect: non-scaling-stroke;
  }
  .diagnosis-text {
    margin-block-start: 6px;
    padding: 8px 10px;
    border-inline-start: 4px solid var(--_loss);
    background: var(--_bg);
  }
  .diagnosis-text.ok {
    border-inline-start-color: var(--_up);
  }

  /* Ranking */
  .top-lever {
    font-weight: 600;
    font-size: 1.05em;
    padding: 8px 10px;
    margin-block-end: 10px;
    border-inline-start: 4px solid var(--_accent);
    background: var(--_bg);
  }
  .fields.row {
    grid-template-columns: repeat(auto-fit, minmax(130px, 1fr));
    align-items: end;
  }
  .tornado-box {
    inline-size: 100%;
    overflow: hidden;
  }
  .legend {
    display: flex;
    justify-content: space-between;
    font-size: 0.82em;
    color: var(--_muted);
  }
  .tornado {
    display: block;
    max-inline-size: 100%;
    block-size: auto;
    overflow: visible;
    font-family: var(--_font);
  }
  .tornado .zero {
    stroke: var(--_muted);
    stroke-width: 1;
  }
  .tornado .up {
    fill: var(--_gain);
  }
  .tornado .down {
    fill: var(--_loss);
  }
  .tornado .lever {
    fill: var(--_text);
    font-size: 13px;
  }
  .tornado .top .lever {
    font-weight: 700;
  }
  .tornado .value {
    fill: var(--_muted);
    font-size: 12px;
    font-variant-numeric: tabular-nums;
  }
  .table-scroll {
    overflow-x: auto;
    margin-block-start: 8px;
  }
  table {
    border-collapse: collapse;
    inline-size: 100%;
    font-size: 0.9em;
    font-variant-numeric: tabular-nums;
  }
  th,
  td {
    padding: 4px 6px;
    text-align: end;
    border-block-end: 1px solid var(--_border);
    white-space: nowrap;
  }
  th:first-child {
    text-align: start;
    white-space: normal;
  }
  thead th {
    color: var(--_muted);
    font-weight: 600;
  }

  /* Target */
  .target-out {
    padding: 8px 10px;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: 6px;
    margin-block-end: 10px;
  }
  .leads-expected,
  .leads-confident {
    font-weight: 600;
  }
  .rate-needed {
    margin-block-start: 6px;
  }

  /* Scenarios */
  .save {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 8px;
  }
  .save .field {
    flex: 1 1 180px;
  }
  .saved {
    list-style: none;
    padding: 0;
    margin: 10px 0;
    display: grid;
    gap: 4px;
  }
  .saved li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 6px;
    padding: 6px 8px;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: 6px;
  }
  .saved form {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    inline-size: 100%;
  }
  .saved form input {
    flex: 1 1 140px;
    inline-size: auto;
  }
  .saved-name {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .files {
    margin-block: 12px 8px;
  }
  .status {
    min-block-size: 1.4em;
    color: var(--_muted);
  }
  .status-line {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px 10px;
  }
  .status-line .status {
    margin: 0;
  }

  /* Calibrated from a pipeline */
  .calibration {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 6px 12px;
    padding: 8px 12px;
    margin-block-end: 12px;
    border: 1px solid var(--_border);
    border-inline-start: 4px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_panel);
  }
  .calibration p {
    margin: 0;
    flex: 1 1 260px;
  }
  .calibration.changed,
  .calibration.empty,
  .calibration.missing,
  .calibration.failed {
    border-inline-start-color: var(--_loss);
  }

  /* Training mode */
  .presenting-bar {
    display: grid;
    gap: 6px;
    padding: 10px 12px;
    margin-block-end: 12px;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
  }
  .presenting-bar .reveal {
    font-weight: 700;
  }
  :host([presenting]) .metrics {
    grid-template-columns: repeat(auto-fit, minmax(165px, 1fr));
  }
  :host([presenting]) .metric .value {
    font-size: 1.9em;
    white-space: nowrap;
  }
  :host([presenting]) .tornado .lever {
    font-size: 16px;
  }
  :host([presenting]) .tornado .value {
    font-size: 15px;
  }
  /* The funnel has no font-size property: its parts are sized from here. Its label lines are
     17 px apart, so labels stay at a size that does not overlap. */
  :host([presenting]) sales-funnel::part(label) {
    font-size: 14px;
  }
  :host([presenting]) sales-funnel::part(caption) {
    font-size: 17px;
  }
  :host([presenting]) sales-funnel::part(tooltip) {
    font-size: 15px;
  }

  @media (prefers-reduced-motion: no-preference) {
    .band svg {
      transition: opacity 0.2s;
    }
  }
`;
