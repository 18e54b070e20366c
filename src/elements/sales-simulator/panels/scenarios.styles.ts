import { css } from 'lit';

/** The saved-scenarios panel: save form, list, comparison, files, status line. */
export const scenariosStyles = css`
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
  /* Said in words, so the mark holds without colour (forced colours, a screen reader). */
  .plan-mark {
    border: 1px solid currentColor;
    border-radius: var(--_radius, 4px);
    padding: 0 6px;
    font-size: 0.875em;
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
`;
