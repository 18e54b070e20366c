import { html, svg, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { Lang, StageCount, ValidationError } from '../../model/types.js';
import { MAX_MONEY } from '../../model/validate-core.js';
import type { SalesRepository } from '../../store/repository.js';
import { readChoice, readNumber, THEMES, type Theme } from '../attributes.js';
import { ErrorReporter } from '../controllers/error-reporter.js';
import { FocusAfterRender } from '../controllers/focus-after-render.js';
import { LangController } from '../controllers/lang-controller.js';
import { ResizeController } from '../controllers/resize-controller.js';
import { dispatch, type StageSelectedEvent } from '../events.js';
import { SalesElement, type SalesEventsOf } from '../sales-element.js';
import { hostBase } from '../shared-styles.js';
import { styleProps } from '../style-props.js';
import { t } from '../i18n.js';
import {
  fitText,
  layoutFunnel,
  type FunnelLayout,
  type Orientation,
  type Shape,
} from './geometry.js';
import {
  fromPipeline,
  fromScenario,
  isGiven,
  problem,
  problemKey,
  readData,
  type DataProblem,
  type DataRead,
} from './funnel-input.js';
import {
  funnelModel,
  type FunnelModel,
  type FunnelModelOptions,
  type FunnelRow,
} from './funnel-model.js';
import {
  captionParts,
  facts,
  labelLines,
  moneyFormat,
  type CaptionPart,
  type LabelLine,
  type TextOptions,
} from './funnel-text.js';
import { LazyModule } from './lazy-module.js';
import { textWidth } from './measure.js';
import type { PipelineRead, PipelineSource } from './pipeline-source.js';
import { FONT, LABEL_SIZE, styles } from './sales-funnel.styles.js';
import { CHART_STRINGS } from './chart-strings.js';
import type { PipelineModeStrings } from './pipeline-strings.js';
import type { FunnelStrings } from './strings.js';

export type { FunnelRow } from './funnel-model.js';

const LINE = 17;
/** Height a tooltip may need above a band before it goes below instead. */
const TIP_ROOM = 140;
const CHAR = 7;
/** Default improvement, in rate points (0.05 = +5 pp), for the "pays off most" emphasis. */
const PAYOFF_POINTS = 0.05;
const ORIENTATIONS: readonly Orientation[] = ['vertical', 'horizontal'];
const SHAPES: readonly Shape[] = ['straight', 'curved'];
/** States that only move the tooltip, focus or selection: they never change the layout. */
const INTERACTION = new Set<PropertyKey>(['focusIndex', 'selectedIndex', 'tipIndex']);
/** Properties the rows, labels or caption depend on. */
const DATA: PropertyKey[] = [
  'stages',
  'scenario',
  'preset',
  'compare',
  'compareLabel',
  'currency',
  'dealValue',
  'orientation',
  'shape',
  'payoffPoints',
  'noPayoff',
  'strings',
  'pipeline',
];
/** Nothing to draw yet (or at all), or only a note. */
const none = (note?: string): DataRead => ({ ok: true, source: { names: [], values: [], note } });

/** The first variant that fits in `max` characters, else the shortest one shortened. */
const pick = (texts: string[], max: number) =>
  texts.find((t) => [...t].length <= max) ?? fitText(texts[texts.length - 1], max);

/**
 * A funnel chart for sales stages: observed counts, a projected scenario, a built-in preset or
 * a stored pipeline's history, optionally compared with another period.
 *
 * @summary Embeddable, accessible funnel chart with labels, emphasis, tooltip and export.
 *
 * @csspart base - The chart's wrapper.
 * @csspart stage - Each stage's band (an SVG path).
 * @csspart label - Each stage's label (SVG text).
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
 * @fires stage-selected - A stage was clicked or chosen with Enter/Space; detail `StageSelectedDetail`.
 * @fires error - An attribute or property could not be used; detail `{ field, message }`.
 */
export class SalesFunnel extends SalesElement<
  SalesEventsOf<{ 'stage-selected': StageSelectedEvent }>
> {
  static override styles = [hostBase, styles];

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
      strings: { attribute: false },
    };
  }

  private readonly langCtl = new LangController(this);
  private readonly size = new ResizeController(this, () => this.renderRoot?.querySelector('.base'));
  private readonly errors = new ErrorReporter(this);
  private readonly focuser = new FocusAfterRender(this);

  private focusIndex = 0;
  private selectedIndex = -1;
  private tipIndex = -1;

  /** Observed counts: `[{"name":"Leads","value":1200}, …]` (JSON attribute or array). Wins over `scenario` and `preset`. */
  stages?: StageCount[] | string;

  /** A scenario (`{ leads, stages: [{ name, rate }], dealValue }`) projected through `project()`. Wins over `preset`. */
  scenario?: object | string;

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
  compare?: object | string;

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

  /** `light` or `dark` forces a theme; otherwise the system preference decides. */
  theme?: Theme;

  /** Overrides for any of the UI texts. */
  strings?: Partial<FunnelStrings>;

  /** The built-in presets: loaded the first time `preset` is used. */
  private readonly presets = new LazyModule(
    () => import('../../model/preset-scenarios.js'),
    () => {
      this.rederive = true;
      this.requestUpdate();
    },
  );
  /** The error texts: loaded the first time an input is bad (most pages never need them). */
  private readonly messages = new LazyModule(
    () => import('../../model/messages.js'),
    () => this.requestUpdate(),
  );
  /** The `pipeline` source, with the store and analytics it needs: loaded on first use. */
  private readonly pipelineModule = new LazyModule(
    () => import('./pipeline-source.js'),
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
  /** The pipeline read the chart was derived from. */
  private pipelineRead?: PipelineRead;
  /** Set when a lazy module the data needs has arrived. */
  private rederive = false;
  private dataLang?: Lang;
  private model?: FunnelModel;
  private money?: Intl.NumberFormat;
  private note = '';
  /** The data that cannot be drawn, and its messages once their texts are there. */
  private problem?: DataProblem;
  private problemTexts?: string[];
  private caption: CaptionPart[] = [];
  private layout?: FunnelLayout;
  private labels: LabelLine[][] = [];
  /** Widest label character, in px, in the page's font (see `measureChars`). */
  private charWidth = CHAR;

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

  override willUpdate(changed: PropertyValues<this>): void {
    const lang = this.langCtl.lang;
    this.words = {
      lang,
      // The pipeline's texts are there once its source is: the only time they are read.
      strings: {
        ...CHART_STRINGS[lang],
        ...this.pipelineTexts?.[lang],
        ...this.strings,
      } as FunnelStrings,
      compareLabel: this.compareLabel,
    };
    const options = this.readOptions(lang);
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
    this.reportProblem(lang);
    if (this.focusIndex >= this.rows.length) this.focusIndex = Math.max(0, this.rows.length - 1);
    // Labels and layout (canvas measuring, getComputedStyle) are skipped when only the tooltip,
    // focus or selection moved; any other update, even a bare requestUpdate() after a font
    // change, lays out again.
    if (this.layout && changed.size && [...changed.keys()].every((k) => INTERACTION.has(k))) {
      return;
    }
    // Before the first observation, measure once (the host's box, less the base's padding).
    const width = this.size.width || Math.round(this.getBoundingClientRect().width - 24) || 480;
    this.labels = this.model ? labelLines(this.model, this.words) : [];
    this.charWidth = this.measureChars();
    const labelLines_ = Math.max(2, ...this.labels.map((l) => l.length));
    const longest = Math.max(12, ...this.labels.flat().map((l) => [...l.texts[0]].length));
    const rows = this.rows;
    this.layout = layoutFunnel({
      values: rows.map((r) => r.value),
      compare: rows.some((r) => r.compare !== null) ? rows.map((r) => r.compare) : undefined,
      width,
      orientation: options.orientation,
      shape: options.shape,
      labelLines: labelLines_,
      lineHeight: LINE,
      charWidth: this.charWidth,
      labelChars: Math.min(longest, 34),
    });
  }

  /**
   * The plain options, each through `attributes.ts`: a bad value is reported (in place, once)
   * and its default used, so the chart still draws.
   */
  private readOptions(lang: Lang): FunnelModelOptions & { orientation: Orientation; shape: Shape } {
    const e = this.errors;
    const number = (field: string, value: unknown, min: number, max: number, fallback: number) =>
      e.option(
        readNumber(field, value, this.getAttribute(field), { min, max, fallback }),
        field,
        lang,
      );
    e.option(readChoice('theme', this.theme, THEMES), 'theme', lang);
    return {
      orientation: e.option(
        readChoice('orientation', this.orientation, ORIENTATIONS, 'vertical'),
        'orientation',
        lang,
      ),
      shape: e.option(readChoice('shape', this.shape, SHAPES, 'straight'), 'shape', lang),
      dealValue: number('deal-value', this.dealValue, 0, MAX_MONEY, 0),
      payoffPoints: number('payoff-points', this.payoffPoints, 0.01, 1, PAYOFF_POINTS),
      noPayoff: this.noPayoff,
      currency: this.readCurrency(lang),
    };
  }

  /** `currency`, or EUR with a problem worded by the error texts (loaded on first need). */
  private readCurrency(lang: Lang): string {
    const code = this.currency || 'EUR';
    try {
      if (/^[a-z]{3}$/i.test(code)) {
        new Intl.NumberFormat('en', { style: 'currency', currency: code });
        this.errors.clear('currency');
        return code;
      }
    } catch {
      // not a currency Intl knows: reported below
    }
    const error = { path: 'currency', code: 'currency-invalid', params: { value: code } };
    const [message] = this.formatErrors([{ ...error, message: '' }], lang) ?? [];
    if (message) this.errors.set('currency', message, code);
    return 'EUR';
  }

  private derive(lang: Lang, options: FunnelModelOptions): void {
    const s = this.text;
    let read = this.readMain(lang, s);
    let compare: DataRead | undefined;
    if (read.ok && isGiven(this.compare)) {
      compare = readData(this.compare, 'compare', lang, s);
      if (!compare.ok) read = compare;
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
    this.money = moneyFormat(this.model, lang);
    this.caption = captionParts(this.model, this.words, this.note);
  }

  /** The main data set from `stages`, `scenario`, `pipeline` or `preset`, in that order. */
  private readMain(lang: Lang, s: FunnelStrings): DataRead {
    if (isGiven(this.stages)) return readData(this.stages, 'stages', lang, s, 'stages');
    if (isGiven(this.scenario)) return readData(this.scenario, 'scenario', lang, s, 'scenario');
    if (this.pipeline) return this.readPipeline(s);
    if (!this.preset) return none();
    const presets = this.presets.get();
    if (!presets) {
      const error = this.presets.error;
      // Nothing to draw until they arrive (then this runs again).
      if (!error) return none();
      return problem('preset', [error instanceof Error ? error.message : String(error)]);
    }
    const preset = presets.presetScenario(this.preset);
    if (!preset) {
      const ids = presets.PRESET_IDS.join(', ');
      return problem('preset', [t(s.unknownPreset, { id: this.preset, ids })]);
    }
    return { ok: true, source: fromScenario(preset, lang) };
  }

  private readPipeline(s: FunnelStrings): DataRead {
    const read = this.pipelineRead;
    // Until the first read there is nothing to draw.
    if (!read) return none();
    if (read.kind === 'error') return problem('pipeline', [read.message]);
    if (read.kind === 'missing') {
      return none(t(s.pipelineMissing, { id: this.pipeline! }));
    }
    return { ok: true, source: fromPipeline(read.funnel, t(s.pipelineNote, { name: read.name })) };
  }

  /**
   * Reports the data problem once its texts are there (a moment after the first bad input):
   * keyed by its codes, so a change of language rewords it without reporting it again.
   */
  private reportProblem(lang: Lang): void {
    const p = this.problem;
    this.problemTexts = p && this.formatErrors(p.errors, lang);
    for (const field of ['stages', 'scenario', 'pipeline', 'preset', 'compare']) {
      if (field !== p?.field) this.errors.clear(field);
    }
    if (p && this.problemTexts)
      this.errors.set(p.field, this.problemTexts.join(' '), problemKey(p));
  }

  /**
   * The messages in `lang`; `undefined` while the error texts load (started here). Should they
   * fail to load, each error still names its field and its code.
   */
  private formatErrors(errors: (ValidationError | string)[], lang: Lang): string[] | undefined {
    const texts = errors.every((e) => typeof e === 'string') ? undefined : this.messages.get();
    if (this.messages.pending) return undefined;
    return errors.map((e) =>
      typeof e === 'string' ? e : texts ? texts.formatError(e, lang) : `${e.path}: ${e.code}`,
    );
  }

  /**
   * The widest per-character width of the label lines, measured before rendering so that one
   * update lays the chart out; never below the CHAR estimate. The font is the one the labels
   * resolve to: the host's `--sales-funnel-font` or `--sales-font`, else the built-in stack.
   */
  private measureChars(): number {
    const cs = getComputedStyle(this);
    const family =
      ['--sales-funnel-font', '--sales-font']
        .map((name) => cs.getPropertyValue(name).trim())
        .find(Boolean) ?? FONT;
    let widest = CHAR;
    // Names first, then the rest: each font is set once (setting it costs more than measuring).
    const lines = this.labels
      .flat()
      .sort((a, b) => +b.cls.startsWith('name') - +a.cls.startsWith('name'));
    for (const line of lines) {
      const text = line.texts[0];
      const chars = [...text].length;
      // A short line's average says little about the font.
      if (chars < 6) continue;
      const weight = line.cls.startsWith('name') ? 600 : 400;
      widest = Math.max(widest, textWidth(text, `${weight} ${LABEL_SIZE}px ${family}`) / chars);
    }
    return Math.ceil(widest * 10) / 10;
  }

  /**
   * Also waits for what loads on first use (presets, error texts, the pipeline source) and for
   * the pipeline's read, and the update each brings, so `await el.updateComplete` means the
   * data is drawn or the error shown.
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    for (;;) {
      const waits = [this.presets, this.messages, this.pipelineModule]
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
    const { standaloneSvg } = await import('./export-image.js');
    const live = this.renderRoot.querySelector('svg');
    const base = this.renderRoot.querySelector('.base');
    return standaloneSvg(live, base, this.layout, this.text.funnelLabel);
  }

  /** The chart as a PNG image, `scale` times its size on screen (2 by default, for sharp prints). */
  async toPNG(scale = 2): Promise<Blob> {
    const { width = 0, height = 0 } = this.layout ?? {};
    const svgText = await this.toSVG();
    const { svgToPng } = await import('./export-image.js');
    return svgToPng(svgText, width, height, scale);
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

  private async onExport(kind: 'svg' | 'png'): Promise<void> {
    const blob =
      kind === 'svg'
        ? new Blob([await this.toSVG()], { type: 'image/svg+xml' })
        : await this.toPNG();
    const { download } = await import('./export-image.js');
    download(blob, `sales-funnel.${kind}`);
  }

  override render() {
    const s = this.text;
    const p = this.problem;
    // Options whose default is used: said above whatever is drawn.
    const notes = this.errors.problems
      .filter((x) => x.field !== p?.field)
      .map((x) => html`<p class="error" part="error">${x.message}</p>`);
    if (p && this.problemTexts) {
      return html`<div class="base" part="base">
        ${notes}
        <div class="error" part="error">
          <strong>${s.errorTitle} (${p.field})</strong>
          <ul>
            ${this.problemTexts.map((m) => html`<li>${m}</li>`)}
          </ul>
        </div>
      </div>`;
    }
    if (this.rows.length === 0 || !this.layout) {
      // Nothing is said while presets, error texts or the pipeline are on their way (a moment).
      const waiting = p || this.presets.pending || (this.pipeline && !this.pipelineRead);
      return html`<div class="base" part="base">
        ${notes}
        <p class="caption" part="caption">${this.note || (waiting ? '' : s.empty)}</p>
      </div>`;
    }
    return html`<div class="base" part="base">
      ${notes} ${this.exportable ? this.renderMenu(s) : nothing} ${this.renderChart(s)}
      ${this.renderTooltip()}
      ${
        this.caption.length
          ? html`<p class="caption" part="caption">
              ${this.caption.map(
                (c) =>
                  html`<span
                    >${
                      c.mark
                        ? html`<span class="${c.mark}-mark" aria-hidden="true"
                            >${c.mark === 'drop' ? '▼ ' : '★ '}</span
                          >`
                        : nothing
                    }${c.text}</span
                  >`,
              )}
            </p>`
          : nothing
      }
      ${this.renderTable(s)}
    </div>`;
  }

  private renderChart(s: FunnelStrings) {
    const layout = this.layout!;
    const model = this.model!;
    const n = this.rows.length;
    return html`<svg
      viewBox="0 0 ${layout.width} ${layout.height}"
      width=${layout.width}
      height=${layout.height}
      role="listbox"
      aria-label=${s.stagesLabel}
      @keydown=${this.onKeyDown}
      @click=${this.onStageEvent}
      @pointerover=${this.onStageEvent}
      @focusin=${this.onStageEvent}
      @pointerleave=${this.onLeave}
      @focusout=${this.onLeave}
    >
      ${layout.bands.map((b) => {
        const r = this.rows[b.index];
        const classes = [
          'stage',
          b.index === model.drop ? 'drop' : '',
          b.index === model.payoff?.index ? 'payoff' : '',
        ].join(' ');
        return svg`<g
          class=${classes}
          data-index=${b.index}
          role="option"
          tabindex=${b.index === this.focusIndex ? 0 : -1}
          aria-selected=${b.index === this.selectedIndex ? 'true' : 'false'}
          aria-label=${this.describe(r)}
        >
          ${b.ghost ? svg`<path class="ghost" d=${b.ghost}></path>` : nothing}
          <path
            class="band ${r.value === null ? 'missing' : ''}"
            part="stage"
            d=${b.path}
            style=${styleProps({ '--_t': n > 1 ? String(b.index / (n - 1)) : '0' })}
          ></path>
        </g>`;
      })}
      ${this.renderWonTick()}
      <g aria-hidden="true">${layout.bands.map((b) => this.renderLabel(b.index))}</g>
    </svg>`;
  }

  /** A tick across the funnel where the won stage's deals close: where the revenue is made. */
  private renderWonTick() {
    const bands = this.layout!.bands;
    const i = this.rows.findIndex((r) => r.won !== null);
    const b = bands[i];
    if (!b) return nothing;
    // The exit edge is as wide as the next band's start; 6 px more each side makes it a tick.
    const half = (bands[i + 1]?.size ?? b.size) / 2 + 6;
    const vertical = this.layout!.orientation === 'vertical';
    const [along, across] = vertical ? [b.y + b.height, b.cx] : [b.x + b.width, b.cy];
    const [x1, y1, x2, y2] = vertical
      ? [across - half, along, across + half, along]
      : [along, across - half, along, across + half];
    return svg`<line class="won-tick" aria-hidden="true" x1=${x1} y1=${y1} x2=${x2} y2=${y2}></line>`;
  }

  private renderLabel(i: number) {
    const box = this.layout!.bands[i].label;
    const x = box.x;
    const y0 = box.y + LINE * 0.8;
    return svg`<text class="label" part="label" data-index=${i} x=${x} y=${y0} text-anchor=${box.anchor}>
      ${this.labels[i].map(
        (line, k) =>
          svg`<tspan class=${line.cls} x=${x} y=${y0 + k * LINE}>${pick(line.texts, box.maxChars)}</tspan>`,
      )}
    </text>`;
  }

  private facts(r: FunnelRow): [string, string][] {
    return facts(this.model!, r, this.words, this.money!);
  }

  private describe(r: FunnelRow): string {
    return [r.name, ...this.facts(r).map(([k, v]) => `${k}: ${v}`)].join(', ');
  }

  private renderTooltip() {
    const r = this.rows[this.tipIndex];
    const band = this.layout?.bands[this.tipIndex];
    if (!r || !band) return nothing;
    // Offsets by the base's padding: the tooltip is positioned in the base, the band in the SVG.
    // Above the band when there is room, else below it, so it never covers the page above.
    const below = band.y < TIP_ROOM;
    const top = below ? band.y + band.height + 8 : band.y - 8;
    // Keep a ~180 px tooltip inside the chart's width.
    const x = Math.max(90, Math.min(band.cx, (this.layout?.width ?? 0) - 90));
    const pos = { left: `${Math.round(12 + x)}px`, top: `${Math.round(12 + top)}px` };
    return html`<div
      class="tooltip ${below ? 'below' : ''}"
      part="tooltip"
      aria-hidden="true"
      style=${styleProps(pos)}
    >
      <strong>${r.name}</strong>
      <dl>
        ${this.facts(r).map(
          ([k, v]) =>
            html`<dt>${k}</dt>
              <dd>${v}</dd>`,
        )}
      </dl>
    </div>`;
  }

  private renderTable(s: FunnelStrings) {
    // A table ignores a 1 px width, so the hiding box is a wrapper around it.
    return html`<div class="visually-hidden">
      <table part="table">
        <caption>
          ${s.tableCaption}
        </caption>
        <thead>
          <tr>
            <th scope="col">${s.colStage}</th>
            ${this.facts(this.rows[0]).map(([k]) => html`<th scope="col">${k}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${this.rows.map(
            (r) =>
              html`<tr>
                <th scope="row">${r.name}</th>
                ${this.facts(r).map(([, v]) => html`<td>${v}</td>`)}
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private renderMenu(s: FunnelStrings) {
    return html`<details class="menu" part="menu">
      <summary>${s.exportMenu}</summary>
      <div>
        <button type="button" part="button" @click=${() => this.onExport('svg')}>
          ${s.downloadSvg}
        </button>
        <button type="button" part="button" @click=${() => this.onExport('png')}>
          ${s.downloadPng}
        </button>
      </div>
    </details>`;
  }
}
