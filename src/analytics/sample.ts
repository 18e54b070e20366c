import type { Deal, Lang, Pipeline, StageEvent } from '../model/types.js';
import { CLASSIC_STAGES } from '../model/pipeline-stages.js';
import { pickText } from '../model/text.js';
import { createRng, type Rng, type Seed } from '../sim/random.js';
import { monthsBefore } from './periods.js';
import { DAY_MS } from './numbers.js';

/** The sample every button loads: this seed and this many deals, so board and workspace agree. */
export const SAMPLE_SEED = 20240601;
export const SAMPLE_DEALS = 300;

/** The id of the `n`-th (1-based) sample deal of a pipeline: `sample-0001`. */
export const sampleDealId = (pipelineId: string, n: number) =>
  `${pipelineId}-${String(n).padStart(4, '0')}`;

/** The id of the `n`-th (1-based) history event of a sample deal: `sample-0001-e1`. */
export const sampleEventId = (dealId: string, n: number) => `${dealId}-e${n}`;

/** Whether `dealId` is one `sampleHistory` gives the deals of `pipelineId`. */
export function isSampleDealId(dealId: string, pipelineId: string): boolean {
  const prefix = `${pipelineId}-`;
  return dealId.startsWith(prefix) && /^\d{4,}$/.test(dealId.slice(prefix.length));
}

export interface SampleOptions {
  seed: Seed;
  /** The pipeline to fill; default `samplePipeline()`. Needs at least one stage. */
  pipeline?: Pipeline;
  /** How many deals. Default `SAMPLE_DEALS`. */
  deals?: number;
  /** How many quarters (3 calendar months each) of history before `now`. Default 2. */
  quarters?: number;
  now: number;
  /** Language of titles and lost reasons. Default `en`. */
  lang?: Lang;
}

export interface SampleHistory {
  pipeline: Pipeline;
  /** Oldest first. */
  deals: Deal[];
  /** In time order. */
  events: StageEvent[];
}

/** The six-stage B2B pipeline the sample history runs through. */
export function samplePipeline(options: { now: number; id?: string; lang?: Lang }): Pipeline {
  const lang = options.lang ?? 'en';
  return {
    id: options.id ?? 'sample',
    name: lang === 'es' ? 'Ventas (ejemplo)' : 'Sales (sample)',
    currency: 'EUR',
    stages: CLASSIC_STAGES.map((s) => ({
      ...s,
      name: pickText(s.names, lang, s.name),
      names: { ...s.names },
    })),
    createdAt: monthsBefore(options.now, 12),
    updatedAt: options.now,
  };
}

const OWNERS = ['Ana Ruiz', 'Luis Ortega', 'Marta Gil', 'Jorge Navarro', 'Lucía Prieto'];
const FIRST = ['Carmen', 'Javier', 'Elena', 'Pablo', 'Sara', 'Diego', 'Nuria', 'Raúl', 'Irene'];
const LAST = ['García', 'López', 'Martín', 'Sánchez', 'Romero', 'Castro', 'Molina', 'Herrera'];
const COMPANY_A = ['Grupo', 'Talleres', 'Distribuciones', 'Comercial', 'Industrias', 'Servicios'];
const COMPANY_B = ['Alba', 'Ribera', 'Norte', 'Levante', 'Iberia', 'Costa', 'Vega', 'Duero'];
const COMPANY_C = ['S.L.', 'S.A.', 'y Asociados', 'Hermanos'];
const PRODUCTS: Record<Lang, string[]> = {
  en: [
    'Annual licence',
    'Onboarding package',
    'Support renewal',
    'Team training',
    'Equipment upgrade',
    'Consulting days',
  ],
  es: [
    'Licencia anual',
    'Paquete de implantación',
    'Renovación de soporte',
    'Formación del equipo',
    'Renovación de equipos',
    'Jornadas de consultoría',
  ],
};
/** Lost reasons with weights early in the funnel and late in it (budget early, price late). */
const REASONS: { text: Record<Lang, string>; early: number; late: number }[] = [
  { text: { en: 'Price', es: 'Precio' }, early: 1, late: 4 },
  { text: { en: 'Chose a competitor', es: 'Eligió a la competencia' }, early: 1, late: 3 },
  { text: { en: 'No budget', es: 'Sin presupuesto' }, early: 4, late: 1 },
  { text: { en: 'No decision', es: 'Sin decisión' }, early: 2, late: 2 },
  { text: { en: 'Not now', es: 'No es el momento' }, early: 3, late: 1 },
];

const MEDIAN_AMOUNT = 6000;
const HOUR_MS = 3_600_000;
/** Share of deals created past the first stage (referrals, inbound requests). */
const MID_FUNNEL = [0.88, 0.96];
/** Chance, at stage 2 or later, of a new decision maker sending the deal back to the start. */
const BACK_CHANCE = 0.05;
/** Chance that a lost deal is reopened a few weeks later. */
const REOPEN_CHANCE = 0.04;

function pick<T>(rng: Rng, list: readonly T[]): T {
  return list[Math.floor(rng.next() * list.length)];
}

/**
 * A realistic, deterministic pipeline history: for the same options, the same records. Deals
 * arrive a little faster over time (so quarters differ), start mostly in the first stage, wait a
 * log-normal time in each stage (later stages take longer), advance with a chance that grows
 * along the funnel and shrinks with the deal's size (price matters), are sometimes sent back to
 * the start, get lost with a reason that depends on the stage, are now and then reopened, and
 * stay open when their next step would fall after `now`. Every deal's record matches its events.
 */
export function sampleHistory(options: SampleOptions): SampleHistory {
  const { now } = options;
  const lang = options.lang ?? 'en';
  const pipeline = options.pipeline ?? samplePipeline({ now, lang });
  const n = pipeline.stages.length;
  if (n === 0) throw new RangeError('sampleHistory: the pipeline needs at least one stage');
  const total = Math.max(0, Math.floor(options.deals ?? SAMPLE_DEALS));
  const rng = createRng(options.seed);
  const start = monthsBefore(now, 3 * (options.quarters ?? 2));
  const span = now - start;

  const advance = (i: number) => 0.6 + (n > 1 ? (0.25 * i) / (n - 1) : 0.25);
  const meanDays = (i: number) => 4 + (10 * i) / Math.max(1, n - 1);
  // Arrival density ∝ 1 + GROWTH·x on [0, 1], sampled by inverting its distribution function.
  const GROWTH = 0.3;
  const arrival = (u: number) => (Math.sqrt(1 + 2 * GROWTH * u * (1 + GROWTH / 2)) - 1) / GROWTH;
  const created = Array.from(
    { length: total },
    () => start + Math.floor(span * arrival(rng.next())),
  );
  created.sort((a, b) => a - b);

  const deals: Deal[] = [];
  const events: StageEvent[] = [];
  created.forEach((createdAt, k) => {
    const id = sampleDealId(pipeline.id, k + 1);
    const company = `${pick(rng, COMPANY_A)} ${pick(rng, COMPANY_B)} ${pick(rng, COMPANY_C)}`;
    const amount = Math.max(
      300,
      Math.round((MEDIAN_AMOUNT * Math.exp(0.8 * rng.normal())) / 100) * 100,
    );
    // Bigger deals are harder to win: a few points less per doubling of the amount.
    const priceEffect = -0.04 * Math.log2(amount / MEDIAN_AMOUNT);
    const u = rng.next();
    let stage = Math.min(n - 1, u < MID_FUNNEL[0] ? 0 : u < MID_FUNNEL[1] ? 1 : 2);
    const own: StageEvent[] = [];
    const log = (kind: StageEvent['kind'], from: string | null, to: string, at: number) =>
      own.push({
        id: sampleEventId(id, own.length + 1),
        pipelineId: pipeline.id,
        dealId: id,
        kind,
        from,
        to,
        at,
      });
    const stageId = (i: number) => pipeline.stages[i].id;

    log('created', null, stageId(stage), createdAt);
    let t = createdAt;
    let entered = createdAt;
    let outcome: Deal['outcome'] = 'open';
    let lostReason: string | undefined;
    let sentBack = false;
    let reopened = false;
    for (;;) {
      const dwell = meanDays(stage) * DAY_MS * Math.exp(0.6 * rng.normal() - 0.18);
      const next = t + Math.max(HOUR_MS, Math.round(dwell));
      if (next > now) break;
      t = next;
      if (stage >= 2 && !sentBack && rng.next() < BACK_CHANCE) {
        sentBack = true;
        log('moved', stageId(stage), stageId(0), t);
        stage = 0;
        entered = t;
        continue;
      }
      const p = Math.min(0.95, Math.max(0.05, advance(stage) + priceEffect));
      if (rng.next() < p) {
        if (stage === n - 1) {
          log('won', stageId(stage), stageId(stage), t);
          outcome = 'won';
          break;
        }
        log('moved', stageId(stage), stageId(stage + 1), t);
        stage++;
        entered = t;
        continue;
      }
      log('lost', stageId(stage), stageId(stage), t);
      outcome = 'lost';
      lostReason = lostReasonFor(rng, stage / Math.max(1, n - 1), lang);
      const back = t + Math.round((10 + 30 * rng.next()) * DAY_MS);
      if (reopened || back > now || rng.next() >= REOPEN_CHANCE) break;
      reopened = true;
      t = back;
      entered = t;
      outcome = 'open';
      lostReason = undefined;
      log('reopened', stageId(stage), stageId(stage), t);
    }
    events.push(...own);
    const deal: Deal = {
      id,
      pipelineId: pipeline.id,
      title: `${pick(rng, PRODUCTS[lang])} – ${company}`,
      company,
      contact: `${pick(rng, FIRST)} ${pick(rng, LAST)}`,
      amount,
      currency: pipeline.currency,
      owner: pick(rng, OWNERS),
      expectedClose: new Date(createdAt + 45 * DAY_MS).toISOString().slice(0, 10),
      stageId: stageId(stage),
      outcome,
      createdAt,
      updatedAt: t,
      stageEnteredAt: entered,
      version: own.length,
    };
    if (lostReason !== undefined) deal.lostReason = lostReason;
    deals.push(deal);
  });
  // Stable: a deal's own events, already in order, keep their order on equal times.
  events.sort((a, b) => a.at - b.at);
  return { pipeline, deals, events };
}

function lostReasonFor(rng: Rng, late: number, lang: Lang): string {
  const weights = REASONS.map((r) => r.early * (1 - late) + r.late * late);
  let u = rng.next() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < REASONS.length; i++) {
    u -= weights[i];
    if (u < 0) return REASONS[i].text[lang];
  }
  return REASONS[REASONS.length - 1].text[lang];
}
