import type { ObservedRate } from './types.js';

/**
 * The point rate of a stage known from observed counts: the posterior mean (won + 1) / (of + 2)
 * under a uniform prior (Laplace's rule of succession). It is the mean of the Beta(won + 1,
 * of − won + 1) posterior that `simulate` draws the rate from, so the expected projection and
 * the Monte Carlo agree (E[Π pᵢ] = Π E[pᵢ] for independent stages), and 0 of 0 reads as ½
 * (nothing known yet), not as a certain 0. For many observations it is close to won / of.
 */
export function observedRate(o: ObservedRate): number {
  return (o.won + 1) / (o.of + 2);
}
