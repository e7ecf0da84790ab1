/** The risk sizer in words: the size that risks the chosen share, and where liquidation sits against the stop. */
import { computeRisk } from '../../widgets/RiskSizer/model.ts';
import type { RiskValues } from '../../widgets/RiskSizer/params.ts';
import { formatMoney, formatMultiple, formatPercent, formatPrice } from '../../format/numbers.ts';
import { must, type Describer } from './types.ts';

export const describeRiskSizer: Describer = (values) => {
  const r = must('risk-sizer', computeRisk(values as RiskValues));
  const size = formatMoney(r.quantity, { unit: 'BTC' });
  const loss = formatMoney(r.lossAtStop, { unit: 'USDT' });
  const liquidation = r.liquidation ? formatPrice(r.liquidation) : 'no price';
  const order = r.stopFirst ? 'the stop fires first' : 'liquidation comes before the stop';
  return {
    sentence:
      `Risking ${formatPercent(r.riskFraction)} of ${formatMoney(r.account, { unit: 'USDT' })} on a ${r.side} from ` +
      `${formatPrice(r.entry)} with a stop at ${formatPrice(r.stop)} means ${size}, losing ${loss} at the stop; ` +
      `at ${formatMultiple(r.leverage)} it is liquidated at ${liquidation}, so ${order}.`,
    figures: [
      ['Position size', size],
      ['Loss at the stop', loss],
      ['Highest safe leverage', formatMultiple(r.maxSafeLeverage)],
    ],
  };
};
