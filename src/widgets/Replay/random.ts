/** Seeded random price paths for the replay: hourly GBM steps from src/calc folded into daily candles. */
import { simulatePaths } from '../../calc/index.ts';
import type { ParsedCandle } from './csv.ts';

export const RANDOM_DAYS = 60;
const SUB_STEPS = 24;
const RANDOM_START = 60000;

const cents = (x: number) => Math.round(x * 100) / 100;

/** 60 daily candles from 24 hourly GBM steps each; the same seed and volatility give the same candles. */
export function randomCandles(seed: number, volatility: number): ParsedCandle[] {
  const sim = simulatePaths({
    seed,
    startPrice: RANDOM_START,
    volatility,
    steps: RANDOM_DAYS * SUB_STEPS,
    stepDays: 1 / SUB_STEPS,
    paths: 1,
  });
  const out: ParsedCandle[] = [];
  for (let d = 0; d < RANDOM_DAYS; d++) {
    let high = -Infinity;
    let low = Infinity;
    for (let j = d * SUB_STEPS; j <= (d + 1) * SUB_STEPS; j++) {
      const p = sim.prices[j];
      if (p > high) high = p;
      if (p < low) low = p;
    }
    out.push({
      time: `Day ${d + 1}`,
      open: cents(sim.prices[d * SUB_STEPS]),
      high: cents(high),
      low: cents(low),
      close: cents(sim.prices[(d + 1) * SUB_STEPS]),
    });
  }
  return out;
}
