import type { TextKey } from './text.js';

/**
 * The one script tag a page needs: a self-contained build copied next to the page —
 * `sales-funnel.js` for the funnel alone, `sales-elements.js` for every element.
 */
export const scriptTag = (id: SnippetId) =>
  `<script type="module" src="${id === 'funnel' ? 'sales-funnel.js' : 'sales-elements.js'}"></script>`;

/** Both script tags, for the Embed view. */
export const SCRIPT_TAGS = `<!-- <sales-funnel> alone -->
${scriptTag('funnel')}
<!-- every element -->
${scriptTag('workspace')}`;

/** What the demo's views embed, as a site owner would paste it. */
export const SNIPPETS = {
  workspace: '<sales-workspace pipeline="default"></sales-workspace>',
  pipeline: '<sales-pipeline pipeline="default" stale-days="21"></sales-pipeline>',
  simulator: '<sales-simulator preset="pipeline-7" sync-hash></sales-simulator>',
  funnel: '<sales-funnel preset="pipeline-7"></sales-funnel>',
} as const;

export type SnippetId = keyof typeof SNIPPETS;

/** The Embed view's list: each element, what it is, and where the demo shows it live. */
export const ELEMENTS: { id: SnippetId; tag: string; about: TextKey; live: string }[] = [
  { id: 'workspace', tag: '<sales-workspace>', about: 'embedWorkspace', live: '?view=workspace' },
  {
    id: 'pipeline',
    tag: '<sales-pipeline>',
    about: 'embedPipeline',
    live: '?view=workspace&tab=board',
  },
  { id: 'simulator', tag: '<sales-simulator>', about: 'embedSimulator', live: '?view=simulator' },
  { id: 'funnel', tag: '<sales-funnel>', about: 'embedFunnel', live: '?view=gallery' },
];
