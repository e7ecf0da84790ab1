/**
 * Price-path replay: a position opened at the close of one candle, replayed over the following candles with src/calc's
 * `replay` (wicks count), with its liquidation price from `liquidationPrice`, and the equity at each candle's close.
 */
import {
  CalcInputError,
  Decimal,
  liquidationPrice,
  pnl,
  positionFromMargin,
  replay,
  toDecimal,
} from '../../calc/index.ts';
import type { Decimal as DecimalT, ReplayOutcome } from '../../calc/index.ts';
import { collectErrors } from '../../input/outcome.ts';
import type { ModelOutcome } from '../shared/useWidget.ts';
import type { ParsedCandle } from './csv.ts';
import type { ReplayValues, ScenarioId } from './params.ts';
import { historical, historicalCandles, randomGenerator, type HistoricalScenario } from './scenarios.ts';

export interface ReplayEnd {
  kind: Exclude<ReplayOutcome, 'none'>;
  /** 0-based index of the candle in the whole path. */
  index: number;
  price: DecimalT;
  /** One candle held both an adverse level and the target: the order inside it is unknown. */
  ambiguous: boolean;
}

export interface ReplayModelResult {
  scenario: ScenarioId;
  /** The shipped scenario's metadata (title, source), for historical paths. */
  historical: HistoricalScenario | null;
  candles: ParsedCandle[];
  /** 0-based index of the candle at whose close the position opens. */
  entryIndex: number;
  side: 'long' | 'short';
  mode: 'isolated' | 'cross';
  entryPrice: DecimalT;
  leverage: DecimalT;
  margin: DecimalT;
  /** What is at risk: the margin (isolated) or margin + extra balance (cross). */
  balance: DecimalT;
  quantity: DecimalT;
  notional: DecimalT;
  liquidation: DecimalT | null;
  stop: DecimalT | null;
  takeProfit: DecimalT | null;
  end: ReplayEnd | null;
  /** Equity at each candle's close from the entry on (frozen once the position is closed); null before the entry. */
  equity: (DecimalT | null)[];
  /** Profit or loss when it ended, or at the last close. */
  finalPnl: DecimalT;
}

const FIELD: Record<string, keyof ReplayValues> = {
  margin: 'margin',
  leverage: 'leverage',
  maintenanceMarginRate: 'mmr',
  walletBalance: 'extra',
  stopPrice: 'stop',
  takeProfitPrice: 'tp',
  seed: 'seed',
  volatility: 'vol',
};
const fieldFor = (f: string): string => FIELD[f] ?? f;

function percent(raw: string, field: string, label: string, max: number): DecimalT {
  if (raw.trim() === '') throw new CalcInputError(field, 'required', `Enter the ${label}.`);
  const value = toDecimal(raw, field);
  if (value.lte(0) || value.gt(max)) {
    throw new CalcInputError(field, 'out_of_range', `The ${label} must be above 0% and at most ${max}%.`);
  }
  return value.div(100);
}

/** The candles of a scenario, or a field error. `csv` is what the reader pasted or uploaded, if anything. */
export function candlesFor(v: ReplayValues, csv: ParsedCandle[] | null): ParsedCandle[] {
  if (v.scenario === 'csv') {
    if (!csv) throw new CalcInputError('csv', 'required', 'Paste or upload your candles first.');
    return csv;
  }
  if (v.scenario === 'random') {
    const seed = toDecimal(v.seed, 'seed');
    if (!seed.isInteger() || seed.lt(0) || seed.gt(4294967295)) {
      throw new CalcInputError('seed', 'out_of_range', 'The seed must be a whole number from 0 to 4,294,967,295.');
    }
    const vol = percent(v.vol, 'vol', 'volatility', 500);
    const generate = randomGenerator();
    if (!generate) throw new CalcInputError('loading', 'required', 'Loading the random path…');
    return generate(seed.toNumber(), vol.toNumber());
  }
  const scenario = historical(v.scenario);
  // Not an input error: the scenario's file is still on its way (see loadScenario).
  if (!scenario) throw new CalcInputError('loading', 'required', 'Loading the price path…');
  return historicalCandles(scenario);
}

export function computeReplay(v: ReplayValues, csv: ParsedCandle[] | null = null): ModelOutcome<ReplayModelResult> {
  return collectErrors(() => {
    const candles = candlesFor(v, csv);
    const side = v.side === 'short' ? 'short' : 'long';
    const mode = v.mode === 'cross' ? 'cross' : 'isolated';
    const entryNumber = toDecimal(v.entry, 'entry');
    if (!entryNumber.isInteger() || entryNumber.lt(1) || entryNumber.gte(candles.length)) {
      throw new CalcInputError(
        'entry',
        'out_of_range',
        candles.length < 2
          ? 'The path needs at least two candles: one to open at and one to replay.'
          : `Choose a candle from 1 to ${candles.length - 1}: at least one candle must follow the entry.`,
      );
    }
    const entryIndex = entryNumber.toNumber() - 1;
    const entryCandle = candles[entryIndex] as ParsedCandle;
    const entryPrice = new Decimal(entryCandle.close);
    const mmr = percent(v.mmr, 'mmr', 'maintenance margin rate', 50);
    const { quantity, notional } = positionFromMargin({ margin: v.margin, leverage: v.leverage, price: entryPrice });
    const margin = new Decimal(v.margin);
    let balance = margin;
    const base = { side, quantity, entryPrice, maintenanceMarginRate: mmr } as const;
    let liq;
    if (mode === 'cross') {
      const extra = toDecimal(v.extra, 'extra');
      if (extra.isNeg()) throw new CalcInputError('extra', 'must_be_positive', 'The extra balance cannot be negative.');
      balance = margin.plus(extra);
      liq = liquidationPrice({ ...base, marginMode: 'cross', walletBalance: balance, leverage: v.leverage });
    } else {
      liq = liquidationPrice({ ...base, marginMode: 'isolated', leverage: v.leverage });
    }
    const long = side === 'long';
    const stop =
      v.stop.trim() === ''
        ? null
        : entryPrice.times(
            long
              ? new Decimal(1).minus(percent(v.stop, 'stop', 'stop loss', 99.9))
              : percent(v.stop, 'stop', 'stop loss', 1000).plus(1),
          );
    const takeProfit =
      v.tp.trim() === ''
        ? null
        : entryPrice.times(
            long
              ? percent(v.tp, 'tp', 'take-profit', 1000).plus(1)
              : new Decimal(1).minus(percent(v.tp, 'tp', 'take-profit', 99.9)),
          );

    const after = candles.slice(entryIndex + 1);
    const outcome = replay({
      position: {
        side,
        entryPrice,
        ...(stop ? { stopPrice: stop } : {}),
        ...(takeProfit ? { takeProfitPrice: takeProfit } : {}),
        ...(liq.price ? { liquidationPrice: liq.price } : {}),
      },
      candles: after,
    });
    const end: ReplayEnd | null =
      outcome.outcome === 'none' || outcome.candleIndex === null || outcome.price === null
        ? null
        : {
            kind: outcome.outcome,
            index: entryIndex + 1 + outcome.candleIndex,
            price: new Decimal(outcome.price),
            ambiguous: outcome.ambiguous,
          };

    const pnlAt = (price: DecimalT | number) => pnl({ side, quantity, entryPrice, exitPrice: price });
    // Liquidated: the margin (isolated) or the whole cross balance is gone.
    const endEquity = end ? (end.kind === 'liquidation' ? new Decimal(0) : balance.plus(pnlAt(end.price))) : null;
    const equity = candles.map((c, i) => {
      if (i < entryIndex) return null;
      if (end && i >= end.index) return endEquity;
      return balance.plus(pnlAt(c.close));
    });
    const last = candles[candles.length - 1] as ParsedCandle;
    const finalPnl = end ? (end.kind === 'liquidation' ? balance.neg() : pnlAt(end.price)) : pnlAt(last.close);
    return {
      scenario: v.scenario as ScenarioId,
      historical: historical(v.scenario) ?? null,
      candles,
      entryIndex,
      side,
      mode,
      entryPrice,
      leverage: new Decimal(v.leverage),
      margin,
      balance,
      quantity,
      notional,
      liquidation: liq.price,
      stop,
      takeProfit,
      end,
      equity,
      finalPnl,
    };
  }, fieldFor);
}
