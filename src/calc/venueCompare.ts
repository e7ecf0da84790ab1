/**
 * The same trade through several venue rules side by side ({@link compareVenues}): per rule the prices, the rule
 * applied and a plain-words reason it differs from the plain "1 / leverage" estimate; refusals become statuses.
 */
import { type Decimal, ONE, ZERO } from './decimal.ts';
import { CalcInputError, INCONSISTENT } from './errors.ts';
import {
  type ParsedTrade,
  type VenueRow,
  type VenueStatus,
  type VenueTrade,
  applyRule,
  capital,
  maxLeverageFor,
  parseTrade,
} from './venueRule.ts';
import { maintenanceRate, nonNegative, requireInput } from './validate.ts';
import type { LiquidationRule } from './venues.ts';

/** The widest gap between two venue rows ({@link compareVenues}), by row index. */
export interface WidestGap {
  first: number;
  second: number;
  /** `|P_first − P_second|`, in price units. */
  gap: Decimal;
  /** The row whose liquidation is nearer the entry price (smaller |distance|; `first` on a tie). */
  closer: number;
}

/** Result of {@link compareVenues}. */
export interface VenueComparison {
  quantity: Decimal;
  notional: Decimal;
  plainMove: Decimal;
  rows: VenueRow[];
  /** Among rows of kind `'venue'` that give a price: the two furthest apart; null with fewer than two. */
  widest: WidestGap | null;
}

/** A row for a rule that refused the trade. */
function refusedRow(
  rule: LiquidationRule,
  status: Exclude<VenueStatus, 'ok'>,
  maxLeverage: Decimal,
  reason: string,
): VenueRow {
  const flat = !rule.tiers;
  return {
    rule,
    status,
    price: null,
    bankruptcyPrice: null,
    distance: null,
    move: null,
    maintenanceBasis: rule.maintenanceBasis,
    maintenanceMarginRate: flat ? maintenanceRate(rule.maintenanceMarginRate ?? ZERO) : null,
    maintenanceAmount: flat ? nonNegative(rule.maintenanceAmount, 'maintenanceAmount', ZERO) : null,
    closeFeeRate: nonNegative(rule.closeFeeRate, 'closeFeeRate', ZERO),
    liquidationNotional: null,
    equity: null,
    others: [],
    maxLeverage,
    reason,
  };
}

/** The trade under one rule for a comparison: what the rule refuses becomes a status and a reason, not an error. */
function compareOne(t: ParsedTrade, rule: LiquidationRule): VenueRow {
  const name = capital(rule.short);
  const maxLeverage = maxLeverageFor(rule, t);
  if (rule.tiers && rule.contract && rule.contract !== t.contract) {
    const unit = rule.contract === 'linear' ? 'USDT' : 'coin';
    return refusedRow(
      rule,
      'contract-mismatch',
      maxLeverage,
      `${name}’s tier table is for ${unit}-margined positions only.`,
    );
  }
  if (t.leverage.gt(maxLeverage)) {
    const where = rule.tiers ? ' at this size' : '';
    return refusedRow(rule, 'not-offered', maxLeverage, `${name} offers at most ${maxLeverage.toFixed()}x${where}.`);
  }
  try {
    return applyRule(t, rule);
  } catch (error) {
    if (!(error instanceof CalcInputError)) throw error;
    if (error.code === INCONSISTENT && ['margin', 'leverage', 'walletBalance'].includes(error.field)) {
      const whose = t.mode === 'isolated' ? 'the margin does not' : 'the wallet does not';
      return refusedRow(
        rule,
        'at-once',
        maxLeverage,
        `Under ${rule.short} ${whose} cover the requirement at entry: the position would be liquidated as soon as it opened.`,
      );
    }
    return refusedRow(rule, 'unavailable', maxLeverage, `${name} cannot price this trade: ${error.message}`);
  }
}

/** The two venue rows whose liquidation prices are furthest apart. */
function widestGap(rows: VenueRow[]): WidestGap | null {
  const priced = rows
    .map((row, index) => ({ row, index }))
    .filter(({ row }) => row.rule.kind === 'venue' && row.status === 'ok' && row.price !== null);
  if (priced.length < 2) return null;
  let best: WidestGap | null = null;
  for (let i = 0; i < priced.length; i++) {
    for (let j = i + 1; j < priced.length; j++) {
      const a = priced[i];
      const b = priced[j];
      const gap = (a.row.price as Decimal).minus(b.row.price as Decimal).abs();
      if (best === null || gap.gt(best.gap)) {
        const closer = (b.row.move as Decimal).lt(a.row.move as Decimal) ? b.index : a.index;
        best = { first: a.index, second: b.index, gap, closer };
      }
    }
  }
  return best;
}

/**
 * The same trade through each rule, side by side: per rule the liquidation and bankruptcy prices, the distance, the
 * rule applied (basis, tier or rate, amount, close fee, maximum leverage) and a one-sentence reason it differs from
 * the plain estimate (liquidation after a `1 / leverage` move, when the whole initial margin is gone); plus the two
 * venue rows furthest apart, `gap = |P_a − P_b|`. A rule that refuses the trade gives a row with a status instead of
 * an error; an invalid trade still throws. Formulas and units as `liquidationUnderRule` (venueRule.ts).
 * Sources: as {@link liquidationPrice} and each rule's `sourceUrl` (venues.ts).
 * @throws CalcInputError for an invalid trade (side, margin, leverage outside 1…200, entry price, wallet below the
 *   margin, other positions), never for what one rule refuses.
 * @example compareVenues({ side: 'long', marginMode: 'isolated', margin: 1000, leverage: 10, entryPrice: 60000, rules: LIQUIDATION_RULES }).rows[1].price // 54300 (Bybit)
 */
export function compareVenues(input: VenueTrade & { rules: readonly LiquidationRule[] }): VenueComparison {
  requireInput(input);
  const t = parseTrade(input);
  const rules: readonly LiquidationRule[] = input.rules;
  if (!Array.isArray(input.rules)) {
    throw new CalcInputError('rules', INCONSISTENT, 'The rules to compare must be a list.');
  }
  const rows = rules.map((rule) => compareOne(t, rule));
  return {
    quantity: t.quantity,
    notional: t.notional,
    plainMove: ONE.div(t.leverage),
    rows,
    widest: widestGap(rows),
  };
}
