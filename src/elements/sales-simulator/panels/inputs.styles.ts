import { css } from 'lit';
import { visuallyHidden } from './hidden.styles.js';

/** The input panel: fields, then each stage with its name, tools, slider and exact rate. */
export const inputsStyles = css`
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
  /* Narrow (a 320 px phone): the stage name gets the whole row and its buttons go under it. */
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
  }
  .rate {
    display: grid;
    grid-template-columns: minmax(0, 1fr) 7.5em;
    align-items: end;
    gap: 8px;
    margin-block-start: 6px;
  }
  .rate .field label {
    ${visuallyHidden}
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
  .field .preview,
  .rate .preview {
    grid-column: 1 / -1;
    margin: 0;
    font-size: 0.85em;
    font-variant-numeric: tabular-nums;
  }
  .rate .error {
    grid-column: 1 / -1;
  }
  /* Where an observed rate comes from, under its slider. */
  .rate .observed {
    grid-column: 1 / -1;
    margin-block-start: -4px;
    color: var(--_muted);
    font-size: 0.85em;
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
`;
