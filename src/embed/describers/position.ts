/** The position calculator in words: size, the move, the PnL after fees and the liquidation price (its model). */
import { computePosition } from '../../widgets/PositionCalculator/model.ts';
import type { PositionValues } from '../../widgets/PositionCalculator/params.ts';
import { formatMoney, formatMultiple, formatPercent, formatPrice } from '../../format/numbers.ts';
import { must, type Describer } from './types.ts';

export const describePosition: Describer = (values) => {
  const r = must('position', computePosition(values as PositionValues));
  const unit = r.moneyUnit;
  const priceUnit = r.contract === 'linear' ? 'USDT' : 'USD';
  const net = formatMoney(r.netPnl, { unit, signed: true });
  const liquidation = r.liquidation ? formatPrice(r.liquidation, { unit: priceUnit }) : 'none';
  return {
    sentence:
      `A ${formatMultiple(r.leverage)} ${r.side} of ${formatMoney(r.notional, { unit })} on ` +
      `${formatMoney(r.margin, { unit })} of margin, from ${formatPrice(r.entry, { unit: priceUnit })} to ` +
      `${formatPrice(r.exit, { unit: priceUnit })}, makes ${net} after fees ` +
      `(${formatPercent(r.netRoe, { signed: true })} of the margin); it is liquidated at ${liquidation}.`,
    figures: [
      ['PnL after fees', net],
      ['Return on margin', formatPercent(r.netRoe, { signed: true })],
      ['Liquidation price', liquidation],
    ],
  };
};
