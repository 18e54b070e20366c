/** The workspace's views, in tab order. */
export const WORKSPACE_TABS = ['board', 'funnel', 'simulator', 'forecast'] as const;
export type WorkspaceTab = (typeof WORKSPACE_TABS)[number];

/** `tab-changed`: the person chose another tab (by pointer or keyboard). */
export interface TabChangedDetail {
  tab: WorkspaceTab;
  previous: WorkspaceTab;
}

export type TabChangedEvent = CustomEvent<TabChangedDetail>;

// Lets the shared `dispatch` helper type this event; the map is an interface, so it merges.
declare module '../events.js' {
  interface SalesEventMap {
    'tab-changed': TabChangedDetail;
  }
}

declare global {
  interface HTMLElementEventMap {
    'tab-changed': TabChangedEvent;
  }
}
