import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { formatInteger, formatMoney } from '../../model/format.js';
import type { SalesRepository } from '../../store/repository.js';
import { readChoice, readStrings, stringsChanged, THEMES, type Theme } from '../attributes.js';
import { Announcer } from '../controllers/announcer.js';
import { ErrorReporter } from '../controllers/error-reporter.js';
import { LangController } from '../controllers/lang-controller.js';
import { RepositoryController } from '../controllers/repository-controller.js';
import { storageFailure } from '../controllers/storage-failure.js';
import { t } from '../i18n.js';
import { placeholderRoot, SalesElement, type SalesEventsOf } from '../sales-element.js';
import { hostStyles } from '../shared-styles.js';
import { ForecastData } from './controllers/forecast-data.js';
import type { WhatIf } from './model/forecast-view.js';
import { renderMonths, renderQuarters } from './panels/bands.js';
import { renderDeals, renderWhatIf } from './panels/deals.js';
import type { Fmt } from './panels/format.js';
import { readGoal, renderGoal } from './panels/goal.js';
import { renderMovement } from './panels/movement.js';
import { styles } from './sales-forecast.styles.js';
import { forecastStrings, type ForecastStrings } from './strings.js';

/**
 * What a stored pipeline's open deals will bring: this quarter's and next quarter's won revenue
 * as a band (10th to 90th percentile) with the expected value, the chance of reaching the goal
 * (set here and stored with the pipeline), month by month, the deals that matter most, and
 * what-ifs. The figures come from the engine's `forecast` (sales-funnel/sim) on the pipeline's
 * observed conversion and time in stage (sales-funnel/analytics); every band has its numbers in
 * a table and in words. Follows the pipeline as deals move, here or in another tab.
 *
 * @summary The forecast of a pipeline's open deals: bands, the chance of the goal, deals, what-ifs.
 *
 * @csspart base - The wrapper of everything.
 * @csspart band - Each band's drawing (a bar from the 10th to the 90th percentile).
 * @csspart chance - The sentence with the chance of reaching the goal.
 * @csspart table - Each table of figures.
 * @csspart goal - The goal form.
 * @csspart deal - Each deal listed.
 * @csspart button - Every button.
 * @csspart status - The status line (reading, what-if result).
 * @csspart error - Each message about bad input or a failure.
 *
 * @cssprop --sales-forecast-background - Background (falls back to --sales-surface).
 * @cssprop --sales-forecast-surface-alt - Background of the quarter cards (falls back to --sales-surface-alt).
 * @cssprop --sales-forecast-text - Text colour (falls back to --sales-text).
 * @cssprop --sales-forecast-muted - Secondary text (falls back to --sales-muted).
 * @cssprop --sales-forecast-accent - Bands and buttons (falls back to --sales-accent).
 * @cssprop --sales-forecast-on-accent - Text on the accent (falls back to --sales-on-accent).
 * @cssprop --sales-forecast-goal - The goal line and risk notes (falls back to --sales-warning).
 * @cssprop --sales-forecast-error - Error text (falls back to --sales-danger).
 * @cssprop --sales-forecast-border - Borders (falls back to --sales-border).
 * @cssprop --sales-forecast-focus - Focus ring (falls back to --sales-focus).
 * @cssprop --sales-forecast-font - Font family (falls back to --sales-font).
 * @cssprop --sales-forecast-radius - Corner radius (falls back to --sales-radius).
 *
 * @fires {SalesErrorEvent} error - `theme` has an unknown value, the goal typed is not an amount, or the pipeline could not be read or written; detail `{ field, message }`.
 */
export class SalesForecast extends SalesElement<SalesEventsOf<object>> {
  static override styles = [hostStyles, styles];

  private readonly langCtl = new LangController(this);
  private readonly errors = new ErrorReporter(this);
  private readonly announcer = new Announcer(this);
  private readonly repoCtl = new RepositoryController(this, {
    pipeline: () => this.pipeline,
    database: () => this.database,
    lang: () => this.langCtl.lang,
    onChange: (change) => this.data.follow(change, this),
  });
  private readonly data = new ForecastData(this, {
    pipeline: () => this.pipeline,
    repository: () => this.repoCtl.repository,
    lang: () => this.langCtl.lang,
    whatIf: () => this.whatIf,
    slipping: () => this.slipping,
  });

  @state() private whatIf: WhatIf = { kind: 'none' };
  @state() private slipping: ReadonlySet<string> = new Set();
  @state() private saving = false;
  /** The goal being typed, until it is saved. */
  @state() private goalDraft?: string;
  /** The goal being written, awaited by `updateComplete`. */
  private pendingSave?: Promise<void>;

  /** Id of the stored pipeline to forecast. */
  @property({ reflect: true }) pipeline?: string;

  /** IndexedDB database of the shared default repository. Default `sales-funnel`. */
  @property() database?: string;

  /** Where the pipeline lives; by default what an ancestor provides, else the page's shared repository. */
  @property({ attribute: false }) repository?: SalesRepository;

  /** `light`, `dark`, or `auto` (the system preference); without it, the page's `color-scheme` (light if none). */
  @property({ reflect: true }) theme?: Theme;

  /** Overrides for any of the UI texts. */
  @property({ attribute: false, hasChanged: stringsChanged }) strings?: Partial<ForecastStrings>;

  private get text(): ForecastStrings {
    return forecastStrings(this.langCtl.lang, readStrings(this.strings).value);
  }

  /** A server renders only a placeholder: the first render replaces it, never hydrates it. */
  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    return placeholderRoot(this) ?? super.createRenderRoot();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    this.errors.option(readChoice('theme', this.theme, THEMES), 'theme', this.langCtl.lang);
    this.errors.option(readStrings(this.strings), 'strings', this.langCtl.lang);
    this.reportStorage();
    if (changed.has('pipeline') && this.hasUpdated) {
      this.whatIf = { kind: 'none' };
      this.slipping = new Set();
    }
  }

  /**
   * A pipeline that could not be opened or read is said in words (shown with the other problems,
   * keyed by the failure so that a change of language rewords it); the browser's, only logged.
   */
  private reportStorage(): void {
    const failed = this.pipeline ? (this.data.load.error ?? this.repoCtl.error) : undefined;
    if (failed === undefined) {
      this.errors.clear('pipeline');
      return;
    }
    const { message, cause } = storageFailure(failed, this.langCtl.lang, this.text.loadFailed);
    this.errors.set('pipeline', message, cause, cause);
  }

  /** Resolves once what is shown reflects the stored pipeline (reads and figures done). */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    for (;;) {
      const waits = this.data.pending();
      if (this.pendingSave) waits.push(this.pendingSave);
      if (!waits.length && !this.isUpdatePending) return done;
      await Promise.all(waits);
      done = await super.getUpdateComplete();
    }
  }

  private submitGoal(text: string): void {
    // What was submitted stays in the field, refused or saved, until it is typed over.
    this.goalDraft = text;
    const saving = this.saveGoal(text).finally(() => {
      if (this.pendingSave === saving) this.pendingSave = undefined;
    });
    this.pendingSave = saving;
  }

  /** The goal's format: the pipeline's currency once it is read. */
  private get goalFormat(): Fmt | undefined {
    const loaded = this.data.load.value;
    if (!loaded || loaded.state === 'missing') return undefined;
    return { s: this.text, lang: this.langCtl.lang, currency: loaded.source.currency };
  }

  /** A keystroke: the reading follows live; a problem shown is checked again (cleared once fixed). */
  private typeGoal(text: string): void {
    this.goalDraft = text;
    const f = this.goalFormat;
    if (!f || !this.errors.has('goal')) return;
    const read = readGoal(text, f);
    if (read.ok) this.errors.clear('goal');
    else this.errors.set('goal', read.error);
  }

  private async saveGoal(text: string): Promise<void> {
    const lang = this.langCtl.lang;
    const s = this.text;
    const f = this.goalFormat;
    if (!f) return;
    const read = readGoal(text, f);
    if (!read.ok) {
      this.errors.set('goal', read.error);
      return;
    }
    const value = read.value;
    this.errors.clear('goal');
    const repo = await this.repoCtl.ready();
    if (!repo || !this.pipeline) return;
    this.saving = true;
    try {
      const p = await repo.updatePipeline(this.pipeline, {
        goal: value === null ? null : { revenue: value },
      });
      this.goalDraft = undefined;
      this.announcer.announce(
        value === null
          ? s.goalCleared
          : t(s.goalSaved, { goal: formatMoney(value, lang, p.currency) }),
      );
    } catch (e) {
      const detail = e instanceof Error ? e.message : String(e);
      this.errors.set('goal', t(s.goalSaveFailed, { detail }));
    } finally {
      this.saving = false;
    }
  }

  private chooseWhatIf(value: string): void {
    if (value.startsWith('stage:')) this.whatIf = { kind: 'stage', stage: Number(value.slice(6)) };
    else if (value === 'lose-largest' || value === 'slip') this.whatIf = { kind: value };
    else this.whatIf = { kind: 'none' };
  }

  private slip(id: string, on: boolean): void {
    const next = new Set(this.slipping);
    if (on) next.add(id);
    else next.delete(id);
    this.slipping = next;
  }

  override render(): TemplateResult {
    const s = this.text;
    return html`<div class="base" part="base">
      <h2>${s.title}</h2>
      ${this.errors.problems
        .filter((p) => p.field !== 'goal')
        .map((p) => html`<p class="error" part="error">${p.message}</p>`)}
      ${this.renderBody(s)} ${this.announcer.render()}
    </div>`;
  }

  private renderBody(s: ForecastStrings): TemplateResult {
    if (!this.pipeline) return html`<p class="muted" part="status">${s.noPipeline}</p>`;
    const load = this.data.load;
    // Said above, with the other problems.
    if (this.errors.has('pipeline')) return html``;
    const loaded = load.value;
    if (!loaded || loaded.id !== this.pipeline) {
      return html`<p class="muted" part="status" role="status">${s.loading}</p>`;
    }
    if (loaded.state === 'missing') return html`<p class="muted" part="status">${s.noDeals}</p>`;
    const f: Fmt = { s, lang: this.langCtl.lang, currency: loaded.source.currency };
    const goal = renderGoal(f, {
      ...(loaded.goal !== undefined ? { goal: loaded.goal } : {}),
      ...(this.errors.has('goal') ? { problem: this.errors.message('goal') } : {}),
      ...(this.goalDraft !== undefined ? { draft: this.goalDraft } : {}),
      saving: this.saving,
      onInput: (text) => this.typeGoal(text),
      onSubmit: (text) => this.submitGoal(text),
    });
    // Said as the funnel and the simulator say it: what a clock ahead dated later counts now.
    const ahead = loaded.futureDated
      ? html`<p class="muted" part="status">
          ${t(s.futureDated, { count: formatInteger(loaded.futureDated, f.lang) })}
        </p>`
      : nothing;
    const view = this.data.view.value;
    if (!view) {
      return html`${goal} ${ahead}
        <p class="muted" part="status">
          ${loaded.source.deals.length === 0 ? s.noDeals : s.loading}
        </p>`;
    }
    return html`${goal} ${ahead} ${renderQuarters(f, view, loaded.goal)} ${renderMonths(f, view)}
    ${renderMovement(f, loaded.movement)}
    ${renderDeals(f, view, { slipping: this.slipping, onSlip: (id, on) => this.slip(id, on) })}
    ${renderWhatIf(f, view, {
      whatIf: this.whatIf,
      stages: loaded.source.stages.map((st) => st.name),
      slipping: this.slipping,
      onChoose: (value) => this.chooseWhatIf(value),
    })} `;
  }
}
