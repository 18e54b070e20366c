import { css } from 'lit';

/** The improvement ranking: its sentence and the tornado chart (the table is styled with every table). */
export const rankingStyles = css`
  .top-lever {
    font-weight: 600;
    font-size: 1.05em;
    padding: 8px 10px;
    margin-block-end: 10px;
    border-inline-start: 4px solid var(--_accent);
    background: var(--_bg);
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
  :host([presenting]) .tornado .lever {
    font-size: 16px;
  }
  :host([presenting]) .tornado .value {
    font-size: 15px;
  }
  /*
   * Narrow (a 320 px phone): no "Change" column and closer cells, so the gains and the
   * losses stay in view without scrolling.
   */
  @container (max-width: 380px) {
    .levers .change {
      display: none;
    }
    .levers thead th {
      white-space: normal;
    }
    .levers th,
    .levers td {
      padding-inline: 3px;
    }
  }
`;
