import { css } from 'lit';

/** Out of sight, still read by screen readers (a label, a caption said by figures beside it). */
export const visuallyHidden = css`
  position: absolute;
  inline-size: 1px;
  block-size: 1px;
  overflow: hidden;
  clip-path: inset(50%);
  white-space: nowrap;
`;
