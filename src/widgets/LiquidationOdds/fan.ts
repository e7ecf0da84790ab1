/**
 * The Monte Carlo part of the liquidation-odds explorer, as plain data in and out so it can run in a Web Worker:
 * seeded GBM paths from src/calc, their percentile bands (thinned for drawing) and the share that touch the
 * liquidation price.
 */
import { barrierHitRate, percentileBands, simulatePaths } from '../../calc/simulate.ts';

/** What the simulation needs; `barrier` is the liquidation price with today's price at 100. */
export interface FanRequest {
  seed: number;
  volatility: number;
  days: number;
  steps: number;
  paths: number;
  barrier: number;
  direction: 'down' | 'up';
}

export interface FanResult {
  request: FanRequest;
  quantiles: number[];
  /** Day of each column of `bands`. */
  days: number[];
  /** One row per quantile: prices (today = 100) on those days. */
  bands: number[][];
  /** Share of paths touching the barrier, continuously monitored (bridge-corrected). */
  hitRate: number;
  /** The same counting only the simulated steps. */
  discreteHitRate: number;
}

export const QUANTILES = [0.05, 0.25, 0.5, 0.75, 0.95];
/** Most columns drawn or tabulated. */
const MAX_COLUMNS = 61;

/** Runs the simulation; the same request always gives the same result. */
export function computeFan(request: FanRequest): FanResult {
  const sim = simulatePaths({
    seed: request.seed,
    startPrice: 100,
    volatility: request.volatility,
    steps: request.steps,
    stepDays: request.days / request.steps,
    paths: request.paths,
  });
  const bands = percentileBands(sim, QUANTILES);
  const every = Math.max(1, Math.ceil(request.steps / (MAX_COLUMNS - 1)));
  const columns: number[] = [];
  for (let j = 0; j < request.steps; j += every) columns.push(j);
  columns.push(request.steps);
  const stepDays = request.days / request.steps;
  return {
    request,
    quantiles: QUANTILES,
    days: columns.map((j) => j * stepDays),
    bands: bands.map((b) => columns.map((j) => b.values[j])),
    hitRate: barrierHitRate(sim, { barrier: request.barrier, direction: request.direction }),
    discreteHitRate: barrierHitRate(sim, {
      barrier: request.barrier,
      direction: request.direction,
      monitoring: 'discrete',
    }),
  };
}
