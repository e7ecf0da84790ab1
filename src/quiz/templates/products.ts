/**
 * Question templates for lesson 8 (coin-margined contracts and other leveraged products): a leveraged token through
 * days of up-and-down moves, and the PnL in coin of a coin-margined (inverse) contract. Registered in
 * src/quiz/generators.ts; every figure comes from src/calc (leveragedTokenValue, alternatingPath, fixedLeveragePath,
 * pnl, percentMove).
 */
import {
  Decimal,
  alternatingPath,
  fixedLeveragePath,
  leveragedTokenValue,
  percentMove,
  pnl,
} from '../../calc/index.ts';
import { formatMultiple, formatNumber, formatPrice } from '../../format/numbers.ts';
import { D, btc, fixed, pct, sideOf, usd, type Template } from './kit.ts';

/** A cent, or 0.1 % of the value: rounding to the cent passes. */
const tolValue = (v: Decimal) => fixed(Decimal.max('0.01', v.abs().times('0.001')), 4);
/** 0.5 % of a coin amount, at least 0.000001 BTC. */
const tolCoin = (v: Decimal) => fixed(Decimal.max('0.000001', v.abs().times('0.005')), 8);

export const productTemplates = {
  'token-up-down': {
    title: 'A leveraged token through pairs of equal up and down days: what is it worth?',
    ranges: {
      leverage: [2, 3, 4, 5],
      move: [0.04, 0.05, 0.06, 0.08, 0.1, 0.12, 0.15],
      pairs: [1, 2, 3, 5],
    },
    make(pick) {
      const leverage = pick('leverage');
      // The token must survive each down day: 1 − L·x above zero.
      const move = pick('move', (x) => D(leverage).times(x).lt(1));
      const pairs = Number(pick('pairs'));
      const days = pairs * 2;
      const returns = Array.from({ length: days }, (_, i) => (i % 2 === 0 ? move : D(move).neg().toFixed()));
      const value = leveragedTokenValue({ leverage, returns, startValue: 100 });
      const prices = alternatingPath({ startPrice: 100, move, steps: days });
      const bitcoin = prices[days];
      const fixedLong = fixedLeveragePath({ leverage, prices, startValue: 100 }).values[days];
      const pair = leveragedTokenValue({ leverage, returns: [move, D(move).neg().toFixed()], startValue: 1 });
      const lev = formatMultiple(D(leverage));
      const x = pct(move, 0);
      const repeat = pairs === 1 ? 'once' : `${pairs} times in a row`;
      return {
        prompt:
          `A ${lev} leveraged token that rebalances every day is worth $100. Bitcoin rises ${x} one day and falls ${x} ` +
          `the next, and this pair of days happens ${repeat}. Ignoring fees, what is the token worth at the end, in USD?`,
        answer: fixed(value),
        display: usd(value),
        tolerance: tolValue(value),
        unit: 'USD',
        hints: [
          `Each day the token moves ${lev} the day's move: up ${pct(D(leverage).times(move), 0)}, then down as much.`,
          'The moves compound: multiply by (1 + L × x) and then by (1 − L × x) for each pair.',
          `One pair of days keeps 1 − L² × x² of the value.`,
        ],
        solution: [
          `One pair: (1 + ${formatNumber(D(leverage))} × ${formatNumber(D(move))}) × (1 − ${formatNumber(D(leverage))} × ${formatNumber(D(move))}) = ${formatNumber(pair, { digits: 6 })}.`,
          `${pairs === 1 ? 'One pair' : `${pairs} pairs`}: $100 × ${formatNumber(pair, { digits: 6 })}${pairs === 1 ? '' : `^${pairs}`} = ${usd(value)}.`,
          `Bitcoin itself ends at ${formatNumber(bitcoin, { digits: 2 })} for every 100 it started at, so the token lost far more than ${lev} the price's move.`,
        ],
        traps: [
          {
            answer: '100',
            tolerance: tolValue(D(100)),
            explanation:
              'The price did not come back to where it started, and the token even less: each up-and-down pair costs it L² × x² of its value.',
          },
          {
            answer: fixed(fixedLong),
            tolerance: tolValue(fixedLong),
            explanation: `That is a ${lev} position opened once and never rebalanced: ${lev} the price's total move. The token rebalances daily, which compounds the losses of the chop.`,
          },
        ],
      };
    },
  },
  'inverse-pnl': {
    title: 'The PnL of a coin-margined (inverse) contract, in coin',
    ranges: {
      side: ['long', 'short'],
      face: { min: 1000, max: 50000, step: 1000 },
      entry: { min: 20000, max: 90000, step: 1000 },
      move: [-0.3, -0.2, -0.15, -0.1, -0.05, 0.05, 0.1, 0.15, 0.2, 0.3],
    },
    make(pick) {
      const side = sideOf(pick);
      const face = pick('face');
      const entry = pick('entry');
      const move = pick('move');
      const exit = D(entry).times(D(1).plus(move));
      const result = pnl({ side, contract: 'inverse', quantity: face, entryPrice: entry, exitPrice: exit });
      const dollars = pnl({ side, quantity: D(face).div(entry), entryPrice: entry, exitPrice: exit });
      const coinsAtEntry = D(face).div(entry);
      const coinsAtExit = D(face).div(exit);
      const moved = percentMove({ from: entry, to: exit });
      const where = formatPrice(exit, { unit: 'USD', digits: 0 });
      return {
        prompt:
          `You open a coin-margined BTCUSD ${side} of ${usd(face, 0)} face value at ${formatPrice(D(entry), { unit: 'USD', digits: 0 })} ` +
          `and close it at ${where}. What is your profit or loss in BTC (negative for a loss)?`,
        answer: fixed(result),
        display: btc(result),
        tolerance: tolCoin(result),
        unit: 'BTC',
        hints: [
          'On an inverse contract the size is in dollars, and the profit is paid in coin.',
          'Opening buys (or sells) face ÷ entry price of coin; closing sells (or buys) face ÷ exit price.',
          `Long PnL = face × (1 / entry − 1 / exit); a short's is the opposite.`,
        ],
        solution: [
          `At entry: ${usd(face, 0)} ÷ ${formatNumber(D(entry))} = ${btc(coinsAtEntry)}.`,
          `At exit: ${usd(face, 0)} ÷ ${formatNumber(exit)} = ${btc(coinsAtExit)}.`,
          `${side === 'long' ? 'Long: entry coins − exit coins' : 'Short: exit coins − entry coins'} = ${btc(result)}, after a ${pct(moved.abs(), 0)} ${moved.isNeg() ? 'fall' : 'rise'}.`,
        ],
        traps: [
          {
            answer: fixed(result.neg()),
            tolerance: tolCoin(result),
            explanation: 'Right size, wrong sign: a long gains when the price rises, a short when it falls.',
          },
          {
            answer: fixed(dollars),
            tolerance: fixed(Decimal.max('0.01', dollars.abs().times('0.005')), 4),
            explanation: 'That is the profit in dollars of a USDT-margined contract. An inverse contract pays in BTC.',
          },
        ],
      };
    },
  },
} satisfies Record<string, Template>;
