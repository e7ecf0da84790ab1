/**
 * Isolated vs cross sandbox: the same positions in one wallet, run once with every position isolated and once all
 * cross, while prices move in a straight line from the entries to the chosen moves. The model reads the fields, asks
 * calc for the path (straightLinePath) and for both walks (simulateMarginModes), and shapes what the view shows: who is
 * liquidated first, each position's equity and liquidation price, and a one-line verdict on the difference.
 */
import { CalcInputError, simulateMarginModes, straightLinePath } from '../../calc/index.ts';
import type { Decimal as DecimalT, MarginCrossing, MarginModesResult, Outcome } from '../../calc/index.ts';
import { readNumber, readPercent } from '../../input/number.ts';
import { collectErrors } from '../../input/outcome.ts';
import { formatMoney, formatPercent } from '../../format/numbers.ts';
import type { Asset, MarginModesValues } from './params.ts';

/**
 * Steps of the straight-line path: 100, so a step is one percent of the move and a crossing's position in steps is
 * already the chart's "share of the move done (%)".
 */
export const PATH_STEPS = 100;
/** The chart and its table show every fifth step (every 5 % of the move). */
const CHART_EVERY = 5;

export interface SandboxPosition {
  /** 1-based, as in the URL (p1…p4). */
  index: number;
  asset: Asset;
  side: 'long' | 'short';
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
  /** The same moment on the chart's 0…100 axis (a step of the path). */
  atPercent: number;
  /** The isolated position, or for cross the biggest loser at that moment. */
  asset: Asset;
  /** That asset's price move at that moment, as a fraction. */
  assetMove: DecimalT;
  /** Every asset's price move at that moment. */
  moves: ReadonlyMap<Asset, DecimalT>;
  /** What was lost: the position's margin (isolated) or the whole wallet (cross). */
  lost: DecimalT;
}

/** One point of the chart: both accounts' equity and the cross requirement, `at` percent of the way. */
export interface EquityPoint {
  at: number;
  isolated: DecimalT;
  cross: DecimalT;
  maintenance: DecimalT;
}

export interface SandboxResult {
  wallet: DecimalT;
  positions: SandboxPosition[];
  isolated: IsolatedRow[];
  cross: CrossRow[];
  /** Share of the move (0…1) at which the whole cross account is liquidated, or null. */
  crossLiquidatedAt: DecimalT | null;
  isolatedEquity: DecimalT;
  crossEquity: DecimalT;
  /** Equity at the end minus the wallet: negative for a loss. */
  isolatedChange: DecimalT;
  crossChange: DecimalT;
  /** What each copy lost (0 when it gained). */
  isolatedLost: DecimalT;
  crossLost: DecimalT;
  /** The margins of the isolated positions that were liquidated, added up. */
  isolatedMarginLost: DecimalT;
  /** Liquidations in the order they happen. */
  events: LiquidationEvent[];
  /** Both accounts' equity every 5 % of the move, for the chart. */
  curve: EquityPoint[];
  verdict: string;
}

/** Calc's names for a position's inputs → the suffix of the sandbox field (p1size, p1lev…). */
const SUFFIX: Record<string, string> = {
  side: 'side',
  quantity: 'size',
  notional: 'size',
  leverage: 'lev',
  margin: 'lev',
  entryPrice: 'entry',
};

const GLOBAL: Record<string, keyof MarginModesValues> = {
  walletBalance: 'wallet',
  commonMove: 'market',
};

/** Maps a calc error's field (`positions[1].leverage`, `moves[0]`) to the sandbox's URL field (`p2lev`, `p1move`). */
function fieldFor(field: string): string {
  const nested = /^(positions|moves|startPrices)\[(\d+)\](?:\.(\w+))?$/.exec(field);
  if (!nested) return GLOBAL[field] ?? field;
  const [, list, index, inner] = nested;
  const p = `p${Number(index) + 1}`;
  if (list === 'moves') return `${p}move`;
  if (list === 'startPrices') return `${p}entry`;
  if (inner === 'maintenanceMarginRate') return 'mmr';
  return `${p}${SUFFIX[inner ?? ''] ?? 'size'}`;
}

/** One position's fields as typed, read and checked. */
interface ReadPosition {
  position: SandboxPosition;
  size: DecimalT;
  leverage: DecimalT;
  entry: DecimalT;
  ownMove: DecimalT;
}

/** Reads the active positions from the URL values, validating each field. */
function readPositions(v: MarginModesValues): ReadPosition[] {
  const count = Number(v.count);
  const out: ReadPosition[] = [];
  const values = v as unknown as Record<string, string>;
  for (let i = 1; i <= count; i++) {
    const get = (k: string) => values[`p${i}${k}`] ?? '';
    const asset = get('asset') as Asset;
    const clash = out.find((p) => p.position.asset === asset);
    if (clash) {
      throw new CalcInputError(
        `p${i}asset`,
        'inconsistent',
        `Position ${clash.position.index} is already ${asset}: give each position a different asset.`,
      );
    }
    const side = get('side') === 'short' ? 'short' : 'long';
    out.push({
      position: { index: i, asset, side },
      size: readNumber(get('size'), `p${i}size`, { label: 'size', min: 0, minOpen: true }),
      entry: readNumber(get('entry'), `p${i}entry`, { label: 'entry price', min: 0, minOpen: true }),
      ownMove: readPercent(get('move'), `p${i}move`, { label: `${asset} move`, min: -99, max: 1000 }),
      // Bounds (1 … 200) are calc's: its message lands on this field.
      leverage: readNumber(get('lev'), `p${i}lev`, { label: 'leverage' }),
    });
  }
  return out;
}

/** The share of the move (0…1) where a crossing happened, or null. */
const crossingShare = (c: MarginCrossing | null) => (c ? c.share : null);

export function computeSandbox(v: MarginModesValues): Outcome<SandboxResult> {
  return collectErrors(() => {
    const wallet = readNumber(v.wallet, 'wallet', { label: 'wallet balance', min: 0, minOpen: true });
    const mmr = readPercent(v.mmr, 'mmr', { label: 'maintenance margin rate', min: 0, max: 50 });
    const market = readPercent(v.market, 'market', { label: 'market move', min: -99, max: 1000 });
    const read = readPositions(v);
    const path = straightLinePath({
      startPrices: read.map((p) => p.entry),
      moves: read.map((p) => p.ownMove),
      commonMove: market,
      steps: PATH_STEPS,
    });
    const run = simulateMarginModes({
      walletBalance: wallet,
      positions: read.map((p) => ({
        side: p.position.side,
        notional: p.size,
        entryPrice: p.entry,
        leverage: p.leverage,
        maintenanceMarginRate: mmr,
      })),
      path,
    });
    const result = shape(
      run,
      read.map((p) => p.position),
    );
    return { ...result, verdict: verdict(result) };
  }, fieldFor);
}

/** Turns calc's result into the rows, events and chart points the view shows. */
function shape(run: MarginModesResult, positions: SandboxPosition[]): Omit<SandboxResult, 'verdict'> {
  const at = (i: number) => positions[i];
  const isolated: IsolatedRow[] = run.isolated.positions.map((row, i) => ({
    position: at(i),
    liquidation: row.liquidationPrice,
    liquidatedAt: crossingShare(row.liquidation),
    price: row.exitPrice,
    equity: row.equity,
    pnl: row.pnl,
  }));
  const cross: CrossRow[] = run.cross.positions.map((row, i) => ({
    position: at(i),
    liquidationAtEntry: row.liquidationAtStart,
    liquidationNow: row.liquidationAtEnd,
    price: row.exitPrice,
    pnl: row.pnl,
  }));
  const events: LiquidationEvent[] = run.events.map((e) => ({
    mode: e.mode,
    at: e.crossing.share,
    atPercent: e.crossing.at.toNumber(),
    asset: at(e.position).asset,
    assetMove: e.crossing.moves[e.position],
    moves: new Map(positions.map((p, i) => [p.asset, e.crossing.moves[i]])),
    lost: e.lost,
  }));
  const curve: EquityPoint[] = [];
  run.cross.equity.forEach((crossEquity, k) => {
    if (k % CHART_EVERY !== 0) return;
    curve.push({
      at: k,
      isolated: run.isolated.equity[k],
      cross: crossEquity,
      maintenance: run.cross.maintenance[k],
    });
  });
  return {
    wallet: run.walletBalance,
    positions,
    isolated,
    cross,
    crossLiquidatedAt: crossingShare(run.cross.liquidation),
    isolatedEquity: run.isolated.finalEquity,
    crossEquity: run.cross.finalEquity,
    isolatedChange: run.isolated.change,
    crossChange: run.cross.change,
    isolatedLost: run.isolated.lost,
    crossLost: run.cross.lost,
    isolatedMarginLost: run.isolated.liquidatedMargin,
    events,
    curve,
  };
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
  const isoLost = r.isolatedMarginLost;
  const survivors = r.isolated.filter((row) => row.liquidatedAt === null).map((row) => row.position.asset);
  const isoNames = list(isoEvents.map((e) => e.asset));
  if (crossEvent) {
    // A position isolated closed early that cross carried further before the whole account went.
    const carried = isoEvents.find((e) => e.at.lt(crossEvent.at));
    const carriedTo = carried && crossEvent.moves.get(carried.asset);
    const lead =
      carried && carriedTo
        ? `Cross kept ${carried.asset} open longer (to ${formatPercent(carriedTo, { signed: true })} instead of ${formatPercent(carried.assetMove, { signed: true })}) but lost`
        : 'Cross lost';
    const isoPart =
      isoEvents.length === 0
        ? `isolated liquidated nothing and ends with ${usdt(r.isolatedEquity)}`
        : `isolated lost only the ${isoNames} margin${isoEvents.length > 1 ? 's' : ''} (${usdt(isoLost)})` +
          (survivors.length > 0 ? ` and kept ${list(survivors)} open` : '');
    return `${lead} the whole ${usdt(r.wallet)} wallet when ${moved(crossEvent.asset, crossEvent.assetMove)}; ${isoPart}.`;
  }
  if (isoEvents.length > 0) {
    const first = isoEvents[0];
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
