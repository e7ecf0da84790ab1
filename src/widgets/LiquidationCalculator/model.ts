/**
 * Liquidation price: one position (isolated, or cross with a wallet and up to three other positions) run through the
 * reader's venue rule, and the same trade through every venue's rule side by side. This file reads the reader's
 * strings, calls src/calc's liquidationUnderRule and shapes the result; every figure and every venue rule comes from
 * there. The venue table (calc's compareVenues, in comparison.ts) and the words load with explain.ts on the first
 * change, and the chart's curve (calc's maintenanceCurve) with chart.ts when the chart comes into view: the server
 * writes the starting table and words, so the island's first download stays small.
 */
import {
  BINANCE_BTCUSDT_RULE,
  BYBIT_BTCUSDT_RULE,
  CalcInputError,
  HYPERLIQUID_BTC_RULE,
  TEXTBOOK_RULE,
  closeFeeRuleWith,
  liquidationUnderRule,
} from '../../calc/index.ts';
import type {
  Contract,
  CrossPosition,
  Decimal,
  LiquidationRule,
  Outcome,
  RuleLiquidation,
  Side,
  VenueTrade,
} from '../../calc/index.ts';
import { readNumber, readPercent } from '../../input/number.ts';
import { collectErrors } from '../../input/outcome.ts';
import { MAX_OTHERS, otherKeys, type LiquidationValues } from './params.ts';

export type { Side, Contract };
export type VenueId = 'binance' | 'bybit' | 'hyperliquid' | 'custom';

/** The venue rules a reader can pick, by id (all of them data in src/calc/venues.ts). */
export const VENUE_RULES: Record<Exclude<VenueId, 'custom'>, LiquidationRule> = {
  binance: BINANCE_BTCUSDT_RULE,
  bybit: BYBIT_BTCUSDT_RULE,
  hyperliquid: HYPERLIQUID_BTC_RULE,
};

export interface LiquidationView {
  side: Side;
  contract: Contract;
  mode: 'isolated' | 'cross';
  venue: VenueId;
  /** USDT for linear, BTC for inverse. */
  moneyUnit: string;
  /** USDT for linear, USD for inverse. */
  priceUnit: string;
  /** BTC for linear, USD (face value) for inverse. */
  quantityUnit: string;
  margin: Decimal;
  leverage: Decimal;
  entry: Decimal;
  notional: Decimal;
  quantity: Decimal;
  wallet: Decimal | null;
  /** The trade under the reader's rule (with the reader's close fee). */
  main: RuleLiquidation;
  /** The trade as read, and the rules the venue table runs it through (comparison.ts), in table order. */
  trade: VenueTrade;
  rules: readonly LiquidationRule[];
}

const FIELD: Record<string, keyof LiquidationValues> = {
  margin: 'margin',
  quantity: 'margin',
  notional: 'margin',
  leverage: 'leverage',
  maxLeverage: 'leverage',
  price: 'entry',
  entryPrice: 'entry',
  walletBalance: 'wallet',
  maintenanceMarginRate: 'mmr',
  maintenanceAmount: 'mma',
  closeFeeRate: 'fee',
  contract: 'venue',
};
const OTHER_FIELD: Record<string, 'side' | 'qty' | 'entry' | 'mark'> = {
  side: 'side',
  quantity: 'qty',
  entryPrice: 'entry',
  markPrice: 'mark',
};

/** Maps a calc field (entryPrice, otherPositions[1].markPrice) to the widget's parameter (entry, o2mark). */
export function fieldFor(calcField: string): string {
  const nested = /^otherPositions\[(\d+)\]\.(\w+)$/.exec(calcField);
  if (nested) return otherKeys(Number(nested[1]) + 1)[OTHER_FIELD[nested[2]] ?? 'qty'];
  return FIELD[calcField] ?? calcField;
}

/** The reader's rule: a venue preset with the reader's close fee, or their own rate and amount. */
function readRule(v: LiquidationValues, venue: VenueId, closeFeeRate: Decimal): LiquidationRule {
  if (venue !== 'custom') return { ...VENUE_RULES[venue], closeFeeRate };
  return {
    id: 'custom',
    kind: 'custom',
    name: 'Your custom rate',
    short: 'your custom rate',
    maintenanceBasis: 'liquidation',
    maintenanceMarginRate: readPercent(v.mmr, 'mmr', { label: 'maintenance margin rate', min: 0, max: 50 }),
    maintenanceAmount: readNumber(v.mma, 'mma', { label: 'maintenance amount', min: 0 }),
    closeFeeRate,
  };
}

/** The other positions of the cross wallet, as many as `others` says. */
function readOthers(v: LiquidationValues): CrossPosition[] {
  const count = Math.min(Number(v.others) || 0, MAX_OTHERS);
  const others: CrossPosition[] = [];
  for (let n = 1; n <= count; n++) {
    const k = otherKeys(n);
    const positive = (key: keyof LiquidationValues, label: string) =>
      readNumber(v[key], key, { label: `${label} of other position ${n}`, min: 0, minOpen: true });
    others.push({
      side: v[k.side] === 'short' ? 'short' : 'long',
      quantity: positive(k.qty, 'quantity'),
      entryPrice: positive(k.entry, 'entry price'),
      markPrice: positive(k.mark, 'mark price'),
    });
  }
  return others;
}

/** Raw settings in; the liquidation under the reader's rule and every venue's, or a message per field. */
export function computeLiquidation(v: LiquidationValues): Outcome<LiquidationView> {
  return collectErrors(() => {
    const side: Side = v.side === 'short' ? 'short' : 'long';
    const contract: Contract = v.contract === 'inverse' ? 'inverse' : 'linear';
    const mode = v.mode === 'cross' ? 'cross' : 'isolated';
    const venue: VenueId =
      v.venue === 'bybit' || v.venue === 'hyperliquid' || v.venue === 'custom' ? v.venue : 'binance';
    if (venue !== 'custom' && VENUE_RULES[venue].contract !== contract) {
      throw new CalcInputError(
        'venue',
        'inconsistent',
        `The ${VENUE_RULES[venue].name} preset is a USDT-margined market; choose “Custom rate” for a coin-margined contract.`,
      );
    }
    const fee = readPercent(v.fee, 'fee', { label: 'close fee', min: 0, max: 1 });
    const rule = readRule(v, venue, fee);
    const margin = readNumber(v.margin, 'margin', { label: 'margin', min: 0, minOpen: true });
    const leverage = readNumber(v.leverage, 'leverage', { label: 'leverage', min: 1 });
    const entry = readNumber(v.entry, 'entry', { label: 'entry price', min: 0, minOpen: true });
    const wallet = mode === 'cross' ? readNumber(v.wallet, 'wallet', { label: 'wallet balance', min: 0 }) : null;
    const trade: VenueTrade = {
      side,
      contract,
      marginMode: mode,
      margin,
      leverage,
      entryPrice: entry,
      ...(wallet === null ? {} : { walletBalance: wallet, otherPositions: readOthers(v) }),
    };

    const main = liquidationUnderRule({ ...trade, rule });
    const rules = [
      ...(venue === 'custom' ? [rule] : []),
      BINANCE_BTCUSDT_RULE,
      BYBIT_BTCUSDT_RULE,
      HYPERLIQUID_BTC_RULE,
      TEXTBOOK_RULE,
      closeFeeRuleWith(fee),
    ];
    return {
      side,
      contract,
      mode,
      venue,
      moneyUnit: contract === 'linear' ? 'USDT' : 'BTC',
      priceUnit: contract === 'linear' ? 'USDT' : 'USD',
      quantityUnit: contract === 'linear' ? 'BTC' : 'USD',
      margin,
      leverage,
      entry,
      notional: main.notional,
      quantity: main.quantity,
      wallet,
      main,
      trade,
      rules,
    };
  }, fieldFor);
}
