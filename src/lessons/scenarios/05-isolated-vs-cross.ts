/**
 * Named inputs for the figures of lesson 5 (content/lessons/05-isolated-vs-cross.mdx): a $3,000 futures wallet with
 * two linear 10x longs, 0.1 BTC at $60,000 and 2 ETH at $3,000, 0.5 % maintenance, fees and funding ignored; first
 * each with its own margin (isolated), then both on the shared wallet (cross) as ether falls.
 */
import {
  initialMargin,
  notional,
  percentMove,
  pnl,
  type LiquidationInput,
  type OtherPosition,
} from '../../calc/index.ts';
import type { InputOf } from './types.ts';

const MAINTENANCE = 0.005;
const WALLET = 3000;
const BTC = { side: 'long', quantity: 0.1, entryPrice: 60000 } as const;
const ETH = { side: 'long', quantity: 2, entryPrice: 3000 } as const;

/** initialMargin of one dollar of position at 10x: 1 / 10, the share each trade gets as margin. */
export const shareAt10x = { quantity: 1, price: 1, leverage: 10 } satisfies InputOf<typeof initialMargin>;

/** notional: the bitcoin long (0.1 BTC × $60,000). */
export const btcPosition = { quantity: BTC.quantity, price: BTC.entryPrice } satisfies InputOf<typeof notional>;
/** initialMargin: the bitcoin long at 10x. */
export const btcMargin = { ...btcPosition, leverage: 10 } satisfies InputOf<typeof initialMargin>;
/** notional: the ether long (2 ETH × $3,000). */
export const ethPosition = { quantity: ETH.quantity, price: ETH.entryPrice } satisfies InputOf<typeof notional>;
/** initialMargin: the ether long at 10x. */
export const ethMargin = { ...ethPosition, leverage: 10 } satisfies InputOf<typeof initialMargin>;

/** liquidationPrice: the bitcoin long in isolated mode, its own 10x margin only. */
export const btcIsolated: LiquidationInput = {
  ...BTC,
  marginMode: 'isolated',
  leverage: 10,
  maintenanceMarginRate: MAINTENANCE,
};
/** liquidationPrice: the ether long in isolated mode. */
export const ethIsolated: LiquidationInput = { ...btcIsolated, ...ETH };

/** percentMove: ether from $3,000 to $2,700. */
export const etherDrop = { from: ETH.entryPrice, to: 2700 } satisfies InputOf<typeof percentMove>;

/** The ether long as the other position of a cross wallet, marked at `markPrice`. */
function etherMarkedAt(markPrice: number): OtherPosition {
  return { ...ETH, markPrice, maintenanceMarginRate: MAINTENANCE };
}
/** Ether at `price`: its open loss (`loss`, pnl) and bitcoin's cross liquidation with that loss in the wallet (`btcCross`). */
function etherAt(price: number) {
  const btcCross: LiquidationInput = {
    ...BTC,
    marginMode: 'cross',
    walletBalance: WALLET,
    otherPositions: [etherMarkedAt(price)],
    maintenanceMarginRate: MAINTENANCE,
  };
  return { loss: { ...ETH, exitPrice: price } satisfies InputOf<typeof pnl>, btcCross };
}
/** The table's rows, by ether price; bitcoin stays at $60,000. */
export const ether3000 = etherAt(3000);
export const ether2700 = etherAt(2700);
export const ether2400 = etherAt(2400);
export const ether2100 = etherAt(2100);

/** liquidationPrice: the whole cross account with bitcoin flat, solved for ether's price. */
export const etherCrossWhole: LiquidationInput = {
  ...ETH,
  marginMode: 'cross',
  walletBalance: WALLET,
  otherPositions: [{ ...BTC, markPrice: BTC.entryPrice, maintenanceMarginRate: MAINTENANCE }],
  maintenanceMarginRate: MAINTENANCE,
};

/** liquidationPrice: the bitcoin long alone on the $3,000 cross wallet, at a leverage setting of 5x. */
export const btcCrossAlone5x: LiquidationInput = {
  ...BTC,
  marginMode: 'cross',
  walletBalance: WALLET,
  leverage: 5,
  maintenanceMarginRate: MAINTENANCE,
};
/** liquidationPrice: the same at 20x: the same price, since the wallet and size did not change. */
export const btcCrossAlone20x: LiquidationInput = { ...btcCrossAlone5x, leverage: 20 };
