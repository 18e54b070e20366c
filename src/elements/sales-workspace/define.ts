// The workspace's first screen is the board: register it too. The funnel, the simulator and
// the forecast load the first time their tab shows.
import '../sales-pipeline/define.js';
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
