import { css } from 'lit';
import { PALETTE, forcedColors } from '../shared-styles.js';

/**
 * Public `--sales-workspace-*` properties fall back to the shared `--sales-*` tokens, then to
 * built-in `light-dark(light, dark)` pairs (`PALETTE`, the same as the other elements', WCAG AA
 * in both schemes) that follow the host's colour scheme (`hostBase`);
 * private `--_*` copies live on `.base` so nothing leaks out.
 */
export const styles = css`
  .base {
    --_bg: var(--sales-workspace-background, var(--sales-surface, ${PALETTE.surface}));
    --_text: var(--sales-workspace-text, var(--sales-text, ${PALETTE.text}));
    --_muted: var(--sales-workspace-muted, var(--sales-muted, ${PALETTE.muted}));
    --_accent: var(--sales-workspace-accent, var(--sales-accent, ${PALETTE.accent}));
    --_on-accent: var(--sales-workspace-on-accent, var(--sales-on-accent, ${PALETTE.onAccent}));
    --_error: var(--sales-workspace-error, var(--sales-danger, ${PALETTE.danger}));
    --_border: var(--sales-workspace-border, var(--sales-border, ${PALETTE.border}));
    --_focus: var(--sales-workspace-focus, var(--sales-focus, ${PALETTE.focus}));
    --_radius: var(--sales-workspace-radius, var(--sales-radius, 8px));
    --_font: var(
      --sales-workspace-font,
      var(--sales-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif)
    );
    display: block;
    inline-size: 100%;
    background: var(--_bg);
    color: var(--_text);
    font-family: var(--_font);
    font-size: 14px;
    line-height: 1.4;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    text-align: start;
  }

  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  .bar {
    display: flex;
    flex-wrap: wrap;
    gap: 8px 16px;
    align-items: flex-end;
    justify-content: space-between;
    padding: 8px 12px 0;
    border-block-end: 1px solid var(--_border);
  }
  [role='tablist'] {
    display: flex;
    gap: 4px;
    min-inline-size: 0;
    max-inline-size: 100%;
    overflow-x: auto;
  }
  [role='tab'] {
    min-block-size: 44px;
    padding: 8px 16px;
    border: 0;
    border-block-end: 3px solid transparent;
    background: none;
    color: var(--_muted);
    font: inherit;
    font-size: 15px;
    font-weight: 600;
    white-space: nowrap;
    cursor: pointer;
  }
  [role='tab']:hover {
    color: var(--_text);
  }
  [role='tab'][aria-selected='true'] {
    border-block-end-color: var(--_accent);
    color: var(--_text);
  }
  [role='tab']:focus-visible {
    outline-offset: -3px;
  }

  .sample {
    min-block-size: 40px;
    margin-block-end: 8px;
    padding: 8px 16px;
    border: 1px solid var(--_accent);
    border-radius: calc(var(--_radius) - 2px);
    background: var(--_accent);
    color: var(--_on-accent);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  .sample:disabled {
    cursor: progress;
    opacity: 0.7;
  }

  .status:empty,
  .error:empty {
    display: none;
  }
  .status,
  .error {
    margin: 0;
    padding: 8px 12px 0;
    color: var(--_muted);
  }
  .error {
    color: var(--_error);
  }

  [role='tabpanel'] {
    padding: 4px;
    border-radius: var(--_radius);
  }
  [role='tabpanel'][hidden] {
    display: none;
  }
  .hint {
    margin: 8px 8px 0;
    color: var(--_muted);
  }

  @media (max-width: 480px) {
    .bar {
      padding-inline: 4px;
    }
    [role='tab'] {
      padding-inline: 10px;
    }
    .sample {
      inline-size: 100%;
    }
  }
  ${forcedColors(css`
    /* The selected tab differs by more than a border colour the palette replaces. */
    [role='tab'][aria-selected='true'] {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
      border-block-end-color: HighlightText;
    }
  `)}
`;
