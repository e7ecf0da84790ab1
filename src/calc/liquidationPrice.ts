/** Liquidation and bankruptcy prices, isolated and cross, linear and inverse, flat rate or tiers, solved in closed form. */
import { Decimal, type Numeric, ONE, ZERO } from './decimal.ts';
import { CalcInputError, INCONSISTENT, REQUIRED } from './errors.ts';
import { pnlOf } from './pnl.ts';
import { notionalOf } from './size.ts';
import { type Tier, type TierInput, tierIndexFor, withMaintenanceAmounts } from './tiers.ts';
import {
  type Contract,
  type Side,
  ensure,
  feeRate,
  leverage as parseLeverage,
  maintenanceRate,
  maxLeverageOf,
  nonNegative,
  parseContract,
  parseOption,
  parseSide,
  positive,
  quantityOf,
  requireInput,
  sideSign,
  signed,
} from './validate.ts';

/** Another open position in the same cross-margin wallet, valued at its mark price. */
export interface OtherPosition {
  side: Side;
  contract?: Contract;
  quantity: Numeric;
  entryPrice: Numeric;
  markPrice: Numeric;
  maintenanceMarginRate: Numeric;
  maintenanceAmount?: Numeric;
}

/** Fields shared by isolated and cross liquidation inputs. */
export interface LiquidationBase {
  side: Side;
  contract?: Contract;
  quantity: Numeric;
  entryPrice: Numeric;
  /** A flat maintenance margin rate (fraction); give this or `tiers`. */
  maintenanceMarginRate?: Numeric;
  /** A tier table; the tier is chosen at the liquidation price's notional (or the entry notional with `maintenanceBasis: 'entry'`). */
  tiers?: readonly TierInput[];
  /** Binance "maintenance amount", Bybit "deduction"; default 0. Not allowed with `tiers` (tiers carry their own). */
  maintenanceAmount?: Numeric;
  /** `'liquidation'` (default; Binance, Hyperliquid) or `'entry'` (Bybit). */
  maintenanceBasis?: 'liquidation' | 'entry';
  /** Close fee counted in the requirement, on the notional at the liquidation price (Phemex, Gate, OKX); default 0. */
  closeFeeRate?: Numeric;
  /** The venue's maximum leverage (default: the entry tier's `maxLeverage`, else 200). */
  maxLeverage?: Numeric;
}

/** Isolated margin: the position's own margin, given directly or as `leverage` (margin = initial margin). */
export interface IsolatedLiquidationInput extends LiquidationBase {
  marginMode: 'isolated';
  margin?: Numeric;
  leverage?: Numeric;
}

/** Cross margin: the wallet balance plus the other positions' unrealised PnL minus their maintenance margin. */
export interface CrossLiquidationInput extends LiquidationBase {
  marginMode: 'cross';
  walletBalance: Numeric;
  otherPositions?: readonly OtherPosition[];
  /** Accepted and validated but unused: in cross mode leverage only sets the initial margin, not the liquidation price. */
  leverage?: Numeric;
}

/** Input of {@link liquidationPrice} and {@link bankruptcyPrice}. */
export type LiquidationInput = IsolatedLiquidationInput | CrossLiquidationInput;

/** Result of {@link liquidationPrice}. */
export interface LiquidationResult {
  /** Mark price at which the position is liquidated; `null` when no positive price liquidates it. */
  price: Decimal | null;
  /** Price at which equity falls to the close fee (to zero without fees); `null` when no positive price does. */
  bankruptcyPrice: Decimal | null;
  /** Signed move from entry to the liquidation price as a fraction (−0.0964 = a 9.64 % fall); `null` with no price. */
  distance: Decimal | null;
  /** The tier used, when `tiers` were given. */
  tier?: Tier;
}

interface Prepared {
  contract: Contract;
  s: 1 | -1;
  quantity: Decimal;
  entry: Decimal;
  mode: 'isolated' | 'cross';
  /** The field to blame when the position would be liquidated as soon as it opened. */
  equityField: 'margin' | 'leverage' | 'walletBalance';
  /**
   * Equity as a fraction of entry notional, `f = W / N_E` (`1/L` for an isolated position opened at leverage L), kept
   * as numerator and denominator: the solver then works on short exact numbers and divides by short divisors, which
   * decimal.js does several times faster than arithmetic on 40-digit quotients.
   */
  equityNum: Decimal;
  /** Denominator of `equityNum`: the leverage, or the entry notional (then `overNotional`). */
  equityDen: Decimal;
  overNotional: boolean;
  /** Notional at entry, q·E (linear, quote) or q/E (inverse, coin); computed on first use, see {@link entryNotionalOf}. */
  entryNotional?: Decimal;
  /** `1 − s·f` (linear) or `1 / (1 + s·f)` (inverse), shared by every solve that leaves equity unchanged; null: none. */
  equityRatio?: Decimal | null;
  closeFee: Decimal;
  basis: 'liquidation' | 'entry';
  rate?: Decimal;
  amount: Decimal;
  table?: Tier[];
}

const BASES = ['liquidation', 'entry'] as const;
const MODES = ['isolated', 'cross'] as const;

/** Validates the input into the quantities the solver works with; no division happens here. */
function prepare(input: LiquidationInput): Prepared {
  requireInput(input);
  const side = parseSide(input.side);
  const s = sideSign(side);
  const contract = parseContract(input.contract);
  const quantity = quantityOf(contract, input.quantity);
  const entry = positive(input.entryPrice, 'entryPrice');
  const mode = parseOption(input.marginMode, 'marginMode', MODES);
  const basis = parseOption(input.maintenanceBasis, 'maintenanceBasis', BASES, 'liquidation');
  const closeFee = feeRate(input.closeFeeRate, 'closeFeeRate', ZERO);

  let rate: Decimal | undefined;
  let amount = ZERO;
  let table: Tier[] | undefined;
  let entryNotional: Decimal | undefined;
  let maxLeverage: Decimal;
  if (input.tiers !== undefined && input.tiers !== null) {
    if (input.maintenanceMarginRate !== undefined && input.maintenanceMarginRate !== null) {
      throw new CalcInputError(
        'maintenanceMarginRate',
        INCONSISTENT,
        'Give either a maintenance margin rate or a tier table, not both.',
      );
    }
    if (input.maintenanceAmount !== undefined && input.maintenanceAmount !== null) {
      throw new CalcInputError(
        'maintenanceAmount',
        INCONSISTENT,
        'With a tier table, each tier carries its own maintenance amount.',
      );
    }
    table = withMaintenanceAmounts(input.tiers);
    entryNotional = notionalOf(contract, quantity, entry);
    const entryTier = table[tierIndexFor(entryNotional, table)];
    maxLeverage =
      input.maxLeverage !== undefined
        ? maxLeverageOf(input.maxLeverage)
        : (entryTier.maxLeverage ?? maxLeverageOf(undefined));
  } else {
    if (input.maintenanceMarginRate === undefined || input.maintenanceMarginRate === null) {
      throw new CalcInputError(
        'maintenanceMarginRate',
        REQUIRED,
        'Maintenance margin rate is required (or give a tier table).',
      );
    }
    rate = maintenanceRate(input.maintenanceMarginRate);
    amount = nonNegative(input.maintenanceAmount, 'maintenanceAmount', ZERO);
    maxLeverage = maxLeverageOf(input.maxLeverage);
  }

  let equityNum: Decimal;
  let equityDen: Decimal;
  let overNotional = true;
  let equityField: Prepared['equityField'] = 'walletBalance';
  if (mode === 'isolated') {
    const isolated = input as IsolatedLiquidationInput;
    const hasMargin = isolated.margin !== undefined && isolated.margin !== null;
    const hasLeverage = isolated.leverage !== undefined && isolated.leverage !== null;
    if (!hasMargin && !hasLeverage) {
      throw new CalcInputError('margin', REQUIRED, 'Give the margin for this position, or its leverage.');
    }
    const lev = hasLeverage ? parseLeverage(isolated.leverage, maxLeverage) : undefined;
    if (hasMargin) {
      equityNum = positive(isolated.margin, 'margin');
      entryNotional ??= notionalOf(contract, quantity, entry);
      equityDen = entryNotional;
      equityField = 'margin';
    } else {
      // Margin = initial margin = notional / L, so f = 1 / L for linear and inverse alike.
      equityNum = ONE;
      equityDen = lev as Decimal;
      overNotional = false;
      equityField = 'leverage';
    }
  } else {
    const cross = input as CrossLiquidationInput;
    if (cross.leverage !== undefined && cross.leverage !== null) parseLeverage(cross.leverage, maxLeverage);
    let equity = signed(cross.walletBalance, 'walletBalance');
    const others = cross.otherPositions ?? [];
    if (!Array.isArray(others))
      throw new CalcInputError('otherPositions', INCONSISTENT, 'Other positions must be a list.');
    for (let i = 0; i < others.length; i++) equity = equity.plus(otherEquity(others[i], i, contract));
    equityNum = equity;
    entryNotional ??= notionalOf(contract, quantity, entry);
    equityDen = entryNotional;
  }

  const prepared: Prepared = {
    contract,
    s,
    quantity,
    entry,
    mode,
    equityField,
    equityNum,
    equityDen,
    overNotional,
    closeFee,
    basis,
    amount,
  };
  if (entryNotional) prepared.entryNotional = entryNotional;
  if (rate) prepared.rate = rate;
  if (table) prepared.table = table;
  return prepared;
}

/** The entry notional, computed once and only when a tier, an amount or the margin needs it. */
function entryNotionalOf(p: Prepared): Decimal {
  return (p.entryNotional ??= notionalOf(p.contract, p.quantity, p.entry));
}

/**
 * The position must not be liquidated the moment it opens: equity above the requirement at entry,
 * `f + a/N_E − r_E > r_L + c`, which holds exactly when the liquidation price solved with the entry tier lies on the
 * losing side of entry (below it for a long, above for a short) or, with no such price, when no price liquidates.
 */
function assertOpensSafely(p: Prepared, entryTierRatio: Decimal | null): void {
  const safe =
    entryTierRatio === null
      ? // No positive solution: a linear long or an inverse short has equity to spare at every price; the others have
        // so little equity that every price is below the requirement.
        (p.contract === 'linear') === (p.s === 1)
      : p.s === 1
        ? entryTierRatio.lt(ONE)
        : entryTierRatio.gt(ONE);
  if (safe) return;
  throw new CalcInputError(
    p.equityField,
    INCONSISTENT,
    p.mode === 'isolated'
      ? 'The margin is not above the maintenance requirement: the position would be liquidated as soon as it opened. Lower the leverage or the size.'
      : 'The wallet balance does not cover the maintenance requirement: the account would be liquidated at once.',
  );
}

/** Unrealised PnL minus maintenance margin of another cross position, at its mark price. */
function otherEquity(other: OtherPosition, i: number, contract: Contract): Decimal {
  const path = (field: string) => `otherPositions[${i}].${field}`;
  if (other === null || typeof other !== 'object')
    throw new CalcInputError(`otherPositions[${i}]`, REQUIRED, `Other position ${i + 1} is missing.`);
  const side = parseSide(other.side, path('side'));
  const otherContract = parseContract(other.contract, path('contract'));
  ensure(
    otherContract === contract,
    path('contract'),
    'Cross margin adds up positions settled in the same currency: do not mix coin-margined and USDT-margined positions.',
  );
  const quantity = quantityOf(otherContract, other.quantity, path('quantity'));
  const entry = positive(other.entryPrice, path('entryPrice'));
  const mark = positive(other.markPrice, path('markPrice'));
  const rate = maintenanceRate(other.maintenanceMarginRate, path('maintenanceMarginRate'));
  const amount = nonNegative(other.maintenanceAmount, path('maintenanceAmount'), ZERO);
  const maintenance = notionalOf(contract, quantity, mark).times(rate).minus(amount);
  ensure(!maintenance.isNegative(), path('maintenanceAmount'), 'A maintenance amount is larger than notional × rate.');
  return pnlOf(side, contract, quantity, entry, mark).minus(maintenance);
}

/**
 * Solves `equity + s·PnL(P) = maintenance(P) + closeFee(P)` for the ratio `P / E`, in units of entry notional
 * (`f = W/N_E = F/D`, `a' = a/N_E`, `f' = f + a' − r_E`). Linear: `P/E = (1 − s·f') / (1 − s·(r_L + c))`;
 * inverse: `P/E = (1 + s·(r_L + c)) / (1 + s·f')`, where `r_L` is the rate on the liquidation-price notional
 * (liquidation basis) and `r_E` the rate on entry notional (entry basis); the other one is 0.
 * Returns null when no positive price solves it.
 */
function solveRatio(p: Prepared, rate: Decimal, amount: Decimal, withMaintenance: boolean): Decimal | null {
  const { s, closeFee: c } = p;
  let F = p.equityNum;
  let D = p.equityDen;
  if (withMaintenance && !amount.isZero()) {
    if (p.overNotional) F = F.plus(amount);
    else {
      const notional = entryNotionalOf(p);
      F = F.times(notional).plus(amount.times(D));
      D = D.times(notional);
    }
  }
  if (withMaintenance && p.basis === 'entry' && !rate.isZero()) F = F.minus(rate.times(D));
  const k = withMaintenance && p.basis === 'liquidation' ? plusNZ(rate, c) : c;
  // Linear: (1 − s·k) ≤ 0 would put the price at infinity; inverse: (1 + s·k) the same for a short.
  const costs = k.isZero() ? ONE : (p.contract === 'linear') === (s === 1) ? ONE.minus(k) : ONE.plus(k);
  // k < 1 (exponent below 0) is the usual case and needs no comparison.
  if (k.e >= 0) {
    ensure(costs.gt(ZERO), 'maintenanceMarginRate', 'The maintenance rate plus the close fee rate must stay below 1.');
  }
  const unchanged = F === p.equityNum && D === p.equityDen;
  let base = unchanged ? p.equityRatio : undefined;
  if (base === undefined) {
    // Linear (1 − s·f') = (D − s·F) / D; inverse 1 / (1 + s·f') = D / (D + s·F).
    const top = p.contract === 'linear' ? (s === 1 ? D.minus(F) : D.plus(F)) : s === 1 ? D.plus(F) : D.minus(F);
    base = top.s !== 1 || top.isZero() ? null : p.contract === 'linear' ? top.div(D) : D.div(top);
    if (unchanged) p.equityRatio = base;
  }
  if (base === null) return null;
  if (costs === ONE) return base;
  return p.contract === 'linear' ? base.div(costs) : base.times(costs);
}

/** `x + y`, skipping the operation when `y` is zero (the common case for optional fees and amounts). */
function plusNZ(x: Decimal, y: Decimal): Decimal {
  return y.isZero() ? x : x.plus(y);
}

/** Index of the tier used at entry (re-chosen at the liquidation price later); -1 with a flat rate. */
function entryTierIndex(p: Prepared): number {
  return p.table ? tierIndexFor(entryNotionalOf(p), p.table) : -1;
}

/** Solves with the flat rate, or with tier `i` of the table. */
function ratioWith(p: Prepared, i: number): Decimal | null {
  if (!p.table) return solveRatio(p, p.rate as Decimal, p.amount, true);
  return solveRatio(p, p.table[i].maintenanceMarginRate, p.table[i].maintenanceAmount, true);
}

function solveTiered(p: Prepared): { ratio: Decimal | null; tier?: Tier } {
  let index = entryTierIndex(p);
  let ratio = ratioWith(p, index);
  assertOpensSafely(p, ratio);
  const table = p.table;
  if (!table) return { ratio };
  if (p.basis === 'entry') return { ratio, tier: table[index] };
  const notionalAt = (r: Decimal | null) => (r === null ? ZERO : notionalOf(p.contract, p.quantity, p.entry.times(r)));
  // Binance: "If your position (calculated at the liquidation price) and the current position (calculated at the opening
  // price) are of different levels, … substitute the maintenance margin rate and amount of the level … to recalculate."
  const seen = new Set<number>([index]);
  for (;;) {
    const next = tierIndexFor(notionalAt(ratio), table);
    if (next === index) return { ratio, tier: table[index] };
    if (seen.has(next)) break; // oscillation: fall back to a scan for the self-consistent tier
    seen.add(next);
    index = next;
    ratio = ratioWith(p, index);
  }
  for (let i = 0; i < table.length; i++) {
    const candidate = ratioWith(p, i);
    if (tierIndexFor(notionalAt(candidate), table) === i) return { ratio: candidate, tier: table[i] };
  }
  return { ratio, tier: table[index] };
}

/**
 * Liquidation price from the identity "equity + unrealised PnL = maintenance requirement [+ close fee at that price]",
 * solved in closed form. Equity is the isolated margin (or `notional / leverage`), or for cross the wallet balance plus
 * the other positions' unrealised PnL minus their maintenance margin at their mark prices. Linear, flat rate, no fee:
 * `P = (W + a − s·q·E) / (q·r − s·q)`, Binance's USDⓈ-M formula with WB − TMM1 + UPNL1 in W; inverse:
 * `P = (q·r + s·q) / (W + a + s·q/E)`, Binance's COIN-M formula; with `tiers` the tier is re-chosen at the liquidation
 * price's notional until stable. Prices in quote per base unit.
 * Sources: Binance USDⓈ-M https://www.binance.com/fr/support/faq/b3c689c1f50a44cabb3a84e663b81d93 ; Binance COIN-M
 * https://www.binance.com/es/support/faq/ceccfcfb4e3a45e3b48b0b1bb1a8ae46 ; Bybit (entry basis)
 * https://www.kbybit.com/en/help-center/article/Liquidation-Price-Calculation-under-Isolated-Mode-Unified-Trading-Account ;
 * Hyperliquid `liq_price = price − side × margin_available / position_size / (1 − l × side)`
 * https://hyperliquid.gitbook.io/hyperliquid-docs/trading/liquidations
 * @throws CalcInputError for invalid fields, both or neither of rate/tiers, a margin at or below the requirement at entry.
 * @example liquidationPrice({ side: 'long', quantity: 1, entryPrice: 10000, marginMode: 'isolated', leverage: 10, maintenanceMarginRate: 0.005 }).price // 9045.22…
 */
export function liquidationPrice(input: LiquidationInput): LiquidationResult {
  const p = prepare(input);
  const { ratio, tier } = solveTiered(p);
  const bankruptcy = solveRatio(p, ZERO, ZERO, false);
  const result: LiquidationResult = {
    price: ratio === null ? null : p.entry.times(ratio),
    bankruptcyPrice: bankruptcy === null ? null : p.entry.times(bankruptcy),
    distance: ratio === null ? null : ratio.minus(ONE),
  };
  if (tier) result.tier = tier;
  return result;
}

/**
 * Bankruptcy price: where equity + unrealised PnL falls to the close fee at that price (to zero without a close fee).
 * Linear: `P = (q·E − s·W) / (q·(1 − s·c))`; inverse: `P = q·(s + c) / (W + s·q/E)`. Same input as {@link liquidationPrice}.
 * Source: Bybit, "Bankruptcy Price = Entry Price × (1 − Initial Margin Rate)" for a long,
 * https://www.kbybit.com/en/help-center/article/Liquidation-Price-Calculation-under-Isolated-Mode-Unified-Trading-Account
 * @throws CalcInputError as {@link liquidationPrice}.
 * @example bankruptcyPrice({ side: 'long', quantity: 1, entryPrice: 10000, marginMode: 'isolated', leverage: 50, maintenanceMarginRate: 0.005 }) // 9800
 */
export function bankruptcyPrice(input: LiquidationInput): Decimal | null {
  const p = prepare(input);
  assertOpensSafely(p, ratioWith(p, entryTierIndex(p)));
  const ratio = solveRatio(p, ZERO, ZERO, false);
  return ratio === null ? null : p.entry.times(ratio);
}
