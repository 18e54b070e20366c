import type { Scenario } from '../../model/types.js';
import type { Projection } from '../../sim/project.js';

/** `scenario-changed`: the person changed the scenario (an input, a preset, a saved one, a file, a link). */
export interface ScenarioChangedDetail {
  /** The scenario now in effect (always valid: bad input never reaches it). */
  scenario: Scenario;
  /** Its expected projection. */
  projection: Projection;
}

export type ScenarioChangedEvent = CustomEvent<ScenarioChangedDetail>;

// Lets the shared `dispatch` helper type this event; the map is an interface, so it merges.
declare module '../events.js' {
  interface SalesEventMap {
    'scenario-changed': ScenarioChangedDetail;
  }
}

declare global {
  interface HTMLElementEventMap {
    'scenario-changed': ScenarioChangedEvent;
  }
}
