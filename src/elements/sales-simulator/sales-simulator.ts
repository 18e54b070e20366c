import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  formatInteger,
  formatMoney,
  formatNumber,
  formatPercent,
  formatPoints,
} from '../../model/format.js';
import { PRESET_IDS, getPreset, localizeScenario } from '../../model/presets.js';
import type { Lang, Scenario, Stage, StageCount, ValidationError } from '../../model/types.js';
import { localizeErrors } from '../../model/messages.js';
import {
  MAX_LEADS,
  MAX_MONEY,
  MAX_NAME_LENGTH,
  parseJsonAttribute,
  parseScenario,
} from '../../model/validate.js';
import { diagnoseUnchecked as diagnose } from '../../sim/diagnosis.js';
import {
  simulateChunkedUnchecked as simulateChunked,
  type Summary,
} from '../../sim/monte-carlo.js';
import { projectUnchecked as project, type Projection } from '../../sim/project.js';
import {
  sensitivityUnchecked as sensitivity,
  rateNeededUnchecked as rateNeeded,
  type Lever,
  type Sensitivity,
} from '../../sim/sensitivity.js';
import { leadsNeededUnchecked as leadsNeeded, type LeadsNeeded } from '../../sim/targets.js';
import type { SavedScenario } from '../../store/records.js';
import type { SalesRepository, StoreChange } from '../../store/repository.js';
import { LangController } from '../controllers/lang-controller.js';
import { RepositoryController } from '../controllers/repository-controller.js';
import { ResizeController } from '../controllers/resize-controller.js';
import { dispatch } from '../events.js';
import { t } from '../i18n.js';
import './events.js';
import { formatRate, moneyColumn } from './figures.js';
import { formatPlain, parseDecimal } from './input-number.js';
import { Memo } from './memo.js';
import {
  MAX_SCENARIO_FILE_BYTES,
  formatBytes,
  isFileError,
  parseScenarioText,
  readScenarioFile,
} from './scenario-file.js';
import { hostStyles } from '../shared-styles.js';
import { styles } from './sales-simulator.styles.js';
import { decodeScenarioHash, encodeScenarioHash, hasScenarioHash } from './share-link.js';
import { simulatorStrings, type SimulatorStrings } from './strings.js';
import { layoutTornado, renderTornado, type TornadoRow } from './tornado.js';

/** A numeric input: its label, bounds, and whether it is shown as a percentage. */
interface NumberSpec {
  key: string;
  label: string;
  min: number;
  max: number;
  /** The value is a share in [0, 1], typed and shown as a percentage. */
  percent?: boolean;
  integer?: boolean;
  /** Empty is allowed and means "not given". */
  optional?: boolean;
  /** Upper bound excluded (a repeat rate of 100 % would mean endless purchases). */
  maxExclusive?: boolean;
}

interface Band {
  won: Summary;
  revenue: Summary;
  trials: number;
}

/** What is wrong with a typed value; the words are made at render time, in the current language. */
type InputError =
  { kind: 'number' } | { kind: 'name' } | { kind: 'parse'; errors: ValidationError[] };

/** A scenario from the attribute, a link or a file that could not be used. */
interface SourceError {
  field: 'scenario' | 'preset' | 'link' | 'import';
  errors: ValidationError[];
  /** The file's name, for `import`. */
  file?: string;
}

/** Where the `pipeline` calibration stands; the words are made at render time. */
type Calibration =
  | { state: 'loading'; id: string }
  | { state: 'ok'; id: string; name: string; deals: number; since: number }
  | { state: 'empty' | 'missing'; id: string; name: string }
  | { state: 'failed'; id: string; name: string; errors: ValidationError[] };

/** A deleted or overwritten saved scenario, kept until its undo is offered no more. */
interface Undoable {
  item: SavedScenario;
  /** Saved over under the same name, rather than deleted. */
  replaced: boolean;
  timer: ReturnType<typeof setTimeout>;
}

class Cancelled extends Error {}

const DEFAULT_PRESET = 'pipeline-7';
/** Pause after the last change before the Monte Carlo run starts: a dragged slider fires often. */
const BAND_DEBOUNCE_MS = 120;
const BAND_CHUNK = 2500;
/** Pause after the last change before the one-line spoken summary: a slider step is not news. */
const SUMMARY_DEBOUNCE_MS = 500;
const CONFIDENCE = 0.9;
/** How long "Undo" stays offered after a saved scenario is deleted. */
const UNDO_MS = 10_000;

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/**
 * A change with its sign (a real minus, U+2212), from the formatted size of the change; `undefined`
 * when that size shows as zero, so "+0" or "0 pp" is never written next to a figure.
 */
function signedText(d: number, magnitude: string): string | undefined {
  if (d === 0 || !/[1-9]/.test(magnitude)) return undefined;
  return (d > 0 ? '+' : '\u2212') + magnitude;
}

/** A stage with a rate the person chose: observed counts no longer describe it. */
function withRate(stage: Stage, rate: number): Stage {
  const next = { ...stage, rate: clamp(rate, 0, 1) };
  delete next.observed;
  return next;
}

/**
 * The what-if planner: lead volume, per-stage rates, deal value and costs in; the projected
 * funnel against a baseline, where an improvement pays off most, the leads a target needs, the
 * p10–p90 band of a Monte Carlo run, a diagnosis, and saved, compared and shared scenarios out.
 *
 * With `pipeline`, it starts from that stored pipeline's observed conversions (as counts, so the
 * band widens when there is little history), says so, and offers to recalibrate when the
 * pipeline changes after the person edited the scenario. Imported scenario files are limited
 * to `MAX_SCENARIO_FILE_BYTES` (1 MB); a deleted saved scenario, or one saved over under the
 * same name, can be restored with "Undo" for a few seconds. The figures are not a live region:
 * one short polite line ("Won deals 26.4, +0.4") is spoken half a second after the last change.
 *
 * @summary What-if sales simulator with improvement ranking, targets, uncertainty and scenarios.
 *
 * @csspart base - The wrapper of everything.
 * @csspart header - The title bar with the preset picker.
 * @csspart inputs - The input panel (money fields and stages).
 * @csspart stage - Each stage's editor row.
 * @csspart results - The projection panel (figures, funnel, band, diagnosis).
 * @csspart metric - Each headline figure.
 * @csspart funnel - The embedded `<sales-funnel>`.
 * @csspart ranking - The improvement ranking panel.
 * @csspart tornado - The tornado chart (SVG).
 * @csspart target - The target panel.
 * @csspart scenarios - The saved-scenarios panel.
 * @csspart calibration - The note saying which pipeline the scenario was calibrated from.
 * @csspart error - Inline error messages.
 *
 * @cssprop --sales-simulator-background - Background (falls back to --sales-surface).
 * @cssprop --sales-simulator-panel - Panel background (falls back to --sales-surface-alt).
 * @cssprop --sales-simulator-text - Text colour (falls back to --sales-text).
 * @cssprop --sales-simulator-muted - Secondary text (falls back to --sales-muted).
 * @cssprop --sales-simulator-accent - Accent: sliders, gain bars, buttons (falls back to --sales-accent).
 * @cssprop --sales-simulator-loss - The "worse" bars of the tornado (falls back to --sales-warning).
 * @cssprop --sales-simulator-error - Error text and borders (falls back to --sales-danger).
 * @cssprop --sales-simulator-border - Borders (falls back to --sales-border).
 * @cssprop --sales-simulator-focus - Focus ring (falls back to --sales-focus).
 * @cssprop --sales-simulator-font - Font family (falls back to --sales-font).
 * @cssprop --sales-simulator-radius - Corner radius (falls back to --sales-radius).
 *
 * @fires scenario-changed - The person changed the scenario; detail `ScenarioChangedDetail` (`{ scenario, projection }`).
 * @fires error - The `scenario` attribute, a link or an imported file could not be used; detail `{ field, message }`.
 *
 * The embedded funnel's labels and caption grow in `presenting` through its `label` and
 * `caption` parts (it has no font-size custom property).
 */
export class SalesSimulator extends LitElement {
  static override styles = [hostStyles, styles];

  private readonly langCtl = new LangController(this);
  private readonly tornadoSize = new ResizeController(this, () =>
    this.renderRoot?.querySelector('.tornado-box'),
  );
  // Every change is followed (`null`): saved scenarios have no pipeline, and the calibration
  // filters its own pipeline's changes.
  private readonly repoCtl = new RepositoryController(this, {
    pipeline: () => null,
    database: () => this.database,
    lang: () => this.uiLang,
    onRepository: (repo) => this.useRepository(repo),
    onChange: (change) => this.onStoreChange(change),
  });

  /** The scenario in effect: always valid, whatever was typed last. */
  @state() private current: Scenario = getPreset(DEFAULT_PRESET)!.scenario;
  /** The scenario as loaded, drawn alongside. */
  @state() private baseline: Scenario = this.current;
  /** Text typed into inputs, kept while it is being edited or is invalid. */
  @state() private drafts: Record<string, string> = {};
  /** Inline messages by input key. */
  @state() private errors: Record<string, InputError> = {};
  @state() private sourceError?: SourceError;
  @state() private presetId = DEFAULT_PRESET;
  @state() private benchmarkId?: string;
  @state() private deltaPoints = 5;
  @state() private leadsPercent = 10;
  @state() private costPerPoint?: number;
  @state() private targetKind: 'won' | 'revenue' = 'won';
  @state() private targetValue?: number;
  @state() private targetStage = 0;
  @state() private band?: Band;
  @state() private saved: SavedScenario[] = [];
  @state() private status = '';
  @state() private storageNote = '';
  @state() private shareUrl = '';
  @state() private renamingId = '';
  @state() private compareA = '';
  @state() private compareB = '';
  @state() private selectedStage = 0;
  /** Stages shown while presenting (step-by-step reveal). */
  @state() private revealed = Infinity;
  @state() private calibration?: Calibration;
  /** The calibrated pipeline changed after the person edited the scenario. */
  @state() private pipelineChanged = false;
  @state() private undoable?: Undoable;
  /** The short polite announcement after the person stops changing the scenario. */
  @state() private summary = '';

  /** A scenario to start from (JSON attribute or object); validated with `parseScenario`. Wins over `preset`. */
  @property({ attribute: 'scenario' }) scenario?: object | string;

  /** A built-in preset id to start from, such as `pipeline-7`. */
  @property({ reflect: true }) preset?: string;

  /** The preset the diagnosis compares with; by default the preset loaded (else `pipeline-7`). */
  @property() benchmark?: string;

  /** Training mode: larger type, high contrast, stages revealed one by one, keyboard shortcuts. */
  @property({ type: Boolean, reflect: true }) presenting = false;

  /** Reads a shared scenario from the page's URL hash (and follows its changes); sharing writes it. */
  @property({ type: Boolean, attribute: 'sync-hash' }) syncHash = false;

  /** Monte Carlo trials for the p10–p90 band (100 to 1,000,000). */
  @property({ type: Number }) trials = 10_000;

  /** `light` or `dark` forces a theme; otherwise the system preference decides. */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  /**
   * A stored pipeline's id: the scenario starts from its observed conversions (`scenario` or
   * `preset` is shown until it is read, and stays when the pipeline has no closed deals).
   */
  @property() pipeline?: string;

  /** The IndexedDB database of the shared default repository. Default `sales-funnel`. */
  @property() database?: string;

  /** Where saved scenarios and pipelines live; by default the page's shared IndexedDB repository. */
  @property({ attribute: false }) repository?: SalesRepository;

  /** Overrides for any of the UI texts. */
  @property({ attribute: false }) strings?: Partial<SimulatorStrings>;

  private view: Scenario = this.current;
  private projection: Projection = project(this.current);
  private baseProjection: Projection = this.projection;
  private ranking?: Sensitivity;
  private tornadoRows: TornadoRow[] = [];
  private target?: LeadsNeeded;
  private loadedOnce = false;
  private reportedError = '';
  private bandToken = 0;
  private bandTimer?: ReturnType<typeof setTimeout>;
  private bandFor?: Scenario;
  private bandRunning = false;
  private bandWaiters: (() => void)[] = [];
  private summaryTimer?: ReturnType<typeof setTimeout>;
  /** The scenario the picked preset gave: while it is in effect the picker shows that preset. */
  private presetScenario?: Scenario;
  /** The scenario the element put in place itself (source or calibration); others are edits. */
  private autoLoaded?: Scenario;
  private calibrationToken = 0;
  private calibrationRuns = 0;
  private calibrationWaiters: (() => void)[] = [];
  private readonly memo = new Memo();

  constructor() {
    super();
    this.addEventListener('keydown', (e) => this.onShortcut(e));
  }

  private get text(): SimulatorStrings {
    return simulatorStrings(this.langCtl.lang, this.strings);
  }

  private get uiLang(): Lang {
    return this.langCtl.lang;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHashChange);
    // Re-added after a removal that cancelled a pending run: start it again, or the band
    // would say "Simulating…" for ever and `bandComplete()` never resolve.
    if (this.hasUpdated && this.bandFor !== this.current) this.scheduleBand();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHashChange);
    this.cancelBand();
    clearTimeout(this.summaryTimer);
    this.endUndo();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (!this.loadedOnce || changed.has('scenario') || changed.has('preset')) {
      this.loadSource(!this.loadedOnce);
      this.autoLoaded = this.current;
      this.loadedOnce = true;
    }
    // The first read waits for the repository (`useRepository`); later changes read at once.
    if (changed.has('pipeline') && this.repoCtl.repository) void this.calibrate(false);
    if (changed.has('presenting')) this.revealed = this.presenting ? 1 : Infinity;
    this.memo.get(
      'derive',
      [
        this.current,
        this.baseline,
        this.uiLang,
        this.deltaPoints,
        this.leadsPercent,
        this.costPerPoint,
        this.targetKind,
        this.targetValue,
      ],
      () => this.derive(),
    );
  }

  override updated(): void {
    if (this.bandFor !== this.current && !this.bandRunning) this.scheduleBand();
    const key = this.sourceError ? JSON.stringify(this.sourceError) : '';
    if (key !== this.reportedError) {
      this.reportedError = key;
      if (this.sourceError) {
        const { field } = this.sourceError;
        const message = this.sourceMessage(this.sourceError);
        console.warn(`<sales-simulator> ${field}: ${message}`);
        dispatch(this, 'error', { field, message });
      }
    }
  }

  /** The scenario in effect (valid), as the engine takes it. */
  get value(): Scenario {
    return structuredClone(this.current);
  }

  /** A link to this page that opens the current scenario (`#scenario=…`). */
  shareLink(): string {
    return `${location.href.split('#')[0]}${encodeScenarioHash(this.current)}`;
  }

  /** Resolves once the pipeline calibration under way (if any) is shown. */
  async calibrationComplete(): Promise<void> {
    // The first read starts once the repository is resolved.
    if (this.pipeline) await this.repoCtl.ready();
    await this.updateComplete;
    while (this.calibrationRuns > 0) {
      await new Promise<void>((resolve) => this.calibrationWaiters.push(resolve));
      await this.updateComplete;
    }
  }

  /** Resolves once the p10–p90 band for the current scenario is shown. */
  async bandComplete(): Promise<void> {
    await this.updateComplete;
    while (this.bandFor !== this.current || this.bandRunning) {
      await new Promise<void>((resolve) => this.bandWaiters.push(resolve));
      await this.updateComplete;
    }
  }

  // ---- loading and deriving ----

  /** From the link (with `sync-hash`, first load only), else `scenario`, else `preset`. */
  private loadSource(first: boolean): void {
    this.sourceError = undefined;
    if (first && this.syncHash && hasScenarioHash(location.hash) && this.loadFromHash()) return;
    if (this.scenario !== undefined && this.scenario !== null && this.scenario !== '') {
      let value: unknown = this.scenario;
      if (typeof value === 'string') {
        const json = parseJsonAttribute(value, 'scenario', { lang: this.uiLang });
        if (!json.ok) return this.reject('scenario', json.errors);
        value = json.value;
      }
      const parsed = parseScenario(value, { lang: this.uiLang });
      if (!parsed.ok) return this.reject('scenario', parsed.errors);
      this.reset(parsed.value);
      return;
    }
    const preset = getPreset(this.preset || DEFAULT_PRESET);
    if (!preset) {
      const ids = PRESET_IDS.join(', ');
      this.sourceError = {
        field: 'preset',
        errors: [
          { path: 'preset', code: 'unknown-preset', message: `preset "${this.preset}" (${ids})` },
        ],
      };
      return;
    }
    this.presetId = preset.id;
    this.reset(preset.scenario);
    this.presetScenario = this.current;
  }

  private reject(field: SourceError['field'], errors: ValidationError[]): void {
    this.sourceError = { field, errors };
  }

  private sourceMessage({ field, errors, file }: SourceError): string {
    const own = errors.find(isFileError);
    if (own) return this.fileErrorText(own.code, file ?? '', own.params ?? {});
    const known = errors.filter((e) => e.code !== 'unknown-preset' && e.code !== 'link-invalid');
    // Model errors re-read in the current language; our own two carry their text.
    const texts = known.length === errors.length ? localizeErrors(errors, this.uiLang) : errors;
    const detail = texts
      .slice(0, 3)
      .map((e) => e.message)
      .join(' ');
    const template =
      field === 'link'
        ? this.text.linkRejected
        : field === 'import'
          ? this.text.importRejected
          : this.text.attributeRejected;
    return t(template, { detail, file: file ?? '' });
  }

  private fileErrorText(
    code: 'file-too-large' | 'file-not-json' | 'file-unreadable',
    file: string,
    params: Record<string, string | number>,
  ): string {
    const s = this.text;
    if (code === 'file-too-large') {
      return t(s.fileTooLarge, {
        file,
        size: formatBytes(Number(params.size), this.uiLang),
        max: formatBytes(Number(params.max ?? MAX_SCENARIO_FILE_BYTES), this.uiLang),
      });
    }
    if (code === 'file-not-json') return t(s.fileNotJson, { file });
    return t(s.fileUnreadable, { file, detail: String(params.detail ?? '') });
  }

  /** The inline message for an input, in the current language; `field` names it. */
  private errorText(key: string, field: string, spec?: NumberSpec): string | undefined {
    const error = this.errors[key];
    if (!error) return undefined;
    if (error.kind === 'parse') {
      return localizeErrors(error.errors, this.uiLang)
        .map((e) => e.message)
        .join(' ');
    }
    if (error.kind === 'name') return t(this.text.badName, { field, max: MAX_NAME_LENGTH });
    const fmt = (v: number) =>
      spec?.percent ? formatPlain(v, this.uiLang) + ' %' : formatInteger(v, this.uiLang);
    return t(this.text.badNumber, { field, min: fmt(spec?.min ?? 0), max: fmt(spec?.max ?? 0) });
  }

  /** A new scenario and baseline: typed drafts and their messages no longer apply. */
  private reset(scenario: Scenario): void {
    this.current = scenario;
    this.baseline = scenario;
    this.drafts = {};
    this.errors = {};
    this.targetValue = undefined;
    this.selectedStage = clamp(this.selectedStage, 0, scenario.stages.length - 1);
    this.targetStage = clamp(this.targetStage, 0, scenario.stages.length - 1);
    if (this.presenting) this.revealed = 1;
  }

  private derive(): void {
    const lang = this.uiLang;
    this.view = localizeScenario(this.current, lang);
    this.projection = project(this.view);
    this.baseProjection = project(localizeScenario(this.baseline, lang));
    const points = this.deltaPoints / 100;
    const relative = this.leadsPercent / 100;
    this.ranking = sensitivity(this.view, {
      points,
      leadsRelative: relative,
      ...(this.costPerPoint !== undefined ? { costPerPoint: this.costPerPoint } : {}),
    });
    const won = this.projection.won;
    this.tornadoRows = [...this.ranking.levers]
      .sort((a, b) => b.extraWon - a.extraWon)
      .map((lever) => ({
        label: this.leverName(lever),
        up: lever.extraWon,
        down:
          lever.kind === 'leads'
            ? -won * relative
            : this.wonWithRate(lever.index, lever.from - points) - won,
      }));
    const goal = this.targetGoal();
    this.target = leadsNeeded(this.view, goal, { confidence: CONFIDENCE });
  }

  private wonWithRate(index: number, rate: number): number {
    const stages = this.view.stages.map((s, i) =>
      i === index ? { ...s, rate: clamp(rate, 0, 1) } : s,
    );
    return project({ ...this.view, stages }).won;
  }

  private targetGoal(): { won: number } | { revenue: number } {
    const base = this.baseProjection;
    if (this.targetKind === 'won') {
      return { won: this.targetValue ?? Math.max(1, Math.ceil(base.won * 1.2)) };
    }
    const fallback = Math.max(1, Math.round((base.revenue * 1.2) / 1000) * 1000);
    return { revenue: this.targetValue ?? fallback };
  }

  private leverName(lever: Lever): string {
    return lever.kind === 'leads' ? this.text.leadsLever : lever.name;
  }

  // ---- Monte Carlo band ----

  private scheduleBand(): void {
    clearTimeout(this.bandTimer);
    const token = ++this.bandToken;
    const scenario = this.current;
    this.bandRunning = true;
    this.bandTimer = setTimeout(() => void this.runBand(token, scenario), BAND_DEBOUNCE_MS);
  }

  /** Stops the pending or running run; `updated` or a reconnection starts the next one. */
  private cancelBand(): void {
    this.bandToken++;
    clearTimeout(this.bandTimer);
    this.bandRunning = false;
  }

  private async runBand(token: number, scenario: Scenario): Promise<void> {
    const trials = Math.round(clamp(Number.isFinite(this.trials) ? this.trials : 10_000, 100, 1e6));
    const pause = () =>
      new Promise<void>((resolve, reject) =>
        setTimeout(() => (token === this.bandToken ? resolve() : reject(new Cancelled()))),
      );
    try {
      const result = await simulateChunked(
        scenario,
        { trials, seed: 1, bins: 1 },
        { chunk: BAND_CHUNK, yield: pause },
      );
      if (token !== this.bandToken) return;
      this.band = { won: result.won, revenue: result.revenue, trials };
    } catch (e) {
      if (e instanceof Cancelled) return;
      console.warn('<sales-simulator> Monte Carlo failed', e);
    }
    if (token !== this.bandToken) return;
    this.bandFor = scenario;
    this.bandRunning = false;
    // A change that arrived while this run was finishing starts the next one.
    if (this.current !== scenario) this.scheduleBand();
    for (const resolve of this.bandWaiters.splice(0)) resolve();
  }

  // ---- changing the scenario ----

  /** Validates and applies a changed scenario; on failure the last valid one stays. */
  private apply(next: Scenario, field: string): boolean {
    const parsed = parseScenario(next, { lang: this.uiLang });
    if (!parsed.ok) {
      this.errors = { ...this.errors, [field]: { kind: 'parse', errors: parsed.errors } };
      return false;
    }
    this.current = parsed.value;
    this.clearError(field);
    // Stale: cancel it now; `updated` schedules a fresh one.
    if (this.bandRunning) this.cancelBand();
    this.announceChange();
    this.scheduleSummary();
    return true;
  }

  /** "Won deals 26.4, +0.4", once the changes stop: the figures themselves are not live. */
  private scheduleSummary(): void {
    clearTimeout(this.summaryTimer);
    this.summaryTimer = setTimeout(() => {
      const lang = this.uiLang;
      const now = this.projection.won;
      const d = now - this.baseProjection.won;
      const delta = signedText(d, formatNumber(Math.abs(d), lang));
      this.summary = t(this.text.liveSummary, {
        label: this.text.won,
        value: formatNumber(now, lang),
        delta: delta ?? this.text.sameAsBaseline,
      });
    }, SUMMARY_DEBOUNCE_MS);
  }

  private announceChange(): void {
    dispatch(this, 'scenario-changed', {
      scenario: structuredClone(this.current),
      projection: project(this.current),
    });
  }

  private clearError(key: string): void {
    if (!(key in this.errors)) return;
    const rest = { ...this.errors };
    delete rest[key];
    this.errors = rest;
  }

  private setDraft(key: string, text: string | undefined): void {
    if (text === undefined) {
      if (!(key in this.drafts)) return;
      const rest = { ...this.drafts };
      delete rest[key];
      this.drafts = rest;
    } else this.drafts = { ...this.drafts, [key]: text };
  }

  /** Reads an input against its spec: the value, or an inline message naming the field. */
  private readNumber(
    spec: NumberSpec,
    raw: string,
  ): { ok: true; value: number | undefined } | { ok: false } {
    if (raw.trim() === '' && spec.optional) return { ok: true, value: undefined };
    let n = parseDecimal(raw, this.uiLang);
    const max = spec.max;
    const inRange =
      Number.isFinite(n) &&
      n >= spec.min &&
      (spec.maxExclusive ? n < max : n <= max) &&
      (!spec.integer || Number.isInteger(n));
    if (!inRange) {
      this.errors = { ...this.errors, [spec.key]: { kind: 'number' } };
      return { ok: false };
    }
    if (spec.percent) n = Math.round(n * 1000) / 100000;
    this.clearError(spec.key);
    return { ok: true, value: n };
  }

  private onNumberInput(spec: NumberSpec, e: Event, use: (v: number | undefined) => void): void {
    const raw = (e.target as HTMLInputElement).value;
    this.setDraft(spec.key, raw);
    const read = this.readNumber(spec, raw);
    if (read.ok) use(read.value);
  }

  /** On commit (blur, Enter) a valid entry is shown formatted again. */
  private onNumberChange(spec: NumberSpec): void {
    if (!(spec.key in this.errors)) this.setDraft(spec.key, undefined);
  }

  private setField<
    K extends 'leads' | 'dealValue' | 'costPerLead' | 'spend' | 'margin' | 'repeatRate',
  >(key: K, value: number | undefined): void {
    const next: Scenario = { ...this.current };
    if (value === undefined) delete next[key];
    else next[key] = value as Scenario[K];
    this.apply(next, key);
  }

  private setStages(stages: Scenario['stages'], wonStage: number, field: string): void {
    this.apply({ ...this.current, stages, wonStage: clamp(wonStage, 0, stages.length - 1) }, field);
  }

  private setRate(index: number, rate: number, keepDraft = false): void {
    const stages = this.current.stages.map((s, i) => (i === index ? withRate(s, rate) : s));
    if (!keepDraft) this.setDraft(`stages[${index}].rate`, undefined);
    this.setStages(stages, this.current.wonStage, `stages[${index}].rate`);
  }

  private onRename(index: number, e: Event): void {
    const key = `stages[${index}].name`;
    const raw = (e.target as HTMLInputElement).value;
    this.setDraft(key, raw);
    const name = raw.trim();
    if (name.length < 1 || name.length > MAX_NAME_LENGTH) {
      this.errors = { ...this.errors, [key]: { kind: 'name' } };
      return;
    }
    // A typed name is the name in every language: drop the preset's translations.
    const stages = this.current.stages.map((s, i) => {
      if (i !== index) return s;
      const renamed = { ...s, name };
      delete renamed.names;
      return renamed;
    });
    this.setStages(stages, this.current.wonStage, key);
  }

  /** Structural edits renumber the stages: drafts and messages keyed by index no longer fit. */
  private dropStageDrafts(): void {
    const keep = <T>(o: Record<string, T>) =>
      Object.fromEntries(Object.entries(o).filter(([k]) => !k.startsWith('stages[')));
    this.drafts = keep(this.drafts);
    this.errors = keep(this.errors);
  }

  private addStage(): void {
    const s = this.current;
    // Rate 1 loses nobody: the new stage changes nothing until its rate is lowered.
    const stages = [...s.stages, { name: this.text.newStage, rate: 1 }];
    const wonStage = s.wonStage === s.stages.length - 1 ? stages.length - 1 : s.wonStage;
    this.dropStageDrafts();
    this.setStages(stages, wonStage, 'stages');
    this.selectedStage = stages.length - 1;
    if (this.presenting) this.revealed = Infinity;
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLInputElement>(`#name-${stages.length - 1}`)?.focus(),
    );
  }

  private removeStage(index: number): void {
    const s = this.current;
    if (s.stages.length <= 1) return;
    const stages = s.stages.filter((_, i) => i !== index);
    const wonStage = index <= s.wonStage && s.wonStage > 0 ? s.wonStage - 1 : s.wonStage;
    this.dropStageDrafts();
    this.setStages(stages, wonStage, 'stages');
    this.selectedStage = clamp(this.selectedStage, 0, stages.length - 1);
    this.targetStage = clamp(this.targetStage, 0, stages.length - 1);
    void this.updateComplete.then(() =>
      this.renderRoot
        .querySelector<HTMLInputElement>(`#name-${Math.min(index, stages.length - 1)}`)
        ?.focus(),
    );
  }

  private moveStage(index: number, by: -1 | 1): void {
    const to = index + by;
    const stages = [...this.current.stages];
    if (to < 0 || to >= stages.length) return;
    [stages[index], stages[to]] = [stages[to], stages[index]];
    this.dropStageDrafts();
    this.setStages(stages, this.current.wonStage, 'stages');
    this.selectedStage = to;
    const dir = by < 0 ? 'up' : 'down';
    // Keep focus on the moved stage's button, or its other one at the list's end.
    void this.updateComplete.then(() => {
      const root = this.renderRoot;
      const same = root.querySelector<HTMLButtonElement>(`#${dir}-${to}`);
      (same && !same.disabled
        ? same
        : root.querySelector<HTMLButtonElement>(`#${dir === 'up' ? 'down' : 'up'}-${to}`)
      )?.focus();
    });
  }

  private loadPreset(id: string): void {
    const preset = getPreset(id);
    if (!preset) return;
    this.presetId = id;
    this.sourceError = undefined;
    this.reset(preset.scenario);
    this.presetScenario = this.current;
    this.announceChange();
  }

  private useAsBaseline(): void {
    this.baseline = this.current;
  }

  private backToBaseline(): void {
    this.current = this.baseline;
    this.drafts = {};
    this.errors = {};
    this.announceChange();
  }

  // ---- link, file, storage ----

  private readonly onHashChange = (): void => {
    if (this.syncHash && hasScenarioHash(location.hash)) this.loadFromHash();
  };

  private loadFromHash(): boolean {
    const parsed = decodeScenarioHash(location.hash, this.uiLang);
    if (!parsed.ok) {
      this.reject('link', parsed.errors);
      return false;
    }
    this.sourceError = undefined;
    this.reset(parsed.value);
    this.status = this.text.linkLoaded;
    this.announceChange();
    return true;
  }

  private async share(): Promise<void> {
    const url = this.shareLink();
    this.shareUrl = url;
    if (this.syncHash) history.replaceState(history.state, '', encodeScenarioHash(this.current));
    try {
      await navigator.clipboard.writeText(url);
      this.status = this.text.copied;
    } catch {
      this.status = this.text.copyByHand;
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#share-url')?.select();
  }

  private exportJson(): void {
    const s = this.current;
    const blob = new Blob([JSON.stringify(s, null, 2)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    const slug = (s.name ?? 'scenario')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
    a.download = `${slug || 'scenario'}.json`;
    this.renderRoot.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  private async importJson(e: Event): Promise<void> {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    // Cleared so that choosing the same file again fires `change` again.
    input.value = '';
    if (!file) return;
    const parsed = await readScenarioFile(file, this.uiLang);
    if (!parsed.ok) {
      this.sourceError = { field: 'import', errors: parsed.errors, file: file.name };
      return;
    }
    this.applyImported(parsed.value, file.name);
  }

  /**
   * Applies a scenario file's text, as the file input does after its size check; a bad file
   * leaves the scenario in effect, and nothing saved, as it was.
   */
  importText(text: string, fileName = 'file'): boolean {
    const parsed = parseScenarioText(text, fileName, this.uiLang);
    if (!parsed.ok) {
      this.sourceError = { field: 'import', errors: parsed.errors, file: fileName };
      return false;
    }
    this.applyImported(parsed.value, fileName);
    return true;
  }

  private applyImported(scenario: Scenario, fileName: string): void {
    this.sourceError = undefined;
    this.reset(scenario);
    this.status = t(this.text.imported, { name: scenario.name ?? fileName });
    this.announceChange();
  }

  private async repo(): Promise<SalesRepository> {
    const repo = await this.repoCtl.ready();
    if (!repo) throw this.repoCtl.error ?? new Error('no repository');
    return repo;
  }

  /** The repository in use is resolved (first time, or another one was set). */
  private useRepository(repo: SalesRepository): void {
    this.storageNote = repo.persistent ? '' : (repo.reason ?? '');
    void this.refreshSaved();
    if (this.pipeline) void this.calibrate(false);
  }

  private onStoreChange(change: StoreChange): void {
    if (change.type === 'scenario') {
      void this.refreshSaved();
      return;
    }
    if (!this.pipeline || change.pipelineId !== this.pipeline) return;
    // Follow the pipeline while the scenario is the one it gave; after an edit, only offer.
    if (this.current === this.autoLoaded) void this.calibrate(false);
    else this.pipelineChanged = true;
  }

  /**
   * Reads the pipeline, its deals and history, and starts from the observed conversions. When
   * the pipeline has no closed deals, is missing or cannot be read, the scenario in effect stays
   * and the note says why. `byPerson`: the person asked (the change is announced).
   */
  private async calibrate(byPerson: boolean): Promise<void> {
    const id = this.pipeline;
    const token = ++this.calibrationToken;
    if (!id) {
      this.calibration = undefined;
      this.pipelineChanged = false;
      return;
    }
    this.calibrationRuns++;
    if (!this.calibration || this.calibration.id !== id)
      this.calibration = { state: 'loading', id };
    try {
      const next = await this.readCalibration(id);
      if (token !== this.calibrationToken) return;
      this.pipelineChanged = false;
      if (next.scenario) {
        this.sourceError = undefined;
        this.reset(next.scenario);
        this.autoLoaded = this.current;
        if (byPerson) this.announceChange();
      }
      this.calibration = next.calibration;
    } finally {
      this.calibrationRuns--;
      if (this.calibrationRuns === 0) {
        for (const resolve of this.calibrationWaiters.splice(0)) resolve();
      }
    }
  }

  private async readCalibration(
    id: string,
  ): Promise<{ calibration: Calibration; scenario?: Scenario }> {
    const lang = this.uiLang;
    let name = id;
    try {
      const repo = await this.repo();
      const pipeline = await repo.getPipeline(id);
      if (!pipeline) return { calibration: { state: 'missing', id, name } };
      name = pipeline.name;
      const [deals, events, analytics] = await Promise.all([
        repo.listDeals(id),
        repo.listEvents(id),
        // Pure and only needed with `pipeline`: kept out of the simulator's first download.
        import('../../analytics/scenario.js'),
      ]);
      const raw = analytics.scenarioFromPipeline(pipeline, deals, events, {
        now: Date.now(),
        lang,
        dealValue: this.current.dealValue,
      });
      // Without one decided deal there is no rate to observe, only zeros.
      if (!raw.stages.some((st) => (st.observed?.of ?? 0) > 0)) {
        return { calibration: { state: 'empty', id, name } };
      }
      const parsed = parseScenario(raw, { lang });
      if (!parsed.ok) return { calibration: { state: 'failed', id, name, errors: parsed.errors } };
      const since = Math.min(...deals.map((d) => d.createdAt));
      return {
        calibration: { state: 'ok', id, name, deals: deals.length, since },
        scenario: parsed.value,
      };
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      return {
        calibration: {
          state: 'failed',
          id,
          name,
          errors: [{ path: 'pipeline', code: 'read-failed', message }],
        },
      };
    }
  }

  private async refreshSaved(): Promise<void> {
    try {
      const repo = await this.repo();
      const list = await repo.listScenarios();
      this.saved = list.sort((a, b) => a.name.localeCompare(b.name, this.uiLang));
    } catch (e) {
      this.status = t(this.text.storageFailed, {
        detail: e instanceof Error ? e.message : String(e),
      });
    }
  }

  private async store(action: () => Promise<unknown>, done: string): Promise<boolean> {
    try {
      await action();
      this.status = done;
      await this.refreshSaved();
      return true;
    } catch (e) {
      this.status = t(this.text.storageFailed, {
        detail: e instanceof Error ? e.message : String(e),
      });
      return false;
    }
  }

  private async save(): Promise<void> {
    const key = 'save-name';
    const name = (this.drafts[key] ?? '').trim();
    if (name.length < 1 || name.length > MAX_NAME_LENGTH) {
      this.errors = { ...this.errors, [key]: { kind: 'name' } };
      return;
    }
    this.clearError(key);
    const existing = this.saved.find((s) => s.name === name);
    const scenario = { ...this.current, name };
    const ok = await this.store(
      () =>
        this.repo().then((r) =>
          r.saveScenario({
            ...(existing ? { id: existing.id } : {}),
            name,
            pipelineId: null,
            scenario,
          }),
        ),
      t(existing ? this.text.replaced : this.text.savedAs, { name }),
    );
    if (!ok) return;
    this.setDraft(key, undefined);
    // Same name: the new version replaces the old, which stays one "Undo" away for a while.
    if (existing) this.offerUndo(existing, true);
  }

  private offerUndo(item: SavedScenario, replaced: boolean): void {
    this.endUndo();
    this.undoable = { item, replaced, timer: setTimeout(() => this.endUndo(), UNDO_MS) };
  }

  private openSaved(item: SavedScenario): void {
    const parsed = parseScenario(item.scenario, { lang: this.uiLang });
    if (!parsed.ok) {
      this.reject('scenario', parsed.errors);
      return;
    }
    this.sourceError = undefined;
    this.reset(parsed.value);
    this.status = '';
    this.announceChange();
  }

  private async renameSaved(item: SavedScenario): Promise<void> {
    const key = `rename-${item.id}`;
    const name = (this.drafts[key] ?? item.name).trim();
    if (name.length < 1 || name.length > MAX_NAME_LENGTH) {
      this.errors = { ...this.errors, [key]: { kind: 'name' } };
      return;
    }
    this.clearError(key);
    const ok = await this.store(
      () => this.repo().then((r) => r.renameScenario(item.id, name)),
      t(this.text.savedAs, { name }),
    );
    if (ok) this.endRename(item.id);
  }

  /** Leaves the rename form; focus goes back to that item's Rename button, not to the page. */
  private endRename(id: string): void {
    this.renamingId = '';
    this.setDraft(`rename-${id}`, undefined);
    this.clearError(`rename-${id}`);
    void this.updateComplete.then(() =>
      this.renderRoot
        .querySelector<HTMLButtonElement>(`.saved button[data-rename="${CSS.escape(id)}"]`)
        ?.focus(),
    );
  }

  /** Deletes at once and offers "Undo" for a while: nothing is left half-deleted if the page closes. */
  private async deleteSaved(item: SavedScenario): Promise<void> {
    const ok = await this.store(
      () => this.repo().then((r) => r.deleteScenario(item.id)),
      t(this.text.deleted, { name: item.name }),
    );
    if (this.compareA === item.id) this.compareA = '';
    if (this.compareB === item.id) this.compareB = '';
    if (!ok) return;
    this.offerUndo(item, false);
    // The deleted row's button is gone: keyboard focus goes to the way back.
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('button.undo')?.focus();
  }

  /** Stores the deleted scenario again, with its id, name and pipeline. */
  private async undoDelete(): Promise<void> {
    const undo = this.undoable;
    if (!undo) return;
    this.endUndo(false);
    const { id, name, pipelineId, scenario } = undo.item;
    await this.store(
      () => this.repo().then((r) => r.saveScenario({ id, name, pipelineId, scenario })),
      t(this.text.restored, { name }),
    );
    await this.updateComplete;
    this.renderRoot
      .querySelector<HTMLButtonElement>(`.saved button[data-open="${CSS.escape(id)}"]`)
      ?.focus();
  }

  private endUndo(keepFocus = true): void {
    if (!this.undoable) return;
    clearTimeout(this.undoable.timer);
    const hadFocus = this.shadowRoot?.activeElement?.classList.contains('undo');
    this.undoable = undefined;
    // Focus must not be lost with the button: it goes to the name field next to it.
    if (hadFocus && keepFocus) {
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLInputElement>('#save-name')?.focus(),
      );
    }
  }

  // ---- training mode ----

  private onShortcut(e: KeyboardEvent): void {
    if (!this.presenting || e.ctrlKey || e.metaKey || e.altKey) return;
    const origin = e.composedPath()[0];
    // Typing in a text field keeps every key.
    if (origin instanceof HTMLInputElement && origin.type !== 'range') return;
    if (origin instanceof HTMLSelectElement || origin instanceof HTMLTextAreaElement) return;
    const stages = this.current.stages;
    const shown = Math.min(this.revealed, stages.length);
    const i = clamp(this.selectedStage, 0, shown - 1);
    switch (e.key) {
      case '+':
      case '=':
        this.setRate(i, Math.round((stages[i].rate + 0.01) * 1000) / 1000);
        break;
      case '-':
      case '_':
        this.setRate(i, Math.round((stages[i].rate - 0.01) * 1000) / 1000);
        break;
      case ']':
        this.selectedStage = Math.min(shown - 1, i + 1);
        break;
      case '[':
        this.selectedStage = Math.max(0, i - 1);
        break;
      case 'PageDown':
        this.revealed = Math.min(stages.length, shown + 1);
        this.selectedStage = this.revealed - 1;
        break;
      case 'PageUp':
        this.revealed = Math.max(1, shown - 1);
        this.selectedStage = Math.min(this.selectedStage, this.revealed - 1);
        break;
      default:
        return;
    }
    e.preventDefault();
  }

  // ---- rendering ----

  override render(): TemplateResult {
    const s = this.text;
    // After an edit, calibration, saved scenario, file or link the picker says "Current
    // scenario", so that picking a preset (even the one loaded before) loads it.
    const untouched = this.current === this.presetScenario;
    return html`<div class="base" part="base">
      <header class="header" part="header">
        <h2>${s.title}</h2>
        <label class="inline">
          <span>${s.presetLabel}</span>
          <select @change=${(e: Event) => this.loadPreset((e.target as HTMLSelectElement).value)}>
            ${
              untouched
                ? nothing
                : html`<option value="" .selected=${true}>${s.presetCustom}</option>`
            }
            ${PRESET_IDS.map(
              (id) =>
                html`<option value=${id} .selected=${untouched && id === this.presetId}>
                  ${getPreset(id)!.title[this.uiLang]}
                </option>`,
            )}
          </select>
        </label>
      </header>
      ${
        this.sourceError
          ? html`<p class="error banner" part="error" role="alert">
              ${this.sourceMessage(this.sourceError)}
            </p>`
          : nothing
      }
      ${this.renderCalibration()} ${this.presenting ? this.renderPresentingBar() : nothing}
      <div class="grid">
        <div class="col">${this.renderInputs()} ${this.renderTarget()}</div>
        <div class="col">${this.renderResults()} ${this.renderRanking()}</div>
        ${this.renderScenarios()}
      </div>
    </div>`;
  }

  /** Which pipeline the scenario comes from, or why it does not; with "Recalibrate". */
  private renderCalibration(): TemplateResult | typeof nothing {
    const c = this.calibration;
    if (!c || !this.pipeline) return nothing;
    const s = this.text;
    const lang = this.uiLang;
    const fallback =
      this.scenario !== undefined && this.scenario !== null && this.scenario !== ''
        ? (this.view.name ?? s.presetCustom)
        : (getPreset(this.presetId)?.title[lang] ?? this.presetId);
    let text: string;
    switch (c.state) {
      case 'loading':
        text = t(s.calibrating, { name: c.id });
        break;
      case 'ok':
        text = this.pipelineChanged
          ? t(s.pipelineChanged, { name: c.name })
          : t(s.calibratedFrom, {
              name: c.name,
              deals: formatInteger(c.deals, lang),
              since: new Intl.DateTimeFormat(lang, { dateStyle: 'medium' }).format(c.since),
            });
        break;
      case 'empty':
        text = t(s.pipelineEmpty, { name: c.name, fallback });
        break;
      case 'missing':
        text = t(s.pipelineMissing, { name: c.name, fallback });
        break;
      case 'failed': {
        const detail = c.errors.some((e) => e.code === 'read-failed')
          ? c.errors.map((e) => e.message).join(' ')
          : localizeErrors(c.errors, lang)
              .slice(0, 3)
              .map((e) => e.message)
              .join(' ');
        text = t(s.pipelineFailed, { name: c.name, detail, fallback });
        break;
      }
    }
    const changed = c.state === 'ok' && this.pipelineChanged;
    return html`<div class="calibration ${c.state} ${changed ? 'changed' : ''}" part="calibration">
      <p class="calibration-text" role="status">${text}</p>
      ${
        c.state === 'loading'
          ? nothing
          : html`<button
              type="button"
              class="recalibrate ${changed ? 'primary' : ''}"
              @click=${() => this.calibrate(true)}
            >
              ${s.recalibrate}
            </button>`
      }
    </div>`;
  }

  private renderPresentingBar(): TemplateResult {
    const s = this.text;
    const total = this.current.stages.length;
    const shown = Math.min(this.revealed, total);
    const i = clamp(this.selectedStage, 0, shown - 1);
    return html`<div class="presenting-bar">
      <p class="help">${s.presentingHelp}</p>
      <p class="reveal" role="status">
        ${t(s.revealStatus, { n: shown, total })} ·
        ${t(s.selectedStage, {
          stage: this.view.stages[i].name,
          rate: formatPercent(this.current.stages[i].rate, this.uiLang),
        })}
      </p>
      <div class="buttons">
        <button type="button" ?disabled=${shown <= 1} @click=${() => (this.revealed = shown - 1)}>
          ${s.previousStage}
        </button>
        <button
          type="button"
          ?disabled=${shown >= total}
          @click=${() => {
            this.revealed = shown + 1;
            this.selectedStage = shown;
          }}
        >
          ${s.nextStage}
        </button>
        <button
          type="button"
          ?disabled=${shown >= total}
          @click=${() => (this.revealed = Infinity)}
        >
          ${s.showAll}
        </button>
      </div>
    </div>`;
  }

  /** A labelled numeric input with its inline message. */
  private numberField(
    spec: NumberSpec,
    value: number | undefined,
    use: (v: number | undefined) => void,
    extraClass = '',
  ): TemplateResult {
    const id = `f-${spec.key.replace(/[^\w-]/g, '_')}`;
    const error = this.errorText(spec.key, spec.label, spec);
    const shown =
      this.drafts[spec.key] ??
      (value === undefined
        ? ''
        : formatPlain(spec.percent ? value * 100 : value, this.uiLang, spec.percent ? 2 : 2));
    return html`<div class="field ${extraClass}">
      <label for=${id}>${spec.label}</label>
      <input
        id=${id}
        type="text"
        inputmode="decimal"
        autocomplete="off"
        .value=${shown}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? `${id}-error` : nothing}
        @input=${(e: Event) => this.onNumberInput(spec, e, use)}
        @change=${() => this.onNumberChange(spec)}
      />
      ${error ? html`<p class="error" part="error" id="${id}-error">${error}</p>` : nothing}
    </div>`;
  }

  private renderInputs(): TemplateResult {
    const s = this.text;
    const c = this.current;
    const money = (key: string, label: string, optional = false): NumberSpec => ({
      key,
      label,
      min: 0,
      max: MAX_MONEY,
      optional,
    });
    return html`<section class="panel inputs" part="inputs" aria-labelledby="inputs-title">
      <h3 id="inputs-title">${s.inputsTitle}</h3>
      <div class="fields">
        ${this.numberField(
          { key: 'leads', label: s.leads, min: 0, max: MAX_LEADS, integer: true },
          c.leads,
          (v) => this.setField('leads', v),
        )}
        ${this.numberField(money('dealValue', `${s.dealValue} (${c.currency})`), c.dealValue, (v) =>
          this.setField('dealValue', v),
        )}
        ${this.numberField(money('costPerLead', s.costPerLead, true), c.costPerLead, (v) =>
          this.setField('costPerLead', v),
        )}
        ${this.numberField(money('spend', s.spend, true), c.spend, (v) => this.setField('spend', v))}
        <p class="hint">${s.costsHint}</p>
        ${this.numberField(
          { key: 'margin', label: s.margin, min: 0, max: 100, percent: true, optional: true },
          c.margin,
          (v) => this.setField('margin', v),
        )}
        ${this.numberField(
          {
            key: 'repeatRate',
            label: s.repeatRate,
            min: 0,
            max: 100,
            maxExclusive: true,
            percent: true,
            optional: true,
          },
          c.repeatRate,
          (v) => this.setField('repeatRate', v),
        )}
      </div>
      <h3 id="stages-title">${s.stagesTitle}</h3>
      <ol class="stages" aria-labelledby="stages-title">
        ${this.view.stages.slice(0, this.revealed).map((stage, i) => this.renderStage(stage.name, i))}
      </ol>
      <button type="button" class="add" ?disabled=${c.stages.length >= 50} @click=${this.addStage}>
        + ${s.addStage}
      </button>
    </section>`;
  }

  private renderStage(name: string, i: number): TemplateResult {
    const s = this.text;
    const lang = this.uiLang;
    const stage = this.current.stages[i];
    const row = this.projection.stages[i];
    const nameKey = `stages[${i}].name`;
    const rateKey = `stages[${i}].rate`;
    const label = name || t(s.stageName, { n: i + 1 });
    // Spoken at the slider's half-point precision, with whole deals ("30.5 %: 92 of 300").
    const valueText = t(s.rateValueText, {
      rate: formatRate(stage.rate, lang),
      advancing: formatInteger(row.advancing, lang),
      entering: formatInteger(row.entering, lang),
    });
    const n = this.current.stages.length;
    const afterSale = i > this.current.wonStage;
    return html`<li
      class="stage ${i === this.selectedStage ? 'selected' : ''} ${afterSale ? 'after-sale' : ''}"
      part="stage"
      @focusin=${() => (this.selectedStage = i)}
    >
      <div class="stage-head">
        <span class="num" aria-hidden="true">${i + 1}</span>
        <label class="sr-only" for="name-${i}">${t(s.stageName, { n: i + 1 })}</label>
        <input
          id="name-${i}"
          class="name"
          type="text"
          autocomplete="off"
          maxlength="120"
          .value=${this.drafts[nameKey] ?? name}
          aria-invalid=${this.errors[nameKey] ? 'true' : 'false'}
          aria-describedby=${this.errors[nameKey] ? `name-${i}-error` : nothing}
          @input=${(e: Event) => this.onRename(i, e)}
          @change=${() => !this.errors[nameKey] && this.setDraft(nameKey, undefined)}
        />
        <span class="tools">
          <button
            type="button"
            id="up-${i}"
            ?disabled=${i === 0}
            aria-label=${t(s.moveUp, { stage: label })}
            title=${t(s.moveUp, { stage: label })}
            @click=${() => this.moveStage(i, -1)}
          >
            ↑
          </button>
          <button
            type="button"
            id="down-${i}"
            ?disabled=${i === n - 1}
            aria-label=${t(s.moveDown, { stage: label })}
            title=${t(s.moveDown, { stage: label })}
            @click=${() => this.moveStage(i, 1)}
          >
            ↓
          </button>
          <button
            type="button"
            class="remove"
            ?disabled=${n <= 1}
            aria-label=${t(s.removeStage, { stage: label })}
            title=${t(s.removeStage, { stage: label })}
            @click=${() => this.removeStage(i)}
          >
            ✕
          </button>
        </span>
      </div>
      ${
        this.errors[nameKey]
          ? html`<p class="error" part="error" id="name-${i}-error">
              ${this.errorText(nameKey, t(s.stageName, { n: i + 1 }))}
            </p>`
          : nothing
      }
      <div class="rate">
        <input
          id="slider-${i}"
          class="slider"
          type="range"
          min="0"
          max="100"
          step="0.5"
          .value=${String(stage.rate * 100)}
          aria-label=${t(s.stageRate, { stage: label })}
          aria-valuetext=${valueText}
          @input=${(e: Event) => this.setRate(i, Number((e.target as HTMLInputElement).value) / 100)}
        />
        ${this.numberField(
          {
            key: rateKey,
            label: t(s.stageRateExact, { stage: label }),
            min: 0,
            max: 100,
            percent: true,
          },
          stage.rate,
          (v) => v !== undefined && this.setRate(i, v, true),
          'exact',
        )}
      </div>
    </li>`;
  }

  /** The change from the baseline, `magnitude` formatting its size; hidden when that shows as zero. */
  private delta(
    now: number,
    before: number,
    magnitude: (abs: number) => string,
  ): TemplateResult | typeof nothing {
    const d = now - before;
    const same = Math.abs(d) < 1e-9 * Math.max(1, Math.abs(before));
    if (same) return html`<span class="delta same">${this.text.sameAsBaseline}</span>`;
    const text = signedText(d, magnitude(Math.abs(d)));
    if (!text) return nothing;
    return html`<span class="delta ${d > 0 ? 'up' : 'down'}"
      >${t(this.text.vsBaseline, { delta: text })}</span
    >`;
  }

  private renderResults(): TemplateResult {
    const s = this.text;
    const lang = this.uiLang;
    const p = this.projection;
    const b = this.baseProjection;
    const cur = p.currency;
    const count = (v: number) => formatNumber(v, lang);
    const money = (v: number) => formatMoney(v, lang, cur, true);
    // Two decimals: 2.59 % → 2.64 % is a change of 0.05 points, not "0 pp".
    const points = (v: number) =>
      `${formatNumber(v * 100, lang, 2)} ${lang === 'es' ? 'p. p.' : 'pp'}`;
    const metric = (
      id: string,
      label: string,
      value: string,
      delta: TemplateResult | typeof nothing,
    ) =>
      html`<div class="metric" part="metric" data-metric=${id}>
        <span class="label">${label}</span>
        <span class="value">${value}</span>
        ${delta}
      </div>`;
    const changed = this.current !== this.baseline;
    const revealing = this.revealed < this.current.stages.length;
    // While stages are revealed one by one the funnel gets the counts so far, not a cut
    // scenario: a cut scenario would announce its last shown stage as the won deals.
    const shownStages = revealing ? this.reveal(p) : undefined;
    const compareStages = revealing && changed ? this.reveal(b) : undefined;
    const compare = changed && !revealing ? this.baseline : compareStages;
    return html`<section class="panel results" part="results" aria-labelledby="results-title">
      <div class="results-head">
        <h3 id="results-title">${s.resultsTitle}</h3>
        <span class="buttons">
          <button type="button" ?disabled=${!changed} @click=${this.backToBaseline}>
            ${s.backToBaseline}
          </button>
          <button type="button" ?disabled=${!changed} @click=${this.useAsBaseline}>
            ${s.makeBaseline}
          </button>
        </span>
      </div>
      <p class="sr-only live-summary" role="status">${this.summary}</p>
      <div class="metrics">
        ${metric('won', s.won, count(p.won), this.delta(p.won, b.won, count))}
        ${metric('revenue', s.revenue, money(p.revenue), this.delta(p.revenue, b.revenue, money))}
        ${metric(
          'conversion',
          s.conversion,
          formatPercent(p.overallConversion, lang),
          this.delta(p.overallConversion, b.overallConversion, points),
        )}
        ${
          p.cac !== undefined
            ? metric('cac', s.cac, money(p.cac), this.delta(p.cac, b.cac ?? p.cac, money))
            : nothing
        }
        ${
          p.ltvToCac !== undefined
            ? metric(
                'ltv-cac',
                s.ltvCac,
                `${formatNumber(p.ltvToCac, lang)} : 1`,
                this.delta(p.ltvToCac, b.ltvToCac ?? p.ltvToCac, count),
              )
            : nothing
        }
      </div>
      <sales-funnel
        part="funnel"
        .scenario=${revealing ? undefined : this.current}
        .stages=${shownStages}
        .compare=${compare}
        .compareLabel=${s.baselineLabel}
        .payoffPoints=${this.deltaPoints / 100}
        .theme=${this.theme}
      ></sales-funnel>
      ${this.renderBand()} ${this.renderDiagnosis()}
    </section>`;
  }

  /** The scenario cut to the stages revealed so far (presenting). */
  private reveal(p: Projection): StageCount[] {
    return p.stages
      .slice(0, clamp(this.revealed, 1, p.stages.length))
      .map((st) => ({ name: st.name, value: st.entering }));
  }

  private renderBand(): TemplateResult {
    const s = this.text;
    const lang = this.uiLang;
    const band = this.band;
    const stale = this.bandFor !== this.current;
    const cur = this.projection.currency;
    const bar = (sum: Summary, expected: number) => {
      const top = Math.max(sum.p90, expected) * 1.15 || 1;
      const x = (v: number) => (100 * v) / top;
      return html`<svg
        class="band-bar"
        viewBox="0 0 100 10"
        preserveAspectRatio="none"
        aria-hidden="true"
      >
        <rect class="track" x="0" y="3" width="100" height="4" rx="2"></rect>
        <rect
          class="range"
          x=${x(sum.p10)}
          y="1"
          width=${Math.max(0.6, x(sum.p90) - x(sum.p10))}
          height="8"
          rx="2"
        ></rect>
        <line class="mean" x1=${x(expected)} x2=${x(expected)} y1="0" y2="10"></line>
      </svg>`;
    };
    return html`<div class="band ${stale ? 'stale' : ''}" aria-busy=${stale ? 'true' : 'false'}>
      <h4>${s.bandTitle}</h4>
      ${
        band
          ? html`<p class="band-won">
                ${t(s.bandWon, { p10: formatInteger(band.won.p10, lang), p90: formatInteger(band.won.p90, lang) })}
              </p>
              ${bar(band.won, this.bandFor === this.current ? this.projection.won : band.won.mean)}
              <p class="band-revenue">
                ${t(s.bandRevenue, {
                  p10: formatMoney(band.revenue.p10, lang, cur, true),
                  p90: formatMoney(band.revenue.p90, lang, cur, true),
                })}
              </p>
              ${bar(band.revenue, this.bandFor === this.current ? this.projection.revenue : band.revenue.mean)}
              <p class="hint">${t(s.bandNote, { trials: formatInteger(band.trials, lang) })}</p>`
          : nothing
      }
      ${
        stale
          ? html`<p class="hint computing">
              ${t(s.bandComputing, { trials: formatInteger(this.trials, lang) })}
            </p>`
          : nothing
      }
    </div>`;
  }

  private renderDiagnosis(): TemplateResult {
    const s = this.text;
    const benchId =
      this.benchmarkId ??
      (this.benchmark && getPreset(this.benchmark) ? this.benchmark : this.presetId);
    const bench = getPreset(benchId) ?? getPreset(DEFAULT_PRESET)!;
    const result = this.memo.get('diagnosis', [this.view, bench.id, this.uiLang], () =>
      diagnose(this.view, bench.scenario, this.uiLang),
    );
    return html`<div class="diagnosis">
      <h4>${s.diagnosisTitle}</h4>
      <label class="inline">
        <span>${s.benchmarkLabel}</span>
        <select @change=${(e: Event) => (this.benchmarkId = (e.target as HTMLSelectElement).value)}>
          ${PRESET_IDS.map(
            (id) =>
              html`<option value=${id} ?selected=${id === bench.id}>
                ${getPreset(id)!.title[this.uiLang]}
              </option>`,
          )}
        </select>
      </label>
      <p class="diagnosis-text ${result.onPar ? 'ok' : ''}">${result.message}</p>
    </div>`;
  }

  private renderRanking(): TemplateResult {
    const s = this.text;
    const lang = this.uiLang;
    const ranking = this.ranking!;
    const cur = this.projection.currency;
    const withCost = this.costPerPoint !== undefined;
    const top = ranking.levers[0];
    const pct = formatPercent(this.leadsPercent / 100, lang);
    let sentence = s.noGain;
    if (top && top.extraWon > 1e-9) {
      const params = {
        won: formatNumber(top.extraWon, lang),
        revenue: formatMoney(top.extraRevenue, lang, cur, true),
      };
      sentence =
        top.kind === 'leads'
          ? t(s.topLeads, { ...params, pct })
          : t(s.topStage, {
              ...params,
              stage: top.name,
              from: formatPercent(top.from, lang),
              to: formatPercent(top.to, lang),
            });
      if (withCost && top.returnPerCost !== undefined && Number.isFinite(top.returnPerCost)) {
        sentence = t(s.topReturn, {
          lever: this.leverName(top),
          ratio: formatNumber(top.returnPerCost, lang, 2),
        });
      }
    }
    const width = this.tornadoSize.width || 320;
    const layout = layoutTornado(this.tornadoRows, { width });
    const signed = (v: number) =>
      (v > 0 ? '+' : v < 0 ? '−' : '') + formatNumber(Math.abs(v), lang);
    const points = formatPoints(this.deltaPoints / 100, lang).replace(/^\+/, '');
    const revenue = moneyColumn(
      ranking.levers.map((l) => l.extraRevenue),
      lang,
      cur,
    );
    return html`<section class="panel ranking" part="ranking" aria-labelledby="ranking-title">
      <h3 id="ranking-title">${s.rankingTitle}</h3>
      <p class="top-lever">${sentence}</p>
      <div class="fields row">
        ${this.numberField(
          { key: 'delta', label: s.deltaPoints, min: 0.1, max: 50 },
          this.deltaPoints,
          (v) => v !== undefined && (this.deltaPoints = v),
        )}
        ${this.numberField(
          { key: 'leadsPct', label: s.leadsPercent, min: 0.1, max: 1000 },
          this.leadsPercent,
          (v) => v !== undefined && (this.leadsPercent = v),
        )}
        ${this.numberField(
          { key: 'costPerPoint', label: s.costPerPoint, min: 0, max: MAX_MONEY, optional: true },
          this.costPerPoint,
          (v) => (this.costPerPoint = v),
        )}
      </div>
      <div class="tornado-box">
        <div class="legend" aria-hidden="true">
          <span class="less">◀ ${s.tornadoLess}</span><span class="more">${s.tornadoMore} ▶</span>
        </div>
        ${renderTornado(layout, signed, t(s.tornadoLabel, { points, pct }))}
      </div>
      <div class="table-scroll" tabindex="0" role="region" aria-label=${s.rankingTable}>
        <table class="levers">
          <caption class="sr-only">
            ${s.rankingTitle}
          </caption>
          <thead>
            <tr>
              <th scope="col">${s.colLever}</th>
              <th scope="col" class="change">${s.colChange}</th>
              <th scope="col">${s.colWon}</th>
              <th scope="col">${s.colRevenue}</th>
              ${withCost ? html`<th scope="col">${s.colReturn}</th>` : nothing}
            </tr>
          </thead>
          <tbody>
            ${ranking.levers.map(
              (l) =>
                html`<tr>
                  <th scope="row">${this.leverName(l)}</th>
                  <td class="change">
                    ${
                      l.kind === 'leads'
                        ? `${formatInteger(l.from, lang)} → ${formatInteger(l.to, lang)}`
                        : `${formatPercent(l.from, lang)} → ${formatPercent(l.to, lang)}`
                    }
                  </td>
                  <td>${signed(l.extraWon)}</td>
                  <td>${revenue(l.extraRevenue)}</td>
                  ${
                    withCost
                      ? html`<td>
                          ${l.returnPerCost === undefined ? '–' : `${formatNumber(l.returnPerCost, lang, 2)}×`}
                        </td>`
                      : nothing
                  }
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
    </section>`;
  }

  private renderTarget(): TemplateResult {
    const s = this.text;
    const lang = this.uiLang;
    const goal = this.targetGoal();
    const goalValue = 'won' in goal ? goal.won : goal.revenue;
    const r = this.target!;
    const stages = this.view.stages;
    const idx = clamp(this.targetStage, 0, stages.length - 1);
    const needed = this.memo.get('rateNeeded', [this.view, idx, this.targetKind, goalValue], () =>
      rateNeeded(this.view, idx, goal),
    );
    const stageName = stages[idx].name;
    const now = formatPercent(stages[idx].rate, lang);
    const rateText =
      needed === null
        ? t(s.rateImpossible, { stage: stageName })
        : needed <= stages[idx].rate
          ? t(s.rateMet, { stage: stageName, rate: formatPercent(needed, lang), now })
          : t(s.rateNeeded, { stage: stageName, rate: formatPercent(needed, lang), now });
    return html`<section class="panel target" part="target" aria-labelledby="target-title">
      <h3 id="target-title">${s.targetTitle}</h3>
      <div class="fields row">
        <div class="field">
          <label for="target-kind">${s.targetKind}</label>
          <select
            id="target-kind"
            @change=${(e: Event) => {
              this.targetKind = (e.target as HTMLSelectElement).value as 'won' | 'revenue';
              this.targetValue = undefined;
              this.setDraft('target', undefined);
              this.clearError('target');
            }}
          >
            <option value="won" ?selected=${this.targetKind === 'won'}>${s.targetWon}</option>
            <option value="revenue" ?selected=${this.targetKind === 'revenue'}>
              ${s.targetRevenue} (${this.current.currency})
            </option>
          </select>
        </div>
        ${this.numberField(
          { key: 'target', label: s.targetValue, min: 0, max: MAX_MONEY },
          goalValue,
          (v) => (this.targetValue = v),
        )}
      </div>
      <div class="target-out" aria-live="polite">
        ${
          r.reachable
            ? html`<p class="leads-expected">
                  ${t(s.leadsExpected, { n: formatInteger(r.expected ?? NaN, lang) })}
                </p>
                <p class="leads-confident">
                  ${t(s.leadsConfident, {
                    confidence: formatPercent(r.confidence, lang),
                    n: formatInteger(r.atConfidence ?? NaN, lang),
                  })}
                </p>`
            : html`<p class="leads-expected">${s.targetUnreachable}</p>`
        }
      </div>
      <div class="field">
        <label for="target-stage">${s.targetStage}</label>
        <select
          id="target-stage"
          @change=${(e: Event) => (this.targetStage = Number((e.target as HTMLSelectElement).value))}
        >
          ${stages.map((st, i) => html`<option value=${i} ?selected=${i === idx}>${st.name}</option>`)}
        </select>
      </div>
      <p class="rate-needed">${rateText}</p>
    </section>`;
  }

  private renderScenarios(): TemplateResult {
    const s = this.text;
    const nameError = this.errorText('save-name', s.scenarioName);
    return html`<section class="panel scenarios" part="scenarios" aria-labelledby="scenarios-title">
      <h3 id="scenarios-title">${s.scenariosTitle}</h3>
      ${this.storageNote ? html`<p class="hint">${this.storageNote}</p>` : nothing}
      <form
        class="save"
        @submit=${(e: Event) => {
          e.preventDefault();
          void this.save();
        }}
      >
        <div class="field">
          <label for="save-name">${s.scenarioName}</label>
          <input
            id="save-name"
            type="text"
            autocomplete="off"
            .value=${this.drafts['save-name'] ?? ''}
            aria-invalid=${nameError ? 'true' : 'false'}
            aria-describedby=${nameError ? 'save-name-error' : nothing}
            @input=${(e: Event) => this.setDraft('save-name', (e.target as HTMLInputElement).value)}
          />
          ${nameError ? html`<p class="error" part="error" id="save-name-error">${nameError}</p>` : nothing}
        </div>
        <button type="submit" class="primary">${s.save}</button>
      </form>
      ${
        this.saved.length === 0
          ? html`<p class="hint">${s.noneSaved}</p>`
          : html`<ul class="saved">
              ${this.saved.map((item) => this.renderSaved(item))}
            </ul>`
      }
      ${this.renderCompare()}
      <div class="buttons files">
        <button type="button" @click=${this.exportJson}>${s.exportJson}</button>
        <label class="file-button">
          <span>${s.importJson}</span>
          <input
            class="file"
            type="file"
            accept="application/json,.json"
            @change=${this.importJson}
          />
        </label>
        <button type="button" class="primary" @click=${this.share}>${s.shareLink}</button>
      </div>
      ${
        this.shareUrl
          ? html`<div class="field">
              <label for="share-url">${s.shareLabel}</label>
              <input id="share-url" type="text" readonly .value=${this.shareUrl} />
            </div>`
          : nothing
      }
      <div class="status-line">
        <p class="status" role="status">${this.status}</p>
        ${
          this.undoable
            ? html`<button
                type="button"
                class="undo"
                aria-label=${t(this.undoable.replaced ? s.undoReplaceLabel : s.undoLabel, {
                  name: this.undoable.item.name,
                })}
                @click=${this.undoDelete}
              >
                ${s.undo}
              </button>`
            : nothing
        }
      </div>
    </section>`;
  }

  private renderSaved(item: SavedScenario): TemplateResult {
    const s = this.text;
    if (this.renamingId === item.id) {
      const key = `rename-${item.id}`;
      const error = this.errorText(key, t(s.renameLabel, { name: item.name }));
      return html`<li class="renaming">
        <form
          @submit=${(e: Event) => {
            e.preventDefault();
            void this.renameSaved(item);
          }}
        >
          <label class="sr-only" for="rename-input">${t(s.renameLabel, { name: item.name })}</label>
          <input
            id="rename-input"
            type="text"
            .value=${this.drafts[key] ?? item.name}
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${error ? 'rename-error' : nothing}
            @input=${(e: Event) => this.setDraft(key, (e.target as HTMLInputElement).value)}
            @keydown=${(e: KeyboardEvent) => {
              if (e.key !== 'Escape') return;
              e.preventDefault();
              this.endRename(item.id);
            }}
          />
          <button type="submit">${s.confirmRename}</button>
          <button type="button" @click=${() => this.endRename(item.id)}>${s.cancel}</button>
          ${error ? html`<p class="error" part="error" id="rename-error">${error}</p>` : nothing}
        </form>
      </li>`;
    }
    return html`<li>
      <span class="saved-name">${item.name}</span>
      <span class="buttons">
        <button
          type="button"
          aria-label="${s.open}: ${item.name}"
          data-open=${item.id}
          @click=${() => this.openSaved(item)}
        >
          ${s.open}
        </button>
        <button
          type="button"
          aria-label="${s.rename}: ${item.name}"
          data-rename=${item.id}
          @click=${async () => {
            this.renamingId = item.id;
            await this.updateComplete;
            this.renderRoot.querySelector<HTMLInputElement>('#rename-input')?.select();
          }}
        >
          ${s.rename}
        </button>
        <button
          type="button"
          aria-label="${s.remove}: ${item.name}"
          @click=${() => this.deleteSaved(item)}
        >
          ${s.remove}
        </button>
      </span>
    </li>`;
  }

  private renderCompare(): TemplateResult | typeof nothing {
    if (this.saved.length === 0) return nothing;
    const s = this.text;
    const lang = this.uiLang;
    const pick = (id: string) =>
      this.memo.get(`compare-${id}`, [this.saved, id, this.view, lang, s.currentScenario], () => {
        const item = this.saved.find((x) => x.id === id);
        const sc = item ? parseScenario(item.scenario) : undefined;
        const named = sc?.ok
          ? { name: item!.name, scenario: localizeScenario(sc.value, lang) }
          : { name: s.currentScenario, scenario: this.view };
        return { ...named, projection: project(named.scenario) };
      });
    const a = pick(this.compareA);
    const b = pick(this.compareB);
    const pa = a.projection;
    const pb = b.projection;
    const money = (v: number | undefined, cur: string) =>
      v === undefined ? '–' : formatMoney(v, lang, cur, true);
    const rows: [string, string, string][] = [
      [s.leads, formatInteger(pa.leads, lang), formatInteger(pb.leads, lang)],
      [
        s.conversion,
        formatPercent(pa.overallConversion, lang),
        formatPercent(pb.overallConversion, lang),
      ],
      [s.won, formatNumber(pa.won, lang), formatNumber(pb.won, lang)],
      [s.revenue, money(pa.revenue, pa.currency), money(pb.revenue, pb.currency)],
      [s.cac, money(pa.cac, pa.currency), money(pb.cac, pb.currency)],
      [
        s.ltvCac,
        pa.ltvToCac === undefined ? '–' : `${formatNumber(pa.ltvToCac, lang)} : 1`,
        pb.ltvToCac === undefined ? '–' : `${formatNumber(pb.ltvToCac, lang)} : 1`,
      ],
    ];
    const select = (id: string, label: string, value: string, set: (v: string) => void) =>
      html`<div class="field">
        <label for=${id}>${label}</label>
        <select id=${id} @change=${(e: Event) => set((e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${value === ''}>${s.currentScenario}</option>
          ${this.saved.map((x) => html`<option value=${x.id} ?selected=${x.id === value}>${x.name}</option>`)}
        </select>
      </div>`;
    return html`<div class="compare">
      <h4>${s.compareTitle}</h4>
      <div class="fields row">
        ${select('compare-a', s.compareFirst, this.compareA, (v) => (this.compareA = v))}
        ${select('compare-b', s.compareSecond, this.compareB, (v) => (this.compareB = v))}
      </div>
      <div class="table-scroll" tabindex="0" role="region" aria-label=${s.compareTitle}>
        <table class="compare-table">
          <caption class="sr-only">
            ${s.compareTitle}
          </caption>
          <thead>
            <tr>
              <th scope="col">${s.colMetric}</th>
              <th scope="col">${a.name}</th>
              <th scope="col">${b.name}</th>
            </tr>
          </thead>
          <tbody>
            ${rows.map(
              ([m, x, y]) =>
                html`<tr>
                  <th scope="row">${m}</th>
                  <td>${x}</td>
                  <td>${y}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
    </div>`;
  }
}
