/**
 * One trade (a margin at a leverage, isolated or in a cross wallet) through one venue's liquidation rule
 * ({@link liquidationUnderRule}): the rule applied, its numbers and a plain-words reason it differs from the plain
 * "1 / leverage" estimate. `compareVenues` (venueCompare.ts) runs the same trade through several rules.
 */
import { Decimal, type Numeric, ONE, ZERO } from './decimal.ts';
import { CalcInputError, INCONSISTENT } from './errors.ts';
import {
  type LiquidationInput,
  type OtherPosition,
  type OtherPositionValue,
  crossEquity,
  liquidationPrice,
} from './liquidationPrice.ts';
import { maintenanceMargin, notionalOf, positionFromMargin } from './size.ts';
import { type Tier, tierFor, tierIndexFor, withMaintenanceAmounts } from './tiers.ts';
import {
  type Contract,
  type Side,
  DEFAULT_MAX_LEVERAGE,
  maintenanceRate,
  nonNegative,
  parseContract,
  parseOption,
  parseSide,
  positive,
  quantityOf,
  requireInput,
  signed,
} from './validate.ts';
import type { LiquidationRule } from './venues.ts';

/** Another open position of a cross wallet, before any venue's maintenance rule is applied to it. */
export interface CrossPosition {
  side: Side;
  /** Base units (linear) or USD face value (inverse), in the trade's settlement. */
  quantity: Numeric;
  entryPrice: Numeric;
  markPrice: Numeric;
}

/** A trade as a liquidation calculator takes it: a margin at a leverage, opened at an entry price. */
export interface VenueTrade {
  side: Side;
  /** Default `'linear'`. */
  contract?: Contract;
  marginMode: 'isolated' | 'cross';
  /** Initial margin put up for the position (quote for linear, coin for inverse); notional = margin × leverage. */
  margin: Numeric;
  leverage: Numeric;
  entryPrice: Numeric;
  /** Cross only: everything in the wallet, this position's margin included. */
  walletBalance?: Numeric;
  /** Cross only: the wallet's other positions; each venue's rule sets their maintenance. */
  otherPositions?: readonly CrossPosition[];
}

/** Another cross position valued at its mark price under a rule. */
export interface OtherUnderRule extends OtherPositionValue {
  side: Side;
  quantity: Decimal;
  entryPrice: Decimal;
  markPrice: Decimal;
  /** The rate and amount the rule applies to it (a tier's, or the flat rate with no amount). */
  maintenanceMarginRate: Decimal;
  maintenanceAmount: Decimal;
}

/**
 * What became of the trade under a rule: `'ok'`; `'not-offered'` (leverage above the venue's maximum);
 * `'at-once'` (equity at entry not above the requirement: liquidated as soon as it opened); `'contract-mismatch'`
 * (a tier table for another settlement); `'unavailable'` (anything else the rule refuses, see the reason).
 */
export type VenueStatus = 'ok' | 'not-offered' | 'at-once' | 'contract-mismatch' | 'unavailable';

/** The trade under one rule: the rule applied, the prices, and why it differs from the plain estimate. */
export interface VenueRow {
  rule: LiquidationRule;
  status: VenueStatus;
  /** Liquidation price; null when refused or when no positive price liquidates. */
  price: Decimal | null;
  bankruptcyPrice: Decimal | null;
  /** Signed move from entry to the liquidation price, as a fraction. */
  distance: Decimal | null;
  /** The size of that move, |distance|. */
  move: Decimal | null;
  maintenanceBasis: 'liquidation' | 'entry';
  /** Rate in force at the liquidation price (the tier's, or the flat rate); null when no tier could be chosen. */
  maintenanceMarginRate: Decimal | null;
  /** Maintenance amount in force, in the settlement currency; null as the rate. */
  maintenanceAmount: Decimal | null;
  /** Close fee rate counted in the requirement (0 when none). */
  closeFeeRate: Decimal;
  /** The tier used, with its number from 1, for a rule with a tier table. */
  tier?: Tier;
  tierNumber?: number;
  /** Maintenance on the entry notional, `N_E × r − a`, for an entry-basis rule (Bybit): fixed whatever the price. */
  entryMaintenance?: Decimal;
  /** Notional at the liquidation price, where a liquidation-basis rule picks its tier. */
  liquidationNotional: Decimal | null;
  /** Equity behind the position under this rule: the margin, or the cross wallet's equity ({@link crossEquity}). */
  equity: Decimal | null;
  /** The other cross positions as this rule values them (empty for isolated). */
  others: OtherUnderRule[];
  /** The venue's maximum leverage for this trade (the entry tier's, with a tier table). */
  maxLeverage: Decimal;
  /** One sentence: what the rule keeps back and how that moves liquidation from the plain estimate. */
  reason: string;
}

/** The trade under a rule that accepted it. */
export interface RuleLiquidation extends VenueRow {
  status: 'ok';
  maintenanceMarginRate: Decimal;
  maintenanceAmount: Decimal;
  equity: Decimal;
  /** Position size: quantity (base units, or USD face value) and entry notional (margin × leverage). */
  quantity: Decimal;
  notional: Decimal;
  /** The plain estimate's move, `1 / leverage`: the whole initial margin. */
  plainMove: Decimal;
  /** The liquidation comes before that move: `|distance| < 1 / leverage`. */
  beforePlainMove: boolean;
}

/** Another cross position of a validated trade. */
export interface ParsedOther {
  side: Side;
  quantity: Decimal;
  entryPrice: Decimal;
  markPrice: Decimal;
}

/** A trade validated once, before any rule; what {@link applyRule} and `compareVenues` work on. */
export interface ParsedTrade {
  side: Side;
  contract: Contract;
  mode: 'isolated' | 'cross';
  margin: Decimal;
  leverage: Decimal;
  entry: Decimal;
  quantity: Decimal;
  notional: Decimal;
  wallet: Decimal | null;
  others: ParsedOther[];
}

const MODES = ['isolated', 'cross'] as const;

/**
 * Validates the trade itself, before any rule: what every rule would refuse alike. Position: notional = margin ×
 * leverage, q = notional / E (linear) or notional × E (inverse) ({@link positionFromMargin}); a cross wallet must hold
 * at least the margin.
 * Source: Binance Futures calculator (IMR = 1 / leverage), https://binance.com/fr/support/faq/how-to-use-the-binance-futures-calculator-360036498511
 * @throws CalcInputError for any invalid field of the trade.
 */
export function parseTrade(input: VenueTrade): ParsedTrade {
  requireInput(input);
  const side = parseSide(input.side);
  const contract = parseContract(input.contract);
  const mode = parseOption(input.marginMode, 'marginMode', MODES);
  const entry = positive(input.entryPrice, 'entryPrice');
  const margin = positive(input.margin, 'margin');
  const { notional, quantity } = positionFromMargin({
    contract,
    margin,
    leverage: input.leverage,
    price: entry,
  });
  const leverage = positive(input.leverage, 'leverage');
  let wallet: Decimal | null = null;
  const others: ParsedOther[] = [];
  if (mode === 'cross') {
    wallet = signed(input.walletBalance, 'walletBalance');
    if (wallet.lt(margin)) {
      throw new CalcInputError(
        'walletBalance',
        INCONSISTENT,
        'The wallet balance must be at least the margin of this position, which it pays for.',
      );
    }
    const list: readonly CrossPosition[] = input.otherPositions ?? [];
    if (!Array.isArray(input.otherPositions ?? [])) {
      throw new CalcInputError('otherPositions', INCONSISTENT, 'Other positions must be a list.');
    }
    list.forEach((o, i) => {
      const path = (field: string) => `otherPositions[${i}].${field}`;
      requireInput(o);
      others.push({
        side: parseSide(o.side, path('side')),
        quantity: quantityOf(contract, o.quantity, path('quantity')),
        entryPrice: positive(o.entryPrice, path('entryPrice')),
        markPrice: positive(o.markPrice, path('markPrice')),
      });
    });
  }
  return { side, contract, mode, margin, leverage, entry, quantity, notional, wallet, others };
}

/** The validated tier table of a rule, or undefined for a flat rate. */
function tableOf(rule: LiquidationRule): Tier[] | undefined {
  return rule.tiers ? withMaintenanceAmounts(rule.tiers) : undefined;
}

/**
 * The venue's maximum leverage for this trade: the entry tier's with a tier table (Binance: 1 / (2 × MMR) per tier),
 * else the rule's, else 200. Source: each rule's `sourceUrl` (venues.ts).
 */
export function maxLeverageFor(rule: LiquidationRule, t: ParsedTrade): Decimal {
  const table = tableOf(rule);
  const tierMax = table ? table[tierIndexFor(t.notional, table)].maxLeverage : undefined;
  return tierMax ?? new Decimal(rule.maxLeverage ?? DEFAULT_MAX_LEVERAGE);
}

/** The rate and amount a rule applies to another cross position, from its notional at the mark price. */
function otherUnder(rule: LiquidationRule, o: ParsedOther, i: number, contract: Contract): OtherPosition {
  let rate: Numeric;
  let amount: Numeric = ZERO;
  if (rule.tiers) {
    try {
      const tier = tierFor(notionalOf(contract, o.quantity, o.markPrice), rule.tiers);
      rate = tier.maintenanceMarginRate;
      amount = tier.maintenanceAmount;
    } catch (error) {
      if (error instanceof CalcInputError) {
        throw new CalcInputError(`otherPositions[${i}].quantity`, error.code, error.message);
      }
      throw error;
    }
  } else {
    // A flat amount belongs to the position it was set for; the others take the rate alone.
    rate = rule.maintenanceMarginRate ?? ZERO;
  }
  return { ...o, contract, maintenanceMarginRate: rate, maintenanceAmount: amount };
}

/** A rate as a short percentage for sentences: 0.004 → "0.4%". */
function percent(rate: Decimal, places = 3): string {
  return `${rate.times(100).toDecimalPlaces(places).toFixed()}%`;
}

/** "the close-fee rule" → "The close-fee rule", for a rule's short name at the start of a sentence. */
export function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The sentence for a row the rule accepted. */
function reasonForResult(r: Omit<RuleLiquidation, 'reason'>, mode: 'isolated' | 'cross'): string {
  const name = capital(r.rule.short);
  if (r.price === null || r.move === null) {
    return `No price above zero brings the equity down to the requirement under ${r.rule.short}: the position cannot be liquidated.`;
  }
  const fee = r.closeFeeRate.isZero() ? '' : ` plus a ${percent(r.closeFeeRate)} close fee`;
  let kept = '';
  if (!r.maintenanceMarginRate.isZero()) {
    kept =
      r.maintenanceBasis === 'entry'
        ? `keeps ${percent(r.maintenanceMarginRate)} of the entry notional${fee}, a fixed sum however the price moves`
        : `keeps ${percent(r.maintenanceMarginRate)} of the notional at the liquidation price` +
          (r.tierNumber !== undefined ? ` (tier ${r.tierNumber})` : '') +
          fee;
    if (!r.maintenanceAmount.isZero()) kept += ', less a fixed maintenance amount';
  } else if (fee) {
    kept = `counts a ${percent(r.closeFeeRate)} close fee on the notional at the liquidation price`;
  }
  const where =
    `it liquidates ${percent(r.move, 2)} from entry, ` +
    `where the plain 1/leverage estimate says ${percent(r.plainMove, 2)}` +
    (mode === 'cross' ? '; in cross margin the wallet’s equity, not the margin, stands behind the position.' : '.');
  return kept ? `${name} ${kept}, so ${where}` : `${name} keeps nothing back and counts no fee, so ${where}`;
}

/**
 * Applies a rule to a validated trade, as {@link liquidationUnderRule} describes (formulas, units and sources there).
 * @throws CalcInputError for what the rule refuses.
 */
export function applyRule(t: ParsedTrade, rule: LiquidationRule): RuleLiquidation {
  requireInput(rule);
  const basis = parseOption(rule.maintenanceBasis, 'maintenanceBasis', ['liquidation', 'entry'] as const);
  if (rule.tiers && rule.contract && rule.contract !== t.contract) {
    throw new CalcInputError(
      'contract',
      INCONSISTENT,
      `The ${rule.name} tier table is for ${rule.contract === 'linear' ? 'USDT' : 'coin'}-margined positions: it cannot price this contract.`,
    );
  }
  const maxLeverage = maxLeverageFor(rule, t);
  if (!rule.tiers) {
    // The flat amount may not exceed notional × rate at entry: the requirement would be negative there.
    maintenanceMargin({
      contract: t.contract,
      quantity: t.quantity,
      price: t.entry,
      maintenanceMarginRate: rule.maintenanceMarginRate ?? ZERO,
      maintenanceAmount: rule.maintenanceAmount ?? ZERO,
    });
  }
  const others = t.others.map((o, i) => otherUnder(rule, o, i, t.contract));
  const base = {
    side: t.side,
    contract: t.contract,
    quantity: t.quantity,
    entryPrice: t.entry,
    leverage: t.leverage,
    maxLeverage,
    maintenanceBasis: basis,
    closeFeeRate: rule.closeFeeRate ?? ZERO,
    ...(rule.tiers
      ? { tiers: rule.tiers }
      : {
          maintenanceMarginRate: rule.maintenanceMarginRate ?? ZERO,
          maintenanceAmount: rule.maintenanceAmount ?? ZERO,
        }),
  };
  const input: LiquidationInput =
    t.mode === 'isolated'
      ? { ...base, marginMode: 'isolated' }
      : { ...base, marginMode: 'cross', walletBalance: t.wallet ?? ZERO, otherPositions: others };
  const result = liquidationPrice(input);

  let equity = t.margin;
  let valued: OtherUnderRule[] = [];
  if (t.mode === 'cross') {
    const cross = crossEquity({ walletBalance: t.wallet ?? ZERO, contract: t.contract, otherPositions: others });
    equity = cross.equity;
    valued = cross.others.map((value, i) => ({
      ...value,
      ...t.others[i],
      maintenanceMarginRate: maintenanceRate(others[i].maintenanceMarginRate),
      maintenanceAmount: nonNegative(others[i].maintenanceAmount, 'maintenanceAmount', ZERO),
    }));
  }
  const rate = result.tier ? result.tier.maintenanceMarginRate : maintenanceRate(rule.maintenanceMarginRate ?? ZERO);
  const amount = result.tier
    ? result.tier.maintenanceAmount
    : nonNegative(rule.maintenanceAmount, 'maintenanceAmount', ZERO);
  const closeFee = nonNegative(rule.closeFeeRate, 'closeFeeRate', ZERO);
  const move = result.distance === null ? null : result.distance.abs();
  const plainMove = ONE.div(t.leverage);
  const row: Omit<RuleLiquidation, 'reason'> = {
    rule,
    status: 'ok',
    price: result.price,
    bankruptcyPrice: result.bankruptcyPrice,
    distance: result.distance,
    move,
    maintenanceBasis: basis,
    maintenanceMarginRate: rate,
    maintenanceAmount: amount,
    closeFeeRate: closeFee,
    liquidationNotional: result.price === null ? null : notionalOf(t.contract, t.quantity, result.price),
    equity,
    others: valued,
    maxLeverage,
    quantity: t.quantity,
    notional: t.notional,
    plainMove,
    beforePlainMove: move !== null && move.lt(plainMove),
  };
  if (result.tier) {
    row.tier = result.tier;
    row.tierNumber = result.tierNumber;
  }
  if (basis === 'entry') row.entryMaintenance = t.notional.times(rate).minus(amount);
  return { ...row, reason: reasonForResult(row, t.mode) };
}

/**
 * One trade (a margin at a leverage, isolated or in a cross wallet) through one venue's liquidation rule. The position
 * is `notional = margin × leverage`, `q = notional / E` (linear) or `notional × E` (inverse); each other cross position
 * takes the rule's maintenance at its mark notional (the tier holding it, or the flat rate), the wallet's equity is
 * {@link crossEquity}, and the price is {@link liquidationPrice}'s: equity + PnL(P) = N·r − a + c·N(P).
 * Units: prices in quote per base unit; money in quote (linear) or coin (inverse); rates as fractions.
 * Sources: as {@link liquidationPrice} and each rule's `sourceUrl` (venues.ts).
 * @throws CalcInputError for an invalid trade, a leverage above the venue's maximum (`leverage`, `out_of_range`),
 *   equity at entry not above the requirement (`margin`/`leverage`/`walletBalance`, `inconsistent`), a flat amount
 *   above notional × rate (`maintenanceAmount`), a tier table for another settlement (`contract`), or a wallet below
 *   the margin (`walletBalance`).
 * @example liquidationUnderRule({ side: 'long', marginMode: 'isolated', margin: 1000, leverage: 10, entryPrice: 60000, rule: BINANCE_BTCUSDT_RULE }).price // 54216.87… (54,000 / 0.996)
 */
export function liquidationUnderRule(input: VenueTrade & { rule: LiquidationRule }): RuleLiquidation {
  requireInput(input);
  return applyRule(parseTrade(input), input.rule);
}
