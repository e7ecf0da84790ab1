/**
 * Cross margin with a long and a short of the same contract at once (Binance "hedge mode"): both positions are backed by
 * the same wallet and move with the same mark price, so they share ONE liquidation price, where the wallet plus both
 * unrealised PnLs falls to both maintenance requirements. Linear (USDT-margined) contracts.
 */
import { Decimal, type Numeric, ZERO } from './decimal.ts';
import { CalcInputError, INCONSISTENT, REQUIRED } from './errors.ts';
import { tierIndexFor, withMaintenanceAmounts, type Tier, type TierInput } from './tiers.ts';
import { type Side, nonNegative, parseSide, positive, requireInput } from './validate.ts';

/** One position of the contract held in cross mode. */
export interface HedgedPosition {
  side: Side;
  /** q, base units (BTC). */
  quantity: Numeric;
  /** E, the position's average entry price. */
  entryPrice: Numeric;
}

/** Result of {@link hedgedCrossLiquidation}. */
export interface HedgedLiquidation {
  /** The one mark price at which the account is liquidated; null when no positive price reaches the requirement. */
  price: Decimal | null;
  /** `'down'`: liquidated when the mark falls to `price` (net long); `'up'`: when it rises to it; null with no price. */
  direction: 'down' | 'up' | null;
  /** Where wallet + unrealised PnL falls to zero (no maintenance); null when no positive price, or the book is flat. */
  bankruptcyPrice: Decimal | null;
}

interface Leg {
  s: Decimal;
  q: Decimal;
  e: Decimal;
}

/** `P = (W + Σa − Σ s·q·E) / (Σ r·q − Σ s·q)` for fixed tiers (r, a) per leg; null when the denominator is 0. */
function solveFor(wallet: Decimal, legs: Leg[], rates: Decimal[], amounts: Decimal[]): Decimal | null {
  let top = wallet;
  let bottom = ZERO;
  legs.forEach((leg, k) => {
    top = top.plus(amounts[k]).minus(leg.s.times(leg.q).times(leg.e));
    bottom = bottom.plus(rates[k].times(leg.q)).minus(leg.s.times(leg.q));
  });
  if (bottom.isZero()) return null;
  const price = top.div(bottom);
  return price.gt(ZERO) ? price : null;
}

/**
 * The shared liquidation price of positions of one linear contract held in cross margin (at most one long and one
 * short, as in hedge mode), from "wallet + Σ unrealised PnL = Σ maintenance": with side sign `s` (+1 long, −1 short),
 * tier rate `r` and maintenance amount `a` per position at its notional `q·P`,
 * `W + Σ s·q·(P − E) = Σ (r·q·P − a)`, so `P = (W + Σa − Σ s·q·E) / (Σ r·q − Σ s·q)`. This is Binance's USDⓈ-M
 * formula with its hedge-mode terms, `LP = (WB + cumL + cumS − posL·EPL + posS·EPS) / (posL·MMRL + posS·MMRS − posL + posS)`.
 * Each position's tier is re-chosen at its notional at the solved price until stable (as {@link liquidationPrice}).
 * The margin surplus `W + Σ s·q·(P − E) − Σ (r·q·P − a)` changes with P at the slope `Σ s·q − Σ r·q`: positive (net
 * long) means the liquidation comes on a fall, negative (net short, or an even book whose requirement grows with the
 * price) on a rise. Bankruptcy: the same identity with `r = a = 0`.
 * Source: Binance, "Liquidation Price … for both One-way and Hedge Mode" (cumB/cumL/cumS, MMB/MMRL/MMRS),
 * https://www.binance.com/fr/support/faq/b3c689c1f50a44cabb3a84e663b81d93
 * @throws CalcInputError when there are no positions, two of the same side, or a tier-table error.
 * @example hedgedCrossLiquidation({ walletBalance: 2000, positions: [{ side: 'long', quantity: 1, entryPrice: 10000 }, { side: 'short', quantity: 0.5, entryPrice: 10000 }], tiers: [{ floor: 0, maintenanceMarginRate: 0.005 }] }).price // 6091.37…
 */
export function hedgedCrossLiquidation(input: {
  walletBalance: Numeric;
  positions: readonly HedgedPosition[];
  tiers: readonly TierInput[];
}): HedgedLiquidation {
  requireInput(input);
  const wallet = nonNegative(input.walletBalance, 'walletBalance');
  const positions: readonly HedgedPosition[] = input.positions;
  if (!Array.isArray(input.positions) || positions.length === 0) {
    throw new CalcInputError('positions', REQUIRED, 'Give at least one position.');
  }
  const table: Tier[] = withMaintenanceAmounts(input.tiers);
  const legs: Leg[] = positions.map((p, i) => {
    if (p === null || typeof p !== 'object') {
      throw new CalcInputError(`positions[${i}]`, REQUIRED, `Position ${i + 1} is missing.`);
    }
    const side = parseSide(p.side, `positions[${i}].side`);
    return {
      s: new Decimal(side === 'long' ? 1 : -1),
      q: positive(p.quantity, `positions[${i}].quantity`),
      e: positive(p.entryPrice, `positions[${i}].entryPrice`),
    };
  });
  if (new Set(legs.map((l) => l.s.toString())).size < legs.length) {
    throw new CalcInputError('positions', INCONSISTENT, 'Hedge mode holds at most one long and one short.');
  }
  const tierAt = (price: Decimal) => legs.map((leg) => tierIndexFor(leg.q.times(price), table));
  const solveTiers = (index: number[]) =>
    solveFor(
      wallet,
      legs,
      index.map((i) => table[i].maintenanceMarginRate),
      index.map((i) => table[i].maintenanceAmount),
    );
  // Start from each position's tier at entry, then re-choose at the solved price until the tiers stop changing.
  let index = legs.map((leg) => tierIndexFor(leg.q.times(leg.e), table));
  let price = solveTiers(index);
  for (let round = 0; round < 2 * table.length && price !== null; round++) {
    const next = tierAt(price);
    if (next.every((v, k) => v === index[k])) break;
    index = next;
    price = solveTiers(index);
  }
  const slope = legs.reduce(
    (sum, leg, k) => sum.plus(leg.s.times(leg.q)).minus(table[index[k]].maintenanceMarginRate.times(leg.q)),
    ZERO,
  );
  const zeros = legs.map(() => ZERO);
  return {
    price,
    direction: price === null || slope.isZero() ? null : slope.gt(ZERO) ? 'down' : 'up',
    bankruptcyPrice: solveFor(wallet, legs, zeros, zeros),
  };
}
