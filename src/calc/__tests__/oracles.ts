/** Venue formulas transcribed literally, used as independent oracles for the identity-based solver. */
import { Decimal, type Numeric } from '../decimal.ts';

/**
 * Binance USDⓈ-M liquidation price, one-way mode (hedge-mode terms zero), as published:
 * LP = (WB − TMM1 + UPNL1 + cumB − Side1BOTH × Position1BOTH × EP1BOTH) / (Position1BOTH × MMR_B − Side1BOTH × Position1BOTH)
 * https://www.binance.com/fr/support/faq/b3c689c1f50a44cabb3a84e663b81d93
 */
export function binanceUsdm(p: {
  WB: Numeric;
  TMM1?: Numeric;
  UPNL1?: Numeric;
  cumB: Numeric;
  side: 1 | -1;
  position: Numeric;
  EP: Numeric;
  MMR: Numeric;
}): Decimal {
  const position = new Decimal(p.position);
  const numerator = new Decimal(p.WB)
    .minus(p.TMM1 ?? 0)
    .plus(p.UPNL1 ?? 0)
    .plus(p.cumB)
    .minus(position.times(p.EP).times(p.side));
  return numerator.div(position.times(p.MMR).minus(position.times(p.side)));
}

/**
 * Binance COIN-M liquidation price, one-way mode, as published (positions in USD face value):
 * LP = (Position_B × MMR_B + Side_B × Position_B) / (WB + cumB + Side_B × Position_B / EP_B)
 * https://www.binance.com/es/support/faq/ceccfcfb4e3a45e3b48b0b1bb1a8ae46
 */
export function binanceCoinm(p: {
  WB: Numeric;
  cumB: Numeric;
  side: 1 | -1;
  position: Numeric;
  EP: Numeric;
  MMR: Numeric;
}): Decimal {
  const position = new Decimal(p.position);
  return position
    .times(p.MMR)
    .plus(position.times(p.side))
    .div(new Decimal(p.WB).plus(p.cumB).plus(position.div(p.EP).times(p.side)));
}

/**
 * Hyperliquid: liq_price = price − side × margin_available / position_size / (1 − l × side), l = 1 / maintenance
 * leverage (maintenance leverage = 2 × max leverage), margin_available = margin − l × size × price.
 * https://docs.hyena.trade/trading/liquidation (reproducing https://hyperliquid.gitbook.io/hyperliquid-docs/trading/liquidations)
 */
export function hyperliquid(p: {
  price: Numeric;
  side: 1 | -1;
  margin: Numeric;
  size: Numeric;
  maxLeverage: Numeric;
}): Decimal {
  const l = new Decimal(1).div(new Decimal(p.maxLeverage).times(2));
  const available = new Decimal(p.margin).minus(l.times(p.size).times(p.price));
  return new Decimal(p.price).minus(
    available
      .times(p.side)
      .div(p.size)
      .div(new Decimal(1).minus(l.times(p.side))),
  );
}

/**
 * highfestiva's reverse-engineered Binance tier loop: try tiers from the smallest, keep the first whose cap holds the
 * notional at the computed liquidation price. https://gist.github.com/highfestiva/b71e76f51eed84d56c1be8ebbcc286b5
 */
export function highfestivaTiered(
  walletBalance: number,
  contractQty: number,
  entryPrice: number,
  table: [number, number, number][],
): Decimal {
  let liq = new Decimal(0);
  for (const [maxPosition, ratePct, amount] of table) {
    const rate = new Decimal(ratePct).div(100);
    const sign = contractQty >= 0 ? 1 : -1;
    liq = new Decimal(walletBalance)
      .plus(amount)
      .minus(new Decimal(contractQty).times(entryPrice))
      .div(new Decimal(Math.abs(contractQty)).times(rate.minus(sign)));
    if (liq.times(Math.abs(contractQty)).lte(maxPosition)) break;
  }
  return liq;
}
