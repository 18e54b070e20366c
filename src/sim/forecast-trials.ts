import type { ForecastOptions, Landings } from './forecast-types.js';
import { Rng } from './random.js';

/**
 * The trials of a forecast whose rates are observed counts. Each trial draws every stage's rate
 * from its Beta posterior (once, for all deals), then what the deals bring given those rates.
 *
 * Deals are not walked one by one when there are many. Given the rates, a period's won count is
 * a sum of independent Bernoulli draws, one per deal, with mean Σ p·q and variance
 * Σ p·q·(1 − p·q) (p the deal's win probability in this trial, q its chance to land in that
 * period); both are a stage's p times sums precomputed over its deals (Σ q, Σ q², and Σ a·q,
 * Σ a²·q, Σ a²·q² for the amounts a), so a trial costs the same for 500 deals or a million. Past
 * 512 deals, those sums are drawn from their normal law (the sum of hundreds of independent
 * draws) and only the 64 largest deals, whose amounts could make the revenue lumpy, are drawn
 * one by one; up to 512 deals every deal is drawn one by one, exactly.
 */

const ALL_ONE_BY_ONE = 512;
const LARGEST_ONE_BY_ONE = 64;

/** Per cell (the listed periods, "later"), then the total within the horizon: one sample per trial. */
export interface Trials {
  won: Float64Array[];
  revenue: Float64Array[];
  wonTotal: Float64Array;
  revenueTotal: Float64Array;
}

interface Plan {
  cells: number;
  inTotal: number;
  /** Deals drawn one by one: stage, amount, and cumulative landing per cell (row-major). */
  stage: Int32Array;
  amount: Float64Array;
  cumulative: Float64Array;
  /** Sums over the other deals, per stage × (cell, then total): Σq, Σq², Σaq, Σa²q, Σa²q². */
  sums: Float64Array[] | null;
}

function plan(o: ForecastOptions, land: Landings, cells: number, inTotal: number): Plan {
  const { q, classOf } = land;
  const n = o.deals.length;
  let single: number[] = o.deals.map((_, d) => d);
  let rest: number[] = [];
  if (n > ALL_ONE_BY_ONE) {
    single.sort((a, b) => o.deals[b].amount - o.deals[a].amount);
    rest = single.slice(LARGEST_ONE_BY_ONE);
    single = single.slice(0, LARGEST_ONE_BY_ONE);
  }
  const stage = new Int32Array(single.length);
  const amount = new Float64Array(single.length);
  const cumulative = new Float64Array(single.length * cells);
  single.forEach((d, i) => {
    stage[i] = o.deals[d].stageIndex;
    amount[i] = o.deals[d].amount;
    let sum = 0;
    for (let h = 0; h < cells; h++) cumulative[i * cells + h] = sum += q[classOf[d]][h];
  });
  if (!rest.length) return { cells, inTotal, stage, amount, cumulative, sums: null };
  // The deals of a class share q: only their count and amounts' sums are needed.
  const count = new Float64Array(q.length);
  const money = new Float64Array(q.length);
  const square = new Float64Array(q.length);
  const stageOf = new Int32Array(q.length);
  for (const d of rest) {
    const c = classOf[d];
    const a = o.deals[d].amount;
    count[c] += 1;
    money[c] += a;
    square[c] += a * a;
    stageOf[c] = o.deals[d].stageIndex;
  }
  const width = cells + 1;
  const sums = Array.from({ length: 5 }, () => new Float64Array((o.wonStage + 1) * width));
  const [sq, sq2, saq, sa2q, sa2q2] = sums;
  q.forEach((qc, c) => {
    if (count[c] === 0) return;
    const base = stageOf[c] * width;
    let inside = 0;
    for (let h = 0; h <= cells; h++) {
      const x = h < cells ? qc[h] : inside;
      if (h < inTotal) inside += x;
      sq[base + h] += count[c] * x;
      sq2[base + h] += count[c] * x * x;
      saq[base + h] += money[c] * x;
      sa2q[base + h] += square[c] * x;
      sa2q2[base + h] += square[c] * x * x;
    }
  });
  return { cells, inTotal, stage, amount, cumulative, sums };
}

/** Each stage's Beta posterior (`alpha` 0 for a fixed rate, then `rate`), read once per forecast. */
interface Posteriors {
  alpha: Float64Array;
  beta: Float64Array;
  rate: Float64Array;
}

function posteriors(o: ForecastOptions): Posteriors {
  const n = o.wonStage + 1;
  const p = { alpha: new Float64Array(n), beta: new Float64Array(n), rate: new Float64Array(n) };
  for (let s = 0; s < n; s++) {
    const { observed: obs, rate } = o.stages[s];
    p.rate[s] = rate;
    if (!obs) continue;
    const won = Math.max(0, Math.min(obs.won, obs.of));
    p.alpha[s] = won + 1;
    p.beta[s] = obs.of - won + 1;
  }
  return p;
}

/** Every stage's win probability in this trial: suffix products of the drawn rates. */
function drawWinFrom(p: Posteriors, rng: Rng, out: Float64Array): void {
  let product = 1;
  for (let s = out.length - 1; s >= 0; s--) {
    product *= p.alpha[s] > 0 ? rng.beta(p.alpha[s], p.beta[s]) : p.rate[s];
    out[s] = product;
  }
}

export function runTrials(
  o: ForecastOptions,
  land: Landings,
  cells: number,
  inTotal: number,
): Trials {
  const p = plan(o, land, cells, inTotal);
  const T = o.trials;
  const rng = new Rng(o.seed);
  const won = Array.from({ length: cells }, () => new Float64Array(T));
  const revenue = Array.from({ length: cells }, () => new Float64Array(T));
  const wonTotal = new Float64Array(T);
  const revenueTotal = new Float64Array(T);
  const winFrom = new Float64Array(o.wonStage + 1);
  const { stage, amount, cumulative } = p;
  const singles = stage.length;
  const width = cells + 1;
  const empty = new Float64Array(0);
  const [sq, sq2, saq, sa2q, sa2q2] = p.sums ?? [empty, empty, empty, empty, empty];
  const stages = o.wonStage + 1;
  const rates = posteriors(o);
  // This trial's wins of the deals drawn one by one, per cell, written out once per trial.
  const trialWon = new Float64Array(cells);
  const trialRevenue = new Float64Array(cells);
  for (let t = 0; t < T; t++) {
    drawWinFrom(rates, rng, winFrom);
    trialWon.fill(0);
    trialRevenue.fill(0);
    for (let i = 0; i < singles; i++) {
      if (!(rng.next32() < winFrom[stage[i]])) continue;
      // Its cell: the first whose cumulative landing passes a uniform draw.
      const u = rng.next32();
      const row = i * cells;
      let h = 0;
      while (h < cells - 1 && !(u < cumulative[row + h])) h++;
      trialWon[h] += 1;
      trialRevenue[h] += amount[i];
    }
    for (let h = 0; h < cells; h++) {
      won[h][t] = trialWon[h];
      revenue[h][t] = trialRevenue[h];
      if (h < inTotal) {
        wonTotal[t] += trialWon[h];
        revenueTotal[t] += trialRevenue[h];
      }
    }
    if (!p.sums) continue;
    for (let h = 0; h <= cells; h++) {
      let countMean = 0;
      let countVar = 0;
      let moneyMean = 0;
      let moneyVar = 0;
      for (let s = 0; s < stages; s++) {
        const k = s * width + h;
        const w = winFrom[s];
        countMean += w * sq[k];
        countVar += w * sq[k] - w * w * sq2[k];
        moneyMean += w * saq[k];
        moneyVar += w * sa2q[k] - w * w * sa2q2[k];
      }
      const count = Math.max(
        0,
        Math.round(countMean + Math.sqrt(Math.max(0, countVar)) * rng.normal()),
      );
      const money = Math.max(0, moneyMean + Math.sqrt(Math.max(0, moneyVar)) * rng.normal());
      if (h < cells) {
        won[h][t] += count;
        revenue[h][t] += money;
      } else {
        wonTotal[t] += count;
        revenueTotal[t] += money;
      }
    }
  }
  return { won, revenue, wonTotal, revenueTotal };
}
