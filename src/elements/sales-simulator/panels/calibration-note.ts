import { html, nothing, type TemplateResult } from 'lit';
import type { PipelineCalibration } from '../controllers/pipeline-calibration.js';
import type { Calibration } from '../model/calibration.js';
import type { SimulatorStrings } from '../strings.js';

export interface CalibrationNoteProps {
  text: SimulatorStrings;
  calibration: Calibration;
  /** The note in words (`calibrationText`). */
  note: string;
  /** The pipeline changed after the person edited the scenario: recalibrating is offered first. */
  changed: boolean;
  onRecalibrate: () => void;
}

/** Which pipeline the scenario comes from, or why it does not; with "Recalibrate". */
export function renderCalibrationNote(p: CalibrationNoteProps): TemplateResult {
  const { calibration: c, changed } = p;
  return html`<div class="calibration ${c.state} ${changed ? 'changed' : ''}" part="calibration">
    <p class="calibration-text" role="note">${p.note}</p>
    ${
      c.state === 'loading'
        ? nothing
        : html`<button
            type="button"
            part="button"
            class="recalibrate ${changed ? 'primary' : ''}"
            @click=${p.onRecalibrate}
          >
            ${p.text.recalibrate}
          </button>`
    }
  </div>`;
}

/** The calibration's note, when there is one (`note` words it; `changed`: after an edit). */
export function renderCalibration(
  calibration: Pick<PipelineCalibration, 'state' | 'changed' | 'recalibrate'>,
  text: SimulatorStrings,
  note: (c: Calibration, changed: boolean) => string,
): TemplateResult | typeof nothing {
  const c = calibration.state;
  if (!c) return nothing;
  const changed = c.state === 'ok' && calibration.changed;
  return renderCalibrationNote({
    text,
    calibration: c,
    note: note(c, changed),
    changed,
    onRecalibrate: () => calibration.recalibrate(),
  });
}
