import type { Process, Scenario } from './types.js';

/**
 * The built-in scenarios as compact data, without their titles and source lines (those live in
 * `presets.ts`): an embedded funnel needs only the numbers and stage names, so it imports this.
 * Stage models follow the Spanish source articles (the 7-stage pipeline, the 8-step cycle, the
 * three processes) or common industry funnels; every number is a round, illustrative default.
 */

export const PRESET_IDS = [
  'pipeline-7',
  'cycle-8',
  'three-processes',
  'saas-b2b',
  'ecommerce',
] as const;

export type PresetId = (typeof PRESET_IDS)[number];

/** English name, Spanish name, rate, process, and days in stage when known. */
type StageRow = [en: string, es: string, rate: number, process: Process, days?: number];

interface Spec {
  money: Omit<Scenario, 'stages' | 'wonStage' | 'name'>;
  wonStage: number;
  stages: StageRow[];
}

const SPECS: Record<PresetId, Spec> = {
  'pipeline-7': {
    money: {
      leads: 1000,
      dealValue: 3000,
      currency: 'EUR',
      costPerLead: 15,
      margin: 0.4,
      repeatRate: 0.3,
      retention: 0.85,
    },
    wonStage: 5,
    stages: [
      ['Prospecting', 'Prospección', 0.6, 'leads', 7],
      ['First contact', 'Primer contacto', 0.5, 'leads', 5],
      // Qualification is the neck of the funnel in the articles: only prospects close to the
      // ideal buyer go on, so it gets the lowest rate.
      ['Qualification', 'Cualificación', 0.3, 'conversion', 10],
      ['Offer presentation', 'Presentación de la oferta', 0.6, 'conversion', 14],
      ['Negotiation', 'Negociación', 0.6, 'conversion', 14],
      ['Close', 'Cierre', 0.8, 'conversion', 7],
      ['After-sale follow-up', 'Seguimiento posventa', 0.9, 'repeat', 30],
    ],
  },
  'cycle-8': {
    money: {
      leads: 1000,
      dealValue: 1500,
      currency: 'EUR',
      costPerLead: 10,
      margin: 0.45,
      repeatRate: 0.35,
      retention: 0.8,
    },
    wonStage: 3,
    stages: [
      ['Lead generation', 'Generación de leads', 0.5, 'leads', 7],
      ['Contact', 'Contacto', 0.45, 'leads', 5],
      ['Needs analysis', 'Análisis de necesidades', 0.4, 'conversion', 10],
      ['Offer and win', 'Oferta y cierre', 0.35, 'conversion', 14],
      ['Delivery', 'Entrega', 0.97, 'repeat', 7],
      ['Follow-up and retention', 'Seguimiento y fidelización', 0.8, 'repeat', 30],
      ['Cross-sell', 'Venta cruzada', 0.25, 'repeat', 60],
      ['Win-back', 'Recuperación de clientes', 0.2, 'repeat', 90],
    ],
  },
  'three-processes': {
    money: {
      // Here the top of the funnel is the audience reached, not yet identified candidates.
      leads: 10000,
      dealValue: 400,
      currency: 'EUR',
      costPerLead: 0.5,
      margin: 0.5,
      repeatRate: 0.35,
      retention: 0.9,
    },
    wonStage: 1,
    stages: [
      ['Lead generation', 'Generación de candidatos', 0.1, 'leads', 14],
      ['Conversion', 'Conversión', 0.03, 'conversion', 30],
      ['Repeat purchase', 'Recompra', 0.35, 'repeat', 90],
    ],
  },
  'saas-b2b': {
    money: {
      leads: 2000,
      // First-year contract value; renewals come through repeatRate.
      dealValue: 12000,
      currency: 'USD',
      costPerLead: 200,
      margin: 0.8,
      repeatRate: 0.8,
    },
    wonStage: 3,
    stages: [
      ['Lead', 'Lead', 0.3, 'leads', 3],
      ['MQL', 'MQL', 0.4, 'leads', 10],
      ['SQL', 'SQL', 0.5, 'conversion', 14],
      ['Opportunity', 'Oportunidad', 0.25, 'conversion', 45],
      // The won deals themselves, drawn as the funnel's last band; a won deal stays won.
      ['Won', 'Ganada', 1, 'repeat'],
    ],
  },
  ecommerce: {
    money: {
      leads: 20000,
      dealValue: 65,
      currency: 'EUR',
      costPerLead: 0.4,
      margin: 0.35,
      repeatRate: 0.3,
      retention: 0.9,
    },
    wonStage: 3,
    stages: [
      ['Visit', 'Visita', 0.08, 'leads', 0],
      ['Cart', 'Carrito', 0.45, 'conversion', 1],
      ['Checkout', 'Finalizar compra', 0.65, 'conversion', 0],
      ['Purchase', 'Compra', 0.9, 'conversion', 0],
      ['Repeat', 'Recompra', 0.3, 'repeat', 60],
    ],
  },
};

const known = (id: string): id is PresetId => (PRESET_IDS as readonly string[]).includes(id);

/** A fresh, mutable scenario of the preset with this id, or `undefined` for an unknown id. */
export function presetScenario(id: string): Scenario | undefined {
  if (!known(id)) return undefined;
  const { money, wonStage, stages } = SPECS[id];
  return {
    ...money,
    stages: stages.map(([en, es, rate, , days]) => ({
      name: en,
      names: { es, en },
      rate,
      ...(days !== undefined ? { days } : {}),
    })),
    wonStage,
  };
}

/** Which process each stage of the preset belongs to, index by index. */
export function presetProcesses(id: PresetId): Process[] {
  return SPECS[id].stages.map((s) => s[3]);
}
