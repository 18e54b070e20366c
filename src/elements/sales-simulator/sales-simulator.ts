import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { getPreset, PRESET_IDS } from '../../model/presets.js';
import type { Lang, ParseResult, Scenario, ScenarioInput } from '../../model/types.js';
import { projectUnchecked as project } from '../../sim/project.js';
import type { SavedScenario } from '../../store/records.js';
import type { SalesRepository } from '../../store/repository.js';
import {
  readChoice,
  readNumber,
  readStrings,
  stringsChanged,
  THEMES,
  type Theme,
} from '../attributes.js';
import { Announcer } from '../controllers/announcer.js';
import { ErrorReporter } from '../controllers/error-reporter.js';
import { FocusAfterRender } from '../controllers/focus-after-render.js';
import { LangController } from '../controllers/lang-controller.js';
import { RepositoryController } from '../controllers/repository-controller.js';
import { ResizeController } from '../controllers/resize-controller.js';
import { dispatch } from '../events.js';
import { t } from '../i18n.js';
import { placeholderRoot, SalesElement, type SalesEventsOf } from '../sales-element.js';
import { hostStyles } from '../shared-styles.js';
import { bandView, DEFAULT_TRIALS, runBand, TRIALS_RANGE } from './model/band.js';
import { calibrationText, type Calibration } from './model/calibration.js';
import type { ScenarioChangedEvent } from './events.js';
import { HashSync } from './controllers/hash-sync.js';
import { renderCalibration } from './panels/calibration-note.js';
import { renderHeader } from './panels/header.js';
import { sharedView, withSharedView, type SharedLink, type ViewState } from './model/share-link.js';
import type { ResultsProps } from './panels/results.js';
import { renderEditing } from './panels/editing.js';
import { ScenariosPanel } from './panels/scenarios-panel.js';
import { PipelineCalibration } from './controllers/pipeline-calibration.js';
import { KeepFocus } from './controllers/keep-focus.js';
import * as presenting from './model/presenting.js';
import { simulatorStyles } from './sales-simulator.styles.js';
import { ScenarioEditor } from './controllers/scenario-editor.js';
import { TrainingMode } from './controllers/training-mode.js';
import { readImportText } from './model/scenario-file.js';
import { SimulatorProblems } from './controllers/simulator-problems.js';
import { hasScenario, readSource, type SourceError } from './model/sources.js';
import { simulatorStrings, type SimulatorStrings } from './strings.js';
import * as vm from './model/view-model.js';

/** Pause after the last change before the one-line spoken summary: a slider step is not news. */
const SUMMARY_DEBOUNCE_MS = 500;

type SimulatorEvents = SalesEventsOf<{ 'scenario-changed': ScenarioChangedEvent }>;

/**
 * The what-if planner: lead volume, per-stage rates, deal value and costs in; the projected
 * funnel against a baseline, where an improvement pays off most, the leads a target needs, the
 * p10–p90 band of a Monte Carlo run, a diagnosis, and saved, compared and shared scenarios out.
 *
 * With `pipeline`, it starts from that stored pipeline's observed conversions (as counts, so the
 * band widens when there is little history), says under each slider which observation a rate
 * comes from, and offers to recalibrate when the pipeline changes after the person edited the
 * scenario. Imported scenario files are limited to 1 MB; a deleted saved scenario, or one saved
 * over under the same name, can be restored with "Undo" for 10 seconds. The figures are not a
 * live region: one short polite line ("Won deals 26.4, +0.4") is spoken half a second after the
 * last change. `await el.updateComplete` resolves once the band, the calibration and the saved
 * list that the latest change started are shown.
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
 * @csspart status - The status line of the saved-scenarios panel.
 * @csspart button - Every button (and the file picker styled as one).
 * @csspart error - Every message about bad input or a failure.
 *
 * @cssprop --sales-simulator-background - Background (falls back to --sales-surface).
 * @cssprop --sales-simulator-panel - Panel background (falls back to --sales-surface-alt).
 * @cssprop --sales-simulator-text - Text colour (falls back to --sales-text).
 * @cssprop --sales-simulator-muted - Secondary text (falls back to --sales-muted).
 * @cssprop --sales-simulator-accent - Accent: sliders, gain bars, buttons (falls back to --sales-accent).
 * @cssprop --sales-simulator-loss - The "worse" bars of the tornado (falls back to --sales-warning).
 * @cssprop --sales-simulator-error - Error text and borders (falls back to --sales-danger).
 * @cssprop --sales-simulator-border - Borders (falls back to --sales-border).
 * @cssprop --sales-simulator-input-border - Text fields' borders, at least 3:1 on every surface (falls back to --sales-input-border).
 * @cssprop --sales-simulator-focus - Focus ring (falls back to --sales-focus).
 * @cssprop --sales-simulator-font - Font family (falls back to --sales-font).
 * @cssprop --sales-simulator-radius - Corner radius (falls back to --sales-radius).
 *
 * @fires {ScenarioChangedEvent} scenario-changed - The person changed the scenario; detail `ScenarioChangedDetail` (`{ scenario, projection }`).
 * @fires {SalesErrorEvent} error - `scenario`, `preset`, `benchmark`, `theme`, `trials` or `deck` could not be used, or a link or an imported file; detail `{ field, message }`.
 *
 * In `presenting` (training mode) the embedded funnel is zoomed to fill the screen's height
 * (it has no font-size custom property; its caption is then for screen readers only, through its
 * `caption` part), and training mode's keys are heard on the whole page while it is connected.
 */
export class SalesSimulator extends SalesElement<SimulatorEvents> {
  static override styles = [hostStyles, ...simulatorStyles];

  private readonly langCtl = new LangController(this);
  private readonly errors = new ErrorReporter(this);
  private readonly problems = new SimulatorProblems(this.errors);
  private readonly announcer = new Announcer(this);
  private readonly focusAfter = new FocusAfterRender(this);
  private readonly tornadoSize = new ResizeController(this, () =>
    this.renderRoot?.querySelector('.tornado-box'),
  );
  // Every change is followed (`null`): saved scenarios have no pipeline, and the calibration
  // filters its own pipeline's changes.
  private readonly repoCtl = new RepositoryController(this, {
    pipeline: () => null,
    database: () => this.database,
    lang: () => this.uiLang,
    onRepository: (repo) => (this.storageNote = repo.persistent ? '' : (repo.reason ?? '')),
    onChange: (change) => {
      if (change.type === 'scenario') this.saved.library.refresh();
      else {
        // A pipeline's change may be a new plan, which the saved list marks.
        if (change.type === 'pipeline') this.saved.library.pipelineChanged(change);
        this.calibration.follow(change);
      }
    },
  });
  private readonly hash = new HashSync(this, {
    enabled: () => this.syncHash,
    lang: () => this.uiLang,
    start: () => this.editor.baseline,
    onLink: (result) => {
      if (!result.ok) return this.reject({ field: 'link', errors: result.errors, byPerson: true });
      this.sourceError = undefined;
      this.useLink(result.value);
      this.saved.say(this.text.linkLoaded);
      this.fireChanged();
    },
  });
  private readonly saved = new ScenariosPanel(this, {
    repositories: this.repoCtl,
    storageNote: () => this.storageNote,
    hash: this.hash,
    focus: this.focusAfter,
    announcer: this.announcer,
    root: () => this.shadowRoot!,
    text: () => this.text,
    lang: () => this.uiLang,
    scenario: () => this.current,
    shared: () => this.sharedLink(false),
    open: (parsed, from) => this.open(parsed, from),
    compare: (saved, ids) => this.viewModel.compare(saved, ids, this.view, this.uiLang, this.text),
    openDeck: (deck) => void this.training.decks.load(deck, true),
    pipeline: () => this.pipeline || undefined,
  });
  private readonly calibration = new PipelineCalibration(this, {
    pipeline: () => this.pipeline,
    repository: () => this.repoCtl.repository,
    lang: () => this.uiLang,
    dealValue: () => this.current.dealValue,
    untouched: () => this.current === this.autoLoaded,
    onScenario: (scenario, byPerson) => {
      this.sourceError = undefined;
      this.reset(scenario);
      this.autoLoaded = this.current;
      if (byPerson) this.fireChanged();
    },
    onNews: (c, changed) => this.announcer.announce(this.calibrationNote(c, changed)),
  });
  private readonly band = new Task(this, {
    args: () => [this.current, this.trialsInEffect] as const,
    task: ([scenario, trials], { signal }) => runBand(scenario, trials, signal),
  });
  private readonly viewModel = new vm.SimulatorViewModel();
  /** The scenario in effect, its baseline, what is typed, what is shown. */
  private readonly editor = new ScenarioEditor(
    this,
    {
      lang: () => this.uiLang,
      text: () => this.text,
      presenting: () => this.presenting,
      focus: (find) => this.focusAfter.focus(find),
      root: () => this.shadowRoot!,
      onEdit: () => {
        this.fireChanged();
        // "Won deals 26.4, +0.4", once the changes stop: the figures themselves are not live.
        const summary = vm.summaryText(this.deriveView(), this.uiLang, this.text);
        this.announcer.announce(summary, SUMMARY_DEBOUNCE_MS);
      },
    },
    getPreset(vm.DEFAULT_PRESET)!.scenario,
  );
  private readonly training = new TrainingMode(this, {
    presenting: () => this.presenting,
    audience: () => this.audience,
    editor: this.editor,
    announcer: this.announcer,
    focus: this.focusAfter,
    root: () => this.shadowRoot!,
    text: () => this.text,
    lang: () => this.uiLang,
    view: () => this.view,
    saved: () => this.saved.library.list.value,
    audienceLink: () => this.audienceLink(),
    use: (scenario) => {
      this.sourceError = undefined;
      this.reset(scenario);
    },
    changed: () => this.fireChanged(),
    onProblem: (message, cause, shown) => this.problems.deck(message, cause, shown),
    say: (status) => this.saved.say(status),
  });

  /** The scenario from the markup, a link, a file or a saved one that could not be used. */
  @state() private sourceError?: SourceError & { id: number };
  @state() private presetId = vm.DEFAULT_PRESET;
  /** The benchmark the person picked (wins over the `benchmark` attribute). */
  @state() private benchmarkPick?: string;
  @state() private plan: vm.PlanOptions = { deltaPoints: 5, leadsPercent: 10 };
  @state() private target: vm.TargetOptions = { kind: 'won', stage: 0 };
  @state() private storageNote = '';
  /** Opened from an audience link: presenting, read-only. */
  @state() private audience = false;

  /**
   * A scenario to start from (JSON attribute or object), validated with `parseScenario`; wins
   * over `preset`.
   */
  @property({ attribute: 'scenario' }) scenario?: ScenarioInput | Scenario | string;

  /** A built-in preset id to start from, such as `pipeline-7` (the default). */
  @property({ reflect: true }) preset?: string;

  /** The preset the diagnosis compares with; by default the preset loaded (else `pipeline-7`). */
  @property() benchmark?: string;

  /**
   * Training mode's deck: JSON `{ "title", "steps": [{ "title", "note"?, "scenario" | "change" }] }`
   * (a change: `{ "stage", "points" | "rate" }`, `{ "leads" }` or `{ "dealValue" }`), or that
   * object; read like a scenario. The clicker goes to the next step after the last stage.
   */
  @property({ attribute: 'deck' }) deck?: object | string;

  /** Training mode: larger type, high contrast, stages revealed one by one, keyboard shortcuts. */
  @property({ type: Boolean, reflect: true }) presenting = false;

  /** Reads a shared scenario from the page's URL hash (and follows its changes); sharing writes it. */
  @property({ type: Boolean, attribute: 'sync-hash' }) syncHash = false;

  /** Monte Carlo trials for the p10–p90 band: a whole number from 100 to 1,000,000. */
  @property({ type: Number }) trials = DEFAULT_TRIALS;

  /** `light`, `dark`, or `auto` (the system preference); without it, the page's `color-scheme` (light if none). */
  @property({ reflect: true }) theme?: Theme;

  /**
   * A stored pipeline's id: the scenario starts from its observed conversions (`scenario` or
   * `preset` is shown until it is read, and stays when the pipeline has no decided deals).
   */
  @property({ reflect: true }) pipeline?: string;

  /** The IndexedDB database of the shared default repository. Default `sales-funnel`. */
  @property() database?: string;

  /** Where saved scenarios and pipelines live; by default the page's shared IndexedDB repository. */
  @property({ attribute: false }) repository?: SalesRepository;

  /** Overrides for any of the UI texts. */
  @property({ attribute: false, hasChanged: stringsChanged }) strings?: Partial<SimulatorStrings>;

  private view!: vm.SimulatorView;
  private text!: SimulatorStrings;
  private textFor?: [Lang, Partial<SimulatorStrings> | undefined];
  private trialsInEffect = DEFAULT_TRIALS;
  private themeInEffect?: Theme;
  private benchmarkInEffect?: string;
  private loadedOnce = false;
  private problemCount = 0;
  /** The scenario the picked preset gave: while it is in effect the picker shows that preset. */
  private presetScenario?: Scenario;
  /** The scenario the element put in place itself (markup, link, calibration); others are edits. */
  private autoLoaded?: Scenario;
  /** A link set training mode on with what it had shown: the update keeps it. */
  private keepShown = false;

  constructor() {
    super();
    this.addController(new KeepFocus(this, this.focusAfter, this.announcer));
  }

  private get uiLang(): Lang {
    return this.langCtl.lang;
  }

  /** A server renders only a placeholder: the first render replaces it, never hydrates it. */
  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    return placeholderRoot(this) ?? super.createRenderRoot();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    const lang = this.uiLang;
    const { errors } = this;
    if (this.textFor?.[0] !== lang || this.textFor[1] !== this.strings || changed.has('strings')) {
      this.text = simulatorStrings(lang, errors.option(readStrings(this.strings), 'strings', lang));
      this.textFor = [lang, this.strings];
    }
    const trials = readNumber('trials', this.trials, this.getAttribute('trials'), TRIALS_RANGE);
    this.trialsInEffect = errors.option(trials, 'trials', lang);
    this.themeInEffect = errors.option(readChoice('theme', this.theme, THEMES), 'theme', lang);
    const benchmark = readChoice('benchmark', this.benchmark, PRESET_IDS);
    this.benchmarkInEffect = errors.option(benchmark, 'benchmark', lang);
    if (changed.has('presenting') && !this.keepShown) this.training.toggled(this.presenting);
    this.keepShown = false;
    const first = !this.loadedOnce;
    if (first || changed.has('scenario') || changed.has('preset')) {
      this.loadSource(first);
      this.loadedOnce = true;
    }
    // A deck the link carried wins over the attribute's, on the first load.
    if (changed.has('deck') && !(first && this.training.decks.deck))
      this.training.decks.load(this.deck);
    if (changed.has('pipeline')) this.calibration.reset();
    // The source problem, worded in `lang`, goes to the reporter (shown, warned, fired once).
    this.problems.source(this.sourceError, lang, this.text);
    this.problems.storage(this.repoCtl.error, this.pipeline ? 'pipeline' : 'database', lang);
    this.view = this.deriveView();
  }

  /** The scenario in effect (valid), as the engine takes it. */
  get value(): Scenario {
    return structuredClone(this.current);
  }

  /**
   * A link to this page that opens the current scenario (`#scenario=…`) or the deck's step,
   * with what the person set: the target, the ranking's Δ points, the stage selected (a deck's
   * step opens as the deck has it, without rates nudged since).
   */
  shareLink(): string {
    return this.hash.link(this.sharedLink(false));
  }

  /** A read-only link that opens the current step in training mode, with no editable inputs. */
  audienceLink(): string {
    return this.hash.link(this.sharedLink(true));
  }

  /**
   * Applies a scenario file's text, as the file input does after its size check; a bad file
   * leaves the scenario in effect, and nothing saved, as it was. A deck's file (`steps`) becomes
   * the deck.
   */
  importText(text: string, fileName = 'file'): boolean {
    const read = readImportText(text, fileName, this.uiLang);
    if ('deck' in read) return this.training.decks.load(read.deck, true);
    this.open(read.scenario, { file: fileName, input: read.input });
    return read.scenario.ok;
  }

  /** Resolves once the latest change is shown: its band, calibration and saved list included. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    for (;;) {
      const { list, plan } = this.saved.library;
      const tasks = [this.band, this.calibration.task, list, plan];
      const waits: Promise<unknown>[] = tasks
        .filter((task) => task.status === TaskStatus.PENDING)
        .map((task) => task.taskComplete.catch(() => undefined));
      if (!this.repoCtl.repository && this.repoCtl.error === undefined) {
        waits.push(this.repoCtl.ready());
      }
      if (waits.length === 0 && !this.isUpdatePending) {
        // The funnel draws after this element; training mode then fits it to the screen.
        await this.renderRoot.querySelector('sales-funnel')?.updateComplete;
        await this.training.fit.measured;
        if (!this.isUpdatePending) break;
      }
      await Promise.all(waits);
      done = await super.getUpdateComplete();
    }
    return done;
  }

  private deriveView(): vm.SimulatorView {
    const revealed = presenting.fitPresenting(this.editor.shown, this.current.stages.length);
    const { target } = this;
    return this.viewModel.derive({
      scenario: this.current,
      baseline: this.editor.baseline,
      lang: this.uiLang,
      text: this.text,
      plan: this.plan,
      // The target's stage stays among the stages revealed, so its sentence names no other.
      target: this.training.secret
        ? { ...target, stage: Math.min(target.stage, revealed.revealed - 1) }
        : target,
      benchmark: this.benchmarkPick ?? this.benchmarkInEffect ?? this.presetId,
    });
  }

  /** From the link (with `sync-hash`, first load only), else `scenario`, else `preset`. */
  private loadSource(first: boolean): void {
    this.sourceError = undefined;
    const link = first ? this.hash.read() : undefined;
    if (link?.ok) {
      this.useLink(link.value);
      this.saved.say(this.text.linkLoaded);
    } else {
      if (link) this.reject({ field: 'link', errors: link.errors, byPerson: true });
      const read = readSource(this.scenario, this.preset, this.uiLang);
      if (!read.ok) return this.reject(read.error);
      this.reset(read.scenario);
      if (read.presetId) {
        this.presetId = read.presetId;
        this.presetScenario = this.current;
      }
    }
    this.autoLoaded = this.current;
  }

  /** What a link carries: the scenario or the deck's step, and what the person set. */
  private sharedLink(audience: boolean): SharedLink {
    const view = sharedView(this.viewState, audience);
    const { deck, step } = this.training.decks;
    return deck ? { deck, view: { ...view, step } } : { scenario: this.current, view };
  }

  private get viewState(): ViewState {
    const { plan, target, presenting: on } = this;
    const { answer } = this.training;
    const shown = presenting.fitPresenting(this.editor.shown, this.current.stages.length);
    return { plan, target, shown, answer, presenting: on };
  }

  /** A link's scenario or deck step, then what the person had set, as they had it. */
  private useLink(link: SharedLink): void {
    if (link.view.audience) {
      this.audience = true;
      this.presenting = true;
      this.keepShown = true;
    }
    if ('deck' in link) this.training.decks.use(link.deck, link.view.step ?? 0);
    else this.reset(link.scenario);
    const next = withSharedView(this.viewState, link.view, this.current.stages.length);
    ({ plan: this.plan, target: this.target } = next);
    this.training.answer = next.answer;
    this.editor.show(next.shown);
  }

  private reject(error: SourceError): void {
    this.sourceError = { ...error, id: ++this.problemCount };
  }

  private get current(): Scenario {
    return this.editor.current;
  }

  /** A new scenario and baseline: the target goes back to its default, 20 % over the baseline. */
  private reset(scenario: Scenario): void {
    this.editor.reset(scenario);
    this.training.answer = false;
    this.target = { kind: this.target.kind, stage: this.target.stage };
  }

  private fireChanged(): void {
    dispatch(this, 'scenario-changed', {
      scenario: structuredClone(this.current),
      projection: project(this.current),
    });
  }

  private loadPreset(id: string): void {
    const preset = getPreset(id);
    if (!preset) return;
    this.presetId = id;
    this.useScenario(preset.scenario);
    this.presetScenario = this.current;
  }

  /** A preset, link, file or saved scenario replaces the one in effect and its baseline. */
  private useScenario(scenario: Scenario, status?: string): void {
    this.sourceError = undefined;
    this.reset(scenario);
    this.saved.say(status);
    this.fireChanged();
  }

  /** A saved scenario or a file, as read; one that cannot be used changes nothing. */
  private open(
    parsed: ParseResult<Scenario>,
    from: { saved: SavedScenario } | { file: string; input?: unknown },
  ) {
    if ('saved' in from) {
      const { scenario: input } = from.saved;
      if (parsed.ok) this.useScenario(parsed.value);
      else this.reject({ field: 'scenario', errors: parsed.errors, byPerson: true, input });
    } else if (parsed.ok) {
      this.useScenario(
        parsed.value,
        t(this.text.imported, { name: parsed.value.name ?? from.file }),
      );
    } else {
      const { file, input } = from;
      this.reject({ field: 'import', errors: parsed.errors, file, byPerson: true, input });
    }
  }

  private calibrationNote(c: Calibration, changed: boolean): string {
    const fallback = hasScenario(this.scenario)
      ? (this.view.scenario.name ?? this.text.presetCustom)
      : (getPreset(this.presetId)?.title[this.uiLang] ?? this.presetId);
    return calibrationText(c, { changed, fallback }, this.uiLang, this.text);
  }

  override render(): TemplateResult {
    const s = this.text;
    const lang = this.uiLang;
    const total = this.current.stages.length;
    const { editor } = this;
    const shown = presenting.fitPresenting(editor.shown, total);
    const results = this.resultsProps(shown.revealed);
    const top = html`${renderHeader({
      text: s,
      readonly: this.audience,
      presets: vm.presetOptions(lang),
      ...(this.current === this.presetScenario ? { preset: this.presetId } : {}),
      onPreset: (id) => this.loadPreset(id),
      // Shown naming each stage as a person knows it; logged and fired with each field's path.
      problems: this.problems.problems,
      ...(this.sourceError?.byPerson ? { alerting: this.sourceError.field } : {}),
    })}
    ${renderCalibration(this.calibration, s, (c, changed) => this.calibrationNote(c, changed))}`;
    return html`<div class="base" part="base">
      ${this.presenting ? this.training.render(shown, results, top) : top}
      ${
        this.audience
          ? nothing
          : renderEditing({
              fields: editor.fields,
              editor,
              view: this.view,
              shown,
              results,
              target: this.target,
              onTarget: (target) => (this.target = target),
              plan: this.plan,
              onPlan: (plan) => (this.plan = plan),
              width: this.tornadoSize.width || 320,
              saved: this.saved.render(),
            })
      }
      ${this.announcer.render()}
    </div>`;
  }

  private resultsProps(revealed: number): ResultsProps {
    const { view: v, band, uiLang: lang, text } = this;
    const failed = band.status === TaskStatus.ERROR;
    const unread = Object.keys(this.editor.drafts.errors).length;
    return {
      text,
      lang,
      view: v,
      ...(unread ? { notUpdated: t(text.notUpdated, { count: unread }) } : {}),
      band: bandView(
        band.value,
        {
          scenario: this.current,
          projection: v.projection,
          stale: band.status !== TaskStatus.COMPLETE && !failed,
          trials: this.trialsInEffect,
          ...(failed ? { error: band.error } : {}),
        },
        lang,
        text,
      ),
      funnel: {
        ...vm.funnelInput(v, this.current, this.editor.baseline, revealed),
        payoffPoints: this.plan.deltaPoints / 100,
        // The funnel's "best improvement" outline is the answer too.
        noPayoff: this.training.secret,
        ...(this.themeInEffect ? { theme: this.themeInEffect } : {}),
      },
      presets: vm.presetOptions(lang),
      projected: this.presenting,
      secret: this.training.secret,
      onBackToBaseline: () => this.editor.backToBaseline(),
      onMakeBaseline: () => this.editor.makeBaseline(),
      onBenchmark: (id) => (this.benchmarkPick = id),
    };
  }
}
