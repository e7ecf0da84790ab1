/**
 * When the venue is the risk (lesson 9): a liquidation cascade, where each forced sale moves the price into the next
 * liquidation level, and the shortfall a liquidation leaves when it fills past the bankruptcy price, paid first by the
 * insurance fund and then by auto-deleveraging (ADL) of traders on the other side.
 */
import { Decimal, type Numeric, ONE, ZERO } from './decimal.ts';
import { CalcInputError, OUT_OF_RANGE, REQUIRED } from './errors.ts';
import { type Side, inRange, nonNegative, parseSide, positive, requireInput } from './validate.ts';

const MILLION = new Decimal(1_000_000);
/** More levels than any lesson or widget needs; a guard against runaway input. */
const MAX_LEVELS = 1000;

/** One cluster of positions that is liquidated together once the price has moved `distance` against them. */
export interface CascadeLevel {
  /** The move from the start price that liquidates the cluster, as a fraction (0.04 = 4 %), in (0, 1). */
  distance: Numeric;
  /** The size of the positions the venue must close there, in dollars (USDT). Zero or more. */
  notional: Numeric;
}

/** Input of {@link liquidationCascade}. */
export interface CascadeInput {
  /**
   * The side of the positions that are liquidated: `'long'` clusters sit below the start price and are closed by
   * forced selling (the price falls); `'short'` clusters sit above it and are closed by forced buying (it rises).
   */
  side: Side;
  /** The price before the shock, > 0. */
  startPrice: Numeric;
  /** The first move, from news or one large order, as a fraction of the start price, in [0, 1). */
  shock: Numeric;
  /**
   * Price impact: how far each $1,000,000 of forced orders moves the price, as a fraction of the start price
   * (0.01 = 1 % per million). A thin order book has a large impact. Zero or more, at most 1.
   */
  impactPerMillion: Numeric;
  /** The liquidation clusters (any order). At most 1,000. */
  levels: readonly CascadeLevel[];
}

/** One round of the cascade: the move at which it starts, and the levels it liquidates. */
export interface CascadeRound {
  /** The move from the start price that this round sees, as a fraction. */
  move: Decimal;
  /** Indexes (into `levels`) of the clusters liquidated in this round. */
  liquidated: number[];
  /** The notional those clusters add to the forced orders. */
  forced: Decimal;
}

/** Result of {@link liquidationCascade}. */
export interface CascadeResult {
  /** The total move against the liquidated side, as a fraction of the start price (capped at 1 for longs). */
  move: Decimal;
  /** The price where the cascade stops: `start × (1 − move)` for longs, `start × (1 + move)` for shorts. */
  price: Decimal;
  /** The part of the move the forced orders caused: `move − shock`. */
  addedByLiquidations: Decimal;
  /** How many clusters were liquidated. */
  liquidatedCount: number;
  /** The total forced orders, in dollars. */
  forcedNotional: Decimal;
  /** Each round that liquidated something, in order; empty when the shock reached no level. */
  rounds: CascadeRound[];
}

/**
 * A liquidation cascade under linear price impact. The shock moves the price `shock` against the clusters; every
 * cluster whose `distance` the move has reached (`distance ≤ move`) is liquidated and its notional `N` is sent to the
 * market as forced orders, which move the price a further `impactPerMillion × N / 1,000,000` (a fraction of the start
 * price). Repeat until a round liquidates nothing:
 * `move₀ = shock`, `moveₖ₊₁ = shock + impactPerMillion × Σ{Nᵢ : distanceᵢ ≤ moveₖ} / 1,000,000`.
 * The final move is the smallest fixed point at or above the shock, so the order of the levels does not matter.
 * A long's move is capped at 1 (a price of zero).
 * This is a teaching model, not a forecast: real impact is not linear, books refill, and venues may hand large
 * positions to a backstop instead of the market. Sources: the liquidation process that sends a bankrupt position to
 * the order book (Binance, "What Is Auto-Deleveraging (ADL) and How Does It Work",
 * https://www.binance.com/en/support/faq/360033525471); linear price impact as a first approximation (Kyle, 1985,
 * "Continuous Auctions and Insider Trading", Econometrica 53(6), λ·order flow).
 * @throws CalcInputError for a non-positive start price, a shock outside [0, 1), an impact outside [0, 1], a level
 *   distance outside (0, 1), a negative notional, or more than 1,000 levels.
 * @example liquidationCascade({ side: 'long', startPrice: 100000, shock: 0.04, impactPerMillion: 0.02,
 *   levels: [0.04, 0.06, 0.08, 0.1, 0.12].map((d) => ({ distance: d, notional: 1000000 })) }).move // 0.14
 *   (0.04 → +0.02 → 0.06 → 0.08 → 0.10 → 0.12 → 0.14: every cluster is liquidated, price 86,000)
 */
export function liquidationCascade(input: CascadeInput): CascadeResult {
  requireInput(input);
  const side = parseSide(input.side);
  const start = positive(input.startPrice, 'startPrice');
  const shock = inRange(input.shock, 'shock', 0, 1, {
    maxOpen: true,
    message: 'The shock must be a fraction from 0 up to (not including) 1.',
  });
  const impact = inRange(input.impactPerMillion, 'impactPerMillion', 0, 1, {
    message: 'The impact per million must be a fraction from 0 to 1.',
  });
  const levelsIn: readonly CascadeLevel[] = input.levels;
  // Array.isArray narrows a readonly array to any[], so the typed name above is kept for the rest.
  if (!Array.isArray(input.levels)) throw new CalcInputError('levels', REQUIRED, 'The cascade needs a list of levels.');
  if (levelsIn.length > MAX_LEVELS) {
    throw new CalcInputError('levels', OUT_OF_RANGE, `The cascade takes at most ${MAX_LEVELS} levels.`);
  }
  const levels = levelsIn.map((level, i) => ({
    distance: inRange(level?.distance, `levels[${i}].distance`, 0, 1, {
      minOpen: true,
      maxOpen: true,
      message: 'A level must sit a fraction between 0 and 1 away from the start price.',
    }),
    notional: nonNegative(level?.notional, `levels[${i}].notional`),
  }));

  const done = new Set<number>();
  const rounds: CascadeRound[] = [];
  let forcedNotional = ZERO;
  let move = shock;
  for (;;) {
    const reached = levels.flatMap((l, i) => (!done.has(i) && l.distance.lte(move) ? [i] : []));
    if (reached.length === 0) break;
    const forced = reached.reduce((sum, i) => sum.plus(levels[i].notional), ZERO);
    rounds.push({ move, liquidated: reached, forced });
    for (const i of reached) done.add(i);
    forcedNotional = forcedNotional.plus(forced);
    move = shock.plus(impact.times(forcedNotional).div(MILLION));
  }
  if (side === 'long' && move.gt(ONE)) move = ONE;
  const price = side === 'long' ? start.times(ONE.minus(move)) : start.times(ONE.plus(move));
  return {
    move,
    price,
    addedByLiquidations: move.minus(shock),
    liquidatedCount: done.size,
    forcedNotional,
    rounds,
  };
}

/** Input of {@link liquidationShortfall}. */
export interface ShortfallInput {
  /** The side of the liquidated position. */
  side: Side;
  /** Its size in coins, > 0. */
  quantity: Numeric;
  /** The price at which its margin is exactly used up (see bankruptcyPrice), > 0. */
  bankruptcyPrice: Numeric;
  /** The average price at which the venue actually closed it, > 0. */
  fillPrice: Numeric;
  /** What the insurance fund holds before this liquidation, in dollars; zero or more. */
  insuranceFund: Numeric;
}

/** Result of {@link liquidationShortfall}. */
export interface ShortfallResult {
  /** The loss beyond the trader's margin: what the fill cost past the bankruptcy price; zero when it filled better. */
  shortfall: Decimal;
  /** What a fill better than the bankruptcy price leaves over, which the venue puts into the insurance fund. */
  surplus: Decimal;
  /** The part of the shortfall the insurance fund pays. */
  fromFund: Decimal;
  /** The part nobody has paid yet: the venue auto-deleverages (or socialises) this much onto the winning side. */
  socialised: Decimal;
  /** The fund after this liquidation. */
  fundAfter: Decimal;
}

/**
 * What a liquidation leaves when it fills past the bankruptcy price, and who pays it. For a long the gap is
 * `q × (bankruptcy − fill)`, for a short `q × (fill − bankruptcy)`. A positive gap is a shortfall: the insurance fund
 * pays `min(shortfall, fund)` and the rest, `shortfall − fromFund`, is closed out against profitable traders on the
 * other side by auto-deleveraging. A negative gap is a surplus that goes into the fund. The trader's own loss is the
 * margin either way. Sources: Binance, "What Is Auto-Deleveraging (ADL) and How Does It Work"
 * (https://www.binance.com/en/support/faq/360033525471: "the final step taken only when the Insurance Fund cannot
 * accept the bankrupt client's positions"); Hyperliquid Docs, "Auto-deleveraging"
 * (https://hyperliquid.gitbook.io/hyperliquid-docs/trading/auto-deleveraging).
 * @throws CalcInputError for a non-positive quantity or price, or a negative fund.
 * @example liquidationShortfall({ side: 'long', quantity: 2, bankruptcyPrice: 45000, fillPrice: 44000, insuranceFund: 500 })
 *   // shortfall 2 × 1,000 = 2,000; fromFund 500; socialised 1,500; fundAfter 0
 */
export function liquidationShortfall(input: ShortfallInput): ShortfallResult {
  requireInput(input);
  const side = parseSide(input.side);
  const quantity = positive(input.quantity, 'quantity');
  const bankruptcy = positive(input.bankruptcyPrice, 'bankruptcyPrice');
  const fill = positive(input.fillPrice, 'fillPrice');
  const fund = nonNegative(input.insuranceFund, 'insuranceFund');
  const gap = quantity.times(side === 'long' ? bankruptcy.minus(fill) : fill.minus(bankruptcy));
  const shortfall = Decimal.max(gap, ZERO);
  const surplus = Decimal.max(gap.neg(), ZERO);
  const fromFund = Decimal.min(shortfall, fund);
  return {
    shortfall,
    surplus,
    fromFund,
    socialised: shortfall.minus(fromFund),
    fundAfter: fund.minus(fromFund).plus(surplus),
  };
}
