/**
 * Isolated vs cross sandbox: the same positions in one wallet, run once with every position isolated and once all
 * cross, while prices move in a straight line from the entries to the chosen moves. Reports who is liquidated first,
 * each position's equity and liquidation price, and a one-line verdict on the difference.
 */
import {
  CalcInputError,
  Decimal,
  initialMargin,
  liquidationPrice,
  maintenanceMargin,
  pnl,
  toDecimal,
} from '../../calc/index.ts';
import type { Decimal as DecimalT, OtherPosition } from '../../calc/index.ts';
import { collectErrors } from '../../input/outcome.ts';
import { formatMoney, formatPercent } from '../../format/numbers.ts';
import type { ModelOutcome } from '../shared/useWidget.ts';
import type { Asset, MarginModesValues } from './params.ts';

export interface SandboxPosition {
  /** 1-based, as in the URL (p1…p4). */
  index: number;
  asset: Asset;
  side: 'long' | 'short';
  size: DecimalT;
  leverage: DecimalT;
  entry: DecimalT;
  quantity: DecimalT;
  margin: DecimalT;
  /** Total move of this asset's price at the end (market + its own), as a fraction. */
  move: DecimalT;
  /** Price at the end of the move. */
  finalPrice: DecimalT;
}

export interface IsolatedRow {
  position: SandboxPosition;
  liquidation: DecimalT | null;
  /** Share of the move (0…1) at which it was liquidated, or null if it survived. */
  liquidatedAt: DecimalT | null;
  /** Price when it stopped: the liquidation price, or the final price. */
  price: DecimalT;
  /** Margin + PnL while open; 0 once liquidated (the margin is lost). */
  equity: DecimalT;
  pnl: DecimalT;
}

export interface CrossRow {
  position: SandboxPosition;
  /** Liquidation price with the other positions still at their entry prices. */
  liquidationAtEntry: DecimalT | null;
  /** Liquidation price with the others at their marks when the move ends (or the account is liquidated). */
  liquidationNow: DecimalT | null;
  price: DecimalT;
  pnl: DecimalT;
}

export interface LiquidationEvent {
  mode: 'isolated' | 'cross';
  /** Share of the move (0…1). */
  at: DecimalT;
  /** The isolated position, or for cross the biggest loser at that moment. */
  asset: Asset;
  /** That asset's price move at that moment, as a fraction. */
  assetMove: DecimalT;
  /** What was lost: the position's margin (isolated) or the whole wallet (cross). */
  lost: DecimalT;
}

export interface SandboxResult {
  wallet: DecimalT;
  mmr: DecimalT;
  positions: SandboxPosition[];
  isolated: IsolatedRow[];
  cross: CrossRow[];
  /** Share of the move (0…1) at which the whole cross account is liquidated, or null. */
  crossLiquidatedAt: DecimalT | null;
  isolatedEquity: DecimalT;
  crossEquity: DecimalT;
  /** Liquidations in the order they happen. */
  events: LiquidationEvent[];
  verdict: string;
}

const SUFFIX: Record<string, string> = {
  asset: 'asset',
  side: 'side',
  size: 'size',
  quantity: 'size',
  notional: 'size',
  leverage: 'lev',
  entryPrice: 'entry',
  price: 'entry',
  margin: 'lev',
  move: 'move',
};

const GLOBAL: Record<string, keyof MarginModesValues> = {
  walletBalance: 'wallet',
  wallet: 'wallet',
  maintenanceMarginRate: 'mmr',
  mmr: 'mmr',
  market: 'market',
};

const fieldFor = (f: string): string => GLOBAL[f] ?? f;

/** Runs a calc call for position `i`, re-labelling its input errors with that position's URL field. */
function forPosition<T>(i: number, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof CalcInputError && !(error.field in GLOBAL)) {
      throw new CalcInputError(`p${i}${SUFFIX[error.field] ?? 'size'}`, error.code, error.message);
    }
    throw error;
  }
}

function bounded(raw: string, field: string, label: string, min: number, max: number): DecimalT {
  if (raw.trim() === '') throw new CalcInputError(field, 'required', `Enter the ${label}.`);
  const value = toDecimal(raw, field);
  if (value.lt(min) || value.gt(max)) {
    throw new CalcInputError(field, 'out_of_range', `The ${label} must be between ${min}% and ${max}%.`);
  }
  return value;
}

/** Reads the active positions from the URL values, validating each field. */
function readPositions(v: MarginModesValues, market: DecimalT): SandboxPosition[] {
  const count = Number(v.count);
  const out: SandboxPosition[] = [];
  const values = v as unknown as Record<string, string>;
  for (let i = 1; i <= count; i++) {
    const get = (k: string) => values[`p${i}${k}`] ?? '';
    const asset = get('asset') as Asset;
    const clash = out.find((p) => p.asset === asset);
    if (clash) {
      throw new CalcInputError(
        `p${i}asset`,
        'inconsistent',
        `Position ${clash.index} is already ${asset}: give each position a different asset.`,
      );
    }
    const side = get('side') === 'short' ? 'short' : 'long';
    const size = forPosition(i, () => toDecimal(get('size'), 'size'));
    if (size.lte(0)) throw new CalcInputError(`p${i}size`, 'must_be_positive', 'The size must be above zero.');
    const entry = forPosition(i, () => toDecimal(get('entry'), 'entryPrice'));
    if (entry.lte(0)) {
      throw new CalcInputError(`p${i}entry`, 'must_be_positive', 'The entry price must be above zero.');
    }
    const own = bounded(get('move'), `p${i}move`, `${asset} move`, -99, 1000);
    const move = market.plus(own).div(100);
    if (move.lte(-1)) {
      throw new CalcInputError(
        `p${i}move`,
        'out_of_range',
        `Market move plus ${asset}’s own move must stay above −100%: a price cannot fall below zero.`,
      );
    }
    const quantity = size.div(entry);
    const margin = forPosition(i, () => initialMargin({ quantity, price: entry, leverage: get('lev') }));
    out.push({
      index: i,
      asset,
      side,
      size,
      leverage: new Decimal(get('lev')),
      entry,
      quantity,
      margin,
      move,
      finalPrice: entry.times(move.plus(1)),
    });
  }
  return out;
}

export const priceAt = (p: SandboxPosition, t: DecimalT) => p.entry.times(p.move.times(t).plus(1));
export const pnlAt = (p: SandboxPosition, price: DecimalT) =>
  pnl({ side: p.side, quantity: p.quantity, entryPrice: p.entry, exitPrice: price });
export const maintenanceAt = (p: SandboxPosition, price: DecimalT, mmr: DecimalT) =>
  maintenanceMargin({ quantity: p.quantity, price, maintenanceMarginRate: mmr });

/** Cross equity minus the total maintenance requirement with every price `t` of the way through its move. */
function crossHealth(positions: SandboxPosition[], wallet: DecimalT, mmr: DecimalT, t: DecimalT): DecimalT {
  let health = wallet;
  for (const p of positions) {
    const price = priceAt(p, t);
    health = health.plus(pnlAt(p, price)).minus(maintenanceAt(p, price, mmr));
  }
  return health;
}

/**
 * Liquidation price of `p` in the cross wallet, the other positions valued at their prices `t` of the way. The
 * position is measured from its mark with its unrealised PnL in the wallet: the same level for a linear contract, and
 * defined even when a winner's gains are what keeps the account open.
 */
function crossLiquidation(
  p: SandboxPosition,
  positions: SandboxPosition[],
  wallet: DecimalT,
  mmr: DecimalT,
  t: DecimalT,
): DecimalT | null {
  const mark = priceAt(p, t);
  const others: OtherPosition[] = positions
    .filter((o) => o !== p)
    .map((o) => ({
      side: o.side,
      quantity: o.quantity,
      entryPrice: o.entry,
      markPrice: priceAt(o, t),
      maintenanceMarginRate: mmr,
    }));
  try {
    return liquidationPrice({
      side: p.side,
      quantity: p.quantity,
      entryPrice: mark,
      marginMode: 'cross',
      walletBalance: wallet.plus(pnlAt(p, mark)),
      otherPositions: others,
      maintenanceMarginRate: mmr,
    }).price;
  } catch (error) {
    // At the moment the account is liquidated there is no cushion left: the liquidation price is the mark itself.
    if (error instanceof CalcInputError && error.code === 'inconsistent') return mark;
    throw error;
  }
}

export function computeSandbox(v: MarginModesValues): ModelOutcome<SandboxResult> {
  return collectErrors(() => {
    const wallet = toDecimal(v.wallet, 'walletBalance');
    if (wallet.lte(0)) throw new CalcInputError('wallet', 'must_be_positive', 'The wallet balance must be above zero.');
    const mmrPercent = bounded(v.mmr, 'mmr', 'maintenance margin rate', 0, 50);
    const mmr = mmrPercent.div(100);
    const market = bounded(v.market, 'market', 'market move', -99, 1000);
    const positions = readPositions(v, market);
    const margins = positions.reduce((s, p) => s.plus(p.margin), new Decimal(0));
    if (margins.gt(wallet)) {
      throw new CalcInputError(
        'wallet',
        'inconsistent',
        `The positions need ${formatMoney(margins, { unit: 'USDT' })} of margin, more than the wallet holds.`,
      );
    }

    // Isolated: each position on its own margin, liquidated where its own price crosses its liquidation price.
    const isolated: IsolatedRow[] = positions.map((p) => {
      const liq = forPosition(p.index, () =>
        liquidationPrice({
          side: p.side,
          quantity: p.quantity,
          entryPrice: p.entry,
          marginMode: 'isolated',
          leverage: p.leverage,
          maintenanceMarginRate: mmr,
        }),
      );
      let liquidatedAt: DecimalT | null = null;
      const d = liq.distance;
      // The price moves in a straight line, so it reaches a level at distance d after d / move of the way.
      if (d !== null && !p.move.isZero() && d.s === p.move.s && p.move.abs().gte(d.abs())) {
        liquidatedAt = d.div(p.move);
      }
      const price = liquidatedAt !== null && liq.price ? liq.price : p.finalPrice;
      const gain = pnlAt(p, price);
      return {
        position: p,
        liquidation: liq.price,
        liquidatedAt,
        price,
        pnl: liquidatedAt !== null ? p.margin.neg() : gain,
        equity: liquidatedAt !== null ? new Decimal(0) : p.margin.plus(gain),
      };
    });

    // Cross: one pool. Equity and requirement are both linear in t, so the crossing point is exact.
    const start = crossHealth(positions, wallet, mmr, new Decimal(0));
    const end = crossHealth(positions, wallet, mmr, new Decimal(1));
    const crossLiquidatedAt = end.lte(0) ? start.div(start.minus(end)) : null;
    const tEnd = crossLiquidatedAt ?? new Decimal(1);
    const cross: CrossRow[] = positions.map((p) => {
      const price = priceAt(p, tEnd);
      return {
        position: p,
        liquidationAtEntry: crossLiquidation(p, positions, wallet, mmr, new Decimal(0)),
        liquidationNow: crossLiquidation(p, positions, wallet, mmr, tEnd),
        price,
        pnl: pnlAt(p, price),
      };
    });

    const isolatedEquity = wallet.minus(margins).plus(isolated.reduce((s, r) => s.plus(r.equity), new Decimal(0)));
    const crossEquity = crossLiquidatedAt !== null ? new Decimal(0) : cross.reduce((s, r) => s.plus(r.pnl), wallet);

    const events: LiquidationEvent[] = isolated
      .filter((r) => r.liquidatedAt !== null)
      .map((r) => ({
        mode: 'isolated' as const,
        at: r.liquidatedAt as DecimalT,
        asset: r.position.asset,
        assetMove: r.position.move.times(r.liquidatedAt as DecimalT),
        lost: r.position.margin,
      }));
    if (crossLiquidatedAt !== null) {
      const loser = cross.reduce((a, b) => (b.pnl.lt(a.pnl) ? b : a));
      events.push({
        mode: 'cross',
        at: crossLiquidatedAt,
        asset: loser.position.asset,
        assetMove: loser.position.move.times(crossLiquidatedAt),
        lost: wallet,
      });
    }
    events.sort((a, b) => a.at.cmp(b.at));

    const result: Omit<SandboxResult, 'verdict'> = {
      wallet,
      mmr,
      positions,
      isolated,
      cross,
      crossLiquidatedAt,
      isolatedEquity,
      crossEquity,
      events,
    };
    return { ...result, verdict: verdict(result) };
  }, fieldFor);
}

const usdt = (d: DecimalT) => formatMoney(d, { unit: 'USDT' });
const moved = (asset: string, move: DecimalT) =>
  `${asset} had ${move.isNeg() ? 'fallen' : 'risen'} ${formatPercent(move.abs())}`;

function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** One sentence on what margin mode changed in this scenario, built from the results. */
export function verdict(r: Omit<SandboxResult, 'verdict'>): string {
  const isoEvents = r.events.filter((e) => e.mode === 'isolated');
  const crossEvent = r.events.find((e) => e.mode === 'cross');
  const isoLost = isoEvents.reduce((s, e) => s.plus(e.lost), new Decimal(0));
  const survivors = r.isolated.filter((row) => row.liquidatedAt === null).map((row) => row.position.asset);
  const isoNames = list(isoEvents.map((e) => e.asset));
  if (crossEvent) {
    // A position isolated closed early that cross carried further before the whole account went.
    const carried = isoEvents.find((e) => e.at.lt(crossEvent.at));
    const carriedRow = carried && r.cross.find((c) => c.position.asset === carried.asset);
    const lead =
      carried && carriedRow
        ? `Cross kept ${carried.asset} open longer (to ${formatPercent(carriedRow.position.move.times(crossEvent.at), { signed: true })} instead of ${formatPercent(carried.assetMove, { signed: true })}) but lost`
        : 'Cross lost';
    const isoPart =
      isoEvents.length === 0
        ? `isolated liquidated nothing and ends with ${usdt(r.isolatedEquity)}`
        : `isolated lost only the ${isoNames} margin${isoEvents.length > 1 ? 's' : ''} (${usdt(isoLost)})` +
          (survivors.length > 0 ? ` and kept ${list(survivors)} open` : '');
    return `${lead} the whole ${usdt(r.wallet)} wallet when ${moved(crossEvent.asset, crossEvent.assetMove)}; ${isoPart}.`;
  }
  if (isoEvents.length > 0) {
    const first = isoEvents[0] as LiquidationEvent;
    const when = `${first.assetMove.isNeg() ? 'fallen' : 'risen'} ${formatPercent(first.assetMove.abs())}`;
    const lead =
      isoEvents.length === 1
        ? `Isolated liquidated ${first.asset} when it had ${when}, losing its ${usdt(isoLost)} margin`
        : `Isolated liquidated ${isoNames} (${first.asset} first, when it had ${when}), losing ${usdt(isoLost)} of margin`;
    return `${lead}; cross kept every position open and ends with ${usdt(r.crossEquity)} against isolated’s ${usdt(r.isolatedEquity)}.`;
  }
  return (
    `Nothing was liquidated in either mode: both accounts end with ${usdt(r.crossEquity)}. ` +
    'Margin mode only makes a difference once a position nears its liquidation price.'
  );
}
