/**
 * Named inputs for the figures of lesson 4 (content/lessons/04-liquidation.mdx). The lesson's trade: an isolated 10x
 * long of 0.2 BTC from $50,000 ($1,000 of margin), 0.5 % maintenance, and its mirror-image short; then the same idea
 * with fees, on Binance's BTCUSDT tier table (published 18 March 2021), and a stop at $45,000.
 */
import {
  BINANCE_BTCUSDT,
  initialMargin,
  maintenanceMargin,
  notional,
  safeLeverageForStop,
  tradingFee,
  withMaintenanceAmounts,
  type LiquidationInput,
  type TierInput,
  liquidationPrice,
  percentMove,
} from '../../calc/index.ts';
import type { PredictionSpec } from '../../learning/predictSpec.ts';
import { required, type InputOf } from './types.ts';

const ENTRY = 50000;
const QUANTITY = 0.2;
const MAINTENANCE = 0.005;
/** The taker fee used for opening and for the close-fee rule: 0.06 %. */
const FEE = 0.0006;

/** notional: the 0.2 BTC long at $50,000. */
export const position = { quantity: QUANTITY, price: ENTRY } satisfies InputOf<typeof notional>;
/** initialMargin: its margin at 10x. */
export const tenXMargin = { ...position, leverage: 10 } satisfies InputOf<typeof initialMargin>;
/** maintenanceMargin: its maintenance margin at entry, 0.5 %. */
export const entryMaintenance = {
  ...position,
  maintenanceMarginRate: MAINTENANCE,
} satisfies InputOf<typeof maintenanceMargin>;

/** liquidationPrice: the isolated 10x long, 0.5 % maintenance on the liquidation-price notional (Binance's basis). */
export const tenXLong: LiquidationInput = {
  side: 'long',
  quantity: QUANTITY,
  entryPrice: ENTRY,
  marginMode: 'isolated',
  leverage: 10,
  maintenanceMarginRate: MAINTENANCE,
};
/** liquidationPrice: the same trade as a short. */
export const tenXShort: LiquidationInput = { ...tenXLong, side: 'short' };
/** liquidationPrice: the long with maintenance on entry notional (Bybit's rule, the lesson's estimate). */
export const tenXLongEntryBasis: LiquidationInput = { ...tenXLong, maintenanceBasis: 'entry' };
/** liquidationPrice: the long when the 0.06 % close fee counts in the requirement (Phemex, OKX). */
export const tenXLongCloseFee: LiquidationInput = { ...tenXLong, closeFeeRate: FEE };
/** liquidationPrice: $1,000 at 100x, a 2 BTC long. */
export const hundredXLong: LiquidationInput = { ...tenXLong, quantity: 2, leverage: 100 };
/** liquidationPrice: the 100x long with the close fee. */
export const hundredXLongCloseFee: LiquidationInput = { ...hundredXLong, closeFeeRate: FEE };

/** initialMargin of one dollar of position: 1 / leverage, the fall that takes the whole margin. */
function marginShare(leverage: number): InputOf<typeof initialMargin> {
  return { quantity: 1, price: 1, leverage };
}
/** 1 / 10 = 10 %. */
export const shareAt10x = marginShare(10);

/** One row of the leverage and maintenance table: a 1 BTC isolated long from $50,000. */
function tableRow(leverage: number, maintenanceMarginRate: number) {
  const liquidation: LiquidationInput = { ...tenXLong, quantity: 1, leverage, maintenanceMarginRate };
  return { share: marginShare(leverage), liquidation };
}
/** The table, by row: `share` (initialMargin, the fall that takes all the margin) and `liquidation` (liquidationPrice). */
export const table = {
  tenXHalfPercent: tableRow(10, 0.005),
  tenXOnePercent: tableRow(10, 0.01),
  fiftyXOnePercent: tableRow(50, 0.01),
  hundredXHalfPercent: tableRow(100, 0.005),
};
/** liquidationPrice: the table's 10x, 0.5 % row on the entry basis (1/L − m, exactly). */
export const estimate: LiquidationInput = { ...table.tenXHalfPercent.liquidation, maintenanceBasis: 'entry' };

/** tradingFee: opening the $10,000 long at 0.06 %. */
export const openFee = { ...position, feeRate: FEE } satisfies InputOf<typeof tradingFee>;
/** tradingFee: 0.06 % of the $1,000 margin (the mistake: $1,000 of bitcoin is 0.02 BTC). */
export const feeOnMargin = { ...openFee, quantity: 0.02 } satisfies InputOf<typeof tradingFee>;

/** Binance's BTCUSDT tier table as calc's preset holds it; give to withMaintenanceAmounts. */
export const binanceTiers: readonly TierInput[] = required(BINANCE_BTCUSDT.tiers, "Binance BTCUSDT's tier table");
const FOURTH = required(withMaintenanceAmounts(binanceTiers)[3], 'Binance tier 4');

/** One of the lesson's 20x longs on Binance's tiers, `quantity` BTC from $50,000. */
function tieredLong(quantity: number, leverage: number) {
  const liquidation: LiquidationInput = {
    side: 'long',
    quantity,
    entryPrice: ENTRY,
    marginMode: 'isolated',
    leverage,
    tiers: binanceTiers,
  };
  return { position: { quantity, price: ENTRY } satisfies InputOf<typeof notional>, liquidation };
}
/** Three longs at 20x on the tier table: `position` (notional) and `liquidation` (liquidationPrice). */
export const small20x = tieredLong(0.2, 20);
export const medium20x = tieredLong(4, 20);
export const large20x = tieredLong(40, 20);
/** maintenanceMargin: the $2,000,000 long in tier 4 (2.5 %, less its maintenance amount). */
export const largeMaintenance = {
  ...large20x.position,
  maintenanceMarginRate: FOURTH.maintenanceMarginRate,
  maintenanceAmount: FOURTH.maintenanceAmount,
} satisfies InputOf<typeof maintenanceMargin>;
/** A $1,050,000 long at 10x: opens in tier 4, liquidated in tier 3 (Binance picks the tier at the liquidation price). */
export const tierDrop10x = tieredLong(21, 10);

/** safeLeverageForStop: a long at $50,000 with its stop at $45,000, 0.5 % maintenance (shown 9.5x, never 9.6x). */
export const stopAt45k = {
  side: 'long',
  entryPrice: ENTRY,
  stopPrice: 45000,
  maintenanceMarginRate: MAINTENANCE,
  decimals: 1,
} satisfies InputOf<typeof safeLeverageForStop>;

/** percentMove: from entry to the 10x long's liquidation price (the "Predict, then reveal" gap sentence). */
export const tenXLiquidationMove = {
  from: ENTRY,
  to: required(liquidationPrice(tenXLong).price, 'the 10x long liquidation price'),
} satisfies InputOf<typeof percentMove>;

/** "Predict, then reveal": where the 10x long is liquidated (liquidationPrice → price), guessed on a slider. */
export const predictTenXLiquidation = {
  kind: 'number',
  answer: { fn: 'liquidationPrice', input: tenXLong, pick: 'price', format: 'usd' },
  slider: { min: 40000, max: 50000, step: 50, start: 47500 },
  // Within $150: the entry-basis answer ($45,250) counts, the "10x is a 10 % move" guess ($45,000) does not.
  tolerance: 150,
  figures: { fall: { fn: 'percentMove', input: tenXLiquidationMove, format: 'percent', abs: true } },
} satisfies PredictionSpec;
