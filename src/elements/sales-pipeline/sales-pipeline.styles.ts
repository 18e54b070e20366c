import { css } from 'lit';
import { DARK, LIGHT, PALETTE, forcedColors } from '../shared-styles.js';

/**
 * Public `--sales-pipeline-*` properties fall back to the shared `--sales-*` tokens, then to
 * built-in `light-dark(light, dark)` pairs (`PALETTE`) that follow the host's colour scheme
 * (`hostBase`); private `--_*` copies live on `.base` so nothing leaks out.
 * Colours are picked for WCAG AA on their backgrounds in both themes.
 *
 * A card row is at least 116px + 8px gap = 124px (`CARD_ROW_HEIGHT`; 116px holds every line of
 * a stale card, its reason included). Every card has the same lines (each at least a line high,
 * long text ends in an ellipsis), so rows are as tall as the hidden `.row-probe` card, which the
 * board measures: with larger text or a text-spacing override the cards grow and the windowing
 * follows, and nothing is clipped (a stale card's reason line then makes it a line taller; the
 * cards stay in flow, so it pushes the next one down rather than covering it).
 *
 * Defaults come from the shared palette except where the board keeps its own, as it always
 * has: columns a shade darker than the cards (light `#f3f4f6`), cards a shade darker than the
 * board in dark (`#0f172a`), so cards stand out from their column in both themes; and an
 * amber for stale deals (`#b45309` / `#fdba74`) rather than the orange used for losses.
 */
export const styles = css`
  .base {
    --_bg: var(--sales-pipeline-background, var(--sales-surface, ${PALETTE.surface}));
    --_column: var(
      --sales-pipeline-column,
      var(--sales-surface-alt, light-dark(#f3f4f6, ${DARK.surfaceAlt}))
    );
    --_card: var(
      --sales-pipeline-card,
      var(--sales-surface, light-dark(${LIGHT.surface}, #0f172a))
    );
    --_text: var(--sales-pipeline-text, var(--sales-text, ${PALETTE.text}));
    --_muted: var(--sales-pipeline-muted, var(--sales-muted, ${PALETTE.muted}));
    --_accent: var(--sales-pipeline-accent, var(--sales-accent, ${PALETTE.accent}));
    --_on-accent: ${PALETTE.onAccent};
    --_stale: var(--sales-pipeline-stale, var(--sales-warning, light-dark(#b45309, #fdba74)));
    --_won: var(--sales-pipeline-won, var(--sales-success, ${PALETTE.success}));
    --_error: var(--sales-pipeline-error, var(--sales-danger, ${PALETTE.danger}));
    --_border: var(--sales-pipeline-border, var(--sales-border, ${PALETTE.border}));
    --_input-border: var(
      --sales-pipeline-input-border,
      var(--sales-input-border, ${PALETTE.inputBorder})
    );
    --_focus: var(--sales-pipeline-focus, var(--sales-focus, ${PALETTE.focus}));
    --_tint: light-dark(rgb(29 78 216 / 0.08), rgb(96 165 250 / 0.16));
    --_radius: var(--sales-pipeline-radius, var(--sales-radius, 8px));
    --_font: var(
      --sales-pipeline-font,
      var(--sales-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif)
    );
    --_col-w: var(--sales-pipeline-column-width, 17rem);
    --_col-h: var(--sales-pipeline-column-height, min(32rem, 65vh));
    position: relative;
    display: block;
    inline-size: 100%;
    padding: 12px;
    background: var(--_bg);
    color: var(--_text);
    font-family: var(--_font);
    font-size: 14px;
    line-height: 1.4;
    border-radius: var(--_radius);
    text-align: start;
  }

  .row-probe {
    position: absolute;
    inset-block-start: 0;
    inset-inline-start: 0;
    display: flow-root;
    inline-size: min(var(--_col-w), 100%);
    visibility: hidden;
    pointer-events: none;
  }
  /* As tall as a card list, always there: the board measures the lists' height on it. */
  .viewport-probe {
    position: absolute;
    inset-block-start: 0;
    inset-inline-start: 0;
    inline-size: 0;
    block-size: var(--_col-h);
    visibility: hidden;
    pointer-events: none;
  }

  .sr-only,
  .file {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }

  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }
  button {
    min-block-size: 36px;
    padding: 6px 12px;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 2px);
    background: var(--_card);
    cursor: pointer;
  }
  button:hover:not(:disabled) {
    border-color: var(--_accent);
  }
  button:disabled {
    cursor: default;
    opacity: 0.55;
  }
  button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }
  button.danger {
    border-color: var(--_error);
    color: var(--_error);
  }
  input,
  select,
  textarea {
    min-block-size: 36px;
    padding: 6px 8px;
    border: 1px solid var(--_input-border);
    border-radius: calc(var(--_radius) - 2px);
    background: var(--_card);
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  /* Toolbar */
  .sync-status {
    align-self: center;
    font-size: 0.875em;
    padding: 0.125em 0.5em;
    border: 1px solid currentColor;
    border-radius: 999px;
  }
  .presence {
    align-self: center;
  }
  .viewers {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 8px;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .viewer {
    display: flex;
    align-items: center;
    gap: 4px;
    font-size: 0.875em;
  }
  .avatar {
    display: inline-grid;
    place-items: center;
    inline-size: 1.75em;
    block-size: 1.75em;
    border-radius: 50%;
    background: var(--_accent);
    color: var(--_on-accent);
    font-size: 0.75em;
    font-weight: 600;
  }
  .viewer-name {
    max-inline-size: 10em;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  /* Over the card's top edge, so a card someone moves is no taller than the others. */
  .card .moving-by {
    position: absolute;
    inset-block-start: -7px;
    inset-inline-end: 8px;
    max-inline-size: calc(100% - 16px);
    margin: 0;
    padding: 0 6px;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    border-radius: 999px;
    background: var(--_accent);
    color: var(--_on-accent);
    font-size: 12px;
    line-height: 14px;
  }
  .trash {
    margin-block-end: 10px;
    padding: 8px 12px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .trash h2 {
    margin: 0 0 4px;
    font-size: 1em;
  }
  .trash table {
    border-collapse: collapse;
    margin-block: 8px;
  }
  .trash th,
  .trash td {
    padding: 4px 12px 4px 0;
    text-align: start;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 8px 12px;
    margin-block-end: 10px;
  }
  .field {
    display: grid;
    gap: 2px;
    font-size: 12px;
    color: var(--_muted);
  }
  .field input,
  .field select {
    font-size: 14px;
    color: var(--_text);
  }
  .search {
    flex: 1 1 12rem;
  }
  .check {
    display: flex;
    align-items: center;
    gap: 6px;
    min-block-size: 36px;
  }
  .check input {
    min-block-size: auto;
    inline-size: 18px;
    block-size: 18px;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
  }

  /* Notices */
  .notices {
    display: grid;
    gap: 6px;
    margin-block-end: 8px;
  }
  .notices:empty {
    display: none;
  }
  .notice {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
    margin: 0;
    padding: 8px 10px;
    border: 1px solid var(--_border);
    border-inline-start: 4px solid var(--_accent);
    border-radius: calc(var(--_radius) - 2px);
    background: var(--_column);
  }
  .notice > span:first-child {
    flex: 1 1 14rem;
  }
  .notice.warn {
    border-inline-start-color: var(--_stale);
  }
  .notice.error {
    border-inline-start-color: var(--_error);
  }
  .notice progress {
    flex: 1 1 8rem;
  }
  .notice .dismiss {
    min-block-size: 28px;
    padding: 0 8px;
    margin-inline-start: auto;
  }
  .import-errors {
    display: block;
  }
  .import-errors p {
    display: flex;
    align-items: center;
    gap: 8px;
    margin: 0;
  }
  .import-errors ul {
    max-block-size: 12rem;
    overflow: auto;
    margin: 6px 0 0;
    padding-inline-start: 1.2rem;
  }

  /* Board */
  .board {
    display: flex;
    gap: 10px;
    overflow-x: auto;
    overscroll-behavior-x: contain;
    padding-block-end: 6px;
    scroll-snap-type: x proximity;
  }
  .board.dragging {
    scroll-snap-type: none;
    cursor: grabbing;
  }
  .column {
    flex: 0 0 var(--_col-w);
    min-inline-size: 0;
    max-inline-size: calc(100vw - 64px);
    display: flex;
    flex-direction: column;
    background: var(--_column);
    border: 2px solid transparent;
    border-radius: var(--_radius);
    scroll-snap-align: start;
  }
  .column.target {
    border-color: var(--_accent);
    background-image: linear-gradient(var(--_tint), var(--_tint));
  }
  .column-header {
    padding: 8px 10px 6px;
    border-block-end: 1px solid var(--_border);
  }
  .column.won .column-header {
    box-shadow: inset 0 3px 0 var(--_won);
  }
  .column.lost .column-header {
    box-shadow: inset 0 3px 0 var(--_error);
  }
  h3 {
    margin: 0;
    font-size: 15px;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .count {
    margin: 0;
    color: var(--_muted);
    font-size: 12px;
  }
  .totals {
    display: flex;
    flex-wrap: wrap;
    gap: 2px 12px;
    margin: 2px 0 0;
    font-size: 12px;
  }
  .totals div {
    display: flex;
    gap: 4px;
  }
  .totals dt {
    color: var(--_muted);
  }
  .totals dd {
    margin: 0;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .empty {
    margin: 0;
    padding: 16px 10px;
    color: var(--_muted);
    font-style: italic;
  }
  .list {
    position: relative;
    block-size: var(--_col-h);
    overflow-y: auto;
    overscroll-behavior-y: contain;
  }
  /* Where a dragged or picked-up card would drop: a bar in the gap between two cards. */
  .drop-marker {
    position: absolute;
    inset-inline: 6px;
    block-size: 4px;
    border-radius: 2px;
    background: var(--_accent);
    pointer-events: none;
  }
  .cards {
    list-style: none;
    margin: 0;
    padding-inline: 8px;
    padding-block: 0;
  }
  .card {
    position: relative;
    display: flex;
    flex-direction: column;
    gap: 2px;
    min-block-size: 116px;
    margin-block: 8px 0;
    padding: 8px 10px 8px 22px;
    background: var(--_card);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 2px);
    cursor: grab;
    user-select: none;
    -webkit-user-select: none;
  }
  .card.stale {
    border-inline-start: 4px solid var(--_stale);
    padding-inline-start: 19px;
  }
  .card.grabbed {
    outline: 3px dashed var(--_accent);
    outline-offset: 1px;
  }
  .card.dragged {
    opacity: 0.4;
  }
  .card p {
    flex: none;
    min-block-size: 1lh;
    margin: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .card .title {
    font-weight: 600;
    padding-inline-end: 4.5rem;
  }
  /* "Move…": every move without dragging (WCAG 2.5.7); at least 24px to hit (2.5.8). */
  .card-move {
    position: absolute;
    inset-block-start: 4px;
    inset-inline-end: 4px;
    min-block-size: 28px;
    padding: 2px 8px;
    font-size: 12px;
    cursor: pointer;
  }
  .card .company,
  .card .meta {
    color: var(--_muted);
    font-size: 12px;
  }
  .card .meta {
    display: flex;
    justify-content: space-between;
    gap: 8px;
  }
  /* A long date or owner gives way (ellipsis) so the amount and the days, with the stale
     mark, always show whole. */
  .card .meta > span {
    min-inline-size: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .card .meta > .amount,
  .card .meta > .days {
    flex: none;
  }
  .card .amount {
    color: var(--_text);
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .card .stale-mark {
    color: var(--_stale);
  }
  .card .stale-reason {
    color: var(--_muted);
    font-size: 12px;
  }
  .grip {
    position: absolute;
    inset-block: 0;
    inset-inline-start: 0;
    inline-size: 18px;
    touch-action: none;
    cursor: grab;
    background-image: radial-gradient(var(--_muted) 1.2px, transparent 1.6px);
    background-size: 6px 6px;
    background-position: 5px 8px;
    background-repeat: repeat-y;
    opacity: 0.6;
  }
  .card.stale .grip {
    inset-inline-start: -3px;
  }
  .ghost {
    position: absolute;
    inset-block-start: 0;
    inset-inline-start: 0;
    z-index: 10;
    margin: 0;
    pointer-events: none;
    box-shadow: 0 10px 24px rgb(0 0 0 / 0.25);
    cursor: grabbing;
  }
  :host(:dir(rtl)) .ghost {
    inset-inline-start: auto;
    left: 0;
  }
  .loading,
  .hint {
    color: var(--_muted);
    font-size: 12px;
    margin: 8px 0 0;
  }

  /* Dialog */
  dialog {
    inline-size: min(36rem, calc(100vw - 24px));
    max-block-size: calc(100vh - 24px);
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  .dialog-body {
    display: grid;
    gap: 10px;
    padding: 16px;
  }
  h2 {
    margin: 0;
    font-size: 18px;
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
    gap: 10px;
  }
  .form-field {
    display: grid;
    gap: 3px;
    /* A taller neighbour in the row (a label on two lines, a message) must not stretch the input. */
    align-content: start;
  }
  .import-step {
    display: grid;
    gap: 8px;
    justify-items: start;
    padding: 10px 12px;
    border: 1px solid var(--_border, currentColor);
    border-radius: 6px;
    margin-block: 8px;
  }
  .import-step h3 {
    margin: 0;
  }
  .import-step table {
    border-collapse: collapse;
    max-inline-size: 100%;
    overflow-x: auto;
    display: block;
  }
  .import-step caption {
    text-align: start;
    font-weight: 600;
  }
  .import-step th,
  .import-step td {
    padding: 2px 8px;
    text-align: start;
    border-block-end: 1px solid var(--_border, currentColor);
  }
  .import-step fieldset {
    display: grid;
    gap: 4px;
  }
  .field-preview {
    margin: 0;
    color: var(--_muted);
    font-size: 13px;
    font-variant-numeric: tabular-nums;
  }
  .form-field label span {
    color: var(--_muted);
    font-size: 12px;
  }
  [aria-invalid='true'] {
    border-color: var(--_error);
    border-width: 2px;
  }
  .field-error {
    margin: 0;
    color: var(--_error);
    font-size: 13px;
  }
  .notice ul {
    margin: 4px 0 0;
    padding-inline-start: 1.2rem;
  }
  .notice p {
    margin: 0;
  }
  .dialog-body > .notice.error {
    display: block;
  }
  .dialog-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
  }
  .spacer {
    flex: 1;
  }
  .move-group h3 {
    margin-block-end: 6px;
    font-size: 14px;
  }
  .move-targets,
  .move-close {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 6px;
  }
  .move-close .form-field {
    flex: 1 1 12rem;
  }
  .stages {
    display: grid;
    gap: 8px;
    margin: 0;
    padding-inline-start: 1.4rem;
  }
  .stage-row,
  .stage-remove,
  .stage-add {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    align-items: center;
  }
  .stage-row input {
    flex: 1 1 10rem;
  }
  .stage-remove,
  .stage-chance {
    margin-block-start: 6px;
  }
  .stage-chance {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    align-items: center;
  }
  .stage-chance input {
    inline-size: 6rem;
  }
  .stage-chance .error {
    flex-basis: 100%;
    margin: 0;
  }
  .stage-add input {
    flex: 1 1 10rem;
  }

  @media (prefers-reduced-motion: no-preference) {
    .column,
    .card {
      transition:
        border-color 120ms,
        opacity 120ms;
    }
  }
  ${forcedColors(css`
    /* Marks drawn as a background alone keep their own system colours. */
    .drop-marker {
      forced-color-adjust: none;
      background: Highlight;
    }
    .grip {
      forced-color-adjust: none;
      background-image: radial-gradient(CanvasText 1.2px, transparent 1.6px);
    }
    .column.target,
    .card.grabbed {
      outline: 3px solid Highlight;
    }
    .column.won .column-header,
    .column.lost .column-header {
      border-block-start: 3px solid CanvasText;
    }
  `)}
`;
