/** Liquidation and bankruptcy prices, isolated and cross, linear and inverse, flat rate or tiers, solved in closed form. */
import { Decimal, type Numeric, ONE, ZERO } from './decimal.ts';
import { CalcInputError, INCONSISTENT, REQUIRED } from './errors.ts';
import { pnlOf } from './pnl.ts';
import { notionalOf } from './size.ts';
import { readMaintenance, type Tier, type TierInput, tierIndexFor } from './tiers.ts';
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

/** Input of {@link crossEquity}: a cross wallet and the other positions it holds. */
export interface CrossEquityInput {
  walletBalance: Numeric;
  /** Settlement of every position in the wallet (they must all match); default `'linear'`. */
  contract?: Contract;
  otherPositions?: readonly OtherPosition[];
}

/** One other position of a cross wallet, valued at its mark price. */
export interface OtherPositionValue {
  /** Notional at the mark price (quote for linear, coin for inverse). */
  notional: Decimal;
  unrealisedPnl: Decimal;
  /** `notional × maintenanceMarginRate − maintenanceAmount`. */
  maintenanceMargin: Decimal;
}

/** Result of {@link crossEquity}. */
export interface CrossEquity {
  /** The equity the wallet puts behind a new position: `W + Σ (PnL_i − MM_i)`. */
  equity: Decimal;
  /** Each other position's value, in input order. */
  others: OtherPositionValue[];
}

/** Unrealised PnL and maintenance margin of another cross position, at its mark price. */
function otherPositionValue(other: OtherPosition, i: number, contract: Contract): OtherPositionValue {
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
  const notional = notionalOf(contract, quantity, mark);
  const maintenanceMargin = notional.times(rate).minus(amount);
  ensure(
    !maintenanceMargin.isNegative(),
    path('maintenanceAmount'),
    'A maintenance amount is larger than notional × rate.',
  );
  return { notional, unrealisedPnl: pnlOf(side, contract, quantity, entry, mark), maintenanceMargin };
}

/**
 * Equity a cross-margin wallet puts behind a position: the wallet balance plus each other position's unrealised PnL
 * minus its maintenance margin, both at its mark price: `W = WB + Σ (UPNL_i − MM_i)`, `MM_i = N_i × r_i − a_i`.
 * In the wallet's settlement currency (quote for linear, coin for inverse).
 * Source: Binance USDⓈ-M liquidation price, "WB − TMM1 + UPNL1" (TMM1 and UPNL1 the other positions' maintenance
 * margin and unrealised PnL), https://www.binance.com/fr/support/faq/b3c689c1f50a44cabb3a84e663b81d93
 * @throws CalcInputError for a missing wallet, invalid other positions, mixed settlements, or an amount above
 *   notional × rate.
 * @example crossEquity({ walletBalance: 5000, otherPositions: [{ side: 'long', quantity: 2, entryPrice: 3000, markPrice: 2700, maintenanceMarginRate: 0.004 }] }).equity // 4378.4
 */
export function crossEquity(input: CrossEquityInput): CrossEquity {
  requireInput(input);
  const contract = parseContract(input.contract);
  // Array.isArray narrows a readonly array to any[], so the typed name is kept for the rest.
  const others: readonly OtherPosition[] = input.otherPositions ?? [];
  if (!Array.isArray(input.otherPositions ?? [])) {
    throw new CalcInputError('otherPositions', INCONSISTENT, 'Other positions must be a list.');
  }
  let equity = signed(input.walletBalance, 'walletBalance');
  const values: OtherPositionValue[] = [];
  for (let i = 0; i < others.length; i++) {
    const value = otherPositionValue(others[i], i, contract);
    equity = equity.plus(value.unrealisedPnl).minus(value.maintenanceMargin);
    values.push(value);
  }
  return { equity, others: values };
}

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
  /** Its place in the table sorted by floor, from 1, when `tiers` were given. */
  tierNumber?: number;
}

/** The validated input, in the quantities of the exchanges' formulas. */
interface Prepared {
  contract: Contract;
  /** Side sign: +1 long, −1 short. */
  s: 1 | -1;
  /** The same sign as a Decimal, for the formulas. */
  sign: Decimal;
  /** q: base units (linear) or USD face value (inverse). */
  quantity: Decimal;
  /** E: entry price. */
  entry: Decimal;
  /** N_E: notional at entry, q·E (linear, quote) or q/E (inverse, coin). */
  entryNotional: Decimal;
  /** W: equity behind the position: the isolated margin (N_E / L with a leverage), or the cross wallet's equity. */
  equity: Decimal;
  /** L, when an isolated position's margin is given as its leverage (W = N_E / L). */
  leverage?: Decimal;
  mode: 'isolated' | 'cross';
  /** The field to blame when the position would be liquidated as soon as it opened. */
  equityField: 'margin' | 'leverage' | 'walletBalance';
  /** c: close fee rate on the notional at the liquidation price. */
  closeFee: Decimal;
  basis: 'liquidation' | 'entry';
  /** r and a of a flat rule (absent with a tier table). */
  rate?: Decimal;
  amount: Decimal;
  table?: Tier[];
}

const MINUS_ONE = new Decimal(-1);
const BASES = ['liquidation', 'entry'] as const;
const MODES = ['isolated', 'cross'] as const;

/** Validates the input into the quantities the formulas use. */
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
  const entryNotional = notionalOf(contract, quantity, entry);

  let rate: Decimal | undefined;
  let amount = ZERO;
  let table: Tier[] | undefined;
  let maxLeverage: Decimal;
  const maintenance = readMaintenance(input);
  if (maintenance.kind === 'tiers') {
    table = maintenance.table;
    const entryTier = table[tierIndexFor(entryNotional, table)];
    maxLeverage =
      input.maxLeverage !== undefined
        ? maxLeverageOf(input.maxLeverage)
        : (entryTier.maxLeverage ?? maxLeverageOf(undefined));
  } else {
    rate = maintenance.rate;
    amount = maintenance.amount;
    maxLeverage = maxLeverageOf(input.maxLeverage);
  }

  let equity: Decimal;
  let lev: Decimal | undefined;
  let equityField: Prepared['equityField'];
  if (mode === 'isolated') {
    const isolated = input as IsolatedLiquidationInput;
    const hasMargin = isolated.margin !== undefined && isolated.margin !== null;
    const hasLeverage = isolated.leverage !== undefined && isolated.leverage !== null;
    if (!hasMargin && !hasLeverage) {
      throw new CalcInputError('margin', REQUIRED, 'Give the margin for this position, or its leverage.');
    }
    if (hasLeverage) lev = parseLeverage(isolated.leverage, maxLeverage);
    if (hasMargin) {
      equity = positive(isolated.margin, 'margin');
      equityField = 'margin';
    } else {
      // Margin = initial margin = N_E / L.
      equity = entryNotional.div(lev as Decimal);
      equityField = 'leverage';
    }
  } else {
    const cross = input as CrossLiquidationInput;
    if (cross.leverage !== undefined && cross.leverage !== null) parseLeverage(cross.leverage, maxLeverage);
    equity = crossEquity({ walletBalance: cross.walletBalance, contract, otherPositions: cross.otherPositions }).equity;
    equityField = 'walletBalance';
  }

  const prepared: Prepared = {
    contract,
    s,
    sign: s === 1 ? ONE : MINUS_ONE,
    quantity,
    entry,
    entryNotional,
    equity,
    mode,
    equityField,
    closeFee,
    basis,
    amount,
  };
  if (lev && equityField === 'leverage') prepared.leverage = lev;
  if (rate) prepared.rate = rate;
  if (table) prepared.table = table;
  return prepared;
}

/**
 * Solves `W + s·PnL(P) = r_L·N(P) + r_E·N_E − a + c·N(P)` for the price P, as the exchanges write it. With the
 * cushion `X = W + a − r_E·N_E` and `k = r_L + c`:
 * linear `P = (X − s·q·E) / (q·k − s·q)` (Binance USDⓈ-M: `LP = (WB + cum − s·q·E) / (q·MMR − s·q)`);
 * inverse `P = (q·k + s·q) / (X + s·q/E)` (Binance COIN-M: `LP = (q·MMR + s·q) / (WB + cum + s·q/E)`).
 * `r_L` is the rate on the notional at P (liquidation basis), `r_E` the rate on the entry notional (entry basis); the
 * other one is 0. Returns null when no positive price solves it.
 */
function solve(p: Prepared, rate: Decimal, amount: Decimal): Decimal | null {
  const { s, sign, quantity: q, entryNotional: entryN, closeFee: c } = p;
  const rL = p.basis === 'liquidation' ? rate : ZERO;
  const rE = p.basis === 'entry' ? rate : ZERO;
  const k = rL.plus(c);
  // A long (linear) or a short (inverse) whose requirement grows as fast as the position loses never reaches it.
  if ((p.contract === 'linear') === (s === 1)) {
    ensure(k.lt(ONE), 'maintenanceMarginRate', 'The maintenance rate plus the close fee rate must stay below 1.');
  }
  const cushion = p.equity.plus(amount).minus(rE.times(entryN));
  const numerator = p.contract === 'linear' ? cushion.minus(entryN.times(sign)) : q.times(k.plus(sign));
  const denominator = p.contract === 'linear' ? q.times(k.minus(sign)) : cushion.plus(entryN.times(sign));
  if (denominator.isZero()) return null;
  const price = numerator.div(denominator);
  return price.gt(ZERO) ? price : null;
}

/** The liquidation price with the flat rate, or with tier `i` of the table. */
function solveWithTier(p: Prepared, i: number): Decimal | null {
  if (!p.table) return solve(p, p.rate as Decimal, p.amount);
  return solve(p, p.table[i].maintenanceMarginRate, p.table[i].maintenanceAmount);
}

/** Bankruptcy price: the same identity with no maintenance (r = 0, a = 0), the close fee kept. */
function solveBankruptcy(p: Prepared): Decimal | null {
  return solve(p, ZERO, ZERO);
}

/**
 * The position must not be liquidated the moment it opens: equity above the requirement at entry, where the notional
 * at P is N_E whichever the basis: `W > N_E·(r + c) − a`, with the entry tier's r and a.
 */
function assertOpensSafely(p: Prepared): void {
  const tier = p.table ? p.table[entryTierIndex(p)] : undefined;
  const rate = tier ? tier.maintenanceMarginRate : (p.rate as Decimal);
  const amount = tier ? tier.maintenanceAmount : p.amount;
  const requirementAtEntry = p.entryNotional.times(rate.plus(p.closeFee)).minus(amount);
  if (p.equity.gt(requirementAtEntry)) return;
  refuseAtOnce(p);
}

/** Throws the error for a position the requirement would close as soon as it opened. */
function refuseAtOnce(p: Prepared): never {
  throw new CalcInputError(
    p.equityField,
    INCONSISTENT,
    p.mode === 'isolated'
      ? 'The margin is not above the maintenance requirement: the position would be liquidated as soon as it opened. Lower the leverage or the size.'
      : 'The wallet balance does not cover the maintenance requirement: the account would be liquidated at once.',
  );
}

/** Index of the tier used at entry (re-chosen at the liquidation price later); -1 with a flat rate. */
function entryTierIndex(p: Prepared): number {
  return p.table ? tierIndexFor(p.entryNotional, p.table) : -1;
}

/**
 * The liquidation price and the tier it was solved with. Binance: "If your position (calculated at the liquidation
 * price) and the current position (calculated at the opening price) are of different levels, … substitute the
 * maintenance margin rate and amount of the level … to recalculate."
 */
function solveTiered(p: Prepared): { price: Decimal | null; index: number } {
  let index = entryTierIndex(p);
  let price = solveWithTier(p, index);
  const table = p.table;
  if (!table || p.basis === 'entry') return { price, index };
  const tierAt = (candidate: Decimal | null) =>
    tierIndexFor(candidate === null ? ZERO : notionalOf(p.contract, p.quantity, candidate), table);
  const seen = new Set<number>([index]);
  for (;;) {
    const next = tierAt(price);
    if (next === index) return { price, index };
    if (seen.has(next)) break; // oscillation: fall back to a scan for the self-consistent tier
    seen.add(next);
    index = next;
    price = solveWithTier(p, index);
  }
  for (let i = 0; i < table.length; i++) {
    const candidate = solveWithTier(p, i);
    if (tierAt(candidate) === i) return { price: candidate, index: i };
  }
  return { price, index };
}

/**
 * Fast path for the commonest case, an isolated position opened at leverage L with a flat rate, no maintenance amount
 * and the liquidation basis. There `W = N_E / L`, and the formulas of {@link solve} become, over a common denominator,
 * linear `P/E = (1 − s·L) / (L·(k − s))`, inverse `P/E = L·(k + s) / (1 + s·L)` (`k = r + c`; bankruptcy: `k = c`),
 * and the position opens safely exactly when `L·k < 1` (the requirement rate is below the initial margin rate 1/L;
 * with L ≥ 1 this also keeps k below 1). Only short numbers enter the one division. Checked against the plain formula
 * by the property test "the leverage fast path equals Binance’s formula with W = q·E/L, and the plain solver given
 * that margin" (liquidationPrice.properties.test.ts). Returns null when the case does not apply.
 */
function openedAtLeverage(p: Prepared): LiquidationResult | null {
  const L = p.leverage;
  if (!L || !p.rate || !p.amount.isZero() || p.basis !== 'liquidation') return null;
  const { sign, contract, entry } = p;
  const ratio = (k: Decimal): Decimal | null => {
    const top = contract === 'linear' ? ONE.minus(L.times(sign)) : L.times(k.plus(sign));
    const bottom = contract === 'linear' ? L.times(k.minus(sign)) : ONE.plus(L.times(sign));
    if (bottom.isZero()) return null; // an inverse short at 1x: no price brings it down
    const value = top.div(bottom);
    return value.gt(ZERO) ? value : null;
  };
  const k = p.rate.plus(p.closeFee);
  if (!L.times(k).lt(ONE)) refuseAtOnce(p);
  const liquidation = ratio(k);
  const bankruptcy = ratio(p.closeFee);
  return {
    price: liquidation === null ? null : entry.times(liquidation),
    bankruptcyPrice: bankruptcy === null ? null : entry.times(bankruptcy),
    distance: liquidation === null ? null : liquidation.minus(ONE),
  };
}

/**
 * Liquidation price from the identity "equity + unrealised PnL = maintenance requirement [+ close fee at that price]",
 * solved in closed form. Equity is the isolated margin (or `notional / leverage`), or for cross the wallet balance plus
 * the other positions' unrealised PnL minus their maintenance margin at their mark prices ({@link crossEquity}).
 * Linear: `P = (W + a − r_E·q·E − s·q·E) / (q·(r_L + c) − s·q)`, Binance's USDⓈ-M formula with WB − TMM1 + UPNL1 in W;
 * inverse: `P = (q·(r_L + c) + s·q) / (W + a − r_E·q/E + s·q/E)`, Binance's COIN-M formula; `r_L` applies on the
 * liquidation-price notional (default), `r_E` on the entry notional (`maintenanceBasis: 'entry'`, Bybit). With `tiers`
 * the tier is re-chosen at the liquidation price's notional until stable. Prices in quote per base unit; W and a in
 * quote (linear) or coin (inverse).
 * Sources: Binance USDⓈ-M https://www.binance.com/fr/support/faq/b3c689c1f50a44cabb3a84e663b81d93 ; Binance COIN-M
 * https://www.binance.com/es/support/faq/ceccfcfb4e3a45e3b48b0b1bb1a8ae46 ; Bybit (entry basis)
 * https://www.kbybit.com/en/help-center/article/Liquidation-Price-Calculation-under-Isolated-Mode-Unified-Trading-Account ;
 * Hyperliquid `liq_price = price − side × margin_available / position_size / (1 − l × side)`
 * https://hyperliquid.gitbook.io/hyperliquid-docs/trading/liquidations ; close fee in the requirement, Gate
 * `(Entry ± Margin/Size) / [1 ± (MMR + Taker rate)]` https://www.gate.io/help/futures/futures/27724/liquidation-price-bankruptcy-price
 * @throws CalcInputError for invalid fields, both or neither of rate/tiers, a margin at or below the requirement at entry.
 * @example liquidationPrice({ side: 'long', quantity: 1, entryPrice: 10000, marginMode: 'isolated', leverage: 10, maintenanceMarginRate: 0.005 }).price // 9045.22…
 */
export function liquidationPrice(input: LiquidationInput): LiquidationResult {
  const p = prepare(input);
  const fast = openedAtLeverage(p);
  if (fast) return fast;
  assertOpensSafely(p);
  const { price, index } = solveTiered(p);
  const result: LiquidationResult = {
    price,
    bankruptcyPrice: solveBankruptcy(p),
    distance: price === null ? null : price.div(p.entry).minus(ONE),
  };
  if (p.table) {
    result.tier = p.table[index];
    result.tierNumber = index + 1;
  }
  return result;
}

/**
 * Bankruptcy price: where equity + unrealised PnL falls to the close fee at that price (to zero without a close fee).
 * Linear: `P = (W − s·q·E) / (q·(c − s))`; inverse: `P = q·(c + s) / (W + s·q/E)`. Same input as {@link liquidationPrice}.
 * Source: Bybit, "Bankruptcy Price = Entry Price × (1 − Initial Margin Rate)" for a long,
 * https://www.kbybit.com/en/help-center/article/Liquidation-Price-Calculation-under-Isolated-Mode-Unified-Trading-Account
 * @throws CalcInputError as {@link liquidationPrice}.
 * @example bankruptcyPrice({ side: 'long', quantity: 1, entryPrice: 10000, marginMode: 'isolated', leverage: 50, maintenanceMarginRate: 0.005 }) // 9800
 */
export function bankruptcyPrice(input: LiquidationInput): Decimal | null {
  const p = prepare(input);
  assertOpensSafely(p);
  return solveBankruptcy(p);
}
