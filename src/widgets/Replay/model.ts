/**
 * Price-path replay: reads the form's strings, picks the candles of the chosen path from the data already loaded, and
 * hands the trade to src/calc's `replayTrade` (liquidation on the mark price, stops and take-profits on the last
 * price). No arithmetic here: this file only parses and shapes.
 */
import { CalcInputError, replayTrade } from '../../calc/index.ts';
import type { Decimal, Outcome, ReplayTradeResult, ReplayTrigger, ReplayOutcome } from '../../calc/index.ts';
import { readNumber, readPercent } from '../../input/number.ts';
import { collectErrors } from '../../input/outcome.ts';
import type { CsvCandles, ParsedCandle } from './csv.ts';
import type { ReplayValues, ScenarioId } from './params.ts';
import type { RandomCandles } from './scenarios.ts';
import type { MarketWindow } from './parseWindow.ts';
import { LOADING } from './shown.ts';
import type { ReplayShown } from './shown.ts';

/** Everything the model reads besides the form: what has been loaded or pasted so far. */
export interface ReplayData {
  /** Shipped windows loaded so far, by id (the default one always). */
  windows: Readonly<Record<string, MarketWindow>>;
  /** The seeded-path generator, once loaded. */
  random: RandomCandles | null;
  /** The reader's parsed CSV, if any. */
  csv: CsvCandles | null;
}

export interface ReplayEnd {
  kind: Exclude<ReplayOutcome, 'none'>;
  /** 0-based index of the candle in the whole path. */
  index: number;
  price: Decimal;
  /** Which price touched the level: last (stop, take-profit) or mark (liquidation). */
  trigger: ReplayTrigger;
  /** One candle held both an adverse level and the target: the order inside it is unknown. */
  ambiguous: boolean;
  /** Price move from entry to the end, as a fraction. */
  move: Decimal;
}

export interface ReplayModelResult {
  scenario: ScenarioId;
  /** The shipped window (title, story, sources), for historical paths. */
  window: MarketWindow | null;
  candles: ParsedCandle[];
  /** Whether the candles carry a mark price; without one the last price stands in for it. */
  hasMark: boolean;
  /** 0-based index of the candle at whose close the position opens. */
  entryIndex: number;
  side: 'long' | 'short';
  mode: 'isolated' | 'cross';
  entryPrice: Decimal;
  leverage: Decimal;
  margin: Decimal;
  /** What is at risk: the margin (isolated) or margin + extra balance (cross). */
  balance: Decimal;
  quantity: Decimal;
  notional: Decimal;
  liquidation: Decimal | null;
  stop: Decimal | null;
  takeProfit: Decimal | null;
  end: ReplayEnd | null;
  /** Equity at each candle's close, valued at the mark price (frozen once the position is closed); null before entry. */
  equity: (Decimal | null)[];
  /** Profit or loss when it ended, or at the last close (valued at the mark price). */
  finalPnl: Decimal;
  /** Lowest and highest last and mark prices after the entry. */
  extremes: ReplayTradeResult['extremes'];
}

const FIELD: Record<string, keyof ReplayValues | 'csv'> = {
  margin: 'margin',
  leverage: 'leverage',
  maintenanceMarginRate: 'mmr',
  walletBalance: 'extra',
  extraBalance: 'extra',
  stopDistance: 'stop',
  stopPrice: 'stop',
  takeProfitDistance: 'tp',
  takeProfitPrice: 'tp',
  entryIndex: 'entry',
  seed: 'seed',
  volatility: 'vol',
};
const fieldFor = (f: string): string => FIELD[f] ?? (f.startsWith('candles') ? 'csv' : f);

/** What the page says while a path is on its way (not an input error: the result stays, marked stale). */
export { LOADING };

/** What the page says while the chosen path is still on its way, or null when its candles are here. */
function waitingFor(v: ReplayValues, data: ReplayData): string | null {
  if (v.scenario === 'random') return data.random ? null : 'Loading the random path…';
  if (v.scenario === 'csv') return null;
  return data.windows[v.scenario] ? null : 'Loading the price path…';
}

/** The candles of the chosen path (already loaded). Throws field errors: seed, volatility, no CSV yet. */
function candlesFor(v: ReplayValues, data: ReplayData): { candles: ParsedCandle[]; hasMark: boolean } {
  if (v.scenario === 'csv') {
    if (!data.csv) throw new CalcInputError('csv', 'required', 'Paste or upload your candles first.');
    return data.csv;
  }
  if (v.scenario === 'random' && data.random) {
    const seed = readNumber(v.seed, 'seed', { label: 'random seed', min: 0, max: 4294967295, integer: true });
    const vol = readPercent(v.vol, 'vol', { label: 'volatility', min: 0, minOpen: true, max: 500 });
    return { candles: data.random(seed.toNumber(), vol.toNumber()), hasMark: false };
  }
  const window = data.windows[v.scenario];
  if (!window) throw new CalcInputError('scenario', 'required', 'Choose a price path.');
  return { candles: window.candles, hasMark: true };
}

/** Computes the replay for the form's values and the data loaded so far. */
export function computeReplay(v: ReplayValues, data: ReplayData): Outcome<ReplayModelResult> {
  // A path still on its way is not an input error: say so, and the last result stays on screen (marked stale).
  const waiting = waitingFor(v, data);
  if (waiting) return { ok: false, errors: { [LOADING]: waiting } };
  return collectErrors(() => {
    const { candles, hasMark } = candlesFor(v, data);
    const side = v.side === 'short' ? 'short' : 'long';
    const long = side === 'long';
    const mode = v.mode === 'cross' ? 'cross' : 'isolated';
    if (candles.length < 2) {
      throw new CalcInputError(
        'entry',
        'out_of_range',
        'The path needs at least two candles: one to open at and one to replay.',
      );
    }
    const entry = readNumber(v.entry, 'entry', {
      label: 'entry candle',
      min: 1,
      max: candles.length - 1,
      integer: true,
    }).toNumber();
    const leverage = readNumber(v.leverage, 'leverage', { label: 'leverage', min: 1, max: 200 });
    const margin = readNumber(v.margin, 'margin', { label: 'margin', min: 0, minOpen: true, unit: 'USDT' });
    const extra =
      mode === 'cross' ? readNumber(v.extra, 'extra', { label: 'extra wallet balance', min: 0, unit: 'USDT' }) : null;
    const optionalPercent = (raw: string, field: 'stop' | 'tp', label: string, capped: boolean) =>
      raw.trim() === ''
        ? undefined
        : readPercent(raw, field, { label, min: 0, minOpen: true, max: capped ? 99.9 : 1000 });
    const stopDistance = optionalPercent(v.stop, 'stop', 'stop loss', long);
    const takeProfitDistance = optionalPercent(v.tp, 'tp', 'take-profit', !long);
    const maintenanceMarginRate = readPercent(v.mmr, 'mmr', {
      label: 'maintenance margin rate',
      min: 0,
      minOpen: true,
      max: 50,
    });

    const trade = replayTrade({
      side,
      candles,
      entryIndex: entry - 1,
      margin,
      leverage,
      maintenanceMarginRate,
      marginMode: mode,
      ...(extra ? { extraBalance: extra } : {}),
      ...(stopDistance ? { stopDistance } : {}),
      ...(takeProfitDistance ? { takeProfitDistance } : {}),
    });
    const end: ReplayEnd | null = trade.end
      ? {
          kind: trade.end.outcome,
          index: trade.end.candleIndex,
          price: trade.end.price,
          trigger: trade.end.trigger,
          ambiguous: trade.end.ambiguous,
          move: trade.end.move,
        }
      : null;
    return {
      scenario: v.scenario as ScenarioId,
      window: data.windows[v.scenario] ?? null,
      candles,
      hasMark,
      entryIndex: entry - 1,
      side,
      mode,
      entryPrice: trade.entryPrice,
      leverage,
      margin,
      balance: trade.balance,
      quantity: trade.quantity,
      notional: trade.notional,
      liquidation: trade.liquidationPrice,
      stop: trade.stopPrice,
      takeProfit: trade.takeProfitPrice,
      end,
      equity: trade.equity,
      finalPnl: trade.pnl,
      extremes: trade.extremes,
    };
  }, fieldFor);
}

/** The result as the view shows it: every Decimal as its exact decimal string (see shown.ts). */
export function showReplay(r: ReplayModelResult): ReplayShown {
  const text = (d: Decimal) => d.toFixed();
  const orNull = (d: Decimal | null) => (d === null ? null : d.toFixed());
  return {
    ...r,
    entryPrice: text(r.entryPrice),
    leverage: text(r.leverage),
    margin: text(r.margin),
    balance: text(r.balance),
    quantity: text(r.quantity),
    notional: text(r.notional),
    liquidation: orNull(r.liquidation),
    stop: orNull(r.stop),
    takeProfit: orNull(r.takeProfit),
    end: r.end ? { ...r.end, price: text(r.end.price), move: text(r.end.move) } : null,
    equity: r.equity.map(orNull),
    finalPnl: text(r.finalPnl),
    loss: r.finalPnl.isNeg(),
  };
}
