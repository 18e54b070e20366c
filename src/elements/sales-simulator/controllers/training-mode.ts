import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Lang, Scenario } from '../../../model/types.js';
import type { SavedScenario } from '../../../store/records.js';
import type { Announcer } from '../../controllers/announcer.js';
import type { FocusAfterRender } from '../../controllers/focus-after-render.js';
import * as presenting from '../model/presenting.js';
import * as vm from '../model/view-model.js';
import {
  presentingShortcut,
  renderPresentingBar,
  renderPresentingHelp,
} from '../panels/presenting-bar.js';
import { renderBlank, renderProjector } from '../panels/projector.js';
import { renderFunnel, type ResultsProps } from '../panels/results.js';
import type { SimulatorStrings } from '../strings.js';
import { DeckController, type DeckOptions } from './deck-controller.js';
import { ProjectorFit } from './projector-fit.js';
import { RoomController } from './room.js';
import type { ScenarioEditor } from './scenario-editor.js';

export interface TrainingModeOptions {
  presenting: () => boolean;
  /** Opened from an audience link: only full screen is the audience's to change. */
  audience: () => boolean;
  editor: ScenarioEditor;
  announcer: Announcer;
  focus: FocusAfterRender;
  root: () => ShadowRoot;
  text: () => SimulatorStrings;
  lang: () => Lang;
  view: () => vm.SimulatorView;
  /** The saved scenarios, for a deck made from them. */
  saved: () => readonly SavedScenario[] | undefined;
  audienceLink: () => string;
  /** A deck step's scenario replaces the one in effect, and its baseline. */
  use: (scenario: Scenario) => void;
  /** The person changed the scenario (a deck's step). */
  changed: () => void;
  /** The deck could not be used, or `undefined` once it can (DeckOptions.onProblem). */
  onProblem: DeckOptions['onProblem'];
  /** A deck was loaded: the status line says so. */
  say: (status: string) => void;
}

/**
 * Training mode: the trainer's keys (heard on the whole page), the answer and the blank screen,
 * stages shown one by one, and the projected part of the element (funnel, bar, figures).
 */
export class TrainingMode {
  readonly decks: DeckController;
  readonly room: RoomController;
  readonly fit: ProjectorFit;
  private answerShown = false;
  private blank = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly o: TrainingModeOptions,
  ) {
    this.decks = new DeckController(host, {
      lang: o.lang,
      text: o.text,
      start: () => o.editor.baseline,
      onStep: (scenario, before, back) => this.showStep(scenario, before, back),
      onProblem: o.onProblem,
      say: o.say,
    });
    this.room = new RoomController(host, (e) => this.onShortcut(e));
    this.fit = new ProjectorFit(
      host,
      () => o.root()?.querySelector<HTMLElement>('.projector sales-funnel'),
      o.presenting,
    );
  }

  /** The ranking, band and diagnosis are shown (the class has guessed). */
  get answer(): boolean {
    return this.answerShown;
  }

  set answer(shown: boolean) {
    this.answerShown = shown;
    this.host.requestUpdate();
  }

  /** The screen is blanked (B), as in a slide show. */
  get blanked(): boolean {
    return this.blank;
  }

  /** Before the answer: only what the stages revealed so far give away. */
  get secret(): boolean {
    return this.o.presenting() && !this.answerShown;
  }

  /** Training mode was turned on or off: it starts again from the first stage, or shows all. */
  toggled(on: boolean): void {
    this.o.editor.reveal(on ? 1 : Infinity);
    this.answer = false;
    this.blank = false;
  }

  /** A deck's step: its scenario measured against the step before it. */
  private showStep(scenario: Scenario, before: Scenario, back: boolean): void {
    const { editor } = this.o;
    this.o.use(scenario);
    editor.baseline = before;
    // A change keeps the stages the class has seen; a new scenario is revealed again.
    const total = scenario.stages.length;
    const all = back || (before !== scenario && total === before.stages.length);
    if (this.o.presenting() && all) editor.show(presenting.revealAll(editor.shown, total));
    this.answer = back;
    this.o.changed();
  }

  private onShortcut(e: KeyboardEvent): void {
    const { editor } = this.o;
    const { decks } = this;
    const key = this.o.presenting() ? presentingShortcut(e) : undefined;
    const rates = editor.current.stages.map((s) => s.rate);
    const floor = decks.changing ? rates.length : 1;
    const step = key && presenting.presentingKey(editor.shown, key, rates, this.answer, floor);
    if (!step || (this.o.audience() && step.command !== 'fullscreen')) return;
    e.preventDefault();
    // Any key brings a blanked screen back, as in a slide show; B also blanks it again.
    if (this.blank && step.command !== 'blank') return this.setBlank(false);
    this.present(step.state);
    if (step.rate) editor.setRate(step.rate.index, step.rate.rate, false);
    if (step.command) this.command(step.command);
  }

  private command(command: presenting.PresentingCommand): void {
    const { announcer } = this.o;
    const { decks } = this;
    switch (command) {
      case 'answer':
      case 'hide-answer':
        this.answer = command === 'answer';
        announcer.announce(
          this.answer ? this.o.view().ranking.sentence : this.o.text().answerHidden,
        );
        break;
      case 'blank':
        this.setBlank(!this.blank);
        break;
      case 'fullscreen':
        void this.room.toggleFullscreen();
        break;
      case 'next-step':
      case 'previous-step':
        if (decks.go(command === 'next-step' ? 1 : -1)) {
          announcer.announce(decks.status()?.status ?? '');
        }
        break;
    }
  }

  /** Blanks the screen or shows it again; from a button, focus goes to the overlay and back. */
  private setBlank(blanked: boolean, focus?: 'overlay' | 'back'): void {
    this.blank = blanked;
    this.host.requestUpdate();
    const target = focus === 'overlay' ? '.blank' : '[data-action="blank"]';
    if (focus) this.o.focus.focus(() => this.o.root().querySelector<HTMLElement>(target));
  }

  /** Another stage shown or selected: said, since the change may be out of view. */
  private present(state: presenting.PresentingState): void {
    const root = this.o.root();
    // A control in a stage about to be hidden hands the focus to "Show next stage" (WCAG 2.4.3).
    const rows = [...root.querySelectorAll('[part="stage"]')];
    const row = root.activeElement?.closest('[part="stage"]');
    const hidden = row ? rows.indexOf(row) >= state.revealed : false;
    if (!this.o.editor.show(state)) return;
    if (hidden) {
      this.o.focus.focus(() =>
        root.querySelector<HTMLElement>('[data-action="next"]:not([disabled])'),
      );
    }
    const { text, lang, view } = this.o;
    this.o.announcer.announce(vm.revealText(state, view().scenario, lang(), text()));
  }

  private async copyAudienceLink(): Promise<void> {
    const url = this.o.audienceLink();
    const text = this.o.text();
    try {
      await navigator.clipboard.writeText(url);
      this.o.announcer.announce(text.audienceCopied);
    } catch {
      this.o.announcer.announce(`${text.copyByHand} ${url}`);
    }
  }

  /** The projected part: the funnel, and beside it `top`, the bar and the figures. */
  render(
    shown: presenting.PresentingState,
    results: ResultsProps,
    top: TemplateResult,
  ): TemplateResult {
    const { editor } = this.o;
    const { decks } = this;
    const s = this.o.text();
    const v = this.o.view();
    const audience = this.o.audience();
    const total = editor.current.stages.length;
    const figures = v.figures.filter((f) => f.id === 'won' || f.id === 'revenue');
    const step = decks.status();
    const saved = this.o.saved();
    const bar = renderPresentingBar({
      text: s,
      status: vm.revealText(shown, v.scenario, this.o.lang(), s),
      revealed: shown.revealed,
      total,
      answer: this.answer,
      ...(this.room.available ? { fullscreen: this.room.fullscreen } : {}),
      audience,
      ...(decks.deck ? { step } : {}),
      onPrevious: () => this.present(presenting.revealPrevious(shown, total)),
      onNext: () => this.present(presenting.revealNext(shown, total)),
      onAll: () => this.present(presenting.revealAll(shown, total)),
      onAnswer: () => this.command(this.answer ? 'hide-answer' : 'answer'),
      onFullscreen: () => void this.room.toggleFullscreen(),
      onBlank: () => this.setBlank(true, 'overlay'),
      onStep: (by) => this.command(by > 0 ? 'next-step' : 'previous-step'),
      onAudienceLink: () => void this.copyAudienceLink(),
      ...(saved?.length ? { onDeckFromSaved: () => decks.fromSaved(saved) } : {}),
    });
    return html`${renderProjector({
      top: html`${top}${bar}`,
      figures,
      // The projected funnel draws the scenario alone: the figures and the step's line say what
      // changed, and each stage keeps three label lines, large enough for the back of the room.
      funnel: renderFunnel({ ...results.funnel, compare: undefined }, s),
      height: this.fit.stageHeight * total,
      offset: this.fit.top,
      sentence: this.secret ? s.answerHidden : v.ranking.sentence,
      ...(step ? { change: step.change } : {}),
    })}
    ${audience ? nothing : renderPresentingHelp(s, step?.note)}
    ${this.blank ? renderBlank(s, () => this.setBlank(false, 'back')) : nothing}`;
  }
}
