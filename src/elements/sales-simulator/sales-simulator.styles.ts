import { css } from 'lit';
import { LIGHT, PALETTE, forcedColors } from '../shared-styles.js';
import { inputsStyles } from './panels/inputs.styles.js';
import { notesStyles } from './panels/notes.styles.js';
import { projectorStyles } from './panels/projector.styles.js';
import { rankingStyles } from './panels/ranking.styles.js';
import { resultsStyles } from './panels/results.styles.js';
import { scenariosStyles } from './panels/scenarios.styles.js';
import { targetStyles } from './panels/target.styles.js';

/**
 * Public `--sales-simulator-*` properties fall back to the shared `--sales-*` tokens, then to
 * built-in `light-dark(light, dark)` pairs (`PALETTE`) that follow the host's colour scheme
 * (`hostBase`); private `--_*` copies live on `.base` so nothing leaks out. The simulator's own
 * dark border (`#374151`) is subtler than the shared one, like the funnel's.
 * Colours are picked for WCAG AA on their backgrounds in both themes; `presenting` switches to
 * larger type and 7:1 contrast for a projector (`panels/projector.styles.ts`).
 */
export const styles = css`
  .base {
    --_bg: var(--sales-simulator-background, var(--sales-surface, ${PALETTE.surface}));
    --_panel: var(--sales-simulator-panel, var(--sales-surface-alt, ${PALETTE.surfaceAlt}));
    --_text: var(--sales-simulator-text, var(--sales-text, ${PALETTE.text}));
    --_muted: var(--sales-simulator-muted, var(--sales-muted, ${PALETTE.muted}));
    --_accent: var(--sales-simulator-accent, var(--sales-accent, ${PALETTE.accent}));
    --_on-accent: ${PALETTE.onAccent};
    --_loss: var(--sales-simulator-loss, var(--sales-warning, ${PALETTE.warning}));
    --_gain: var(--sales-simulator-accent, var(--sales-accent, ${PALETTE.accent}));
    --_up: var(--sales-success, ${PALETTE.success});
    --_error: var(--sales-simulator-error, var(--sales-danger, ${PALETTE.danger}));
    --_border: var(
      --sales-simulator-border,
      var(--sales-border, light-dark(${LIGHT.border}, #374151))
    );
    --_input-border: var(
      --sales-simulator-input-border,
      var(--sales-input-border, ${PALETTE.inputBorder})
    );
    --_focus: var(--sales-simulator-focus, var(--sales-focus, ${PALETTE.focus}));
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
    border: 1px solid var(--_input-border);
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

  .fields.row {
    grid-template-columns: repeat(auto-fit, minmax(130px, 1fr));
    align-items: end;
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
`;

/**
 * Under forced colours the charts take the person's palette: text and bars in its text
 * colour, a worse value outlined rather than told by colour, the band's expected value in
 * its highlight; the selected stage is ringed.
 */
const forced = forcedColors(
  css`
    .tornado .down,
    .band-bar .track {
      fill: Canvas;
      stroke: CanvasText;
    }
    .band-bar .mean {
      stroke: Highlight;
    }
    .stage.selected {
      outline: 3px solid Highlight;
    }
  `,
  css`
    --_text: CanvasText !important;
    --_muted: CanvasText !important;
    --_gain: CanvasText !important;
    --_accent: CanvasText !important;
    --_border: CanvasText !important;
  `,
);

/** The element's sheets: the tokens and shared controls above, then each panel's own. */
export const simulatorStyles = [
  styles,
  inputsStyles,
  resultsStyles,
  rankingStyles,
  targetStyles,
  scenariosStyles,
  notesStyles,
  projectorStyles,
  forced,
];
