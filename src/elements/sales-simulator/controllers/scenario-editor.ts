import type { ReactiveControllerHost } from 'lit';
import type { Lang, Scenario } from '../../../model/types.js';
import { parseScenario } from '../../../model/validate.js';
import * as drafts from '../model/field-drafts.js';
import type { FieldContext } from '../panels/fields.js';
import { stageIds } from '../panels/inputs.js';
import * as presenting from '../model/presenting.js';
import * as edits from '../model/scenario-edits.js';
import type { SimulatorStrings } from '../strings.js';

export interface ScenarioEditorOptions {
  lang: () => Lang;
  text: () => SimulatorStrings;
  /** Training mode is on: a new scenario is revealed from its first stage. */
  presenting: () => boolean;
  /** Focuses what `find` returns once the next render is done. */
  focus: (find: () => HTMLElement | null | undefined) => void;
  root: () => ShadowRoot;
  /** The person changed the scenario in effect. */
  onEdit: () => void;
}

/**
 * The scenario as the person edits it: the one in effect (always valid: each edit goes
 * through `parseScenario`, and one that fails leaves it as it was with a message on its
 * field), the baseline it is measured against, what is typed into its fields, and which stages
 * are shown and selected. After a stage is added, removed or moved, focus stays with the stage.
 */
export class ScenarioEditor {
  current: Scenario;
  baseline: Scenario;
  drafts: drafts.Drafts = drafts.NO_DRAFTS;
  /** Stages shown (all, but one by one while presenting) and the one selected. */
  shown: presenting.PresentingState = { revealed: Infinity, selected: 0 };

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: ScenarioEditorOptions,
    initial: Scenario,
  ) {
    this.current = initial;
    this.baseline = initial;
  }

  /** A new scenario and baseline: typed drafts and their messages no longer apply. */
  reset(scenario: Scenario): void {
    this.current = scenario;
    this.baseline = scenario;
    this.drafts = drafts.NO_DRAFTS;
    this.reveal(this.options.presenting() ? 1 : Infinity);
  }

  /** `revealed` stages shown (kept within the scenario), the selection within them. */
  reveal(revealed: number): void {
    const { selected } = this.shown;
    this.show(presenting.fitPresenting({ revealed, selected }, this.current.stages.length));
  }

  /** Training mode's state set; true when it shows or selects something else. */
  show(state: presenting.PresentingState): boolean {
    const before = this.shown;
    if (state.revealed === before.revealed && state.selected === before.selected) return false;
    this.shown = state;
    this.host.requestUpdate();
    return true;
  }

  select(index: number): void {
    this.show(presenting.selectStage(this.shown, index, this.current.stages.length));
  }

  makeBaseline(): void {
    this.baseline = this.current;
    this.host.requestUpdate();
  }

  backToBaseline(): void {
    this.current = this.baseline;
    this.drafts = drafts.NO_DRAFTS;
    this.edited();
  }

  /** `change` applied to the typed texts and messages. */
  draft(change: (d: drafts.Drafts) => drafts.Drafts): void {
    const next = change(this.drafts);
    // A field committed on blur (focus moved by a render) often changes nothing.
    if (next === this.drafts) return;
    this.drafts = next;
    this.host.requestUpdate();
  }

  /** Text typed into number field `spec`; `use` takes the value when it reads as one. */
  number(spec: drafts.FieldSpec, raw: string, use: (value: number | undefined) => void): void {
    const read = drafts.readNumberField(spec, raw, this.options.lang());
    this.draft((d) => drafts.withError(drafts.typed(d, spec.key, raw), spec.key, error(read)));
    if (read.ok) use(read.value);
  }

  /** What every field of the panels reads and reports to: the drafts and this editor. */
  get fields(): FieldContext {
    return {
      text: this.options.text(),
      lang: this.options.lang(),
      drafts: this.drafts,
      onNumber: (spec, raw, use) => this.number(spec, raw, use),
      onCommit: (key) => this.draft((d) => drafts.committed(d, key)),
    };
  }

  setField(key: edits.ScenarioField, value: number | undefined): void {
    this.apply(edits.setField(this.current, key, value), key);
  }

  /** A rate from its slider (`exact` false: the typed text goes) or its exact field. */
  setRate(index: number, rate: number, exact: boolean): void {
    const key = `stages[${index}].rate`;
    if (!exact) this.drafts = drafts.dropDraft(this.drafts, key);
    this.apply(edits.setRate(this.current, index, rate), key);
  }

  rename(index: number, raw: string): void {
    const key = drafts.nameKey(index);
    const read = drafts.readName(raw);
    this.draft((d) => drafts.withError(drafts.typed(d, key, raw), key, error(read)));
    if (read.ok) this.apply(edits.renameStage(this.current, index, read.value), key);
  }

  addStage(): void {
    const n = this.current.stages.length + 1;
    this.applyStages(edits.addStage(this.current, this.options.text().newStage), () =>
      this.byId(stageIds.name(n - 1)),
    );
    this.show({ revealed: this.current.stages.length, selected: this.current.stages.length - 1 });
  }

  removeStage(index: number): void {
    const next = Math.min(index, Math.max(0, this.current.stages.length - 2));
    this.applyStages(edits.removeStage(this.current, index), () => this.byId(stageIds.name(next)));
    // The stage that gets the focus is the one selected (its focus selects it anyway).
    this.select(next);
  }

  moveStage(index: number, by: -1 | 1): void {
    const to = index + by;
    // Focus stays on the moved stage's button, or its other one at the list's end.
    const [same, other] = by < 0 ? [stageIds.up, stageIds.down] : [stageIds.down, stageIds.up];
    this.applyStages(edits.moveStage(this.current, index, by), () => {
      const button = this.byId<HTMLButtonElement>(same(to));
      return button && !button.disabled ? button : this.byId(other(to));
    });
    this.select(to);
  }

  /** Validates and applies an edited scenario; on failure the last valid one stays. */
  private apply(next: Scenario, field: string): void {
    const parsed = parseScenario(next, { lang: this.options.lang() });
    const problem = parsed.ok ? undefined : { kind: 'parse' as const, errors: parsed.errors };
    this.drafts = drafts.withError(this.drafts, field, problem);
    this.host.requestUpdate();
    if (!parsed.ok) return;
    this.current = parsed.value;
    this.edited();
  }

  /** A structural edit: the stages' drafts no longer fit their renumbered fields. */
  private applyStages(next: Scenario, focus: () => HTMLElement | null | undefined): void {
    this.drafts = drafts.withoutStages(this.drafts);
    this.apply(next, 'stages');
    this.reveal(this.shown.revealed);
    this.options.focus(focus);
  }

  private edited(): void {
    this.host.requestUpdate();
    this.options.onEdit();
  }

  private byId<T extends HTMLElement = HTMLElement>(id: string): T | null {
    return this.options.root().querySelector<T>(`#${CSS.escape(id)}`);
  }
}

const error = (read: drafts.Read<unknown>) => (read.ok ? undefined : read.error);
