/** The liquidation calculator in words: the liquidation price under the chosen rule and its distance from entry. */
import { computeLiquidation } from '../../widgets/LiquidationCalculator/model.ts';
import type { LiquidationValues } from '../../widgets/LiquidationCalculator/params.ts';
import { formatMoney, formatMultiple, formatPercent, formatPrice } from '../../format/numbers.ts';
import { must, side, type Describer } from './types.ts';

export const describeLiquidation: Describer = (values) => {
  const r = must('liquidation', computeLiquidation(values as LiquidationValues));
  const price = (d: Parameters<typeof formatPrice>[0]) => formatPrice(d, { unit: r.priceUnit });
  const { main } = r;
  const wallet = r.wallet ? ` in a ${formatMoney(r.wallet, { unit: r.moneyUnit })} cross wallet` : '';
  const opening =
    `A ${formatMultiple(r.leverage)} ${r.mode} ${r.side} of ${formatMoney(r.notional, { unit: r.moneyUnit })} ` +
    `on ${formatMoney(r.margin, { unit: r.moneyUnit })} of margin${wallet}, opened at ${price(r.entry)}`;
  if (!main.price || !main.distance) {
    return {
      sentence: `${opening}, has no liquidation price under ${main.rule.name}’s rule.`,
      figures: [
        ['Liquidation price', 'none'],
        ['Entry price', price(r.entry)],
      ],
    };
  }
  const distance = formatPercent(main.move ?? main.distance);
  return {
    sentence: `${opening}, is liquidated at ${price(main.price)}, ${distance} ${side(main.distance)} entry, under ${main.rule.name}’s rule.`,
    figures: [
      ['Liquidation price', price(main.price)],
      ['Distance from entry', `${distance} ${side(main.distance)}`],
      ['Bankruptcy price', main.bankruptcyPrice ? price(main.bankruptcyPrice) : 'none'],
    ],
  };
};
