import { SalesForecast } from './sales-forecast.js';

// Guarded so that two copies of the library on one page do not throw "name already defined".
if (!customElements.get('sales-forecast')) customElements.define('sales-forecast', SalesForecast);

export { SalesForecast };
export type { ForecastStrings } from './strings.js';

declare global {
  interface HTMLElementTagNameMap {
    'sales-forecast': SalesForecast;
  }
}
