/**
 * Isolated vs cross margin: the same positions, funded from one wallet, walked along a price path once with every
 * position isolated and once with all of them sharing the wallet in cross margin. Linear (USDT-margined) contracts,
 * one flat maintenance rate per position, no fees or funding.
 */
import { Decimal, type Numeric, ONE, ZERO } from './decimal.ts';
import { CalcInputError, INCONSISTENT, OUT_OF_RANGE, REQUIRED } from './errors.ts';
import { liquidationPrice } from './liquidationPrice.ts';
import { pnlOf } from './pnl.ts';
import {
  type Side,
  integer,
  leverage as parseLeverage,
  maintenanceRate,
  parseSide,
  positive,
  requireInput,
  signed,
} from './validate.ts';

/** Most positions one simulation takes. */
const MAX_POSITIONS = 50;
/** Most steps a path may have (points, start included). */
const MAX_PATH_POINTS = 10_001;

/** One position of the wallet. Give its size as `quantity` or `notional`, and its isolated margin as `margin` or `leverage`. */
export interface MarginModesPosition {
  side: Side;
  /** Size in base units (coins). */
  quantity?: Numeric;
  /** Size as the entry notional in quote (USDT): `quantity = notional / entryPrice`. */
  notional?: Numeric;
  entryPrice: Numeric;
  /** Margin set aside for this position in isolated mode, in quote. */
  margin?: Numeric;
  /** Leverage setting: isolated margin = entry notional / leverage (1 … 200). Unused by the cross walk. */
  leverage?: Numeric;
  /** Flat maintenance margin rate, a fraction (0.005 = 0.5 %). */
  maintenanceMarginRate: Numeric;
}

/** Input of {@link simulateMarginModes}. */
export interface MarginModesInput {
  /** The one wallet both copies start from, in quote. */
  walletBalance: Numeric;
  positions: readonly MarginModesPosition[];
  /**
   * Prices along the way: `path[k][i]` is position `i`'s price at step `k` (at least two steps). Between two steps
   * every price moves in a straight line, so health is a straight line too and a crossing is found exactly.
   */
  path: readonly (readonly Numeric[])[];
}

/** Where along the path a health (an isolated position's, or the cross account's) first reaches zero. */
export interface MarginCrossing {
  /** Position on the path in steps, `k + f`: the health reached zero `f` of the way from step `k` to step `k + 1`. */
  at: Decimal;
  /** `k`: the step the crossing segment starts from. */
  step: number;
  /** `f`, in (0, 1]: `h_k / (h_k − h_{k+1})`. */
  fraction: Decimal;
  /** Share of the whole path, 0 … 1: `at / (steps − 1)`. */
  share: Decimal;
  /** Every position's price at that moment: `P_k + f × (P_{k+1} − P_k)`. */
  prices: Decimal[];
  /** Every position's move from its entry at that moment, a fraction: `price / entry − 1`. */
  moves: Decimal[];
}

/** A position as the simulation read it. */
export interface MarginModesPositionInfo {
  side: Side;
  quantity: Decimal;
  /** Entry notional, `quantity × entryPrice` (or the given notional). */
  notional: Decimal;
  entryPrice: Decimal;
  /** Isolated margin: the given margin, or `notional / leverage`. */
  margin: Decimal;
  maintenanceMarginRate: Decimal;
}

/** One position in the all-isolated copy. */
export interface IsolatedPositionOutcome {
  /** Its isolated liquidation price (from {@link liquidationPrice}); null when no positive price liquidates it. */
  liquidationPrice: Decimal | null;
  /** Where its price reaches the liquidation price along the path, or null if it never does. */
  liquidation: MarginCrossing | null;
  /** Its price when it stopped: at its liquidation, or the path's last price. */
  exitPrice: Decimal;
  /** Its PnL at the end: `−margin` once liquidated (the whole isolated margin is lost). */
  pnl: Decimal;
  /** `margin + PnL` at the end while open; 0 once liquidated. */
  equity: Decimal;
}

/** One position in the all-cross copy. */
export interface CrossPositionOutcome {
  /** Its cross liquidation price with the other positions at their first prices on the path; null: none. */
  liquidationAtStart: Decimal | null;
  /**
   * Its cross liquidation price with the others at their last prices: at the end of the path, or at the account's
   * liquidation, where the account's health is zero and so every position's liquidation price is its price then.
   */
  liquidationAtEnd: Decimal | null;
  /** Its price at the end, or when the account was liquidated. */
  exitPrice: Decimal;
  /** Its PnL at `exitPrice`. */
  pnl: Decimal;
}

/** The all-isolated copy. */
export interface IsolatedModeResult {
  /** Account equity at each step: `wallet − Σ margins + Σ over open positions (margin + PnL)`. */
  equity: Decimal[];
  /** Each position's health at each step, `margin + PnL − maintenance`; null once that position is liquidated. */
  health: (Decimal | null)[][];
  positions: IsolatedPositionOutcome[];
  /** Equity at the last step. */
  finalEquity: Decimal;
  /** `finalEquity − wallet`: negative for a loss. */
  change: Decimal;
  /** What the copy lost: `wallet − finalEquity`, or 0 when it gained. */
  lost: Decimal;
  /** Sum of the margins of the positions liquidated along the path. */
  liquidatedMargin: Decimal;
}

/** The all-cross copy. */
export interface CrossModeResult {
  /** Account equity at each step, `wallet + Σ PnL`; 0 from the account's liquidation on. */
  equity: Decimal[];
  /** Total maintenance requirement at each step's prices, `Σ quantity × price × rate`. */
  maintenance: Decimal[];
  /** `wallet + Σ PnL − Σ maintenance` at each step's prices (negative past the liquidation). */
  health: Decimal[];
  /** Where the whole account is liquidated, or null if it never is. */
  liquidation: MarginCrossing | null;
  positions: CrossPositionOutcome[];
  finalEquity: Decimal;
  change: Decimal;
  /** `wallet − finalEquity`, or 0 when it gained: the whole wallet once the account is liquidated. */
  lost: Decimal;
}

/** A liquidation along the path, in either copy. */
export interface MarginModesEvent {
  mode: 'isolated' | 'cross';
  /** The isolated position liquidated; for cross, the position with the largest loss at that moment. */
  position: number;
  crossing: MarginCrossing;
  /** What it cost: the position's margin (isolated) or the whole wallet (cross). */
  lost: Decimal;
}

/** Result of {@link simulateMarginModes}. */
export interface MarginModesResult {
  walletBalance: Decimal;
  positions: MarginModesPositionInfo[];
  /** Wallet left outside the isolated margins: `wallet − Σ margins`. */
  freeBalance: Decimal;
  isolated: IsolatedModeResult;
  cross: CrossModeResult;
  /** Every liquidation in both copies, in the order it happens (isolated first on a tie). */
  events: MarginModesEvent[];
}

/** Re-labels a calc error raised for a nested input: `leverage` → `positions[1].leverage`. */
function within<T>(prefix: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof CalcInputError)
      throw new CalcInputError(`${prefix}.${error.field}`, error.code, error.message);
    throw error;
  }
}

/** A list input: an array of 1 … `max` items. */
function list<T>(value: unknown, field: string, what: string, max: number): readonly T[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new CalcInputError(field, REQUIRED, `Give at least one ${what}.`);
  }
  if (value.length > max) throw new CalcInputError(field, OUT_OF_RANGE, `Give at most ${max} ${what}s.`);
  return value as readonly T[];
}

/**
 * Reads a list item with `read`, re-wording its error so it names the item's place: `what` is "the price of position 2
 * at step 4", `rule` what it must be ("a number above zero").
 */
function listed(read: () => Decimal, field: string, what: string, rule: string): Decimal {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof CalcInputError)) throw error;
    const message = error.code === REQUIRED ? `${capital(what)} is missing.` : `${capital(what)} must be ${rule}.`;
    throw new CalcInputError(field, error.code, message);
  }
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A positive price inside a list. */
function listedPrice(value: unknown, field: string, what: string): Decimal {
  return listed(() => positive(value, field), field, what, 'a number above zero');
}

/** Exactly one of two optional inputs. */
function oneOf(value: Record<string, unknown>, a: string, b: string, prefix: string, message: string): 'a' | 'b' {
  const hasA = value[a] !== undefined && value[a] !== null;
  const hasB = value[b] !== undefined && value[b] !== null;
  if (hasA && hasB) throw new CalcInputError(`${prefix}.${b}`, INCONSISTENT, `Give ${a} or ${b}, not both.`);
  if (!hasA && !hasB) throw new CalcInputError(`${prefix}.${a}`, REQUIRED, message);
  return hasA ? 'a' : 'b';
}

/** A position read and checked, with the leverage it was given (null when its margin was given instead). */
interface ReadPosition {
  info: MarginModesPositionInfo;
  leverage: Decimal | null;
}

function readPosition(raw: MarginModesPosition, i: number): ReadPosition {
  const prefix = `positions[${i}]`;
  if (raw === null || typeof raw !== 'object') {
    throw new CalcInputError(prefix, REQUIRED, `Position ${i + 1} is missing.`);
  }
  const f = (name: string) => `${prefix}.${name}`;
  const side = parseSide(raw.side, f('side'));
  const entryPrice = positive(raw.entryPrice, f('entryPrice'));
  const rate = maintenanceRate(raw.maintenanceMarginRate, f('maintenanceMarginRate'));
  const record = raw as unknown as Record<string, unknown>;
  let quantity: Decimal;
  let notional: Decimal;
  if (oneOf(record, 'quantity', 'notional', prefix, `Give the size of position ${i + 1}.`) === 'a') {
    quantity = positive(raw.quantity, f('quantity'));
    notional = quantity.times(entryPrice);
  } else {
    notional = positive(raw.notional, f('notional'));
    quantity = notional.div(entryPrice);
  }
  let margin: Decimal;
  let lev: Decimal | null = null;
  if (oneOf(record, 'margin', 'leverage', prefix, `Give the margin or the leverage of position ${i + 1}.`) === 'a') {
    margin = positive(raw.margin, f('margin'));
  } else {
    lev = parseLeverage(raw.leverage, undefined, f('leverage'));
    margin = notional.div(lev);
  }
  return { info: { side, quantity, notional, entryPrice, margin, maintenanceMarginRate: rate }, leverage: lev };
}

/** `s·q·(P − E)`: linear PnL. */
const pnlAt = (p: MarginModesPositionInfo, price: Decimal) => pnlOf(p.side, 'linear', p.quantity, p.entryPrice, price);
/** `q·P·r`: maintenance margin at price P. */
const maintenanceAt = (p: MarginModesPositionInfo, price: Decimal) =>
  p.quantity.times(price).times(p.maintenanceMarginRate);
/** `margin + PnL(P) − maintenance(P)`: an isolated position's health. */
const isolatedHealth = (p: MarginModesPositionInfo, price: Decimal) =>
  p.margin.plus(pnlAt(p, price)).minus(maintenanceAt(p, price));

/**
 * The first zero of a health sampled along the path, interpolated in the segment where it turns from positive to
 * zero or below. `health[0]` must be positive.
 */
function firstCrossing(
  health: readonly Decimal[],
  path: readonly Decimal[][],
  positions: readonly MarginModesPositionInfo[],
): MarginCrossing | null {
  const last = path.length - 1;
  for (let k = 0; k < last; k++) {
    const h0 = health[k];
    const h1 = health[k + 1];
    if (h1.gt(ZERO)) continue;
    // h is affine in f along the segment: h(f) = h0 + f·(h1 − h0) = 0 at f = h0 / (h0 − h1), with h0 > 0 ≥ h1.
    const fraction = h0.div(h0.minus(h1));
    const from = path[k];
    const to = path[k + 1];
    const prices = from.map((p, i) => p.plus(to[i].minus(p).times(fraction)));
    const at = fraction.plus(k);
    return {
      at,
      step: k,
      fraction,
      share: at.div(last),
      prices,
      moves: prices.map((p, i) => p.div(positions[i].entryPrice).minus(ONE)),
    };
  }
  return null;
}

/**
 * Cross liquidation price of position `i` with every other position at its price in `prices`: the price of `i` at which
 * `wallet + Σ PnL − Σ maintenance` reaches zero. Computed by {@link liquidationPrice} (cross), with the position
 * measured from its current price and its unrealised PnL counted in the wallet, which for a linear contract is the same
 * level and stays defined when a winner's gains are what keeps the account open. The account must be healthy there.
 */
function crossLiquidationAt(
  i: number,
  positions: readonly MarginModesPositionInfo[],
  wallet: Decimal,
  prices: readonly Decimal[],
): Decimal | null {
  const p = positions[i];
  const mark = prices[i];
  return liquidationPrice({
    side: p.side,
    quantity: p.quantity,
    entryPrice: mark,
    marginMode: 'cross',
    walletBalance: wallet.plus(pnlAt(p, mark)),
    otherPositions: positions
      .map((o, j) => ({ o, j }))
      .filter(({ j }) => j !== i)
      .map(({ o, j }) => ({
        side: o.side,
        quantity: o.quantity,
        entryPrice: o.entryPrice,
        markPrice: prices[j],
        maintenanceMarginRate: o.maintenanceMarginRate,
      })),
    maintenanceMarginRate: p.maintenanceMarginRate,
  }).price;
}

const sum = (values: readonly Decimal[]) => values.reduce((s, v) => s.plus(v), ZERO);

/**
 * Runs one wallet's positions along a price path twice: all isolated, and all cross. Linear (USDT-margined) contracts,
 * flat maintenance rates, no fees or funding. Money in quote (USDT), prices in quote per base unit, rates and shares as
 * fractions.
 *
 * Isolated: position `i` holds its own margin `M_i` (given, or `notional_i / leverage_i`); its health is
 * `h_i = M_i + s_i·q_i·(P_i − E_i) − q_i·P_i·r_i` and it is liquidated where `h_i` first reaches 0 (its isolated
 * liquidation price), losing its whole margin. Account equity = `W − Σ M_i + Σ_open (M_i + PnL_i)`.
 * Cross: one pool; health `H = W + Σ_i [s_i·q_i·(P_i − E_i) − q_i·P_i·r_i]`, and the whole account is liquidated where
 * `H` first reaches 0, losing the whole wallet (the remaining equity, the maintenance margin, is taken by the
 * liquidation, as in a backstop liquidation). Leverage only sets isolated margins: the cross walk does not use it.
 * Between steps prices move in a straight line, so each health is affine there and the crossing is exact:
 * `f = h_k / (h_k − h_{k+1})`, prices `P_k + f·(P_{k+1} − P_k)`.
 * Sources: Binance, margin modes ("isolated: the margin placed in a position is restricted to that position; cross: all
 * available balance is used") https://www.binance.com/en/support/faq/360038447311 and the USDⓈ-M liquidation formula
 * (cross: WB − TMM1 + UPNL1) https://www.binance.com/fr/support/faq/b3c689c1f50a44cabb3a84e663b81d93 ; Bybit, margin
 * modes of the Unified Trading Account (isolated loss capped at the position margin; cross liquidation at account level)
 * https://www.bybit.com/en/help-center/article/Differences-Between-the-Margin-Modes-Under-the-Unified-Trading-Account ;
 * Hyperliquid backstop liquidation (cross positions and cross margin all go, the account is left at zero)
 * https://hyperliquid.gitbook.io/hyperliquid-docs/trading/liquidations
 * @throws CalcInputError for invalid fields (nested as `positions[1].leverage`, `path[3][0]`), a position opened at or
 * below its maintenance requirement, isolated margins above the wallet (`walletBalance`), or a path whose first step
 * already liquidates an isolated position (`path[0][i]`).
 * @example simulateMarginModes({ walletBalance: 3000, positions: [{ side: 'long', quantity: 2, entryPrice: 3000,
 *   leverage: 10, maintenanceMarginRate: 0.005 }], path: [[3000], [2400]] }).cross.finalEquity // 1800
 */
export function simulateMarginModes(input: MarginModesInput): MarginModesResult {
  requireInput(input);
  const wallet = positive(input.walletBalance, 'walletBalance');
  const raw = list<MarginModesPosition>(input.positions, 'positions', 'position', MAX_POSITIONS);
  const read = raw.map((p, i) => readPosition(p, i));
  const positions = read.map((r) => r.info);
  const n = positions.length;

  // Each isolated position must open above its maintenance requirement: liquidationPrice refuses it otherwise.
  const isolatedLiquidation = read.map(({ info: p, leverage }, i) =>
    within(`positions[${i}]`, () =>
      liquidationPrice({
        side: p.side,
        quantity: p.quantity,
        entryPrice: p.entryPrice,
        marginMode: 'isolated',
        ...(leverage !== null ? { leverage } : { margin: p.margin }),
        maintenanceMarginRate: p.maintenanceMarginRate,
      }),
    ),
  );
  const margins = sum(positions.map((p) => p.margin));
  if (margins.gt(wallet)) {
    throw new CalcInputError(
      'walletBalance',
      INCONSISTENT,
      `The isolated margins add up to ${margins.toDecimalPlaces(2).toFixed()}, more than the wallet balance of ` +
        `${wallet.toFixed()}: lower the sizes or the leverage, or add to the wallet.`,
    );
  }
  const freeBalance = wallet.minus(margins);

  const rows = list<readonly Numeric[]>(input.path, 'path', 'step', MAX_PATH_POINTS);
  if (rows.length < 2) throw new CalcInputError('path', OUT_OF_RANGE, 'The path needs at least two steps.');
  const path: Decimal[][] = rows.map((row, k) => {
    if (!Array.isArray(row) || row.length !== n) {
      throw new CalcInputError(`path[${k}]`, INCONSISTENT, `Step ${k} of the path must give one price per position.`);
    }
    return row.map((price, i) => listedPrice(price, `path[${k}][${i}]`, `the price of position ${i + 1} at step ${k}`));
  });
  const last = path.length - 1;
  const first = path[0];
  const final = path[last];

  // Isolated: each position on its own margin.
  const isoHealth = positions.map((p, i) => path.map((prices) => isolatedHealth(p, prices[i])));
  const isoCrossings = positions.map((_, i) => {
    const health = isoHealth[i];
    if (!health[0].gt(ZERO)) {
      throw new CalcInputError(
        `path[0][${i}]`,
        INCONSISTENT,
        `Position ${i + 1} starts at or past its isolated liquidation price: start the path where every position is open.`,
      );
    }
    return firstCrossing(health, path, positions);
  });
  /** Whether position `i` is liquidated at or before step `k` (its crossing segment ends at or before `k`). */
  const goneBy = (c: MarginCrossing | null, k: number) => c !== null && c.step + 1 <= k;
  const isoEquity = path.map((prices, k) =>
    positions.reduce(
      (equity, p, i) => (goneBy(isoCrossings[i] ?? null, k) ? equity : equity.plus(p.margin).plus(pnlAt(p, prices[i]))),
      freeBalance,
    ),
  );
  const isoPositions: IsolatedPositionOutcome[] = positions.map((p, i) => {
    const crossing = isoCrossings[i] ?? null;
    const exitPrice = crossing ? crossing.prices[i] : final[i];
    const pnl = crossing ? p.margin.neg() : pnlAt(p, exitPrice);
    return {
      liquidationPrice: isolatedLiquidation[i].price,
      liquidation: crossing,
      exitPrice,
      pnl,
      equity: crossing ? ZERO : p.margin.plus(pnl),
    };
  });
  const isoFinal = isoEquity[last];
  const isolated: IsolatedModeResult = {
    equity: isoEquity,
    health: path.map((_, k) => positions.map((__, i) => (goneBy(isoCrossings[i] ?? null, k) ? null : isoHealth[i][k]))),
    positions: isoPositions,
    finalEquity: isoFinal,
    change: isoFinal.minus(wallet),
    lost: Decimal.max(ZERO, wallet.minus(isoFinal)),
    liquidatedMargin: sum(positions.filter((_, i) => isoCrossings[i] !== null).map((p) => p.margin)),
  };

  // Cross: one pool behind every position.
  const crossPnl = path.map((prices) => sum(positions.map((p, i) => pnlAt(p, prices[i]))));
  const maintenance = path.map((prices) => sum(positions.map((p, i) => maintenanceAt(p, prices[i]))));
  const crossHealth = path.map((_, k) => wallet.plus(crossPnl[k]).minus(maintenance[k]));
  // No start check needed: with Σ margins ≤ wallet, H = (wallet − Σ M) + Σ h_i > 0 while every isolated h_i > 0, so
  // the cross account is healthy at the first step (and is never liquidated before the first isolated position).
  const crossCrossing = firstCrossing(crossHealth, path, positions);
  const crossEquity = path.map((_, k) => (goneBy(crossCrossing, k) ? ZERO : wallet.plus(crossPnl[k])));
  const exitPrices = crossCrossing ? crossCrossing.prices : final;
  const crossPositions: CrossPositionOutcome[] = positions.map((p, i) => ({
    liquidationAtStart: crossLiquidationAt(i, positions, wallet, first),
    liquidationAtEnd: crossCrossing ? crossCrossing.prices[i] : crossLiquidationAt(i, positions, wallet, final),
    exitPrice: exitPrices[i],
    pnl: pnlAt(p, exitPrices[i]),
  }));
  const crossFinal = crossEquity[last];
  const cross: CrossModeResult = {
    equity: crossEquity,
    maintenance,
    health: crossHealth,
    liquidation: crossCrossing,
    positions: crossPositions,
    finalEquity: crossFinal,
    change: crossFinal.minus(wallet),
    lost: Decimal.max(ZERO, wallet.minus(crossFinal)),
  };

  const events: MarginModesEvent[] = [];
  isoCrossings.forEach((crossing, i) => {
    if (crossing) events.push({ mode: 'isolated', position: i, crossing, lost: positions[i].margin });
  });
  if (crossCrossing) {
    let loser = 0;
    crossPositions.forEach((row, i) => {
      if (row.pnl.lt(crossPositions[loser].pnl)) loser = i;
    });
    events.push({ mode: 'cross', position: loser, crossing: crossCrossing, lost: wallet });
  }
  events.sort((a, b) => a.crossing.at.cmp(b.crossing.at));

  return { walletBalance: wallet, positions, freeBalance, isolated, cross, events };
}

/**
 * Prices that move in a straight line from `startPrices` to `start × (1 + commonMove + move_i)`, in `steps` equal
 * steps (`steps + 1` points): `P_{k,i} = start_i × (1 + (commonMove + move_i) × k / steps)`. Moves are fractions
 * (−0.1 = a 10 % fall); `commonMove` is what every price does (the market), `moves[i]` each position's own move on top.
 * A path for {@link simulateMarginModes}.
 * @throws CalcInputError for a non-positive start price, lists of different lengths, `steps` outside 1 … 10000, or a
 * total move at or below −100 % (`moves[i]`, `out_of_range`): a price cannot fall to zero.
 * @example straightLinePath({ startPrices: [100], moves: [-0.04], commonMove: -0.1, steps: 2 }) // [[100], [93], [86]]
 */
export function straightLinePath(input: {
  startPrices: readonly Numeric[];
  moves: readonly Numeric[];
  commonMove?: Numeric;
  steps: number;
}): Decimal[][] {
  requireInput(input);
  const starts = list<Numeric>(input.startPrices, 'startPrices', 'start price', MAX_POSITIONS).map((p, i) =>
    listedPrice(p, `startPrices[${i}]`, `the start price of position ${i + 1}`),
  );
  if (!Array.isArray(input.moves) || input.moves.length !== starts.length) {
    throw new CalcInputError('moves', INCONSISTENT, 'Give one move per start price.');
  }
  const common = signed(input.commonMove, 'commonMove', ZERO);
  const steps = integer(input.steps, 'steps', 1, MAX_PATH_POINTS - 1);
  const totals = input.moves.map((m, i) => {
    const field = `moves[${i}]`;
    const total = common.plus(
      listed(() => signed(m, field), field, `the own move of position ${i + 1}`, 'a number, like -0.1'),
    );
    if (total.lte(-1)) {
      throw new CalcInputError(
        field,
        OUT_OF_RANGE,
        `The market move plus the own move of position ${i + 1} must stay above −100%: a price cannot fall to zero.`,
      );
    }
    return total;
  });
  return Array.from({ length: steps + 1 }, (_, k) =>
    starts.map((start, i) => start.times(totals[i].times(k).div(steps).plus(ONE))),
  );
}
