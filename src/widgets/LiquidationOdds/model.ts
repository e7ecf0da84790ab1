/**
 * Liquidation odds: the distance to the liquidation price (from leverage, or entered directly), a volatility and a
 * horizon give the chance of touching it, in closed form; the Monte Carlo request for the fan chart is built here too.
 */
import { CalcInputError, liquidationLevel, liquidationPrice, liquidationProbability } from '../../calc/index.ts';
import type { Decimal as DecimalT, Outcome } from '../../calc/index.ts';
import { readNumber, readPercent } from '../../input/number.ts';
import { collectErrors } from '../../input/outcome.ts';
import type { FanRequest } from './fan.ts';
import type { LiquidationOddsValues } from './params.ts';

export interface LadderRow {
  days: number;
  probability: number;
}

export interface OddsResult {
  side: 'long' | 'short';
  /** Signed move to the liquidation price as a fraction (−0.0955 = a 9.55 % fall). */
  distance: DecimalT;
  /** The size of that move (0.0955), whichever way it goes. */
  size: DecimalT;
  /** Liquidation price when today's price is 100. */
  barrier: DecimalT;
  leverage: DecimalT | null;
  volatility: number;
  days: number;
  /** Chance of touching the liquidation price within the horizon (0…1). */
  probability: number;
  /** The same at other horizons. */
  ladder: LadderRow[];
  /** What the worker should simulate. */
  fan: FanRequest;
}

const FIELD: Record<string, keyof LiquidationOddsValues> = {
  leverage: 'leverage',
  maintenanceMarginRate: 'mmr',
  volatility: 'vol',
  horizonDays: 'days',
  distance: 'distance',
  seed: 'seed',
};
const fieldFor = (f: string): string => FIELD[f] ?? f;

const LADDER_DAYS = [1, 7, 30, 90, 365];
/** Upper limit of the horizon: ten years. */
export const MAX_DAYS = 3650;

/** Simulation steps for a horizon: daily for long horizons, finer for short ones, within the calc's limits. */
export function stepsFor(days: number): number {
  return Math.min(365, Math.max(48, Math.ceil(days)));
}

export function computeOdds(v: LiquidationOddsValues): Outcome<OddsResult> {
  return collectErrors(() => {
    const side = v.side === 'short' ? 'short' : 'long';
    let moved: DecimalT;
    let leverage: DecimalT | null = null;
    if (v.input === 'distance') {
      moved = readPercent(v.distance, 'distance', {
        label: 'distance to liquidation',
        min: 0,
        minOpen: true,
        max: side === 'long' ? 99.9 : 1000,
      });
    } else {
      leverage = readNumber(v.leverage, 'leverage', { label: 'leverage' });
      const mmr = readPercent(v.mmr, 'mmr', { label: 'maintenance margin rate', min: 0, max: 50 });
      const liq = liquidationPrice({
        side,
        quantity: 1,
        entryPrice: 100,
        marginMode: 'isolated',
        leverage,
        maintenanceMarginRate: mmr,
      });
      if (liq.distance === null) {
        throw new CalcInputError('leverage', 'out_of_range', 'At this leverage no price liquidates the position.');
      }
      moved = liq.distance;
    }
    // The liquidation level with today's price at 100: the fan chart's barrier.
    const { distance, size, level } = liquidationLevel({ side, price: 100, distance: moved });
    const volatility = readPercent(v.vol, 'vol', { label: 'volatility', min: 0, minOpen: true, max: 1000 }).toNumber();
    const days = readNumber(v.days, 'days', { label: 'horizon in days', min: 0, minOpen: true, max: MAX_DAYS });
    const seed = readNumber(v.seed, 'seed', { label: 'seed', min: 0, max: 4294967295, integer: true });
    const probability = liquidationProbability({ distance, volatility, horizonDays: days });
    const ladder = LADDER_DAYS.map((d) => ({
      days: d,
      probability: liquidationProbability({ distance, volatility, horizonDays: d }),
    }));
    const horizon = days.toNumber();
    return {
      side,
      distance,
      size,
      barrier: level,
      leverage,
      volatility,
      days: horizon,
      probability,
      ladder,
      fan: {
        seed: seed.toNumber(),
        volatility,
        days: horizon,
        steps: stepsFor(horizon),
        paths: Number(v.paths),
        barrier: level.toNumber(),
        direction: side === 'long' ? 'down' : 'up',
      },
    };
  }, fieldFor);
}

/** "about 1 in 4" for a probability, or "almost certain" / "less than 1 in 10,000". */
export function oneIn(p: number): string {
  if (p >= 0.995) return 'almost certain';
  if (p < 0.0001) return 'less than 1 in 10,000';
  if (p >= 0.5) return `about ${Math.round(p * 10)} in 10`;
  return `about 1 in ${Math.round(1 / p).toLocaleString('en-US')}`;
}
