import { PRESET_IDS, presetProcesses, presetScenario, type PresetId } from './preset-scenarios.js';
import type { Lang, Preset, Scenario } from './types.js';

/**
 * The built-in presets: the scenarios of `preset-scenarios.ts` with a title and a source line
 * owning up to where the numbers come from.
 */

export { PRESET_IDS, type PresetId };

type Texts = [titleEn: string, titleEs: string, sourceEn: string, sourceEs: string];

const TEXTS: Record<PresetId, Texts> = {
  'pipeline-7': [
    'Sales pipeline in 7 stages',
    'Flujo de ventas en 7 etapas',
    'Stages from the source articles on the sales pipeline; rates, values and days are round illustrative numbers (about 3 % of leads become customers).',
    'Etapas de los artículos de origen sobre el flujo de ventas; tasas, importes y días son cifras redondas ilustrativas (cerca del 3 % de los leads acaba comprando).',
  ],
  'cycle-8': [
    'Sales cycle in 8 steps',
    'Ciclo de ventas en 8 etapas',
    'The 8-step sales cycle of the source articles, which goes on after the sale; rates, values and days are round illustrative numbers.',
    'El ciclo de ventas en 8 etapas de los artículos de origen, que sigue tras la venta; tasas, importes y días son cifras redondas ilustrativas.',
  ],
  'three-processes': [
    'The three sales processes',
    'Los tres procesos de venta',
    'The three processes of the source articles, with their example of 3 % of candidates becoming customers; the other numbers are illustrative.',
    'Los tres procesos de los artículos de origen, con su ejemplo de un 3 % de candidatos convertidos en clientes; el resto de cifras son ilustrativas.',
  ],
  'saas-b2b': [
    'B2B SaaS funnel',
    'Embudo SaaS B2B',
    'Typical B2B SaaS benchmarks, rounded (about 30 % of leads become MQLs, 25 % of opportunities are won); illustrative, not measured.',
    'Referencias típicas de SaaS B2B, redondeadas (cerca del 30 % de los leads pasa a MQL, se gana el 25 % de las oportunidades); ilustrativo, no medido.',
  ],
  ecommerce: [
    'Online shop',
    'Tienda online',
    'Typical online-shop figures, rounded (about 8 % of visits add to cart, 3 in 4 carts are abandoned, 2 % of visits buy); illustrative.',
    'Cifras típicas de una tienda online, redondeadas (cerca del 8 % de las visitas añade al carrito, se abandonan 3 de cada 4 carritos, compra el 2 % de las visitas); ilustrativo.',
  ],
};

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

/** The built-in presets, in display order. Frozen: `getPreset` hands out copies to change. */
export const PRESETS: readonly Preset[] = deepFreeze(
  PRESET_IDS.map((id): Preset => {
    const [titleEn, titleEs, sourceEn, sourceEs] = TEXTS[id];
    return {
      id,
      title: { en: titleEn, es: titleEs },
      source: { en: sourceEn, es: sourceEs },
      processes: presetProcesses(id),
      scenario: presetScenario(id)!,
    };
  }),
);

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
