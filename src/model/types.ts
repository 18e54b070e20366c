/**
 * The domain types shared by every layer. Pure: no DOM, no Lit.
 *
 * One scenario shape is used everywhere (HTML attributes, links, files, the engine's input):
 * `{ "leads": 1000, "dealValue": 2500, "stages": [{ "name": "Contact", "rate": 0.6 }] }`
 * plus the optional fields below. What people write is a `ScenarioInput`; `parseScenario`
 * turns any value into a `Scenario` (normalized: defaults filled in, counts turned into rates)
 * or a list of errors.
 */

/** The languages built in. */
export type Lang = 'es' | 'en';
export const LANGS: readonly Lang[] = ['es', 'en'];

/** Text given per language; `en` is the fallback. */
export type LocalizedText = Partial<Record<Lang, string>>;

/** A conversion rate given as observed counts: `won` of `of` went on to the next stage. */
export interface ObservedRate {
  won: number;
  of: number;
}

/** A stage of a scenario, normalized. */
export interface Stage {
  /** Display name (in the scenario's own language). */
  name: string;
  /** Optional names per language, for presets and bilingual scenarios. */
  names?: LocalizedText;
  /**
   * Share of the deals entering this stage that go on to the next one (the last stage's rate
   * is the share that closes / completes), in [0, 1]. When the rate was given as observed
   * counts this is their posterior mean `(won + 1) / (of + 2)` (`observedRate`), the mean of
   * the Beta posterior Monte Carlo draws from: ½ at 0 of 0, close to `won / of` for many.
   */
  rate: number;
  /** Present when the rate was given as observed counts; Monte Carlo draws from its Beta posterior. */
  observed?: ObservedRate;
  /** Average days a deal spends in this stage. */
  days?: number;
  /** A benchmark rate for this stage (a target or an industry figure), in [0, 1]. */
  benchmark?: number;
}

/** Which of the three processes a stage belongs to (lead generation, conversion, repeat purchase). */
export type Process = 'leads' | 'conversion' | 'repeat';

/** A what-if scenario for one period, normalized by `parseScenario`. */
export interface Scenario {
  /** Optional title. */
  name?: string;
  /** Leads entering the funnel per period (an integer ≥ 0). */
  leads: number;
  /** Average value of a won deal, in `currency`. */
  dealValue: number;
  /** The stages, in order; 1 to 50 of them. */
  stages: Stage[];
  /**
   * Index of the stage whose advancing deals are the won deals (the sale). Default: the last
   * stage. Stages after it are after-sale steps (delivery, retention, cross-sell, win-back):
   * they are drawn and projected, but do not change `won`.
   */
  wonStage: number;
  /** ISO 4217 currency code, upper case. Default `EUR`. */
  currency: string;
  /** Marketing and sales cost per lead; `spend` wins when both are given. */
  costPerLead?: number;
  /** Total acquisition spend for the period. */
  spend?: number;
  /** Gross margin on a sale, in [0, 1]. Default 1 (revenue counts in full). */
  margin?: number;
  /** Chance that a customer buys again after each purchase, in [0, 1). */
  repeatRate?: number;
  /** Chance that a customer is still a customer at the next purchase occasion, in [0, 1]. Default 1. */
  retention?: number;
  /** Standard deviation of a single deal's value (Monte Carlo only). Default 0: every deal is worth `dealValue`. */
  dealValueSd?: number;
}

/** A stage's name as written: `name`, or `names` per language to take it from. */
type StageNameInput =
  { name: string; names?: LocalizedText } | { name?: undefined; names: LocalizedText };

/**
 * A stage's rate as written: a share in [0, 1] or observed counts `{ won, of }` in `rate`, or
 * the counts in `observed` (next to their numeric rate, as the normalized form has them).
 */
type StageRateInput =
  | { rate: number | ObservedRate; observed?: ObservedRate }
  | { rate?: undefined; observed: ObservedRate };

/** A stage as people write it (README "Stage fields"); a normalized `Stage` is one too. */
export type StageInput = StageNameInput & StageRateInput & Pick<Stage, 'days' | 'benchmark'>;

/**
 * A scenario as people write it (README "Scenario fields"), in an attribute, a file, a link or
 * a call to the engine: `wonStage` (default: the last stage) and `currency` (default `EUR`, any
 * case) may be left out, rates may be counts. Every normalized `Scenario` is one too.
 * `parseScenario` checks it and fills in the defaults.
 */
export interface ScenarioInput extends Omit<Scenario, 'stages' | 'wonStage' | 'currency'> {
  stages: readonly StageInput[];
  wonStage?: number;
  currency?: string;
}

/** Observed counts per stage, as the funnel's `stages` attribute takes them. */
export interface StageCount {
  name: string;
  names?: LocalizedText;
  /** Deals (or visitors, leads…) that reached this stage. `null` when unknown. */
  value: number | null;
}

/** A problem found in an input, naming the field. */
export interface ValidationError {
  /** Field path, such as `stages[2].rate` (`""` for the value as a whole). */
  path: string;
  /** Stable machine-readable code, such as `rate-range`. */
  code: string;
  /** Values the message refers to. */
  params?: Record<string, string | number>;
  /** The message in the language asked for, in words a user understands. */
  message: string;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: ValidationError[] };

/** A built-in scenario. */
export interface Preset {
  id: string;
  title: Record<Lang, string>;
  /** One line: where the numbers come from. */
  source: Record<Lang, string>;
  /** Which process each stage belongs to, index by index. */
  processes: Process[];
  scenario: Scenario;
}

// ---- The board (persisted by src/store, read by src/analytics) ----

export interface PipelineStage {
  id: string;
  name: string;
  names?: LocalizedText;
  /** Chance a deal in this stage closes as won, for the weighted column total, in [0, 1]. */
  probability?: number;
}

/** What the team aims to win, set in `<sales-forecast>`. */
export interface PipelineGoal {
  /** Won revenue each calendar quarter, in the pipeline's currency. */
  revenue: number;
}

export interface Pipeline {
  id: string;
  name: string;
  currency: string;
  stages: PipelineStage[];
  /** Absent on pipelines stored before goals existed, and until one is set. */
  goal?: PipelineGoal;
  /**
   * The id of the saved scenario the team plans by (`SavedScenario.id`): `<sales-funnel
   * pipeline>` draws it as the compared outline, labelled "Plan". Absent until one is set.
   */
  plan?: string;
  createdAt: number;
  updatedAt: number;
}

export type DealOutcome = 'open' | 'won' | 'lost';

export interface Deal {
  id: string;
  pipelineId: string;
  title: string;
  company?: string;
  contact?: string;
  amount: number;
  currency: string;
  owner?: string;
  /** ISO date `YYYY-MM-DD`. */
  expectedClose?: string;
  notes?: string;
  stageId: string;
  outcome: DealOutcome;
  lostReason?: string;
  /** The deal's id in the CRM it was imported from: a re-import updates it rather than adding it again. */
  sourceId?: string;
  createdAt: number;
  updatedAt: number;
  /** When the deal entered its current stage (ms since epoch). */
  stageEnteredAt: number;
  /**
   * Order within its stage's column: lower shows higher. Fractional, so a reorder writes only
   * the deal moved (the midpoint of its new neighbours); the store sets it on every write.
   * Absent only on deals from before schema version 3 or from older export files.
   */
  rank?: number;
  /** Incremented on every write; a write based on an older version is a conflict. */
  version: number;
}

export type StageEventKind = 'created' | 'moved' | 'won' | 'lost' | 'reopened';

/** One entry of a deal's stage history. */
export interface StageEvent {
  id: string;
  pipelineId: string;
  dealId: string;
  kind: StageEventKind;
  /** Stage left (`null` on creation). */
  from: string | null;
  /** Stage entered (for won/lost, the stage the deal was in). */
  to: string;
  at: number;
}
