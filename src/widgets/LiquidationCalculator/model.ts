/**
 * Liquidation price: one position (isolated, or cross with a wallet and up to three other positions) run through the
 * reader's venue rule, and the same trade through every venue's rule side by side. All figures come from src/calc.
 */
import {
  BINANCE_BTCUSDT,
  BYBIT_BTCUSDT,
  HYPERLIQUID_BTC,
  CalcInputError,
  Decimal,
  OUT_OF_RANGE,
  fieldLabel,
  hyperliquidMaintenanceRate,
  liquidationPrice,
  maintenanceMargin,
  notional as notionalOf,
  pnl,
  positionFromMargin,
  tierFor,
  toDecimal,
  tradingFee,
  withMaintenanceAmounts,
} from '../../calc/index.ts';
import type {
  Decimal as DecimalT,
  LiquidationInput,
  LiquidationResult,
  OtherPosition,
  Tier,
  TierInput,
} from '../../calc/index.ts';
import { collectErrors } from '../../input/outcome.ts';
import type { ModelOutcome } from '../shared/useWidget.ts';
import { percentToFraction } from '../shared/percent.ts';
import { otherKeys, type LiquidationValues } from './params.ts';

export type Side = 'long' | 'short';
export type Contract = 'linear' | 'inverse';
export type VenueId = 'binance' | 'bybit' | 'hyperliquid' | 'custom';
export type RuleId = VenueId | 'textbook' | 'closefee';

/** A venue's way of computing the maintenance requirement. */
export interface Rule {
  id: RuleId;
  /** "Binance BTCUSDT" */
  name: string;
  /** "Binance", for sentences. */
  short: string;
  basis: 'liquidation' | 'entry';
  tiers?: readonly TierInput[];
  /** Flat rate and amount, when there is no tier table. */
  rate?: DecimalT;
  amount?: DecimalT;
  closeFee: DecimalT;
  /** The venue's maximum leverage; tiers carry their own. */
  maxLeverage?: number;
  sourceUrl?: string;
  asOf?: string;
}

/** Another open position in the cross wallet, valued at its mark price under a rule. */
export interface OtherView {
  n: number;
  side: Side;
  quantity: DecimalT;
  entry: DecimalT;
  mark: DecimalT;
  pnl: DecimalT;
  maintenance: DecimalT;
  rate: DecimalT;
  amount: DecimalT;
}

/** The trade under one rule. */
export interface RuleOutcome {
  rule: Rule;
  /** `ok`; `not-offered` (leverage above the venue's maximum); `at-once` (margin below the requirement at entry);
   * `coin-margined` (a USDT tier table cannot price a coin-margined contract); `unavailable` (anything else refused). */
  status: 'ok' | 'not-offered' | 'at-once' | 'coin-margined' | 'unavailable';
  price: DecimalT | null;
  bankruptcy: DecimalT | null;
  distance: DecimalT | null;
  /** Rate and amount in force at the liquidation price (the tier's, or the flat ones). */
  rate: DecimalT;
  amount: DecimalT;
  tier?: Tier;
  /** 1-based tier number. */
  tierNumber?: number;
  /** Maximum leverage that made the row `not-offered`. */
  maxLeverage?: string;
  /** Maintenance on the entry notional, for rules that measure it there (Bybit). */
  entryMaintenance?: DecimalT;
  /** Equity behind the position under this rule (cross: depends on the others' maintenance). */
  equity: DecimalT;
  others: OtherView[];
}

export interface CurvePoint {
  price: DecimalT;
  equity: DecimalT;
  requirement: DecimalT;
}

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
  margin: DecimalT;
  leverage: DecimalT;
  entry: DecimalT;
  notional: DecimalT;
  quantity: DecimalT;
  wallet: DecimalT | null;
  /** The reader's venue rule and its outcome (with the reader's close fee). */
  main: RuleOutcome;
  /** Notional at the liquidation price, where the tier is chosen. */
  liquidationNotional: DecimalT | null;
  /** 1 / leverage: the move a beginner expects to be liquidated at. */
  expectedMove: DecimalT;
  /** The liquidation comes before that move: |distance| < 1 / leverage. */
  earlierThanExpected: boolean;
  comparison: RuleOutcome[];
  curve: CurvePoint[];
}

const ZERO = new Decimal(0);

/** Phemex's first BTC tier (0.5 %), the maintenance rate of the close-fee rule; facts.md, claim 7. */
const CLOSE_FEE_RULE_RATE = new Decimal('0.005');
/** An example taker fee for the close-fee row when the reader gives none (0.05 %, the site's default trading fee). */
export const EXAMPLE_CLOSE_FEE = new Decimal('0.0005');

const BINANCE_RULE: Rule = {
  id: 'binance',
  name: `${BINANCE_BTCUSDT.venue} ${BINANCE_BTCUSDT.symbol}`,
  short: BINANCE_BTCUSDT.venue,
  basis: BINANCE_BTCUSDT.maintenanceBasis,
  tiers: BINANCE_BTCUSDT.tiers as readonly TierInput[],
  closeFee: ZERO,
  sourceUrl: BINANCE_BTCUSDT.sourceUrl,
  asOf: BINANCE_BTCUSDT.asOf,
};

const BYBIT_RULE: Rule = {
  id: 'bybit',
  name: `${BYBIT_BTCUSDT.venue} ${BYBIT_BTCUSDT.symbol}`,
  short: BYBIT_BTCUSDT.venue,
  basis: BYBIT_BTCUSDT.maintenanceBasis,
  rate: new Decimal(BYBIT_BTCUSDT.maintenanceMarginRate ?? '0.005'),
  amount: ZERO,
  closeFee: ZERO,
  maxLeverage: BYBIT_BTCUSDT.maxLeverage,
  sourceUrl: BYBIT_BTCUSDT.sourceUrl,
  asOf: BYBIT_BTCUSDT.asOf,
};

const HYPERLIQUID_RULE: Rule = {
  id: 'hyperliquid',
  name: `${HYPERLIQUID_BTC.venue} ${HYPERLIQUID_BTC.symbol}`,
  short: HYPERLIQUID_BTC.venue,
  basis: HYPERLIQUID_BTC.maintenanceBasis,
  // Half the initial margin at the maximum leverage: 1 / (2 × 40) = 1.25 %.
  rate: hyperliquidMaintenanceRate(HYPERLIQUID_BTC.maxLeverage),
  amount: ZERO,
  closeFee: ZERO,
  maxLeverage: HYPERLIQUID_BTC.maxLeverage,
  sourceUrl: HYPERLIQUID_BTC.sourceUrl,
  asOf: HYPERLIQUID_BTC.asOf,
};

const TEXTBOOK_RULE: Rule = {
  id: 'textbook',
  name: 'Textbook (no maintenance)',
  short: 'the textbook rule',
  basis: 'liquidation',
  rate: ZERO,
  amount: ZERO,
  closeFee: ZERO,
};

/** The presets a reader can pick, by id. */
export const VENUE_RULES: Record<Exclude<VenueId, 'custom'>, Rule> = {
  binance: BINANCE_RULE,
  bybit: BYBIT_RULE,
  hyperliquid: HYPERLIQUID_RULE,
};

/** The close-fee rule (OKX, Phemex style): a 0.5 % rate plus the close fee, both on the liquidation notional. */
function closeFeeRule(fee: DecimalT): Rule {
  return {
    id: 'closefee',
    name: 'With the close fee (OKX, Phemex style)',
    short: 'the close-fee rule',
    basis: 'liquidation',
    rate: CLOSE_FEE_RULE_RATE,
    amount: ZERO,
    closeFee: fee.isZero() ? EXAMPLE_CLOSE_FEE : fee,
  };
}

interface ParsedOther {
  n: number;
  side: Side;
  quantity: DecimalT;
  entry: DecimalT;
  mark: DecimalT;
}

interface Trade {
  side: Side;
  contract: Contract;
  mode: 'isolated' | 'cross';
  quantity: DecimalT;
  entry: DecimalT;
  leverage: DecimalT;
  wallet: DecimalT | null;
  others: ParsedOther[];
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
  if (nested) return otherKeys(Number(nested[1]) + 1)[OTHER_FIELD[nested[2] as string] ?? 'qty'];
  return FIELD[calcField] ?? calcField;
}

/** A positive number typed by the reader, with the calc's wording for errors. */
function positiveInput(raw: string, field: string): DecimalT {
  const d = toDecimal(raw, field);
  if (!d.gt(0)) throw new CalcInputError(field, 'must_be_positive', `${fieldLabel(field)} must be above zero.`);
  return d;
}

/** The maintenance rate and amount a rule applies to another position of `notional` at its mark price. */
function otherMaintenanceRate(rule: Rule, notional: DecimalT, i: number): { rate: DecimalT; amount: DecimalT } {
  if (rule.tiers) {
    try {
      const tier = tierFor(notional, rule.tiers);
      return { rate: tier.maintenanceMarginRate, amount: tier.maintenanceAmount };
    } catch (error) {
      if (error instanceof CalcInputError) {
        throw new CalcInputError(`otherPositions[${i}].quantity`, error.code, error.message);
      }
      throw error;
    }
  }
  // A custom maintenance amount belongs to the main position's tier; the others get the rate alone.
  return { rate: rule.rate ?? ZERO, amount: ZERO };
}

function othersUnder(rule: Rule, t: Trade): OtherView[] {
  return t.others.map((o, i) => {
    const value = notionalOf({ contract: t.contract, quantity: o.quantity, price: o.mark });
    const { rate, amount } = otherMaintenanceRate(rule, value, i);
    const contract = t.contract;
    return {
      ...o,
      rate,
      amount,
      pnl: pnl({ side: o.side, contract, quantity: o.quantity, entryPrice: o.entry, exitPrice: o.mark }),
      maintenance: maintenanceMargin({
        contract,
        quantity: o.quantity,
        price: o.mark,
        maintenanceMarginRate: rate,
        maintenanceAmount: amount,
      }),
    };
  });
}

function inputFor(rule: Rule, t: Trade, others: OtherView[]): LiquidationInput {
  const base = {
    side: t.side,
    contract: t.contract,
    quantity: t.quantity,
    entryPrice: t.entry,
    leverage: t.leverage,
    maintenanceBasis: rule.basis,
    closeFeeRate: rule.closeFee,
    ...(rule.tiers
      ? { tiers: rule.tiers }
      : { maintenanceMarginRate: rule.rate ?? ZERO, maintenanceAmount: rule.amount ?? ZERO }),
    ...(rule.maxLeverage !== undefined ? { maxLeverage: rule.maxLeverage } : {}),
  };
  if (t.mode === 'isolated') return { ...base, marginMode: 'isolated' };
  const otherPositions: OtherPosition[] = others.map((o) => ({
    side: o.side,
    contract: t.contract,
    quantity: o.quantity,
    entryPrice: o.entry,
    markPrice: o.mark,
    maintenanceMarginRate: o.rate,
    maintenanceAmount: o.amount,
  }));
  return { ...base, marginMode: 'cross', walletBalance: t.wallet ?? ZERO, otherPositions };
}

/** The trade under a rule; throws CalcInputError for what the rule refuses. */
function evaluate(rule: Rule, t: Trade, margin: DecimalT): RuleOutcome {
  const others = t.mode === 'cross' ? othersUnder(rule, t) : [];
  const result: LiquidationResult = liquidationPrice(inputFor(rule, t, others));
  let equity = margin;
  if (t.mode === 'cross') {
    equity = t.wallet ?? ZERO;
    for (const o of others) equity = equity.plus(o.pnl).minus(o.maintenance);
  }
  const outcome: RuleOutcome = {
    rule,
    status: 'ok',
    price: result.price,
    bankruptcy: result.bankruptcyPrice,
    distance: result.distance,
    rate: result.tier ? result.tier.maintenanceMarginRate : (rule.rate ?? ZERO),
    amount: result.tier ? result.tier.maintenanceAmount : (rule.amount ?? ZERO),
    equity,
    others,
  };
  if (rule.basis === 'entry') {
    outcome.entryMaintenance = maintenanceMargin({
      contract: t.contract,
      quantity: t.quantity,
      price: t.entry,
      maintenanceMarginRate: outcome.rate,
      maintenanceAmount: outcome.amount,
    });
  }
  if (result.tier && rule.tiers) {
    outcome.tier = result.tier;
    outcome.tierNumber = withMaintenanceAmounts(rule.tiers).indexOf(result.tier) + 1;
  }
  return outcome;
}

/** The trade under a rule for the comparison table: what the rule refuses becomes a row status, not an error. */
function compare(rule: Rule, t: Trade, margin: DecimalT): RuleOutcome {
  const empty = { rule, price: null, bankruptcy: null, distance: null, rate: ZERO, amount: ZERO, equity: ZERO };
  if (rule.tiers && t.contract === 'inverse') return { ...empty, status: 'coin-margined', others: [] };
  try {
    return evaluate(rule, t, margin);
  } catch (error) {
    if (!(error instanceof CalcInputError)) throw error;
    if (error.field === 'leverage' && error.code === OUT_OF_RANGE) {
      const max = /and (\d+(?:\.\d+)?)\.?$/.exec(error.message)?.[1];
      return { ...empty, status: 'not-offered', others: [], ...(max ? { maxLeverage: max } : {}) };
    }
    const atOnce = error.code === 'inconsistent' && ['leverage', 'margin', 'walletBalance'].includes(error.field);
    return { ...empty, status: atOnce ? 'at-once' : 'unavailable', others: [] };
  }
}

/** Equity and requirement across prices around entry, liquidation and bankruptcy, for the chart. */
function curveFor(t: Trade, main: RuleOutcome): CurvePoint[] {
  const marks = [main.price, main.bankruptcy].filter((p): p is DecimalT => p !== null);
  let span = t.entry.times('0.05');
  for (const p of marks) span = Decimal.max(span, p.minus(t.entry).abs().times('1.4'));
  span = Decimal.min(span, t.entry.times(3));
  const low = Decimal.max(t.entry.minus(span), t.entry.times('0.01'));
  const high = t.entry.plus(span);
  const step = high.minus(low).div(40);
  const rule = main.rule;
  const at = (price: DecimalT): DecimalT => {
    const base = rule.basis === 'entry' ? t.entry : price;
    try {
      const value = notionalOf({ contract: t.contract, quantity: t.quantity, price: base });
      const tier = rule.tiers ? tierFor(value, rule.tiers) : undefined;
      const maintenance = maintenanceMargin({
        contract: t.contract,
        quantity: t.quantity,
        price: base,
        maintenanceMarginRate: tier ? tier.maintenanceMarginRate : (rule.rate ?? ZERO),
        maintenanceAmount: tier ? tier.maintenanceAmount : (rule.amount ?? ZERO),
      });
      const fee = rule.closeFee.isZero()
        ? ZERO
        : tradingFee({ contract: t.contract, quantity: t.quantity, price, feeRate: rule.closeFee });
      return maintenance.plus(fee);
    } catch {
      // Beyond the last tier, or an amount above notional × rate far from entry: nothing is required there.
      return ZERO;
    }
  };
  const points: CurvePoint[] = [];
  for (let i = 0; i <= 40; i++) {
    const price = low.plus(step.times(i));
    const move = pnl({
      side: t.side,
      contract: t.contract,
      quantity: t.quantity,
      entryPrice: t.entry,
      exitPrice: price,
    });
    points.push({ price, equity: main.equity.plus(move), requirement: at(price) });
  }
  return points;
}

/** Raw settings in; the liquidation under the reader's rule and every venue's, or a message per field. */
export function computeLiquidation(v: LiquidationValues): ModelOutcome<LiquidationView> {
  return collectErrors(() => {
    const side: Side = v.side === 'short' ? 'short' : 'long';
    const contract: Contract = v.contract === 'inverse' ? 'inverse' : 'linear';
    const mode = v.mode === 'cross' ? 'cross' : 'isolated';
    const venue: VenueId =
      v.venue === 'bybit' || v.venue === 'hyperliquid' || v.venue === 'custom' ? v.venue : 'binance';
    if (contract === 'inverse' && venue !== 'custom') {
      throw new CalcInputError(
        'venue',
        'inconsistent',
        `The ${VENUE_RULES[venue].name} preset is a USDT-margined market; choose “Custom rate” for a coin-margined contract.`,
      );
    }
    const fee = percentToFraction(v.fee, 'closeFeeRate', 'close fee', 1);
    let rule: Rule;
    if (venue === 'custom') {
      const rate = percentToFraction(v.mmr, 'maintenanceMarginRate', 'maintenance margin rate', 50);
      if (v.mma.trim() === '') {
        throw new CalcInputError('maintenanceAmount', 'required', 'Enter the maintenance amount (0 for none).');
      }
      const amount = toDecimal(v.mma, 'maintenanceAmount');
      rule = {
        id: 'custom',
        name: 'Your custom rate',
        short: 'your custom rate',
        basis: 'liquidation',
        rate,
        amount,
        closeFee: fee,
      };
    } else {
      rule = { ...VENUE_RULES[venue], closeFee: fee };
    }

    const { notional, quantity } = positionFromMargin({
      contract,
      margin: v.margin,
      leverage: v.leverage,
      price: v.entry,
    });
    const margin = new Decimal(v.margin);
    const entry = new Decimal(v.entry);
    const leverage = new Decimal(v.leverage);
    if (rule.amount && !rule.amount.isZero()) {
      // The amount may not exceed notional × rate at entry (calc's check; the requirement would be negative).
      maintenanceMargin({
        contract,
        quantity,
        price: entry,
        maintenanceMarginRate: rule.rate ?? ZERO,
        maintenanceAmount: rule.amount,
      });
    }

    let wallet: DecimalT | null = null;
    const others: ParsedOther[] = [];
    if (mode === 'cross') {
      wallet = toDecimal(v.wallet, 'walletBalance');
      if (wallet.lt(margin)) {
        throw new CalcInputError(
          'walletBalance',
          'inconsistent',
          'The wallet balance must be at least the margin of this position, which it pays for.',
        );
      }
      const count = Math.min(Number(v.others) || 0, 3);
      for (let n = 1; n <= count; n++) {
        const k = otherKeys(n);
        const path = (f: string) => `otherPositions[${n - 1}].${f}`;
        others.push({
          n,
          side: v[k.side] === 'short' ? 'short' : 'long',
          quantity: positiveInput(v[k.qty], path('quantity')),
          entry: positiveInput(v[k.entry], path('entryPrice')),
          mark: positiveInput(v[k.mark], path('markPrice')),
        });
      }
    }

    const trade: Trade = { side, contract, mode, quantity, entry, leverage, wallet, others };
    const main = evaluate(rule, trade, margin);
    const liquidationNotional = main.price === null ? null : notionalOf({ contract, quantity, price: main.price });
    const expectedMove = new Decimal(1).div(leverage);
    const rules = [
      ...(venue === 'custom' ? [rule] : []),
      BINANCE_RULE,
      BYBIT_RULE,
      HYPERLIQUID_RULE,
      TEXTBOOK_RULE,
      closeFeeRule(fee),
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
      notional,
      quantity,
      wallet,
      main,
      liquidationNotional,
      expectedMove,
      earlierThanExpected: main.distance !== null && main.distance.abs().lt(expectedMove),
      comparison: rules.map((r) => compare(r, trade, margin)),
      curve: curveFor(trade, main),
    };
  }, fieldFor);
}
