import { html, nothing, type TemplateResult } from 'lit';
import { styleProps } from '../../style-props.js';
import type { Figure } from '../model/view-model.js';
import type { SimulatorStrings } from '../strings.js';
import { figure } from './results.js';

export interface ProjectorProps {
  /** The header and training mode's bar, above the figures. */
  top: TemplateResult;
  /** Won deals and revenue, with their change. */
  figures: readonly Figure[];
  funnel: TemplateResult;
  /**
   * The funnel's layout height with every stage shown (0 before it is drawn): its zoom fits it
   * to the screen, and stays put while stages are revealed.
   */
  height: number;
  /** The element's top in the page: the same room is left below it. */
  offset: number;
  /** The lever to pull first, or what stands in for it until the answer is shown. */
  sentence: string;
  /** What the deck's step changed and by how much. */
  change?: string;
}

/**
 * Training mode's projected part, made to fit one screen: the funnel, as tall as the screen,
 * beside the title, the bar, the key figures and the lever sentence, in type that reads from
 * the back of a room.
 */
export function renderProjector(p: ProjectorProps): TemplateResult {
  return html`<section
    class="projector"
    aria-label=${p.figures.map((f) => f.label).join(', ')}
    style=${styleProps({
      '--_funnel-height': p.height ? `${p.height}px` : undefined,
      '--_top': `${p.offset}px`,
    })}
  >
    <div class="projector-funnel">${p.funnel}</div>
    <div class="projector-side">
      ${p.top}
      <dl class="metrics">${p.figures.map(figure)}</dl>
      ${p.change ? html`<p class="step-change">${p.change}</p>` : nothing}
      <p class="lever">${p.sentence}</p>
    </div>
  </section>`;
}

/** The blanked screen: black, over everything; selecting it shows the screen again. */
export function renderBlank(text: SimulatorStrings, onShow: () => void): TemplateResult {
  return html`<button
    type="button"
    class="blank"
    aria-label=${text.blanked}
    @click=${onShow}
  ></button>`;
}
