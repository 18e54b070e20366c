import {
  LitElement,
  html,
  svg,
  nothing,
  type PropertyDeclarations,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import { styleProps } from '../style-props.js';
import type { Lang, Scenario, StageCount, ValidationError } from '../../model/types.js';
import type { SalesRepository } from '../../store/repository.js';
import {
  formatCompact,
  formatInteger,
  formatMoney,
  formatNumber,
  formatPercent,
  formatPoints,
} from '../../model/format.js';
import {
  parseJsonAttributeCodes,
  parseScenarioCodes,
  parseStageCountsCodes,
} from '../../model/validate-core.js';
import { projectUnchecked as project } from '../../sim/project.js';
import { LangController } from '../controllers/lang-controller.js';
import { ResizeController } from '../controllers/resize-controller.js';
import { dispatch } from '../events.js';
import { stringsFor, t, type UiStrings } from '../i18n.js';
import {
  fitText,
  layoutFunnel,
  type FunnelLayout,
  type Orientation,
  type Shape,
} from './geometry.js';
import { bestPayoff } from './payoff.js';
import { hostBase } from '../shared-styles.js';
import { FONT, LABEL_SIZE, styles } from './sales-funnel.styles.js';
import { textWidth } from './measure.js';
import { LazyModule } from './lazy-module.js';
import type { PipelineNotes, PipelineRead, PipelineSource } from './pipeline-source.js';

/** One stage as shown: everything a label, the tooltip and the table say. */
export interface FunnelRow {
  name: string;
  value: number | null;
  /** Share of the first stage. */
  share: number | null;
  /** Share of the previous stage that reached this one. */
  conversion: number | null;
  /**
   * Money: for counts with a deal value, value × deal value ("value if won"); for a scenario,
   * the expected revenue, on the won stage only (else `null`).
   */
  money: number | null;
  /** Expected won deals leaving this stage: set on a scenario's won stage only. */
  won: number | null;
  /** The compared data set's value for this stage. */
  compare: number | null;
  /** Relative change from the compared value: (value − compare) / compare. */
  change: number | null;
}

interface LabelLine {
  /** The same line, longest first. */
  texts: string[];
  cls: string;
}

interface FieldError {
  field: string;
  /** Validation errors (paths from the attribute) get their text from messages.ts. */
  errors: (ValidationError | string)[];
}

interface Source {
  names: string[];
  values: (number | null)[];
  scenario?: Scenario;
  /** Says where the data comes from (a live pipeline). */
  note?: string;
}

const LINE = 17;
/** Height a tooltip may need above a band before it goes below instead. */
const TIP_ROOM = 140;
const CHAR = 7;
/** Default improvement, in rate points (0.05 = +5 pp), for the "pays off most" emphasis. */
const PAYOFF_POINTS = 0.05;
/** States that only move the tooltip, focus or selection: they never change the layout. */
const INTERACTION = new Set<PropertyKey>(['focusIndex', 'selectedIndex', 'tipIndex']);

/** The first variant that fits in `max` characters, else the shortest one shortened. */
const pick = (texts: string[], max: number) =>
  texts.find((t) => [...t].length <= max) ?? fitText(texts[texts.length - 1], max);

const ratio = (a: number | null, b: number | null) =>
  a === null || b === null || b <= 0 ? null : a / b;

/**
 * A funnel chart for sales stages: observed counts, a projected scenario or a built-in preset,
 * optionally compared with another period.
 *
 * @summary Embeddable, accessible funnel chart with labels, emphasis, tooltip and export.
 *
 * @csspart base - The chart's wrapper.
 * @csspart stage - Each stage's band (an SVG path).
 * @csspart label - Each stage's label (SVG text).
 * @csspart caption - The sentences under the chart (biggest drop, best improvement).
 * @csspart table - The visually hidden data table for screen readers.
 * @csspart tooltip - The hover/focus tooltip.
 * @csspart error - The message shown in place of the chart when the input is bad.
 * @csspart menu - The export menu (with `exportable`).
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
export class SalesFunnel extends LitElement {
  static override styles = [hostBase, styles];

  /**
   * Reactive properties and states, declared here rather than with decorators: the same
   * declarations without the decorator helpers, which the embed would otherwise ship.
   */
  static override get properties(): PropertyDeclarations {
    return {
      focusIndex: { state: true },
      selectedIndex: { state: true },
      tipIndex: { state: true },
      pipelineRead: { state: true },
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

  private focusIndex = 0;
  private selectedIndex = -1;
  private tipIndex = -1;
  /** The pipeline's counts as last read. */
  private pipelineRead?: PipelineRead;

  /** Observed counts: `[{"name":"Leads","value":1200}, …]` (JSON attribute or array). Wins over `scenario` and `preset`. */
  stages?: StageCount[] | string;

  /** A scenario (`{ leads, stages: [{ name, rate }], dealValue }`) projected through `project()`. Wins over `preset`. */
  scenario?: object | string;

  /**
   * A stored pipeline's id: the chart shows how many of its deals reached each stage, live as
   * deals move (in this tab and others). Wins over `preset`.
   */
  pipeline?: string;

  /** The IndexedDB database holding `pipeline`. Default `sales-funnel`. */
  database?: string;

  /** The repository to read `pipeline` from instead of the page's shared one. */
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

  /** Improvement in rate points (0 < Δ ≤ 1; 0.05 = +5 pp) for the "pays off most" emphasis. */
  payoffPoints = PAYOFF_POINTS;

  /** Hides the "pays off most" emphasis (caption line and band outline). */
  noPayoff = false;

  /** Adds a small menu to download the chart as SVG or PNG. */
  exportable = false;

  /** Turns off transitions between data sets. */
  noAnimation = false;

  /** `light` or `dark` forces a theme; otherwise the system preference decides. */
  theme?: 'light' | 'dark';

  /** Overrides for any of the UI texts. */
  strings?: Partial<UiStrings>;

  private rows: FunnelRow[] = [];
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
  /** Set when a lazy module the data needs has arrived. */
  private rederive = false;
  /** Loaded on first use of `pipeline`, with the store it needs. */
  private pipelineSource?: Promise<PipelineSource>;
  private pipelineNotes?: PipelineNotes;
  private note = '';
  private fieldError?: FieldError;
  /** The error's messages, `undefined` while their texts load. */
  private errorTexts?: string[];
  private reportedError = '';
  private dropIndex = -1;
  private payoffIndex = -1;
  private captionParts: TemplateResult[] = [];
  private layout?: FunnelLayout;
  private labels: LabelLine[][] = [];
  private dataLang?: Lang;
  private money = 'EUR';
  /** Money column format: one per column, cents only when some amount needs them. */
  private moneyFormat?: Intl.NumberFormat;
  /** Counts are expected values (a scenario): fractional, shown with one decimal below 100. */
  private expected = false;
  /** Widest label character, in px, in the page's font (see `measureChars`). */
  private charWidth = CHAR;

  private get text(): UiStrings {
    return stringsFor(this.langCtl.lang, this.strings);
  }

  override willUpdate(changed: PropertyValues<this>): void {
    const lang = this.langCtl.lang;
    if (this.pipeline && (changed.has('pipeline') || changed.has('database'))) {
      this.pipelineRead = undefined;
      void this.followPipeline();
    }
    const dataChanged =
      this.rederive ||
      this.dataLang !== lang ||
      [
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
        'pipelineRead',
      ].some((k) => changed.has(k as keyof SalesFunnel));
    if (dataChanged) {
      this.rederive = false;
      this.dataLang = lang;
      this.derive(lang);
    }
    this.errorTexts = this.fieldError && this.formatErrors(this.fieldError.errors, lang);
    if (this.focusIndex >= this.rows.length) this.focusIndex = Math.max(0, this.rows.length - 1);
    // Labels and layout (canvas measuring, getComputedStyle) are skipped when only the tooltip,
    // focus or selection moved; any other update, even a bare requestUpdate() after a font
    // change, lays out again.
    if (this.layout && changed.size && [...changed.keys()].every((k) => INTERACTION.has(k))) {
      return;
    }
    // Before the first observation, measure once (the host's box, less the base's padding).
    const width = this.size.width || Math.round(this.getBoundingClientRect().width - 24) || 480;
    this.labels = this.labelLines(this.text, lang);
    this.charWidth = this.measureChars();
    const labelLines = Math.max(2, ...this.labels.map((l) => l.length));
    const longest = Math.max(12, ...this.labels.flat().map((l) => [...l.texts[0]].length));
    this.layout = layoutFunnel({
      values: this.rows.map((r) => r.value),
      compare: this.rows.some((r) => r.compare !== null)
        ? this.rows.map((r) => r.compare)
        : undefined,
      width,
      orientation: this.orientation,
      shape: this.shape,
      labelLines,
      lineHeight: LINE,
      charWidth: this.charWidth,
      labelChars: Math.min(longest, 34),
    });
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

  override updated(): void {
    // Reported once its texts are there (a moment after the first bad input).
    if (this.fieldError && !this.errorTexts) return;
    const key = this.fieldError ? `${this.fieldError.field}|${this.errorTexts!.join('|')}` : '';
    if (key === this.reportedError) return;
    this.reportedError = key;
    if (!this.fieldError) return;
    const message = this.errorTexts!.join(' ');
    console.warn(`<sales-funnel> ${this.fieldError.field}: ${message}`);
    dispatch(this, 'error', { field: this.fieldError.field, message });
  }

  /**
   * Also waits for a module loaded on first use (presets, error texts) and the update it brings,
   * so `await el.updateComplete` means the preset is drawn or the error shown.
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    while (this.presets.pending || this.messages.pending) {
      await Promise.all([this.presets.settled(), this.messages.settled()]);
      done = await super.getUpdateComplete();
    }
    return done;
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

  // ---- data ----

  private async followPipeline(): Promise<void> {
    this.pipelineSource ??= import('./pipeline-source.js').then(
      ({ PipelineSource, PIPELINE_NOTES }) => {
        this.pipelineNotes = PIPELINE_NOTES;
        return new PipelineSource(
          this,
          () => this.langCtl.lang,
          (read) => (this.pipelineRead = read),
        );
      },
    );
    // A new source reads as soon as its repository resolves; an existing one reads again now.
    const source = await this.pipelineSource;
    if (this.pipelineRead === undefined) await source.read();
  }

  private derive(lang: Lang): void {
    this.fieldError = undefined;
    this.dropIndex = -1;
    this.payoffIndex = -1;
    this.captionParts = [];
    if (!this.checkOptions()) {
      this.rows = [];
      return;
    }
    const main = this.readMain(lang);
    this.note = main?.note ?? '';
    if (!main) {
      this.rows = [];
      return;
    }
    let compare: Source | undefined;
    if (this.compare !== undefined && this.compare !== null && this.compare !== '') {
      compare = this.readSource(this.compare, 'compare', lang) ?? undefined;
      if (!compare) {
        this.rows = [];
        return;
      }
    }
    const scenario = main.scenario;
    this.expected = !!scenario;
    this.money = scenario?.currency ?? (this.currency || 'EUR').toUpperCase();
    const dealValue = scenario ? 0 : (this.dealValue ?? 0);
    // A scenario's money is its revenue, which only the won stage earns: a band's count × deal
    // value would read as revenue while most of those deals are lost further down.
    const won = scenario ? project(scenario).won : 0;
    const top = main.values[0] ?? null;
    this.rows = main.names.map((name, i) => {
      const value = main.values[i];
      const prev = i > 0 ? main.values[i - 1] : null;
      const cmp = compare?.values[i] ?? null;
      const wonHere = scenario?.wonStage === i;
      return {
        name,
        value,
        share: ratio(value, top),
        conversion: i > 0 ? ratio(value, prev) : null,
        money: wonHere
          ? won * scenario.dealValue
          : value !== null && dealValue > 0
            ? value * dealValue
            : null,
        won: wonHere ? won : null,
        compare: cmp,
        change: ratio(value === null || cmp === null ? null : value - cmp, cmp),
      };
    });
    const cents = this.rows.some(
      (r) => r.money !== null && Math.abs(r.money) < 100 && !Number.isInteger(r.money),
    );
    this.moneyFormat = new Intl.NumberFormat(lang, {
      style: 'currency',
      currency: this.money,
      minimumFractionDigits: cents ? 2 : 0,
      maximumFractionDigits: cents ? 2 : 0,
    });
    this.findEmphasis(scenario, lang);
  }

  /**
   * Checks the plain options; records the first bad one (shown in place, like bad data: a
   * typo in `orientation` is then seen at once rather than drawn as the default).
   */
  private checkOptions(): boolean {
    // Texts from the lazily loaded error messages where one fits, so the embed stays small.
    const bad = (path: string, code: string, value: unknown) => {
      this.fail(path, [{ path, code, message: code, params: { value: String(value) } }]);
      return false;
    };
    // A removed attribute leaves null: the default.
    const option = (field: string, value: string | null, a: string, b: string) => {
      if (value === null || value === a || value === b) return true;
      this.fail(field, [t(this.text.badOption, { field, a, b, value })]);
      return false;
    };
    const currency = this.currency ?? 'EUR';
    try {
      if (!/^[a-z]{3}$/i.test(currency)) throw currency;
      new Intl.NumberFormat('en', { style: 'currency', currency });
    } catch {
      return bad('currency', 'currency-invalid', currency);
    }
    const v = this.dealValue;
    if (v != null && !(v >= 0 && v < Infinity)) {
      return bad(
        'deal-value',
        v < 0 ? 'negative' : 'not-finite',
        this.getAttribute('deal-value') ?? v,
      );
    }
    const p = this.payoffPoints ?? PAYOFF_POINTS;
    if (!(p > 0 && p <= 1)) return bad('payoff-points', 'rate-range', p);
    return (
      option('orientation', this.orientation, 'horizontal', 'vertical') &&
      option('shape', this.shape, 'straight', 'curved')
    );
  }

  /** The main data set from `stages`, `scenario` or `preset`, in that order. */
  private readMain(lang: Lang): Source | null {
    if (this.stages !== undefined && this.stages !== null && this.stages !== '') {
      return this.readSource(this.stages, 'stages', lang, 'stages');
    }
    if (this.scenario !== undefined && this.scenario !== null && this.scenario !== '') {
      return this.readSource(this.scenario, 'scenario', lang, 'scenario');
    }
    if (this.pipeline) return this.readPipeline(lang);
    if (this.preset) {
      const presets = this.presets.get();
      if (!presets) {
        const error = this.presets.error;
        // Nothing to draw until they arrive (then this runs again).
        if (!error) return { names: [], values: [] };
        return this.fail('preset', [error instanceof Error ? error.message : String(error)]);
      }
      const preset = presets.presetScenario(this.preset);
      if (!preset) {
        const ids = presets.PRESET_IDS.join(', ');
        return this.fail('preset', [t(this.text.unknownPreset, { id: this.preset, ids })]);
      }
      return this.fromScenario(preset, lang);
    }
    return { names: [], values: [] };
  }

  private readPipeline(lang: Lang): Source | null {
    const read = this.pipelineRead;
    const note = (text: string) =>
      t(text, { id: this.pipeline!, name: read?.kind === 'counts' ? read.name : '' });
    // Until the first read, and for a pipeline not created yet, there is nothing to draw.
    if (!read) return { names: [], values: [] };
    if (read.kind === 'error') return this.fail('pipeline', [read.message]);
    const texts = this.pipelineNotes![lang];
    if (read.kind === 'missing') return { names: [], values: [], note: note(texts.missing) };
    const source = this.readSource(read.counts, 'pipeline', lang, 'stages');
    return source && { ...source, note: note(texts.reached) };
  }

  /** Reads stage counts or a scenario from a JSON string or a value; records the error if bad. */
  private readSource(
    input: unknown,
    field: string,
    lang: Lang,
    kind?: 'stages' | 'scenario',
  ): Source | null {
    let value = input;
    if (typeof input === 'string') {
      const parsed = parseJsonAttributeCodes(input, field);
      if (!parsed.ok) return this.fail(field, parsed.errors, false);
      value = parsed.value;
    }
    const asStages = kind ? kind === 'stages' : Array.isArray(value);
    if (asStages) {
      if (!Array.isArray(value)) return this.fail(field, [t(this.text.badStages, { field })]);
      const parsed = parseStageCountsCodes(value, { lang });
      if (!parsed.ok) return this.fail(field, parsed.errors);
      return {
        names: parsed.value.map((s) => s.names?.[lang] ?? s.name),
        values: parsed.value.map((s) => s.value),
      };
    }
    const parsed = parseScenarioCodes(value, { lang });
    if (!parsed.ok) return this.fail(field, parsed.errors);
    return this.fromScenario(parsed.value, lang);
  }

  private fromScenario(scenario: Scenario, lang: Lang): Source {
    const projection = project(scenario);
    return {
      names: scenario.stages.map((s) => s.names?.[lang] ?? s.name),
      values: projection.stages.map((s) => s.entering),
      scenario,
    };
  }

  /** Records the first problem set; messages name the attribute: `scenario.stages[2].rate …`. */
  private fail(field: string, errors: (ValidationError | string)[], nested = true): null {
    const pathOf = (path: string) =>
      !nested || path === field
        ? path
        : path.startsWith('[')
          ? field + path
          : path
            ? `${field}.${path}`
            : field;
    this.fieldError = {
      field,
      errors: errors.map((e) => (typeof e === 'string' ? e : { ...e, path: pathOf(e.path) })),
    };
    return null;
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

  /** The biggest drop (lowest conversion) and, for a scenario, the best improvement. */
  private findEmphasis(scenario: Scenario | undefined, lang: Lang): void {
    const s = this.text;
    let lowest = 1;
    // With a scenario, deals are lost before the sale: after-sale steps (customers kept,
    // cross-sold, won back) are not where deals are lost, so they are not named here.
    const last = scenario ? scenario.wonStage + 1 : Infinity;
    this.rows.forEach((r, i) => {
      if (i <= last && r.conversion !== null && r.conversion < lowest) {
        lowest = r.conversion;
        this.dropIndex = i;
      }
    });
    const parts: TemplateResult[] = [];
    if (this.dropIndex > 0) {
      const d = this.dropIndex;
      parts.push(
        html`<span
          ><span class="drop-mark" aria-hidden="true">▼ </span>${t(s.biggestDrop, {
            stage: this.rows[d].name,
            previous: this.rows[d - 1].name,
            rate: formatPercent(lowest, lang),
          })}</span
        >`,
      );
    }
    if (scenario) {
      const money = (n: number) => formatMoney(n, lang, scenario.currency, true);
      const projection = project(scenario);
      parts.push(
        html`<span
          >${t(s.expectedWon, {
            won: this.count(projection.won, lang),
            revenue: money(projection.revenue),
          })}</span
        >`,
      );
      const points = this.payoffPoints ?? PAYOFF_POINTS;
      const best = bestPayoff(scenario, points);
      if (best.extraWon > 0 && !this.noPayoff) {
        const params = {
          stage: this.rows[best.index]?.name,
          points:
            best.index < 0 ? formatCompact(best.extraLeads, lang) : formatPoints(points, lang),
          won: this.count(best.extraWon, lang),
          revenue: money(best.extraWon * scenario.dealValue),
        };
        this.payoffIndex = best.index;
        parts.push(
          html`<span
            ><span class="payoff-mark" aria-hidden="true">★ </span>${t(
              best.index < 0 ? s.payoffLeads : s.payoff,
              params,
            )}</span
          >`,
        );
      }
    }
    if (this.note) parts.unshift(html`<span>${this.note}</span>`);
    this.captionParts = parts;
  }

  /**
   * A count for labels and captions: an expected (fractional) one below 100 keeps one decimal,
   * like the simulator (25.9, not 26); observed counts and large ones are compact.
   */
  private count(n: number, lang: Lang): string {
    return this.expected && Math.abs(n) < 100 ? formatNumber(n, lang) : formatCompact(n, lang);
  }

  // ---- interaction ----

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
    this.focusIndex = Math.min(n - 1, Math.max(0, index));
    this.tipIndex = this.focusIndex;
    void this.updateComplete.then(() => {
      this.renderRoot
        .querySelector<SVGGElement>(`.stage[data-index="${this.focusIndex}"]`)
        ?.focus();
    });
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

  // ---- rendering ----

  override render() {
    const s = this.text;
    if (this.fieldError && this.errorTexts) {
      return html`<div class="base" part="base">
        <div class="error" part="error" role="alert">
          <strong>${s.errorTitle} (${this.fieldError.field})</strong>
          <ul>
            ${this.errorTexts.map((m) => html`<li>${m}</li>`)}
          </ul>
        </div>
      </div>`;
    }
    if (this.rows.length === 0 || !this.layout) {
      // Nothing is said while presets or error texts are on their way (a moment).
      const waiting = this.fieldError || this.presets.pending;
      return html`<div class="base" part="base">
        <p class="caption">${this.note || (waiting ? '' : s.empty)}</p>
      </div>`;
    }
    return html`<div class="base" part="base">
      ${this.exportable ? this.renderMenu(s) : nothing} ${this.renderChart(s)}
      ${this.renderTooltip()}
      ${
        this.captionParts.length
          ? html`<p class="caption" part="caption">${this.captionParts}</p>`
          : nothing
      }
      ${this.renderTable(s)}
    </div>`;
  }

  private renderChart(s: UiStrings) {
    const layout = this.layout!;
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
          b.index === this.dropIndex ? 'drop' : '',
          b.index === this.payoffIndex ? 'payoff' : '',
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

  /**
   * The text lines of each stage's label: name; count · share; on a scenario's won stage, its won
   * deals · revenue; conversion; change. Each line lists variants, longest first: a narrow chart
   * drops the money or says "conv." rather than cutting a number in half (the tooltip and the
   * table keep everything). Counts × a deal value stay in the tooltip and table, as "value if
   * won": on a band they would read as revenue.
   */
  private labelLines(s: UiStrings, lang: Lang): LabelLine[][] {
    return this.rows.map((r, i) => {
      const drop = i === this.dropIndex;
      const payoff = i === this.payoffIndex;
      const count = r.value === null ? s.unknown : this.count(r.value, lang);
      const share = r.share !== null ? ` · ${formatPercent(r.share, lang)}` : '';
      const lines: LabelLine[] = [
        { texts: [`${payoff ? '★ ' : ''}${r.name}`], cls: payoff ? 'name payoff-text' : 'name' },
        { texts: [count + share, count], cls: '' },
      ];
      if (r.won !== null) {
        const won = t(s.wonHere, { won: this.count(r.won, lang) });
        const money = r.money !== null ? ` · ${formatMoney(r.money, lang, this.money, true)}` : '';
        lines.push({ texts: [won + money, won, '✓'], cls: 'won-text' });
      }
      if (r.conversion !== null) {
        const rate = `${drop ? '▼ ' : ''}${formatPercent(r.conversion, lang)}`;
        lines.push({
          texts: [`${rate} ${s.fromPrevious}`, `${rate} ${s.conversionShort}`, rate],
          cls: drop ? 'drop-text' : 'sub',
        });
      }
      if (r.change !== null) {
        const arrow = r.change > 0 ? '▲' : r.change < 0 ? '▼' : '=';
        const delta = `${arrow} ${formatPercent(Math.abs(r.change), lang)}`;
        const against = this.compareLabel
          ? t(s.vsLabel, { label: this.compareLabel })
          : s.vsCompare;
        lines.push({ texts: [`${delta} ${against}`, delta], cls: 'sub' });
      }
      return lines;
    });
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

  /**
   * The columns shown for every stage, as [heading, text] pairs: one source for the tooltip,
   * the hidden table and each stage's accessible name, so they never disagree.
   */
  private facts(r: FunnelRow): [string, string][] {
    const lang = this.langCtl.lang;
    const s = this.text;
    const show = (v: number | null, f: (n: number) => string) => (v === null ? '—' : f(v));
    const pct = (n: number) => formatPercent(n, lang);
    const count = (n: number) =>
      this.expected && Math.abs(n) < 100 ? formatNumber(n, lang) : formatInteger(n, lang);
    const out: [string, string][] = [
      [s.colCount, r.value === null ? s.unknown : count(r.value)],
      [s.colShare, show(r.share, pct)],
      [s.colConversion, show(r.conversion, pct)],
    ];
    if (this.rows.some((x) => x.money !== null)) {
      const heading = this.expected ? s.colRevenue : s.colValue;
      out.push([heading, show(r.money, (n) => this.moneyFormat!.format(n))]);
    }
    if (this.rows.some((x) => x.compare !== null)) {
      const sign = (n: number) => (n > 0 ? '+' : n < 0 ? '−' : '±') + pct(Math.abs(n));
      out.push([this.compareLabel ?? s.colChange, show(r.change, sign)]);
    }
    return out;
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

  private renderTable(s: UiStrings) {
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

  private renderMenu(s: UiStrings) {
    return html`<details class="menu" part="menu">
      <summary>${s.exportMenu}</summary>
      <div>
        <button type="button" @click=${() => this.onExport('svg')}>${s.downloadSvg}</button>
        <button type="button" @click=${() => this.onExport('png')}>${s.downloadPng}</button>
      </div>
    </details>`;
  }
}
