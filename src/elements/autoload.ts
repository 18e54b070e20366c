/**
 * `dist/sales-elements.js`, the script-tag file for every element: it registers each element
 * the first time the page uses its tag (in the document, now or added later), so a page pays
 * only for the elements it shows. An element rendered inside another element's shadow root is
 * loaded by that element (the workspace loads its views); a page that creates one in a shadow
 * root of its own imports `sales-funnel/funnel` (or the element's entry) instead.
 */
const DEFINES: Record<string, () => Promise<unknown>> = {
  'sales-funnel': () => import('./sales-funnel/define.js'),
  'sales-pipeline': () => import('./sales-pipeline/define.js'),
  'sales-simulator': () => import('./sales-simulator/define.js'),
  'sales-workspace': () => import('./sales-workspace/define.js'),
  'sales-forecast': () => import('./sales-forecast/define.js'),
};
const TAGS = Object.keys(DEFINES);
const loading = new Set<string>();

function loadUsed(root: ParentNode): void {
  for (const tag of TAGS) {
    if (loading.has(tag)) continue;
    const used = (root instanceof Element && root.localName === tag) || root.querySelector(tag);
    if (!used) continue;
    loading.add(tag);
    DEFINES[tag]().catch((e: unknown) => {
      loading.delete(tag);
      console.error(`sales-elements: <${tag}> could not load`, e);
    });
  }
}

if (typeof document !== 'undefined') {
  loadUsed(document);
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (node instanceof Element) loadUsed(node);
    }
  }).observe(document, { childList: true, subtree: true });
}

// For TypeScript: each element's tag in `HTMLElementTagNameMap`, its class and event types.
export type * from './sales-funnel/define.js';
export type * from './sales-pipeline/define.js';
export type * from './sales-simulator/define.js';
export type * from './sales-workspace/define.js';
export type * from './sales-forecast/define.js';
