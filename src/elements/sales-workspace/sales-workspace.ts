import { ContextProvider } from '@lit/context';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { SalesRepository } from '../../store/repository.js';
import { DEFAULT_DB_NAME } from '../../store/schema.js';
import { readChoice, readStrings, stringsChanged, THEMES, type Theme } from '../attributes.js';
import { ErrorReporter } from '../controllers/error-reporter.js';
import { LangController } from '../controllers/lang-controller.js';
import { repositoryContext } from '../controllers/repository-context.js';
import { RepositoryController } from '../controllers/repository-controller.js';
import { dispatch } from '../events.js';
import { t } from '../i18n.js';
import { placeholderRoot, SalesElement, type SalesEventsOf } from '../sales-element.js';
import { WORKSPACE_TABS, type TabChangedEvent, type WorkspaceTab } from './events.js';
import { hostStyles } from '../shared-styles.js';
import { styles } from './sales-workspace.styles.js';
import { workspaceStrings, type WorkspaceStrings } from './strings.js';

/**
/**
 * The elements of the views behind a tab, loaded the first time their tab shows: the board
 * is the first screen (define.ts registers it), and a page that never opens the funnel, the
 * simulator or the forecast never fetches them.
 */
const VIEW_DEFINES: Partial<Record<WorkspaceTab, () => Promise<unknown>>> = {
  funnel: () => import('../sales-funnel/define.js'),
  simulator: () => import('../sales-simulator/define.js'),
  forecast: () => import('../sales-forecast/define.js'),
};

/**
 * The board, the funnel, the simulator and the forecast on one stored pipeline, behind tabs: the funnel
 * shows the pipeline's live counts and the simulator starts from its observed conversions, so
 * a deal moved on the board changes both. A tab's element is created the first time the tab
 * is shown (a tab never opened costs nothing) and kept afterwards, with its state.
 *
 * Language comes from the nearest `lang` attribute, as for every element; `theme` is handed to
 * the three children, and where the deals live (`repository`, else the shared repository of
 * `database`) reaches them through `repositoryContext` (`@lit/context`). A child's own
 * `repository` or `database` still wins.
 *
 * @summary Board, funnel and simulator on one pipeline, in accessible tabs, with a sample loader.
 *
 * @csspart base - The wrapper of everything.
 * @csspart bar - The row holding the tabs and the sample button.
 * @csspart tabs - The tab list.
 * @csspart tab - Each tab.
 * @csspart tab-selected - Added to the selected tab.
 * @csspart button - The "load sample pipeline" button.
 * @csspart status - The live message about the sample (loading, loaded, failed).
 * @csspart error - Each message about bad input (`tab`, `theme`), and the status line when the sample could not be loaded.
 * @csspart panel - Each tab panel.
 * @csspart hint - The sentence above the funnel.
 *
 * @cssprop --sales-workspace-background - Background (falls back to --sales-surface).
 * @cssprop --sales-workspace-text - Text colour (falls back to --sales-text).
 * @cssprop --sales-workspace-muted - Unselected tabs and messages (falls back to --sales-muted).
 * @cssprop --sales-workspace-accent - Selected tab's mark and the sample button (falls back to --sales-accent).
 * @cssprop --sales-workspace-on-accent - Text on the accent (falls back to --sales-on-accent).
 * @cssprop --sales-workspace-error - Error text (falls back to --sales-danger).
 * @cssprop --sales-workspace-border - Borders (falls back to --sales-border).
 * @cssprop --sales-workspace-focus - Focus ring (falls back to --sales-focus).
 * @cssprop --sales-workspace-font - Font family (falls back to --sales-font).
 * @cssprop --sales-workspace-radius - Corner radius (falls back to --sales-radius).
 *
 * @fires {TabChangedEvent} tab-changed - The person chose another tab; detail `TabChangedDetail` (`{ tab, previous }`).
 * @fires {SalesErrorEvent} error - `tab` or `theme` has an unknown value (the default is used), or the sample could not be loaded; detail `{ field, message }`.
 */
export class SalesWorkspace extends SalesElement<
  SalesEventsOf<{ 'tab-changed': TabChangedEvent }>
> {
  static override styles = [hostStyles, styles];

  private readonly langCtl = new LangController(this);
  private readonly errors = new ErrorReporter(this);
  /** Where the three views find their deals. */
  private readonly provider = new ContextProvider(this, { context: repositoryContext });
  // Only the sample loader writes through it; the children follow the pipeline themselves.
  private readonly repoCtl = new RepositoryController(this, {
    pipeline: () => undefined,
    database: () => this.database,
    lang: () => this.langCtl.lang,
    // With `sync`, the views share the room's synced repository once it is open.
    onRepository: (repository) => {
      if (this.sync && !this.repository) this.provider.setValue({ repository });
    },
  });

  @state() private status = '';
  @state() private loading = false;

  /** Id of the stored pipeline the three views share; created when first used. */
  @property({ reflect: true }) pipeline = 'default';

  /** The view shown: `board`, `funnel`, `simulator` or `forecast`. Reflects the person's choice. */
  @property({ reflect: true }) tab: WorkspaceTab = 'board';

  /** IndexedDB database of the shared default repository, for all three views. Default `sales-funnel`. */
  @property() database?: string;

  /** Where deals live, for all three views; by default the page's shared repository for `database`. */
  @property({ attribute: false }) repository?: SalesRepository;

  /**
   * `light`, `dark` or `auto` (the system preference), for the workspace and its views; without
   * it, the page's `color-scheme` (light if none).
   */
  @property({ reflect: true }) theme?: Theme;

  /** Hides the "load sample pipeline" button (for a real team's pipeline). */
  @property({ type: Boolean, reflect: true, attribute: 'no-sample' }) noSample = false;

  /** Overrides for any of the UI texts. */
  @property({ attribute: false, hasChanged: stringsChanged }) strings?: Partial<WorkspaceStrings>;

  /** The tab shown: `tab`, or the first one while `tab` names none. */
  private shown: WorkspaceTab = 'board';
  /** `theme` when it is one: handed to the views. */
  private shownTheme?: Theme;
  /** Tabs shown at least once: their element exists. */
  private readonly visited = new Set<WorkspaceTab>();
  /** The views' elements on their way (see `VIEW_DEFINES`). */
  private readonly viewLoads = new Map<WorkspaceTab, Promise<unknown>>();

  private get text(): WorkspaceStrings {
    return workspaceStrings(this.langCtl.lang, readStrings(this.strings).value);
  }

  /** A server renders only a placeholder: the first render replaces it, never hydrates it. */
  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    return placeholderRoot(this) ?? super.createRenderRoot();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    const lang = this.langCtl.lang;
    // Cheap, so read on every update: the messages follow language changes too.
    this.shown = this.errors.option(
      readChoice('tab', this.tab, WORKSPACE_TABS, 'board'),
      'tab',
      lang,
    );
    this.shownTheme = this.errors.option(readChoice('theme', this.theme, THEMES), 'theme', lang);
    this.errors.option(readStrings(this.strings), 'strings', lang);
    this.visited.add(this.shown);
    const load = VIEW_DEFINES[this.shown];
    if (load && !this.viewLoads.has(this.shown)) this.viewLoads.set(this.shown, load());
    const source = ['repository', 'database', 'sync'] as const;
    if (
      (!this.hasUpdated || source.some((k) => changed.has(k))) &&
      !(this.sync && !this.repository)
    ) {
      this.provider.setValue(
        this.repository
          ? { repository: this.repository }
          : { database: this.database || DEFAULT_DB_NAME },
      );
    }
  }

  /** Also waits for the shown view's element to load, so `await el.updateComplete` means shown. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    await Promise.all(this.viewLoads.values());
    return done;
  }

  // ---- public methods ----

  /**
   * Adds the sample history (a few hundred deals over the last two quarters, `sampleHistory`)
   * to the pipeline in one transaction (`SalesRepository.loadSample`), creating the pipeline
   * first if needed. Loading it again replaces the earlier sample's deals the person never
   * touched and keeps every other deal, the sample deals they moved or edited too (the status
   * says how many). Resolves with the number of sample deals written; rejects (after saying
   * why in place) when nothing was stored.
   */
  async loadSample(options: { deals?: number; seed?: number; now?: number } = {}): Promise<number> {
    const s = this.text;
    this.loading = true;
    this.errors.clear('pipeline');
    this.status = s.loadingSample;
    try {
      const repo = await this.repoCtl.ready();
      if (!repo) throw this.repoCtl.error ?? new Error('no repository');
      const pipeline = await repo.ensurePipeline(this.pipeline, { name: s.newPipelineName });
      const { loaded, kept } = await repo.loadSample(pipeline.id, {
        ...options,
        lang: this.langCtl.lang,
      });
      const keptNote = kept ? ` ${t(s.sampleKept, { kept })}` : '';
      this.status = t(s.sampleLoaded, { count: loaded }) + keptNote;
      return loaded;
    } catch (e) {
      const detail = e instanceof Error ? e.message : String(e);
      this.status = t(this.text.sampleFailed, { detail });
      this.report('pipeline', this.status);
      throw e;
    } finally {
      this.loading = false;
    }
  }

  // ---- private handlers ----

  private report(field: string, message: string): void {
    this.errors.set(field, message);
  }

  private choose(next: WorkspaceTab, focus = false): void {
    const previous = this.shown;
    if (next !== previous) {
      this.tab = next;
      dispatch(this, 'tab-changed', { tab: next, previous });
    }
    if (focus) {
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLElement>(`#tab-${next}`)?.focus(),
      );
    }
  }

  // Automatic activation (WAI-ARIA tabs): arrows move focus and selection together, wrapping.
  private onTabKeydown(e: KeyboardEvent): void {
    const i = WORKSPACE_TABS.indexOf(this.shown);
    const n = WORKSPACE_TABS.length;
    const target: Partial<Record<string, number>> = {
      ArrowRight: (i + 1) % n,
      ArrowLeft: (i - 1 + n) % n,
      Home: 0,
      End: n - 1,
    };
    const next = target[e.key];
    if (next === undefined || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    this.choose(WORKSPACE_TABS[next], true);
  }

  private onSampleClick(): void {
    // The message is shown in place; nothing more to do with the rejection here.
    this.loadSample().catch(() => undefined);
  }

  // ---- render ----

  override render(): TemplateResult {
    const s = this.text;
    // The sample's failure is said on the status line, where its progress was.
    const statusPart = this.errors.has('pipeline') ? 'status error' : 'status';
    const labels: Record<WorkspaceTab, string> = {
      board: s.tabBoard,
      funnel: s.tabFunnel,
      simulator: s.tabSimulator,
      forecast: s.tabForecast,
    };
    return html`
      <div class="base" part="base">
        <div class="bar" part="bar">
          <div role="tablist" aria-label=${s.tabsLabel} part="tabs" @keydown=${this.onTabKeydown}>
            ${WORKSPACE_TABS.map((tab) => {
              const selected = tab === this.shown;
              return html`<button
                type="button"
                role="tab"
                id="tab-${tab}"
                part=${selected ? 'tab tab-selected' : 'tab'}
                aria-selected=${selected ? 'true' : 'false'}
                aria-controls="panel-${tab}"
                tabindex=${selected ? 0 : -1}
                @click=${() => this.choose(tab)}
              >
                ${labels[tab]}
              </button>`;
            })}
          </div>
          ${
            this.noSample
              ? nothing
              : html`<button
                  type="button"
                  class="sample"
                  part="button"
                  ?disabled=${this.loading}
                  @click=${this.onSampleClick}
                >
                  ${s.loadSample}
                </button>`
          }
        </div>
        ${this.errors.problems
          .filter((p) => p.field !== 'pipeline')
          .map((p) => html`<p class="error" part="error">${p.message}</p>`)}
        <p class=${statusPart} part=${statusPart} role="status">${this.status}</p>
        ${WORKSPACE_TABS.map(
          (tab) =>
            html`<div
              role="tabpanel"
              id="panel-${tab}"
              part="panel"
              aria-labelledby="tab-${tab}"
              tabindex="0"
              ?hidden=${tab !== this.shown}
            >
              ${this.visited.has(tab) ? this.renderView(tab) : nothing}
            </div>`,
        )}
      </div>
    `;
  }

  private renderView(tab: WorkspaceTab): TemplateResult {
    switch (tab) {
      case 'board':
        // The workspace offers the sample itself (or, with no-sample, not at all).
        return html`<sales-pipeline
          no-sample
          pipeline=${this.pipeline}
          .theme=${this.shownTheme}
        ></sales-pipeline>`;
      case 'funnel':
        return html`<p class="hint" part="hint">${this.text.funnelHint}</p>
          <sales-funnel
            .pipeline=${this.pipeline}
            .theme=${this.shownTheme}
            exportable
          ></sales-funnel>`;
      case 'simulator':
        return html`<sales-simulator
          pipeline=${this.pipeline}
          .theme=${this.shownTheme}
        ></sales-simulator>`;
      case 'forecast':
        return html`<sales-forecast
          pipeline=${this.pipeline}
          .theme=${this.shownTheme}
        ></sales-forecast>`;
    }
  }
}
