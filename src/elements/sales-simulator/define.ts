// The simulator embeds the funnel: register it too.
import '../sales-funnel/define.js';
import { SalesSimulator } from './sales-simulator.js';

// Guarded so that two copies of the library on one page do not throw "name already defined".
if (!customElements.get('sales-simulator'))
  customElements.define('sales-simulator', SalesSimulator);

export { SalesSimulator };
export type { ScenarioChangedDetail, ScenarioChangedEvent } from './events.js';
export type { SimulatorStrings } from './strings.js';

declare global {
  interface HTMLElementTagNameMap {
    'sales-simulator': SalesSimulator;
  }
}
