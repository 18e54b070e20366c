import type { NewDeal } from '../src/store/repository.js';

/** The board benchmarks' deals: `n` of them spread over `stageIds`, five owners, one a minute. */
export const OWNERS = ['Ana Ruiz', 'Luis Ortega', 'Marta Gil', 'Jorge Navarro', 'Lucía Prieto'];

export function makeDeals(n: number, stageIds: string[]): NewDeal[] {
  return Array.from({ length: n }, (_, i) => ({
    title: `Deal ${i} – annual licence`,
    company: `Company ${i % 700} S.L.`,
    contact: `Contact ${i % 300}`,
    amount: 500 + (i % 97) * 25,
    owner: OWNERS[i % OWNERS.length],
    expectedClose: '2026-12-15',
    stageId: stageIds[i % stageIds.length],
    createdAt: 1_750_000_000_000 + i * 60_000,
  }));
}
