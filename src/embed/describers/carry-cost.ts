/** Funding vs borrowing in words: what the hold costs each way, and where funding leaves the liquidation price. */
import { computeCarry } from '../../widgets/CarryCostCalculator/model.ts';
import type { CarryValues } from '../../widgets/CarryCostCalculator/params.ts';
import { formatMoney, formatMultiple, formatNumber, formatPrice } from '../../format/numbers.ts';
import { must, type Describer } from './types.ts';

export const describeCarryCost: Describer = (values) => {
  const r = must('carry-cost', computeCarry(values as CarryValues));
  const usdt = (d: Parameters<typeof formatMoney>[0]) => formatMoney(d, { unit: 'USDT' });
  const funding =
    r.fundingDirection === 'none'
      ? 'no funding'
      : `${usdt(r.fundingAmount)} of funding ${r.fundingDirection === 'paid' ? 'paid' : 'received'}`;
  const after =
    r.shifted.state === 'price'
      ? r.shifted.price
        ? formatPrice(r.shifted.price)
        : 'none'
      : r.shifted.state === 'at-entry'
        ? 'at entry'
        : 'margin gone';
  return {
    sentence:
      `Holding a ${formatMultiple(r.leverage)} ${r.side} of ${usdt(r.size)} for ${formatNumber(r.days)} days ` +
      `means ${funding} as a perpetual, against ${usdt(r.interest)} of interest on spot margin; funding moves the ` +
      `isolated liquidation price to ${after}.`,
    figures: [
      [r.fundingDirection === 'received' ? 'Funding received' : 'Funding paid', usdt(r.fundingAmount)],
      ['Spot-margin interest', usdt(r.interest)],
      ['Liquidation after funding', after],
    ],
  };
};
