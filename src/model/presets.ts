import type { Lang, Preset, Process, Scenario, Stage } from './types.js';

/**
 * The built-in scenarios. Stage models follow the Spanish source articles (the 7-stage
 * pipeline, the 8-step cycle, the three processes) or common industry funnels; every number is
 * a round, illustrative default that the `source` line owns up to.
 */

export const PRESET_IDS = [
  'pipeline-7',
  'cycle-8',
  'three-processes',
  'saas-b2b',
  'ecommerce',
] as const;

export type PresetId = (typeof PRESET_IDS)[number];

interface StageSpec {
  en: string;
  es: string;
  rate: number;
  days?: number;
  process: Process;
}

type Money = Omit<Scenario, 'stages' | 'wonStage' | 'name'>;

function preset(
  id: PresetId,
  title: Record<Lang, string>,
  source: Record<Lang, string>,
  money: Money,
  stages: StageSpec[],
  wonStage = stages.length - 1,
): Preset {
  return {
    id,
    title,
    source,
    processes: stages.map((s) => s.process),
    scenario: {
      ...money,
      stages: stages.map(({ en, es, rate, days }): Stage => ({
        name: en,
        names: { es, en },
        rate,
        ...(days !== undefined ? { days } : {}),
      })),
      wonStage,
    },
  };
}

const pipeline7 = preset(
  'pipeline-7',
  { en: 'Sales pipeline in 7 stages', es: 'Flujo de ventas en 7 etapas' },
  {
    en: 'Stages from the source articles on the sales pipeline; rates, values and days are round illustrative numbers (about 3 % of leads become customers).',
    es: 'Etapas de los artículos de origen sobre el flujo de ventas; tasas, importes y días son cifras redondas ilustrativas (cerca del 3 % de los leads acaba comprando).',
  },
  {
    leads: 1000,
    dealValue: 3000,
    currency: 'EUR',
    costPerLead: 15,
    margin: 0.4,
    repeatRate: 0.3,
    retention: 0.85,
  },
  [
    { en: 'Prospecting', es: 'Prospección', rate: 0.6, days: 7, process: 'leads' },
    { en: 'First contact', es: 'Primer contacto', rate: 0.5, days: 5, process: 'leads' },
    // Qualification is the neck of the funnel in the articles: only prospects close to the
    // ideal buyer go on, so it gets the lowest rate.
    { en: 'Qualification', es: 'Cualificación', rate: 0.3, days: 10, process: 'conversion' },
    {
      en: 'Offer presentation',
      es: 'Presentación de la oferta',
      rate: 0.6,
      days: 14,
      process: 'conversion',
    },
    { en: 'Negotiation', es: 'Negociación', rate: 0.6, days: 14, process: 'conversion' },
    { en: 'Close', es: 'Cierre', rate: 0.8, days: 7, process: 'conversion' },
    {
      en: 'After-sale follow-up',
      es: 'Seguimiento posventa',
      rate: 0.9,
      days: 30,
      process: 'repeat',
    },
  ],
  5,
);

const cycle8 = preset(
  'cycle-8',
  { en: 'Sales cycle in 8 steps', es: 'Ciclo de ventas en 8 etapas' },
  {
    en: 'The 8-step sales cycle of the source articles, which goes on after the sale; rates, values and days are round illustrative numbers.',
    es: 'El ciclo de ventas en 8 etapas de los artículos de origen, que sigue tras la venta; tasas, importes y días son cifras redondas ilustrativas.',
  },
  {
    leads: 1000,
    dealValue: 1500,
    currency: 'EUR',
    costPerLead: 10,
    margin: 0.45,
    repeatRate: 0.35,
    retention: 0.8,
  },
  [
    { en: 'Lead generation', es: 'Generación de leads', rate: 0.5, days: 7, process: 'leads' },
    { en: 'Contact', es: 'Contacto', rate: 0.45, days: 5, process: 'leads' },
    {
      en: 'Needs analysis',
      es: 'Análisis de necesidades',
      rate: 0.4,
      days: 10,
      process: 'conversion',
    },
    { en: 'Offer and win', es: 'Oferta y cierre', rate: 0.35, days: 14, process: 'conversion' },
    { en: 'Delivery', es: 'Entrega', rate: 0.97, days: 7, process: 'repeat' },
    {
      en: 'Follow-up and retention',
      es: 'Seguimiento y fidelización',
      rate: 0.8,
      days: 30,
      process: 'repeat',
    },
    { en: 'Cross-sell', es: 'Venta cruzada', rate: 0.25, days: 60, process: 'repeat' },
    { en: 'Win-back', es: 'Recuperación de clientes', rate: 0.2, days: 90, process: 'repeat' },
  ],
  3,
);

const threeProcesses = preset(
  'three-processes',
  { en: 'The three sales processes', es: 'Los tres procesos de venta' },
  {
    en: 'The three processes of the source articles, with their example of 3 % of candidates becoming customers; the other numbers are illustrative.',
    es: 'Los tres procesos de los artículos de origen, con su ejemplo de un 3 % de candidatos convertidos en clientes; el resto de cifras son ilustrativas.',
  },
  {
    // Here the top of the funnel is the audience reached, not yet identified candidates.
    leads: 10000,
    dealValue: 400,
    currency: 'EUR',
    costPerLead: 0.5,
    margin: 0.5,
    repeatRate: 0.35,
    retention: 0.9,
  },
  [
    {
      en: 'Lead generation',
      es: 'Generación de candidatos',
      rate: 0.1,
      days: 14,
      process: 'leads',
    },
    { en: 'Conversion', es: 'Conversión', rate: 0.03, days: 30, process: 'conversion' },
    { en: 'Repeat purchase', es: 'Recompra', rate: 0.35, days: 90, process: 'repeat' },
  ],
  1,
);

const saas = preset(
  'saas-b2b',
  { en: 'B2B SaaS funnel', es: 'Embudo SaaS B2B' },
  {
    en: 'Typical B2B SaaS benchmarks, rounded (about 30 % of leads become MQLs, 25 % of opportunities are won); illustrative, not measured.',
    es: 'Referencias típicas de SaaS B2B, redondeadas (cerca del 30 % de los leads pasa a MQL, se gana el 25 % de las oportunidades); ilustrativo, no medido.',
  },
  {
    leads: 2000,
    // First-year contract value; renewals come through repeatRate.
    dealValue: 12000,
    currency: 'USD',
    costPerLead: 200,
    margin: 0.8,
    repeatRate: 0.8,
  },
  [
    { en: 'Lead', es: 'Lead', rate: 0.3, days: 3, process: 'leads' },
    { en: 'MQL', es: 'MQL', rate: 0.4, days: 10, process: 'leads' },
    { en: 'SQL', es: 'SQL', rate: 0.5, days: 14, process: 'conversion' },
    { en: 'Opportunity', es: 'Oportunidad', rate: 0.25, days: 45, process: 'conversion' },
    // The won deals themselves, drawn as the funnel's last band; a won deal stays won.
    { en: 'Won', es: 'Ganada', rate: 1, process: 'repeat' },
  ],
  3,
);

const ecommerce = preset(
  'ecommerce',
  { en: 'Online shop', es: 'Tienda online' },
  {
    en: 'Typical online-shop figures, rounded (about 8 % of visits add to cart, 3 in 4 carts are abandoned, 2 % of visits buy); illustrative.',
    es: 'Cifras típicas de una tienda online, redondeadas (cerca del 8 % de las visitas añade al carrito, se abandonan 3 de cada 4 carritos, compra el 2 % de las visitas); ilustrativo.',
  },
  {
    leads: 20000,
    dealValue: 65,
    currency: 'EUR',
    costPerLead: 0.4,
    margin: 0.35,
    repeatRate: 0.3,
    retention: 0.9,
  },
  [
    { en: 'Visit', es: 'Visita', rate: 0.08, days: 0, process: 'leads' },
    { en: 'Cart', es: 'Carrito', rate: 0.45, days: 1, process: 'conversion' },
    { en: 'Checkout', es: 'Finalizar compra', rate: 0.65, days: 0, process: 'conversion' },
    { en: 'Purchase', es: 'Compra', rate: 0.9, days: 0, process: 'conversion' },
    { en: 'Repeat', es: 'Recompra', rate: 0.3, days: 60, process: 'repeat' },
  ],
  3,
);

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

/** The built-in presets, in display order. Frozen: `getPreset` hands out copies to change. */
export const PRESETS: readonly Preset[] = deepFreeze([
  pipeline7,
  cycle8,
  threeProcesses,
  saas,
  ecommerce,
]);

/** A fresh, mutable copy of the preset with this id, or `undefined` for an unknown id. */
export function getPreset(id: string): Preset | undefined {
  const found = PRESETS.find((p) => p.id === id);
  return found ? structuredClone(found) : undefined;
}

/** A copy of the scenario whose stage names are in `lang` (where `names` has that language). */
export function localizeScenario(s: Scenario, lang: Lang): Scenario {
  return {
    ...s,
    stages: s.stages.map((stage) => ({
      ...stage,
      name: stage.names?.[lang] ?? stage.name,
      ...(stage.names ? { names: { ...stage.names } } : {}),
      ...(stage.observed ? { observed: { ...stage.observed } } : {}),
    })),
  };
}
