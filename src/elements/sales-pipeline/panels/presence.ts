import { html, nothing, type TemplateResult } from 'lit';
import type { Viewer } from '../controllers/board-presence.js';
import type { PipelineStrings } from '../strings.js';

/** The initials on a viewer's avatar: the first letters of their first two words. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/u);
  return words
    .slice(0, 2)
    .map((w) => [...w][0] ?? '')
    .join('')
    .toLocaleUpperCase();
}

/**
 * The others viewing a synced board, in the toolbar: a named group of avatars, each with the
 * person's name as text (a screen reader reads the names; the initials are decoration).
 */
export function renderPresence(
  viewers: readonly Viewer[],
  strings: PipelineStrings,
): TemplateResult | typeof nothing {
  if (viewers.length === 0) return nothing;
  return html`<div
    class="presence"
    part="presence"
    role="group"
    aria-label=${strings.presenceLabel}
  >
    <ul class="viewers">
      ${viewers.map(
        (v) =>
          html`<li class="viewer" title=${v.name}>
            <span class="avatar" aria-hidden="true">${initialsOf(v.name)}</span>
            <span class="viewer-name">${v.name}</span>
          </li>`,
      )}
    </ul>
  </div>`;
}
