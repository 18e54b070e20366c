import type { ReactiveControllerHost } from 'lit';
import type { Lang, Scenario } from '../../../model/types.js';
import { causeOf } from '../../../model/explain.js';
import { t } from '../../i18n.js';
import { parseScenario } from '../../../model/validate.js';
import type { SavedScenario } from '../../../store/records.js';
import {
  deckErrorTexts,
  deckFromScenarios,
  parseDeck,
  parseDeckText,
  stepChangeText,
  type Deck,
} from '../model/deck.js';
import type { StepStatus } from '../panels/presenting-bar.js';
import type { SimulatorStrings } from '../strings.js';

export interface DeckOptions {
  lang: () => Lang;
  text: () => SimulatorStrings;
  /** Where a first change applies: the scenario the element starts from. */
  start: () => Scenario;
  /**
   * Step `index` is to be shown: its scenario against the step before it; `back` when the
   * trainer went back to it (it then shows as it ended: every stage, the answer).
   */
  onStep: (scenario: Scenario, before: Scenario, back: boolean) => void;
  /**
   * The deck could not be used (the message names each field by its path; `cause`, the engine's
   * own words for a JSON text it refused, is for the console and the event only; `shown`, what
   * a person reads, names each step and stage), or `undefined` once it can.
   */
  onProblem: (message: string | undefined, cause?: string, shown?: string) => void;
  /** A deck was loaded: the status line says so. */
  say: (status: string) => void;
}

/**
 * Training mode's deck: read from the `deck` attribute or property (JSON or an object), a file,
 * a link or the saved scenarios; the step in effect, and the clicker's next and previous step.
 */
export class DeckController {
  deck?: Deck;
  step = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: DeckOptions,
  ) {}

  /**
   * `value` (JSON text or an object) as the deck, from its first step; true when it could be.
   * `said`: a person opened it (a file), so the status line says it was loaded.
   */
  load(value: unknown, said = false): boolean {
    if (value === undefined || value === null || value === '') {
      this.use(undefined);
      return true;
    }
    const { lang, start } = this.options;
    const read =
      typeof value === 'string'
        ? parseDeckText(value, lang(), start())
        : parseDeck(value, lang(), start());
    if (!read.ok) {
      const detail = read.errors.map((e) => e.message).join(' ');
      // A text's stages are named from its parsed value (a text that is no JSON names none).
      const input = typeof value === 'string' ? ('input' in read ? read.input : undefined) : value;
      const shown = deckErrorTexts(read.errors, lang(), input).join(' ');
      const rejected = this.options.text().deckRejected;
      this.options.onProblem(
        t(rejected, { detail }),
        causeOf(read.errors),
        t(rejected, { detail: shown }),
      );
      return false;
    }
    this.use(read.value);
    if (said) this.loaded();
    return true;
  }

  /** The saved scenarios, in their order, as a deck (those that cannot be read left out). */
  fromSaved(saved: readonly SavedScenario[]): void {
    const lang = this.options.lang();
    const items = saved.flatMap((item) => {
      const parsed = parseScenario(item.scenario, { lang });
      return parsed.ok ? [{ name: item.name, scenario: parsed.value }] : [];
    });
    if (items.length === 0) return;
    this.use(deckFromScenarios(this.options.text().deckFromSaved, items));
    this.loaded();
  }

  private loaded(): void {
    const { deck } = this;
    if (!deck) return;
    const text = this.options.text().deckLoaded;
    this.options.say(t(text, { title: deck.title, steps: deck.steps.length }));
  }

  /** `deck` in effect at `step` (kept within its steps), shown. */
  use(deck: Deck | undefined, step = 0): void {
    this.deck = deck;
    this.options.onProblem(undefined);
    this.step = 0;
    if (deck) this.show(Math.min(Math.max(0, step), deck.steps.length - 1), false);
    this.host.requestUpdate();
  }

  /** The step in effect is a change to the one before: it showed every stage at once. */
  get changing(): boolean {
    return this.deck?.steps[this.step]?.change !== undefined;
  }

  /** The next (1) or previous (−1) step; false at either end. */
  go(by: -1 | 1): boolean {
    const to = this.step + by;
    if (!this.deck || to < 0 || to >= this.deck.steps.length) return false;
    this.show(to, by < 0);
    return true;
  }

  /** The bar's line about the step in effect. */
  status(): StepStatus | undefined {
    const { deck, step } = this;
    if (!deck) return undefined;
    const s = this.options.text();
    const current = deck.steps[step];
    return {
      status: t(s.stepStatus, { n: step + 1, total: deck.steps.length, title: current.title }),
      ...(current.note ? { note: current.note } : {}),
      change: stepChangeText(deck, step, this.options.lang(), s),
      first: step === 0,
      last: step === deck.steps.length - 1,
    };
  }

  private show(index: number, back: boolean): void {
    const steps = this.deck!.steps;
    this.step = index;
    const scenario = steps[index].scenario;
    this.options.onStep(scenario, steps[index - 1]?.scenario ?? scenario, back);
    this.host.requestUpdate();
  }
}
