import {
  html,
  isServer,
  nothing,
  type PropertyDeclarations,
  type PropertyValues,
  type TemplateResult,
  unsafeCSS,
} from 'lit';
import { toLang } from '../../model/format.js';
import type { Lang, Scenario, ScenarioInput, StageCount } from '../../model/types.js';
import type { Issue } from '../../model/validate-core.js';
import type { SalesRepository } from '../../store/repository.js';
import { readStrings, stringsChanged, type Theme } from '../attributes.js';
import { ErrorReporter } from '../controllers/error-reporter.js';
import { FocusAfterRender } from '../controllers/focus-after-render.js';
import { LangController } from '../controllers/lang-controller.js';
import { ResizeController } from '../controllers/resize-controller.js';
import { dispatch, type StageSelectedEvent } from '../events.js';
import { SalesElement, type SalesEventsOf } from '../sales-element.js';
import { hostBase } from '../shared-styles.js';
import type { FunnelLayout, Orientation, Shape } from './model/geometry.js';
import { funnelLayout } from './model/funnel-figure.js';
import { estimateWidth, LEAST_CHAR, widestChar } from './model/label-width.js';
import { DataSources, preloaded } from './controllers/data-sources.js';
import { PAYOFF_POINTS, readOptions } from './controllers/funnel-options.js';
import type { ExportMenu } from './controllers/export-menu.js';
import { isGiven, type DataProblem, type DataRead } from './model/funnel-input.js';
import {
  funnelModel,
  type FunnelModel,
  type FunnelModelOptions,
  type FunnelRow,
} from './model/funnel-model.js';
import {
  renderCaption,
  renderChart,
  renderProblems,
  renderTable,
  renderTooltip,
  type FunnelView,
} from './panels/funnel-render.js';
import {
  captionParts,
  facts,
  labelLines,
  type CaptionPart,
  type LabelLine,
  type TextOptions,
} from './model/funnel-text.js';
import { LazyModule } from '../controllers/lazy-module.js';
import { labelWidth } from './controllers/measure.js';
import type { PipelineRead, PipelineSource } from './controllers/pipeline-source.js';
import type { WordedProblem } from './problem-texts.js';
import { styles } from './sales-funnel.styles.js';
import { CHART_STRINGS } from './chart-strings.js';
import type { PipelineModeStrings } from './pipeline-strings.js';
import type { FunnelStrings } from './strings.js';

export type { FunnelRow } from './model/funnel-model.js';

/** States that only move the tooltip, focus or selection: they never change the layout. */
const INTERACTION = new Set<PropertyKey>(['focusIndex', 'selectedIndex', 'tipIndex']);
/** Properties the rows, labels or caption depend on. */
const DATA: PropertyKey[] = (
  'stages scenario preset compare compareLabel currency dealValue orientation shape ' +
  'payoffPoints noPayoff strings pipeline'
).split(' ');
/** Nothing to draw yet (or at all), or only a note. */
const none = (note?: string): DataRead => ({ ok: true, source: { names: [], values: [], note } });

/**
 * A funnel chart for sales stages: observed counts, a projected scenario, a built-in preset or
 * a stored pipeline's history, optionally compared with another period.
 *
 * @summary Embeddable, accessible funnel chart with labels, emphasis, tooltip and export.
 *
 * @csspart base - The chart's wrapper.
 * @csspart stage - Each stage's band (an SVG path).
 * @csspart label - Each stage's label: an SVG group of one text per line (fill and font inherit).
 * @csspart caption - The sentences under the chart (biggest drop, best improvement).
 * @csspart table - The visually hidden data table for screen readers.
 * @csspart tooltip - The hover/focus tooltip.
 * @csspart error - Each message about bad input: in place of the chart when the data cannot be drawn, above it for an option whose default is used.
 * @csspart menu - The export menu (with `exportable`).
 * @csspart button - Each button of the export menu.
 *
 * @cssprop --sales-funnel-color-start - Colour of the first band (falls back to --sales-accent).
 * @cssprop --sales-funnel-color-end - Colour of the last band (falls back to --sales-accent-soft).
 * @cssprop --sales-funnel-background - Background (falls back to --sales-surface).
 * @cssprop --sales-funnel-text - Text colour (falls back to --sales-text).
 * @cssprop --sales-funnel-muted - Secondary text colour (falls back to --sales-muted).
 * @cssprop --sales-funnel-compare - Outline of the compared data set.
 * @cssprop --sales-funnel-drop - Emphasis of the biggest drop (falls back to --sales-warning).
 * @cssprop --sales-funnel-payoff - Emphasis of the best improvement (falls back to --sales-success).
 * @cssprop --sales-funnel-focus - Focus ring colour (falls back to --sales-focus).
 * @cssprop --sales-funnel-border - Borders of the tooltip and menu (falls back to --sales-border).
 * @cssprop --sales-funnel-font - Font family (falls back to --sales-font).
 * @cssprop --sales-funnel-radius - Corner radius (falls back to --sales-radius).
 * @cssprop --sales-funnel-padding - Padding around the chart.
 *
 * Set `payoff-points` to the Δ (in rate points, 0.05 = +5 pp) the "pays off most" emphasis
 * uses, e.g. the simulator's own Δ; `no-payoff` hides that emphasis.
 *
 * @fires {StageSelectedEvent} stage-selected - A stage was clicked or chosen with Enter/Space; detail `StageSelectedDetail`.
 * @fires {SalesErrorEvent} error - An attribute or property could not be used, or an export did not download (`export`, with the browser's words as `cause`); detail `{ field, message }`.
 */
export class SalesFunnel extends SalesElement<
  SalesEventsOf<{ 'stage-selected': StageSelectedEvent }>
> {
  /** On a server, with the export menu's (a browser adopts them with the menu's code). */
  static override get styles() {
    return [
      hostBase,
      styles,
      ...(isServer && preloaded.exportMenu ? [unsafeCSS(preloaded.exportMenu.MENU_CSS)] : []),
    ];
  }

  /**
   * Reactive properties and states, declared here rather than with decorators: the same
   * declarations without the decorator helpers, which the embed would otherwise ship. The
   * states say `attribute: false` too, which the manifest's analyzer reads (it skips `state`).
   */
  static override get properties(): PropertyDeclarations {
    return {
      focusIndex: { state: true, attribute: false },
      selectedIndex: { state: true, attribute: false },
      tipIndex: { state: true, attribute: false },
      stages: {},
      scenario: {},
      pipeline: { reflect: true },
      database: {},
      repository: { attribute: false },
      preset: { reflect: true },
      compare: {},
      compareLabel: { attribute: 'compare-label' },
      orientation: { reflect: true },
      shape: { reflect: true },
      currency: {},
      dealValue: { type: Number, attribute: 'deal-value' },
      payoffPoints: { type: Number, attribute: 'payoff-points' },
      noPayoff: { type: Boolean, reflect: true, attribute: 'no-payoff' },
      exportable: { type: Boolean, reflect: true },
      noAnimation: { type: Boolean, reflect: true, attribute: 'no-animation' },
      theme: { reflect: true },
      strings: { attribute: false, hasChanged: stringsChanged },
    };
  }

  private readonly langCtl = new LangController(this);
  private readonly size = new ResizeController(
    this,
    () => this.renderRoot?.querySelector('.base'),
    true,
  );
  private readonly errors = new ErrorReporter(this);
  private readonly focuser = new FocusAfterRender(this);

  private focusIndex = 0;
  private selectedIndex = -1;
  private tipIndex = -1;

  /** Observed counts: `[{"name":"Leads","value":1200}, …]` (JSON attribute or array). Wins over `scenario` and `preset`. */
  stages?: StageCount[] | string;

  /** A scenario (`{ leads, stages: [{ name, rate }], dealValue }`) projected through `project()`. Wins over `preset`. */
  scenario?: ScenarioInput | Scenario | string;

  /**
   * A stored pipeline's id: the chart shows how many of its deals ever reached each stage and
   * were won, and each step's conversion of decided deals, live as deals move (in this tab and
   * others). Wins over `preset`.
   */
  pipeline?: string;

  /** The IndexedDB database holding `pipeline`. Default `sales-funnel`; inside a workspace, the workspace's. */
  database?: string;

  /** The repository to read `pipeline` from instead of the page's shared one (or an ancestor's). */
  repository?: SalesRepository;

  /** A built-in preset id, such as `saas-b2b`. */
  preset?: string;

  /** A second data set (stages or scenario) drawn as an outline, with the change per stage. */
  compare?: StageCount[] | ScenarioInput | Scenario | string;

  /** What the compared data set is, for labels ("last quarter"). */
  compareLabel?: string;

  /** `vertical` (stages top to bottom) or `horizontal` (left to right). */
  orientation: Orientation = 'vertical';

  /** `straight` or `curved` band edges. */
  shape: Shape = 'straight';

  /** ISO 4217 code for money; a scenario's own currency wins. */
  currency = 'EUR';

  /** Average value of a won deal, for money labels with `stages` data. */
  dealValue?: number;

  /** Improvement in rate points (0.01 ≤ Δ ≤ 1; 0.05 = +5 pp) for the "pays off most" emphasis. */
  payoffPoints = PAYOFF_POINTS;

  /** Hides the "pays off most" emphasis (caption line and band outline). */
  noPayoff = false;

  /** Adds a small menu to download the chart as SVG or PNG. */
  exportable = false;

  /** Turns off transitions between data sets. */
  noAnimation = false;

  /** `light` (default), `dark`, or `auto` (the system preference). */
  theme?: Theme;

  /** Overrides for any of the UI texts. */
  strings?: Partial<FunnelStrings>;

  /** Where the data comes from, with the presets and the scenario reader loaded on first use. */
  private readonly sources = new DataSources(() => {
    this.rederive = true;
    this.requestUpdate();
  });
  /** The error texts: loaded the first time an input is bad (most pages never need them). */
  private readonly messages = new LazyModule(
    () => import('./problem-texts.js'),
    () => this.requestUpdate(),
  );
  /** The `pipeline` source, with the store and analytics it needs: loaded on first use. */
  private readonly pipelineModule = new LazyModule(
    () => import('./controllers/pipeline-source.js'),
    () => {
      const loaded = this.pipelineModule.get();
      if (loaded) {
        this.pipelineSource = new loaded.PipelineSource(this, () => this.langCtl.lang);
        this.pipelineTexts = loaded.PIPELINE_MODE_STRINGS;
      }
      this.requestUpdate();
    },
  );
  private pipelineSource?: PipelineSource;
  /** The export menu (`exportable`), with its styles and texts: loaded with the first menu. */
  private readonly menuModule = new LazyModule(
    () => import('./controllers/export-menu.js'),
    () => this.requestUpdate(),
  );
  private menu?: ExportMenu;
  /** The pipeline read the chart was derived from. */
  private pipelineRead?: PipelineRead;
  /** The scenario of the pipeline's plan, when the chart shows a pipeline that has one. */
  private plan?: Scenario;
  /** Set when a lazy module the data needs has arrived. */
  private rederive = false;
  private dataLang?: Lang;
  private model?: FunnelModel;
  private note = '';
  /** The data that cannot be drawn, and its messages once their texts are there. */
  private problem?: DataProblem;
  private problemTexts?: string[];
  private caption: CaptionPart[] = [];
  private layout?: FunnelLayout;
  private labels: LabelLine[][] = [];
  /** Widest label character, in px, in the page's font (see `widestChar`). */
  private charWidth = LEAST_CHAR;
  /**
   * In a browser, the chart a server rendered (README "Server rendering and hydration") until
   * this element first renders: that update hydrates it, so it must render what the server did,
   * value for value (Lit takes the server's DOM as showing its own values). It lays out as the
   * server did (its language, 480 px, the char width it wrote) once a preset's or scenario's
   * modules are here, and the next update for its box and font.
   */
  private served?: HTMLElement | null | false;

  /** The texts of a pipeline's funnel, which come with its source. */
  private pipelineTexts?: Record<Lang, PipelineModeStrings>;
  /** The language, texts and compare label of this update. */
  private words: TextOptions = { lang: 'en', strings: CHART_STRINGS.en as FunnelStrings };

  private get text(): FunnelStrings {
    return this.words.strings;
  }

  private get rows(): FunnelRow[] {
    return this.model?.rows ?? [];
  }

  protected override shouldUpdate(changed: PropertyValues<this>): boolean {
    this.served =
      !isServer && !this.hasUpdated && this.renderRoot.querySelector('[data-char-width]');
    if (!this.served) return true;
    void this.updateComplete.then(() => this.requestUpdate());
    this.willUpdate(changed);
    return !this.sources.pending && !this.menuModule.pending;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    const served = this.served;
    const lang = served ? toLang(this.lang) : this.langCtl.lang;
    const strings = this.errors.option(readStrings(this.strings), 'strings', lang);
    this.words = {
      lang,
      // The pipeline's texts are there once its source is: the only time they are read.
      strings: {
        ...CHART_STRINGS[lang],
        ...this.pipelineTexts?.[lang],
        ...this.exportMenu()?.texts[lang],
        ...strings,
      } as FunnelStrings,
      compareLabel: this.compareLabel,
    };
    const options = readOptions(this, this.errors, lang, (issues) => this.word(issues, lang));
    if (this.pipeline) this.pipelineModule.get();
    const read = this.pipeline ? this.pipelineSource?.read(lang, this.text.wonBand) : undefined;
    if (
      this.rederive ||
      this.dataLang !== lang ||
      read !== this.pipelineRead ||
      DATA.some((k) => changed.has(k as keyof SalesFunnel))
    ) {
      this.rederive = false;
      this.dataLang = lang;
      this.pipelineRead = read;
      this.derive(lang, options);
    }
    this.planLabel();
    this.reportProblem(lang);
    if (this.focusIndex >= this.rows.length) this.focusIndex = Math.max(0, this.rows.length - 1);
    // Labels and layout (canvas measuring, getComputedStyle) are skipped when only the tooltip,
    // focus or selection moved; any other update, even a bare requestUpdate() after a font
    // change, lays out again.
    if (this.layout && changed.size && [...changed.keys()].every((k) => INTERACTION.has(k))) {
      return;
    }
    // Before the first observation, measure once (the host's box, less the base's padding) and
    // tell the observer, so an observation of that width lays nothing out again; a server has
    // no box nor fonts: it lays out at the default width with the estimate, and the update that
    // hydrates lays out as the server did (the observer's first width then lays out for real).
    if (!isServer && !served && !this.size.width) {
      // A hidden host (`display: none`) has no box: 0, as its first observation says, not −24.
      this.size.width = Math.max(0, Math.round(this.getBoundingClientRect().width - 24));
    }
    const width = (!served && this.size.width) || 480;
    this.labels = this.model ? labelLines(this.model, this.words) : [];
    // A server's chart was fitted by the estimate: the update that hydrates it fits by it too.
    const measure = isServer || served ? estimateWidth : labelWidth(this);
    this.charWidth = served
      ? +served.dataset.charWidth!
      : widestChar(this.labels, measure, LEAST_CHAR);
    this.layout = funnelLayout(this.rows, this.labels, {
      ...options,
      width,
      charWidth: this.charWidth,
      measure,
    });
  }

  /** The export menu with `exportable`, once its code is here (on a server, at once). */
  private exportMenu(): ExportMenu | undefined {
    if (!this.exportable) return undefined;
    const loaded = (isServer && preloaded.exportMenu) || this.menuModule.get();
    if (loaded) this.menu ??= new loaded.ExportMenu(this, () => this.langCtl.lang);
    return this.menu;
  }

  private derive(lang: Lang, options: FunnelModelOptions): void {
    const s = this.text;
    this.plan = undefined;
    let read = this.readMain(lang, s) ?? none();
    let compare: DataRead | undefined;
    // A stored pipeline is drawn against its plan unless `compare` is given.
    const against = isGiven(this.compare) ? this.compare : this.plan;
    if (read.ok && against) {
      this.planLabel();
      compare = this.sources.read(against, 'compare', lang);
      // Until a compared scenario can be read, the chart waits for it.
      if (!compare?.ok) read = compare ?? none();
    }
    this.problem = read.ok ? undefined : read.problem;
    if (!read.ok) {
      this.model = undefined;
      this.caption = [];
      this.note = '';
      return;
    }
    this.note = read.source.note ?? '';
    this.model = funnelModel(read.source, compare?.ok ? compare.source : undefined, options);
    this.caption = captionParts(this.model, this.words, this.note);
  }

  /**
   * The main data set from `stages`, `scenario`, `pipeline` or `preset`, in that order;
   * `undefined` while what it needs is on its way.
   */
  private readMain(lang: Lang, s: FunnelStrings): DataRead | undefined {
    if (isGiven(this.stages)) return this.sources.read(this.stages, 'stages', lang, 'stages');
    if (isGiven(this.scenario)) {
      return this.sources.read(this.scenario, 'scenario', lang, 'scenario');
    }
    if (this.pipeline) {
      const data = this.pipelineSource?.data(this.pipelineRead, s);
      this.plan = data?.plan;
      return data?.read ?? none();
    }
    return this.preset ? this.sources.preset(this.preset, lang, s) : none();
  }

  /** The compared outline is the pipeline's plan: it is called so, unless `compare-label` says. */
  private planLabel(): void {
    if (this.plan && !isGiven(this.compare)) this.words.compareLabel ??= this.text.planLabel;
  }

  /**
   * Reports the data problem once its texts are there (a moment after the first bad input):
   * keyed by its codes, so a change of language rewords it without reporting it again.
   */
  private reportProblem(lang: Lang): void {
    const p = this.problem;
    // Every update words it; wordProblem explains each problem once (did-you-mean searches).
    const worded = p && this.word(p.errors, lang, p);
    this.problemTexts = worded?.texts;
    for (const field of ['stages', 'scenario', 'pipeline', 'preset', 'compare']) {
      if (field !== p?.field) this.errors.clear(field);
    }
    // Shown naming each stage as a person knows it; logged and fired naming each field's path.
    if (p && worded)
      this.errors.set(p.field, (worded.said ?? worded.texts).join(' '), worded.key, worded.cause);
  }

  /**
   * The problem in `lang`; `undefined` while the error texts load (started here). Should they
   * fail to load, each error still names its field and its code.
   */
  private word(errors: (Issue | string)[], lang: Lang, p?: DataProblem): WordedProblem | undefined {
    const texts = errors.every((e) => typeof e === 'string') ? undefined : this.messages.get();
    if (this.messages.pending) return undefined;
    if (texts) return texts.wordProblem(errors, lang, p?.field, p?.value);
    const said = errors.map((e) => (typeof e === 'string' ? e : `${e.path}: ${e.code}`));
    return { texts: said, key: JSON.stringify(said) };
  }

  /**
   * Also waits for what loads on first use (presets, the scenario reader, error texts, the
   * pipeline source) and for the pipeline's read, and the update each brings, so `await
   * el.updateComplete` means the data is drawn or the error shown.
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    for (;;) {
      const waits = [...this.sources.modules, this.messages, this.pipelineModule, this.menuModule]
        .filter((m) => m.pending)
        .map((m) => m.settled());
      if (this.pipeline && this.pipelineSource?.pending) waits.push(this.pipelineSource.settled());
      if (!waits.length && !this.isUpdatePending) return done;
      await Promise.all(waits);
      done = await super.getUpdateComplete();
    }
  }

  /**
   * A standalone SVG document of the chart as shown, with its colours and labels inlined. The
   * serializer loads on first use (with PNG export), so a chart nobody exports does not carry it.
   */
  async toSVG(): Promise<string> {
    const { standaloneSvg } = await import('./controllers/export-image.js');
    const base = this.renderRoot.querySelector('.base');
    return standaloneSvg(this.view, base, this.text.funnelLabel);
  }

  /** The chart as a PNG image, `scale` times its size on screen (2 by default, for sharp prints). */
  async toPNG(scale = 2): Promise<Blob> {
    const { width = 0, height = 0 } = this.layout ?? {};
    const svgText = await this.toSVG();
    const { svgToPng } = await import('./controllers/export-image.js');
    return svgToPng(svgText, width, height, scale, this.langCtl.lang);
  }

  /** The stages as shown (names, counts, shares, conversions, money, changes). */
  get data(): readonly FunnelRow[] {
    return this.rows;
  }

  private select(index: number): void {
    const r = this.rows[index];
    if (!r) return;
    this.selectedIndex = index;
    this.focusIndex = index;
    dispatch(this, 'stage-selected', {
      index,
      stage: r.name,
      value: r.value,
      share: r.share,
      conversion: r.conversion,
    });
  }

  private focusStage(index: number): void {
    const n = this.rows.length;
    if (n === 0) return;
    const i = Math.min(n - 1, Math.max(0, index));
    this.focusIndex = i;
    this.tipIndex = i;
    this.focuser.focus(() =>
      this.renderRoot.querySelector<SVGGElement>(`.stage[data-index="${i}"]`),
    );
  }

  private onKeyDown(e: KeyboardEvent): void {
    const i = this.focusIndex;
    const keys: Record<string, () => void> = {
      ArrowDown: () => this.focusStage(i + 1),
      ArrowRight: () => this.focusStage(i + 1),
      ArrowUp: () => this.focusStage(i - 1),
      ArrowLeft: () => this.focusStage(i - 1),
      Home: () => this.focusStage(0),
      End: () => this.focusStage(this.rows.length - 1),
      Enter: () => this.select(i),
      ' ': () => this.select(i),
      // WCAG 1.4.13: the tooltip can be dismissed without moving focus.
      Escape: () => (this.tipIndex = -1),
    };
    const action = keys[e.key];
    if (!action) return;
    e.preventDefault();
    action();
  }

  private onStageEvent(e: Event): void {
    const target = (e.target as Element).closest?.('[data-index]');
    const index = Number(target?.getAttribute('data-index') ?? -1);
    if (index < 0) return;
    switch (e.type) {
      case 'click':
        this.select(index);
        break;
      case 'pointerover':
        this.tipIndex = index;
        break;
      case 'focusin':
        this.focusIndex = index;
        this.tipIndex = index;
        break;
    }
  }

  private onLeave(e: Event): void {
    // Keep the tooltip while a stage has keyboard focus; focus from a click does not hold it.
    if (e.type === 'pointerleave' && this.renderRoot.querySelector('.stage:focus-visible')) return;
    // Focus going to another stage brings its own tooltip.
    const to = (e as FocusEvent).relatedTarget as Element | null;
    if (e.type === 'focusout' && to?.closest?.('[data-index]')) return;
    this.tipIndex = -1;
  }

  override render(): TemplateResult {
    const s = this.text;
    const p = this.problem;
    // Options whose default is used are said above whatever is drawn.
    const notes = this.errors.problems.filter((x) => x.field !== p?.field).map((x) => x.message);
    if (p && this.problemTexts) {
      return html`<div class="base" part="base">
        ${renderProblems(notes, s.errorTitle, { field: p.field, texts: this.problemTexts })}
      </div>`;
    }
    const view = this.view;
    if (!view) {
      // Nothing is said while data, its reader, error texts or the pipeline are on their way.
      const waiting = p || this.sources.pending || (this.pipeline && !this.pipelineRead);
      return html`<div class="base" part="base">
        ${renderProblems(notes, s.errorTitle)}
        <p class="caption" part="caption">${this.note || (waiting ? '' : s.empty)}</p>
      </div>`;
    }
    return html`<div class="base" part="base" data-char-width=${this.charWidth}>
      ${renderProblems(notes, s.errorTitle)} ${(this.exportable && this.menu?.render(s)) || nothing}
      ${renderChart(view, { keydown: this.onKeyDown, stage: this.onStageEvent, leave: this.onLeave })}
      ${renderTooltip(view)} ${renderCaption(this.caption)} ${renderTable(view)}
    </div>`;
  }

  /** Everything the chart's panels show, once there is something to draw. */
  private get view(): FunnelView | undefined {
    const { model, layout, labels, words, focusIndex, selectedIndex, tipIndex } = this;
    if (!model?.rows.length || !layout) return undefined;
    const figures = model.rows.map((r) => facts(model, r, words));
    return { model, layout, labels, facts: figures, words, focusIndex, selectedIndex, tipIndex };
  }
}
