import '../src/index.js';
import type { SalesSimulator } from '../src/elements/sales-simulator/sales-simulator.js';
import { formatNumber } from '../src/model/format.js';
import type { Lang } from '../src/model/types.js';
import { EXAMPLES } from './examples.js';
import { ensureSampleDeals } from './sample.js';
import { ELEMENTS, SCRIPT_TAGS, SNIPPETS, scriptTag, type SnippetId } from './snippets.js';
import { TEXT, type TextKey } from './text.js';

/**
 * The demo site: one page, four views (`?view=`), each built the first time it is shown so a
 * hidden view costs nothing. Language (`?lang=`) and theme are remembered in this browser.
 * The hash is left to the simulator's share links (`#scenario=…`).
 */

type View = 'workspace' | 'simulator' | 'gallery' | 'embed';
type Theme = 'light' | 'dark' | 'system';
const VIEWS: View[] = ['workspace', 'simulator', 'gallery', 'embed'];
const PIPELINE = 'default';
const LANG_KEY = 'sales-funnel-demo:lang';
const THEME_KEY = 'sales-funnel-demo:theme';

const params = new URLSearchParams(location.search);
const stored = (key: string): string | null => {
  try {
    return localStorage.getItem(key);
  } catch {
    return null; // storage blocked (private mode, policies): nothing is remembered
  }
};
const remember = (key: string, value: string): void => {
  try {
    localStorage.setItem(key, value);
  } catch {
    // nothing to do: the choice still holds for this visit
  }
};

const asLang = (v: string | null | undefined): Lang | undefined =>
  v === 'es' || v === 'en' ? v : undefined;
const asTheme = (v: string | null | undefined): Theme | undefined =>
  v === 'light' || v === 'dark' || v === 'system' ? v : undefined;
const asView = (v: string | null | undefined): View =>
  VIEWS.includes(v as View) ? (v as View) : 'workspace';

let lang: Lang =
  asLang(params.get('lang')) ??
  asLang(stored(LANG_KEY)) ??
  (navigator.language.toLowerCase().startsWith('es') ? 'es' : 'en');
let theme: Theme = asTheme(params.get('theme')) ?? asTheme(stored(THEME_KEY)) ?? 'system';
let view: View = asView(params.get('view'));
const built = new Set<View>();

const text = (key: TextKey, values: Record<string, string | number> = {}): string =>
  TEXT[lang][key].replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));

const announce = (message: string): void => {
  document.querySelector('#announce')!.textContent = message;
};

/** Keeps `?view=`, `?lang=` (and what else is there) in the address, so a link reopens the same page. */
function writeUrl(changes: Record<string, string | null>, push = false): void {
  const url = new URL(location.href);
  for (const [k, v] of Object.entries(changes)) {
    if (v === null) url.searchParams.delete(k);
    else url.searchParams.set(k, v);
  }
  if (url.href === location.href) return;
  if (push) history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}

// ---- copyable snippets ----

function snippetBlock(code: string): HTMLElement {
  const box = document.createElement('div');
  box.className = 'snippet';
  box.innerHTML = `<div class="snippet-head"><span data-t="code"></span>
    <button type="button" class="copy" data-t="copy"></button></div><pre><code></code></pre>`;
  box.querySelector('code')!.textContent = code;
  // Long lines scroll sideways; keyboard users must be able to scroll them too.
  box.querySelector('pre')!.tabIndex = 0;
  box.querySelector('button')!.addEventListener('click', () => {
    navigator.clipboard.writeText(code).then(
      () => announce(text('copied')),
      () => {
        // No clipboard (insecure origin, permission): select the code for a manual copy.
        const range = document.createRange();
        range.selectNodeContents(box.querySelector('code')!);
        getSelection()?.removeAllRanges();
        getSelection()?.addRange(range);
        announce(text('copyFailed'));
      },
    );
  });
  return box;
}

const withScript = (id: SnippetId) => `${scriptTag(id)}\n\n${SNIPPETS[id]}`;

// ---- views, each built on first show ----

function buildWorkspace(): void {
  const ws = document.createElement('sales-workspace');
  ws.pipeline = PIPELINE;
  const tab = params.get('tab');
  if (tab) ws.setAttribute('tab', tab);
  ws.addEventListener('tab-changed', (e) => writeUrl({ tab: e.detail.tab }));
  document.querySelector('[data-mount="workspace"]')!.append(ws);
  document
    .querySelector('[data-snippet="workspace"]')!
    .append(snippetBlock(withScript('workspace')));
  // ?sample fills the pipeline at once (trainings, screenshots).
  if (params.has('sample')) void ws.loadSample().catch(() => undefined);
}

function buildSimulator(): void {
  const mount = document.querySelector('[data-mount="simulator"]')!;
  mount.innerHTML = SNIPPETS.simulator;
  const sim = mount.querySelector('sales-simulator')!;
  document
    .querySelector('[data-snippet="simulator"]')!
    .append(snippetBlock(withScript('simulator')));

  const presenting = document.querySelector<HTMLButtonElement>('#presenting')!;
  const setPresenting = (on: boolean) => {
    sim.presenting = on;
    presenting.setAttribute('aria-pressed', String(on));
  };
  presenting.addEventListener('click', () => setPresenting(!sim.presenting));
  if (params.has('presenting')) setPresenting(true);

  const status = document.querySelector('#sim-status')!;
  const calibrate = document.querySelector<HTMLButtonElement>('#calibrate')!;
  calibrate.addEventListener('click', () => void calibrateFromWorkspace(sim, calibrate, status));

  sim.addEventListener('scenario-changed', (e) => {
    status.textContent = text('changed', { won: formatNumber(e.detail.projection.won, lang) });
  });
}

async function calibrateFromWorkspace(
  sim: SalesSimulator,
  button: HTMLButtonElement,
  status: Element,
): Promise<void> {
  button.disabled = true;
  status.textContent = text('calibrating');
  try {
    const count = await ensureSampleDeals(PIPELINE, lang);
    sim.pipeline = PIPELINE;
    await sim.updateComplete;
    status.textContent = text('calibrated', { count: formatNumber(count, lang) });
  } catch (e) {
    status.textContent = e instanceof Error ? e.message : String(e);
  } finally {
    button.disabled = false;
  }
}

function buildGallery(): void {
  const mount = document.querySelector('[data-mount="gallery"]')!;
  for (const ex of EXAMPLES) {
    const card = document.createElement('section');
    card.className = ex.wide ? 'card wide' : 'card';
    card.id = ex.id;
    card.setAttribute('aria-labelledby', `${ex.id}-title`);
    // An example that sets its own theme keeps it whatever the page's theme.
    if (/\btheme=/.test(ex.markup)) card.dataset.ownTheme = '';
    card.innerHTML = `<h2 id="${ex.id}-title"></h2><p class="note"></p><div class="live">${ex.markup}</div>
      <p class="status" role="status"></p>`;
    card.append(snippetBlock(ex.css ? `${ex.markup}\n\n<style>\n${ex.css}\n</style>` : ex.markup));
    card.addEventListener('stage-selected', (e) => {
      card.querySelector('.status')!.textContent = text('selected', { stage: e.detail.stage });
    });
    mount.append(card);
  }
}

function buildEmbed(): void {
  const mount = document.querySelector('[data-mount="embed"]')!;
  const script = document.createElement('section');
  script.className = 'card wide';
  script.innerHTML = `<h2 data-t="scriptTitle"></h2>`;
  script.append(snippetBlock(SCRIPT_TAGS));
  mount.append(script);
  for (const el of ELEMENTS) {
    const card = document.createElement('section');
    card.className = 'card';
    card.innerHTML = `<h2><code></code></h2><p class="note" data-t="${el.about}"></p>
      <p><a data-t="seeLive"></a></p>`;
    card.querySelector('h2 code')!.textContent = el.tag;
    card.querySelector('a')!.href = el.live;
    card.append(snippetBlock(withScript(el.id)));
    mount.append(card);
  }
}

const builders: Record<View, () => void> = {
  workspace: buildWorkspace,
  simulator: buildSimulator,
  gallery: buildGallery,
  embed: buildEmbed,
};

// ---- language, theme, navigation ----

function renderTexts(): void {
  document.documentElement.lang = lang;
  document.title = text('title');
  for (const el of document.querySelectorAll<HTMLElement>('[data-t]')) {
    el.textContent = text(el.dataset.t as TextKey);
  }
  for (const el of document.querySelectorAll<HTMLElement>('[data-t-label]')) {
    el.setAttribute('aria-label', text(el.dataset.tLabel as TextKey));
  }
  for (const ex of EXAMPLES) {
    const card = document.getElementById(ex.id);
    if (!card) continue;
    card.querySelector('h2')!.textContent = ex.title[lang];
    card.querySelector('.note')!.textContent = ex.note[lang];
  }
  for (const b of document.querySelectorAll<HTMLButtonElement>('button[data-lang]')) {
    b.setAttribute('aria-pressed', String(b.dataset.lang === lang));
  }
}

/** The page follows `data-theme`; each element gets `theme` (or none, for the system's). */
function applyTheme(): void {
  document.documentElement.dataset.theme = theme;
  for (const el of document.querySelectorAll(
    'sales-workspace, sales-simulator, sales-pipeline, sales-funnel',
  )) {
    if (el.closest('[data-own-theme]')) continue;
    if (theme === 'system') el.removeAttribute('theme');
    else el.setAttribute('theme', theme);
  }
  for (const b of document.querySelectorAll<HTMLButtonElement>('button[data-theme]')) {
    b.setAttribute('aria-pressed', String(b.dataset.theme === theme));
  }
}

function show(next: View, focus = false): void {
  view = next;
  if (!built.has(next)) {
    built.add(next);
    builders[next]();
    renderTexts();
    applyTheme();
  }
  for (const v of VIEWS) {
    document.querySelector<HTMLElement>(`#view-${v}`)!.hidden = v !== next;
  }
  for (const a of document.querySelectorAll<HTMLAnchorElement>('nav [data-view]')) {
    if (a.dataset.view === next) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  // After a click in the navigation, reading starts at the new view's heading.
  if (focus) document.querySelector<HTMLElement>(`#h-${next}`)?.focus();
}

for (const a of document.querySelectorAll<HTMLAnchorElement>('a[data-view]')) {
  a.addEventListener('click', (e) => {
    if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return; // new tab: the browser's
    e.preventDefault();
    const next = asView(a.dataset.view);
    writeUrl({ view: next, tab: null }, true);
    show(next, true);
  });
}
window.addEventListener('popstate', () =>
  show(asView(new URLSearchParams(location.search).get('view'))),
);

for (const b of document.querySelectorAll<HTMLButtonElement>('button[data-lang]')) {
  b.addEventListener('click', () => {
    lang = asLang(b.dataset.lang) ?? 'en';
    remember(LANG_KEY, lang);
    writeUrl({ lang });
    renderTexts();
  });
}
for (const b of document.querySelectorAll<HTMLButtonElement>('button[data-theme]')) {
  b.addEventListener('click', () => {
    theme = asTheme(b.dataset.theme) ?? 'system';
    remember(THEME_KEY, theme);
    applyTheme();
  });
}

for (const h of document.querySelectorAll('h1[id^="h-"]')) h.setAttribute('tabindex', '-1');
renderTexts();
applyTheme();
show(view);
