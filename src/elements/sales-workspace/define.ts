// The workspace renders the other elements: register them too.
import '../sales-forecast/define.js';
import '../sales-funnel/define.js';
import '../sales-pipeline/define.js';
import '../sales-simulator/define.js';
import { SalesWorkspace } from './sales-workspace.js';

// Guarded so that two copies of the library on one page do not throw "name already defined".
if (!customElements.get('sales-workspace'))
  customElements.define('sales-workspace', SalesWorkspace);

export { SalesWorkspace };
export {
  WORKSPACE_TABS,
  type TabChangedDetail,
  type TabChangedEvent,
  type WorkspaceTab,
} from './events.js';
export type { WorkspaceStrings } from './strings.js';

declare global {
  interface HTMLElementTagNameMap {
    'sales-workspace': SalesWorkspace;
  }
}
