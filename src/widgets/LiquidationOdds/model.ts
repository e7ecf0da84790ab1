/**
 * Liquidation odds: the distance to the liquidation price (from leverage, or entered directly), a volatility and a
 * horizon give the chance of touching it, in closed form; the Monte Carlo request for the fan chart is built here too.
 */
import { CalcInputError, liquidationPrice, liquidationProbability, toDecimal } from '../../calc/index.ts';
import type { Decimal as DecimalT } from '../../calc/index.ts';
import { collectErrors } from '../../input/outcome.ts';
import type { ModelOutcome } from '../shared/useWidget.ts';
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

function number(raw: string, field: string, label: string, min: number, max: number, minOpen = true): DecimalT {
  if (raw.trim() === '') throw new CalcInputError(field, 'required', `Enter the ${label}.`);
  const value = toDecimal(raw, field);
  if ((minOpen ? value.lte(min) : value.lt(min)) || value.gt(max)) {
    throw new CalcInputError(
      field,
      'out_of_range',
      `The ${label} must be ${minOpen ? 'above' : 'at least'} ${min} and at most ${max.toLocaleString('en-US')}.`,
    );
  }
  return value;
}

/** Simulation steps for a horizon: daily for long horizons, finer for short ones, within the calc's limits. */
export function stepsFor(days: number): number {
  return Math.min(365, Math.max(48, Math.ceil(days)));
}

export function computeOdds(v: LiquidationOddsValues): ModelOutcome<OddsResult> {
  return collectErrors(() => {
    const side = v.side === 'short' ? 'short' : 'long';
    let distance: DecimalT;
    let leverage: DecimalT | null = null;
    if (v.input === 'distance') {
      const d = number(v.distance, 'distance', 'distance to liquidation', 0, side === 'long' ? 99.9 : 1000).div(100);
      distance = side === 'long' ? d.neg() : d;
    } else {
      const mmr = number(v.mmr, 'mmr', 'maintenance margin rate', 0, 50, false).div(100);
      const liq = liquidationPrice({
        side,
        quantity: 1,
        entryPrice: 100,
        marginMode: 'isolated',
        leverage: v.leverage,
        maintenanceMarginRate: mmr,
      });
      if (liq.distance === null) {
        throw new CalcInputError('leverage', 'out_of_range', 'At this leverage no price liquidates the position.');
      }
      distance = liq.distance;
      leverage = toDecimal(v.leverage, 'leverage');
    }
    const volatility = number(v.vol, 'vol', 'volatility', 0, 1000).div(100).toNumber();
    const days = number(v.days, 'days', 'horizon in days', 0, MAX_DAYS).toNumber();
    const seedValue = number(v.seed, 'seed', 'seed', 0, 4294967295, false);
    if (!seedValue.isInteger()) throw new CalcInputError('seed', 'out_of_range', 'The seed must be a whole number.');
    const probability = liquidationProbability({ distance, volatility, horizonDays: days });
    const ladder = LADDER_DAYS.map((d) => ({
      days: d,
      probability: liquidationProbability({ distance, volatility, horizonDays: d }),
    }));
    const barrier = distance.plus(1).times(100);
    return {
      side,
      distance,
      barrier,
      leverage,
      volatility,
      days,
      probability,
      ladder,
      fan: {
        seed: seedValue.toNumber(),
        volatility,
        days,
        steps: stepsFor(days),
        paths: Number(v.paths),
        barrier: barrier.toNumber(),
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
