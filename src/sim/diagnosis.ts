import type { Lang, Process, Scenario } from '../model/types.js';
import { formatPercent } from '../model/format.js';
import { conversionTo, expectedPurchases } from './project.js';

export interface Diagnosis {
  /** The process furthest below the benchmark (the weakest ratio; ties go to the earlier process). */
  bottleneck: Process;
  /** Scenario ÷ benchmark for lead volume, conversion to won, and expected purchases per customer. */
  ratios: Record<Process, number>;
  /** True when no ratio is clearly below the benchmark (all ≥ 0.95). */
  onPar: boolean;
  /** One plain sentence in the language asked for. */
  message: string;
}

/** Within ±5 % of the benchmark counts as on par. */
const PAR = 0.05;

const ORDER: Process[] = ['leads', 'conversion', 'repeat'];

/**
 * Which of the three processes — lead generation, conversion of leads into customers, repeat
 * purchase — holds the business back, against a benchmark. As in the source articles: few leads
 * but good closing is a lead-generation problem; plenty of leads (or open quotes) but few closed
 * is a conversion problem. The sentence contrasts the bottleneck with the process it is usually
 * confused with (leads ↔ conversion; repeat purchase with conversion). Unchecked: both scenarios
 * must be normalized.
 */
export function diagnoseUnchecked(s: Scenario, benchmark: Scenario, lang: Lang): Diagnosis {
  const ratio = (a: number, b: number) => (b === 0 ? (a === 0 ? 1 : Infinity) : a / b);
  const ratios: Record<Process, number> = {
    leads: ratio(s.leads, benchmark.leads),
    conversion: ratio(conversionTo(s, s.wonStage), conversionTo(benchmark, benchmark.wonStage)),
    repeat: ratio(expectedPurchases(s), expectedPurchases(benchmark)),
  };
  let bottleneck: Process = 'leads';
  for (const p of ORDER) if (ratios[p] < ratios[bottleneck]) bottleneck = p;
  const onPar = ratios[bottleneck] >= 1 - PAR;
  const other: Process = bottleneck === 'conversion' ? 'leads' : 'conversion';
  const t = TEXT[lang];
  const message = onPar
    ? t.noBottleneck
    : `${t.bottleneck[bottleneck](formatPercent(1 - ratios[bottleneck], lang))}, ${t.while} ${t.name[other]} ${status(ratios[other], lang)}.`;
  return { bottleneck, ratios, onPar, message };
}

function status(r: number, lang: Lang): string {
  const t = TEXT[lang];
  if (Math.abs(r - 1) <= PAR) return t.par;
  if (!Number.isFinite(r)) return t.above('');
  return r > 1 ? t.above(formatPercent(r - 1, lang)) : t.below(formatPercent(1 - r, lang));
}

interface Text {
  bottleneck: Record<Process, (pct: string) => string>;
  name: Record<Process, string>;
  while: string;
  par: string;
  above: (pct: string) => string;
  below: (pct: string) => string;
  noBottleneck: string;
}

const TEXT: Record<Lang, Text> = {
  en: {
    bottleneck: {
      leads: (p) => `Lead generation is the bottleneck: ${p} fewer leads than the benchmark`,
      conversion: (p) =>
        `Conversion is the bottleneck: the share of leads that become customers is ${p} lower than in the benchmark`,
      repeat: (p) =>
        `Repeat purchase is the bottleneck: ${p} fewer purchases per customer than the benchmark`,
    },
    name: { leads: 'lead volume', conversion: 'conversion', repeat: 'repeat purchase' },
    while: 'while',
    par: 'is on par',
    above: (p) => (p ? `is ${p} above it` : 'is above it'),
    below: (p) => `is also ${p} below it`,
    noBottleneck:
      'No bottleneck: lead generation, conversion and repeat purchase are on par with the benchmark or better.',
  },
  es: {
    bottleneck: {
      leads: (p) =>
        `La generación de leads es el cuello de botella: un ${p} menos de leads que en la referencia`,
      conversion: (p) =>
        `La conversión es el cuello de botella: la proporción de leads que se hacen clientes es un ${p} menor que en la referencia`,
      repeat: (p) =>
        `La recompra es el cuello de botella: un ${p} menos de compras por cliente que en la referencia`,
    },
    name: { leads: 'el volumen de leads', conversion: 'la conversión', repeat: 'la recompra' },
    while: 'mientras que',
    par: 'está a la par',
    above: (p) => (p ? `está un ${p} por encima` : 'está por encima'),
    below: (p) => `también está un ${p} por debajo`,
    noBottleneck:
      'No hay cuello de botella: la generación de leads, la conversión y la recompra están a la par de la referencia o mejor.',
  },
};
