/**
 * Question templates for lesson 6 (orders and managing an open position): how adding margin moves an isolated
 * position's liquidation price, and what a stop-market order loses when the price gaps past its trigger.
 * Registered in src/quiz/generators.ts; every figure comes from src/calc (liquidationPrice, pnl).
 */
import { Decimal, liquidationPrice, pnl } from '../../calc/index.ts';
import { formatNumber } from '../../format/numbers.ts';
import { D, fixed, pct, price, sideOf, usdt, type Template } from './kit.ts';

/** Half a cent of tolerance per dollar, at least 0.5: rounding on the way is forgiven, a wrong method is not. */
const tolMoney = (v: Decimal) => fixed(Decimal.max('0.5', v.abs().times('0.0005')), 2);

export const orderTemplates = {
  'orders-margin-added': {
    title: 'Margin added to an isolated position: the new liquidation price',
    ranges: {
      side: ['long', 'short'],
      quantity: [0.1, 0.2, 0.5, 1],
      entry: { min: 20000, max: 90000, step: 1000 },
      leverage: [10, 20, 25],
      // Margin added, as a share of the initial margin.
      added: [0.5, 1, 2],
    },
    make(pick) {
      const side = sideOf(pick);
      const quantity = pick('quantity');
      const entry = pick('entry');
      const leverage = pick('leverage');
      const initial = D(quantity).times(entry).div(leverage);
      const extra = initial.times(pick('added'));
      const margin = initial.plus(extra);
      const base = { side, quantity, entryPrice: entry, marginMode: 'isolated', maintenanceMarginRate: 0.005 } as const;
      const before = liquidationPrice({ ...base, margin: initial }).price;
      const after = liquidationPrice({ ...base, margin }).price;
      const atEntry = liquidationPrice({ ...base, margin, maintenanceBasis: 'entry' }).price;
      if (!before || !after || !atEntry) throw new Error('no liquidation price');
      const notional = D(quantity).times(entry);
      return {
        prompt:
          `You hold an isolated ${side} of ${formatNumber(D(quantity))} BTC from ${price(entry)} at ${formatNumber(D(leverage))}x, ` +
          `so its margin is ${usdt(initial)} and it would be liquidated at ${price(before)}. The maintenance rate is 0.5%. ` +
          `You add ${usdt(extra)} of margin. What is the new liquidation price, in USDT?`,
        answer: fixed(after),
        display: price(after),
        tolerance: tolMoney(after),
        method: 'the maintenance margin measured on the position’s value at the liquidation price, as Binance does',
        alternatives: [
          {
            answer: fixed(atEntry),
            display: price(atEntry),
            tolerance: tolMoney(atEntry),
            method: 'the maintenance margin measured on the position’s value at entry, as Bybit does',
          },
        ],
        unit: 'USDT',
        hints: [
          'The position does not change: same quantity, same entry. Only the margin behind it grows.',
          `Liquidation comes when margin + PnL falls to 0.5% of the position’s value.`,
          `The new margin is ${usdt(initial)} + ${usdt(extra)} = ${usdt(margin)}.`,
        ],
        solution: [
          `New margin: ${usdt(initial)} + ${usdt(extra)} = ${usdt(margin)}.`,
          side === 'long'
            ? `Solve ${usdt(margin)} + ${formatNumber(D(quantity))} × (P − ${price(entry)}) = 0.005 × ${formatNumber(D(quantity))} × P: P = (${usdt(notional)} − ${usdt(margin)}) ÷ (${formatNumber(D(quantity))} × 0.995) = ${price(after)}.`
            : `Solve ${usdt(margin)} + ${formatNumber(D(quantity))} × (${price(entry)} − P) = 0.005 × ${formatNumber(D(quantity))} × P: P = (${usdt(notional)} + ${usdt(margin)}) ÷ (${formatNumber(D(quantity))} × 1.005) = ${price(after)}.`,
          `The liquidation price moved from ${price(before)} to ${price(after)}: ${side === 'long' ? 'further below' : 'further above'} entry, ` +
            `${pct(D(after).div(entry).minus(1).abs())} away instead of ${pct(D(before).div(entry).minus(1).abs())}.`,
        ],
        traps: [
          {
            answer: fixed(before),
            tolerance: tolMoney(before),
            explanation:
              'That is the liquidation price before the margin was added. More margin moves it away from entry.',
          },
        ],
      };
    },
  },
  'orders-stop-gap': {
    title: 'A stop-market order fills past its trigger after a gap: the realised loss',
    ranges: {
      side: ['long', 'short'],
      quantity: [0.1, 0.2, 0.5, 1, 2],
      entry: { min: 20000, max: 90000, step: 1000 },
      // Stop distance and how far past the stop the market order fills, as fractions of entry.
      stop: [0.02, 0.03, 0.04, 0.05],
      gap: [0.005, 0.01, 0.015, 0.02],
    },
    make(pick) {
      const side = sideOf(pick);
      const quantity = pick('quantity');
      const entry = D(pick('entry'));
      const stopD = D(pick('stop'));
      const gapD = D(pick('gap'));
      const long = side === 'long';
      const stop = entry.times(long ? D(1).minus(stopD) : D(1).plus(stopD));
      const fill = entry.times(long ? D(1).minus(stopD).minus(gapD) : D(1).plus(stopD).plus(gapD));
      const planned = pnl({ side, quantity, entryPrice: entry, exitPrice: stop });
      const actual = pnl({ side, quantity, entryPrice: entry, exitPrice: fill });
      const loss = actual.abs();
      return {
        prompt:
          `You are ${side} ${formatNumber(D(quantity))} BTC from ${price(entry)} with a stop-market order at ${price(stop)}. ` +
          `The price ${long ? 'drops' : 'jumps'} straight past the stop, and the market order fills at ${price(fill)}. ` +
          `Ignoring fees, how much do you lose on the trade, in USDT?`,
        answer: fixed(loss),
        display: usdt(loss),
        tolerance: tolMoney(loss),
        unit: 'USDT',
        hints: [
          'A stop-market order always fills, but at the next price there is, not at its trigger.',
          `The loss is the quantity times the distance from entry to the fill.`,
        ],
        solution: [
          `Loss: ${formatNumber(D(quantity))} × |${price(fill)} − ${price(entry)}| = ${usdt(loss)}.`,
          `Had it filled at the stop, the loss would have been ${usdt(planned.abs())}; the gap cost ${usdt(loss.minus(planned.abs()))} more.`,
        ],
        traps: [
          {
            answer: fixed(planned.abs()),
            tolerance: tolMoney(planned),
            explanation:
              'That is the loss at the stop price. A stop-market order does not promise its price: it filled further away.',
          },
        ],
      };
    },
  },
} satisfies Record<string, Template>;
