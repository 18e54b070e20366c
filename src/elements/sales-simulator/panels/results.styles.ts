import { css } from 'lit';

/** The projection panel: figures, the embedded funnel, the band and the diagnosis. */
export const resultsStyles = css`
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
  /* Results of the last valid values while a field cannot be read: still shown, plainly older. */
  .not-updated {
    margin: 0;
    padding: 4px 8px;
    border-inline-start: 4px solid var(--_muted);
    font-weight: 600;
  }
  .metrics.not-updated {
    padding: 4px;
    border: 1px dashed var(--_muted);
    font-weight: inherit;
  }
  .metric {
    /* Its figure is sized to its width (cqi): "155,5 mil €" takes about 6.3 em. */
    container-type: inline-size;
    min-inline-size: 0;
    display: flex;
    flex-direction: column;
    padding: 8px;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: 6px;
  }
  .metric dd {
    margin: 0;
  }
  .metric .label {
    font-size: 0.85em;
    color: var(--_muted);
  }
  .metric .value {
    /* The longest figure fits its card by shrinking; breaking it is the last resort. */
    font-size: min(1.5em, 15cqi);
    overflow-wrap: anywhere;
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

  @media (prefers-reduced-motion: no-preference) {
    .band svg {
      transition: opacity 0.2s;
    }
  }
`;
