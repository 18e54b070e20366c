import { css } from 'lit';

/** The notes above the panels: where the scenario was calibrated from, (training mode's bar is in projector.styles.ts). */
export const notesStyles = css`
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
`;
