/** The maintenance requirement and the position's equity across a range of prices: the lines a liquidation chart draws. */
import { Decimal, type Numeric, ZERO } from './decimal.ts';
import { pnlOf } from './pnl.ts';
import { notionalOf } from './size.ts';
import { readMaintenance, tierIndexFor } from './tiers.ts';
import {
  type Contract,
  type Side,
  feeRate,
  integer,
  parseContract,
  parseOption,
  parseSide,
  positive,
  quantityOf,
  requireInput,
  signed,
} from './validate.ts';
import type { MaintenanceRule } from './venues.ts';

/** Input of {@link maintenanceCurve}. */
export interface MaintenanceCurveInput {
  side: Side;
  /** Default `'linear'`. */
  contract?: Contract;
  /** Base units (linear) or USD face value (inverse). */
  quantity: Numeric;
  entryPrice: Numeric;
  /** W: equity behind the position at entry (the isolated margin, or the cross wallet's equity), settlement currency. */
  equity: Numeric;
  /** How the requirement is computed: basis, tiers or flat rate and amount, close fee (a venue rule fits). */
  rule: MaintenanceRule;
  /** Prices the range must show with room around them (the liquidation and bankruptcy prices); nulls are skipped. */
  include?: readonly (Numeric | null)[];
  /** Number of evenly spaced prices, 2…1000; default 41. */
  points?: number;
}

/** One price of {@link maintenanceCurve}. */
export interface CurvePoint {
  price: Decimal;
  /** `W + PnL(P)`. */
  equity: Decimal;
  /** `max(0, N_b × r − a) + c × N(P)`. */
  requirement: Decimal;
  /** The tier in force at this price, from 1, with a tier table. */
  tierNumber?: number;
}

const BASES = ['liquidation', 'entry'] as const;

/**
 * Equity and maintenance requirement at evenly spaced mark prices P around entry; the two lines meet at the
 * liquidation price. `equity(P) = W + PnL(P)` (linear `s·q·(P − E)`, inverse `s·q·(1/E − 1/P)`);
 * `requirement(P) = max(0, N_b × r − a) + c × N(P)`, where `N_b` is the notional at P (liquidation basis: Binance,
 * Hyperliquid) or at entry (entry basis: Bybit), and r, a come from the tier holding `N_b`, looked up at every point
 * (beyond the last tier's cap the last tier carries on, as the solver does), or from the flat rate. A requirement
 * never goes below zero: a flat maintenance amount larger than `N × r` far from entry leaves nothing to maintain.
 * The range: `span = max(5 % of E, 1.4 × |X − E|)` over the prices X to include, at most 3 × E; from
 * `max(E − span, 1 % of E)` to `E + span`. Units: prices in quote per base unit; equity and requirement in quote
 * (linear) or coin (inverse).
 * Sources: "Maintenance Margin = Notional Position Value × Maintenance Margin Rate − Maintenance Amount",
 * https://phemex.com/help-center/risk-limit ; tier at the liquidation price's notional, Binance
 * https://www.binance.com/fr/support/faq/b3c689c1f50a44cabb3a84e663b81d93 ; close fee in the requirement, OKX
 * https://www.okx.com/help/v-tiered-maintenance-margin-ratio-rules
 * @throws CalcInputError for an invalid position or rule, both or neither of rate and tiers, or a bad point count.
 * @example maintenanceCurve({ side: 'long', quantity: 1, entryPrice: 100, equity: 10, rule: { maintenanceBasis: 'liquidation', maintenanceMarginRate: 0.01 }, points: 3 })[0] // { price: 95, equity: 5, requirement: 0.95 }
 */
export function maintenanceCurve(input: MaintenanceCurveInput): CurvePoint[] {
  requireInput(input);
  const side = parseSide(input.side);
  const contract = parseContract(input.contract);
  const quantity = quantityOf(contract, input.quantity);
  const entry = positive(input.entryPrice, 'entryPrice');
  const equity = signed(input.equity, 'equity');
  const count = integer(input.points, 'points', 2, 1000, 41);
  const rule = requireInput(input.rule);
  const basis = parseOption(rule.maintenanceBasis, 'maintenanceBasis', BASES, 'liquidation');
  const closeFee = feeRate(rule.closeFeeRate, 'closeFeeRate', ZERO);
  const maintenance = readMaintenance(rule);
  const table = maintenance.kind === 'tiers' ? maintenance.table : undefined;
  const flat = maintenance.kind === 'flat' ? maintenance : undefined;

  let span = entry.times('0.05');
  (input.include ?? []).forEach((value, i) => {
    if (value === null || value === undefined) return;
    const away = positive(value, `include[${i}]`).minus(entry).abs().times('1.4');
    span = Decimal.max(span, away);
  });
  span = Decimal.min(span, entry.times(3));
  const low = Decimal.max(entry.minus(span), entry.times('0.01'));
  const step = entry
    .plus(span)
    .minus(low)
    .div(count - 1);

  const points: CurvePoint[] = [];
  for (let i = 0; i < count; i++) {
    const price = low.plus(step.times(i));
    const basisNotional = notionalOf(contract, quantity, basis === 'entry' ? entry : price);
    const index = table ? tierIndexFor(basisNotional, table) : -1;
    const rate = table ? table[index].maintenanceMarginRate : (flat as { rate: Decimal }).rate;
    const amount = table ? table[index].maintenanceAmount : (flat as { amount: Decimal }).amount;
    const maintenance = Decimal.max(ZERO, basisNotional.times(rate).minus(amount));
    const fee = notionalOf(contract, quantity, price).times(closeFee);
    const point: CurvePoint = {
      price,
      equity: equity.plus(pnlOf(side, contract, quantity, entry, price)),
      requirement: maintenance.plus(fee),
    };
    if (table) point.tierNumber = index + 1;
    points.push(point);
  }
  return points;
}
