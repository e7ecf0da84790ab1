/** Which orders fill, in words: the trade on its window, its liquidation price, and what each stop did (its model). */
import { computeOrderFills, type OrderView } from '../../widgets/OrderFills/model.ts';
import type { OrderFillsValues } from '../../widgets/OrderFills/params.ts';
import { formatMultiple, formatPrice } from '../../format/numbers.ts';
import { must, type Describer } from './types.ts';
import { shippedWindow } from './windows.ts';

/** What one order did, in a few words: its fill price, or why there is none. */
function outcome(order: OrderView | undefined): string {
  if (!order) return 'none';
  if (order.status === 'filled') return order.fillPrice ? formatPrice(order.fillPrice) : 'filled';
  return order.status === 'not-triggered' ? 'never triggered' : 'no fill';
}

export const describeOrderFills: Describer = (values) => {
  const v = values as OrderFillsValues;
  const window = shippedWindow(v.window);
  const r = must('order-fills', computeOrderFills(v, { [window.id]: window }));
  const find = (id: string) => r.orders.find((o) => o.id === id);
  const liquidation = r.liquidationPrice ? formatPrice(r.liquidationPrice) : 'none';
  const reached = r.liquidation ? `, reached on ${r.liquidation.time}` : '';
  const words = (text: string) =>
    /\d/.test(text) ? `filled at ${text}` : text === 'no fill' ? 'was triggered but never filled' : `was ${text}`;
  const stop = outcome(find('stop-last'));
  const limit = outcome(find('stop-limit'));
  return {
    sentence:
      `In “${window.title}”, a ${formatMultiple(r.leverage)} ${r.side} from ${formatPrice(r.entryPrice)} ` +
      `(liquidation at ${liquidation}${reached}): its stop-market on the last price ${words(stop)}, its stop-limit ` +
      `${words(limit)}.`,
    figures: [
      ['Liquidation price', liquidation],
      ['Stop-market fill', stop],
      ['Stop-limit fill', limit],
    ],
  };
};
