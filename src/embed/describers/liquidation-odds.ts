/** Liquidation odds in words: how far the liquidation price is, and the chance of touching it within the horizon. */
import { computeOdds, oneIn } from '../../widgets/LiquidationOdds/model.ts';
import type { LiquidationOddsValues } from '../../widgets/LiquidationOdds/params.ts';
import { formatMultiple, formatNumber, formatPercent } from '../../format/numbers.ts';
import { must, type Describer } from './types.ts';

export const describeLiquidationOdds: Describer = (values) => {
  const r = must('liquidation-odds', computeOdds(values as LiquidationOddsValues));
  const away = formatPercent(r.size);
  const direction = r.side === 'long' ? 'below' : 'above';
  const who = r.leverage ? `A ${formatMultiple(r.leverage)} ${r.side}` : `A ${r.side}`;
  // The probability is a float from calc's closed form; shown rounded, as the widget shows it.
  const chance = formatPercent(r.probability, { digits: 1 });
  return {
    sentence:
      `${who} is liquidated ${away} ${direction} today’s price; with ${formatPercent(r.volatility, { digits: 1 })} ` +
      `annual volatility the chance of touching that price within ${formatNumber(r.days)} days is ${chance} ` +
      `(${oneIn(r.probability)}).`,
    figures: [
      ['Distance to liquidation', `${away} ${direction}`],
      [`Chance within ${formatNumber(r.days)} days`, chance],
      ['Annual volatility', formatPercent(r.volatility, { digits: 1 })],
    ],
  };
};
