import type { Lang } from '../src/model/types.js';
import { PRESET_IDS, getPreset } from '../src/model/presets.js';

/** One demo example: the markup shown live and, verbatim, as its embed snippet. */
export interface Example {
  id: string;
  title: Record<Lang, string>;
  note: Record<Lang, string>;
  markup: string;
  /** CSS the example relies on (shown with the snippet; the demo's stylesheet holds it). */
  css?: string;
  wide?: boolean;
}

const thisQuarter = [
  { name: 'Leads', names: { es: 'Contactos' }, value: 1480 },
  { name: 'Qualified', names: { es: 'Cualificados' }, value: 610 },
  { name: 'Proposal', names: { es: 'Propuesta' }, value: 240 },
  { name: 'Negotiation', names: { es: 'Negociación' }, value: 118 },
  { name: 'Won', names: { es: 'Ganadas' }, value: 64 },
];
const lastQuarter = [
  { name: 'Leads', value: 1320 },
  { name: 'Qualified', value: 590 },
  { name: 'Proposal', value: 205 },
  { name: 'Negotiation', value: 96 },
  { name: 'Won', value: 51 },
];

const json = (v: unknown) => JSON.stringify(v).replace(/'/g, '&#39;');

export const EXAMPLES: Example[] = [
  ...PRESET_IDS.map((id): Example => ({
    id,
    title: getPreset(id)!.title,
    note: getPreset(id)!.source,
    markup: `<sales-funnel preset="${id}"></sales-funnel>`,
  })),
  {
    id: 'compare',
    title: { en: 'This quarter vs. last quarter', es: 'Este trimestre frente al anterior' },
    note: {
      en: 'Observed counts with the previous period as a dashed outline and the change per stage.',
      es: 'Cantidades observadas con el periodo anterior como contorno discontinuo y el cambio por etapa.',
    },
    markup: `<sales-funnel
  stages='${json(thisQuarter)}'
  compare='${json(lastQuarter)}'
  compare-label="Q2"
  deal-value="3200"
  exportable
></sales-funnel>`,
    wide: true,
  },
  {
    id: 'horizontal',
    title: { en: 'Horizontal and curved', es: 'Horizontal y curvo' },
    note: {
      en: 'A scenario projected from leads and rates; falls back to vertical on narrow screens.',
      es: 'Un escenario proyectado a partir de contactos y tasas; en pantallas estrechas pasa a vertical.',
    },
    markup: `<sales-funnel
  orientation="horizontal"
  shape="curved"
  scenario='{"leads":2000,"dealValue":1800,"currency":"USD","stages":[
    {"name":"Visit","rate":0.35},{"name":"Trial","rate":0.4},
    {"name":"Demo","rate":0.55},{"name":"Purchase","rate":0.7}]}'
></sales-funnel>`,
    wide: true,
  },
  {
    id: 'themed',
    title: {
      en: 'Themed with custom properties and ::part',
      es: 'Con tema propio: propiedades CSS y ::part',
    },
    note: {
      en: 'Brand colours and font from the page; nothing else on the page is touched.',
      es: 'Colores y tipografía de la marca desde la página; nada más de la página se ve afectado.',
    },
    markup: `<sales-funnel class="brand" theme="light" preset="ecommerce" shape="curved"></sales-funnel>`,
    css: `.brand {
  --sales-funnel-color-start: #0f766e;
  --sales-funnel-color-end: #5eead4;
  --sales-funnel-background: #f0fdfa;
  --sales-funnel-text: #134e4a;
  --sales-funnel-muted: #115e59;
  --sales-funnel-font: Georgia, serif;
}
.brand::part(caption) {
  border-top: 1px solid #99f6e4;
  padding-top: 8px;
}`,
  },
  {
    id: 'dark',
    title: { en: 'Dark theme', es: 'Tema oscuro' },
    note: {
      en: 'theme="dark" forces it; without the attribute the visitor’s system preference decides.',
      es: 'theme="dark" lo fuerza; sin el atributo decide la preferencia del sistema del visitante.',
    },
    markup: `<sales-funnel theme="dark" preset="pipeline-7"></sales-funnel>`,
  },
];
