import { css } from 'lit';

/** The target panel. */
export const targetStyles = css`
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
`;
