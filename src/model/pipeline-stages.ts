import type { PipelineStage } from './types.js';

/**
 * The classic six-column B2B board of the source articles, from prospecting to closing (won and
 * lost are outcomes, not columns). Probabilities are the usual rule-of-thumb chances of closing
 * from each stage, for weighted column totals. The store falls back to it for a new pipeline and
 * the sample history runs through it.
 */
export const CLASSIC_STAGES: readonly PipelineStage[] = [
  {
    id: 'prospecting',
    name: 'Prospecting',
    names: { en: 'Prospecting', es: 'Prospección' },
    probability: 0.05,
  },
  {
    id: 'contact',
    name: 'First contact',
    names: { en: 'First contact', es: 'Primer contacto' },
    probability: 0.1,
  },
  {
    id: 'qualification',
    name: 'Qualification',
    names: { en: 'Qualification', es: 'Cualificación' },
    probability: 0.2,
  },
  {
    id: 'proposal',
    name: 'Proposal',
    names: { en: 'Proposal', es: 'Presentación de la oferta' },
    probability: 0.4,
  },
  {
    id: 'negotiation',
    name: 'Negotiation',
    names: { en: 'Negotiation', es: 'Negociación' },
    probability: 0.6,
  },
  { id: 'closing', name: 'Closing', names: { en: 'Closing', es: 'Cierre' }, probability: 0.8 },
];
