/**
 * Generated numeric questions: each template draws its values from a seed and gets its answer(s), tolerance, hints
 * and worked solution from the calculation module, so the same seed always gives the same question and every figure
 * agrees with the rest of the site. Where the course teaches more than one convention for a figure (a liquidation
 * price with the maintenance margin measured at the liquidation price or at entry), every convention's answer is
 * accepted, each with its own tolerance and named in the feedback, unless the prompt names the one it wants.
 */
import {
  Decimal,
  effectiveLeverage,
  fundingOverTime,
  liquidationPrice,
  mulberry32,
  notional as notionalValue,
  pnl,
  positionFromMargin,
  roe,
} from '../calc/index.ts';
import { formatMultiple, formatNumber } from '../format/numbers.ts';
import { venueTemplates } from './templates/venue.ts';
import { productTemplates } from './templates/products.ts';
import { worldTemplates } from './templates/world.ts';
import { orderTemplates } from './templates/orders.ts';
import {
  D,
  GeneratorRangeError,
  btc,
  fixed,
  pct,
  price,
  sideOf,
  usd,
  usdt,
  type Content,
  type Pick,
  type Template,
} from './templates/kit.ts';

/** A range to draw from: evenly spaced numbers from `min` to `max`, or a list to pick from. */
export type RangeSpec = { min: number; max: number; step: number } | readonly (number | string)[];

/** A common wrong answer and what it misunderstands. */
export interface Trap {
  answer: string;
  tolerance: string;
  explanation: string;
}

/** Another convention's answer, graded right too. */
export interface Alternative {
  /** The exact answer under this convention, in `unit`, as a decimal string. */
  answer: string;
  /** As a reader would write it, with its unit. */
  display: string;
  /** Absolute tolerance, in `unit`. */
  tolerance: string;
  /** The convention, as feedback names it after "with": "the maintenance margin measured at entry…". */
  method: string;
}

export interface GeneratedQuestion {
  template: string;
  seed: number;
  /** The drawn values, as decimal strings (or words such as "long"). */
  values: Record<string, string>;
  prompt: string;
  /** The exact answer, in `unit`, as a decimal string. */
  answer: string;
  /** The answer as a reader would write it, with its unit. */
  display: string;
  /** Absolute tolerance, in `unit`. */
  tolerance: string;
  /** The convention the answer follows, named in feedback when there are alternatives. */
  method?: string;
  /** The answers other conventions taught in the course give; each is graded right. */
  alternatives: Alternative[];
  unit: string;
  hints: string[];
  solution: string[];
  traps: Trap[];
}

type Generator = Template;
export { GeneratorRangeError };

// The seeds live in seed.ts, which the quiz view loads without this module's calculation code.
export { seedFrom, randomSeed } from './seed.ts';

/** Every value a range can give, smallest first (lists keep their order). */
export function rangeValues(spec: RangeSpec): string[] {
  if (Array.isArray(spec)) return spec.map((v) => (typeof v === 'number' ? new Decimal(v).toFixed() : String(v)));
  const { min, max, step } = spec as { min: number; max: number; step: number };
  const lo = new Decimal(min);
  const count = new Decimal(max).minus(lo).div(step).floor().toNumber();
  const out: string[] = [];
  for (let k = 0; k <= count && k < 100_000; k++) out.push(lo.plus(new Decimal(step).times(k)).toFixed());
  return out;
}

/** A stepped range as exact decimals, worked out once per range (a draw is then one multiply and one add). */
const stepped = new WeakMap<object, { min: Decimal; step: Decimal; count: number }>();

function drawFrom(spec: RangeSpec, rand: () => number): string {
  if (Array.isArray(spec)) {
    const v = spec[Math.floor(rand() * spec.length)] as number | string;
    return typeof v === 'number' ? new Decimal(v).toFixed() : v;
  }
  let r = stepped.get(spec);
  if (!r) {
    const { min, max, step } = spec as { min: number; max: number; step: number };
    r = {
      min: new Decimal(min),
      step: new Decimal(step),
      count: new Decimal(max).minus(min).div(step).floor().toNumber(),
    };
    stepped.set(spec, r);
  }
  const k = Math.floor(rand() * (r.count + 1));
  return r.min.plus(r.step.times(k)).toFixed();
}

// Formatting helpers: every figure in a prompt or a solution is shown with its unit.
const wholeOr2 = (v: string) => (D(v).isInteger() ? 0 : 2);
/** "1 hour", "8 hours", "3 payments": a count with its noun, singular for one. */
const count = (n: number | string, one: string, many = `${one}s`) => `${n} ${Number(n) === 1 ? one : many}`;
/** "a 9.55%", "an 8.91%", "an 11 BTC", "an 18,000 USD": the article a figure takes when read aloud, then the figure. */
const an = (figure: string) => `${/^(?:8|1[18](?!\d))/.test(figure) ? 'an' : 'a'} ${figure}`;
/** "every hour", "every 8 hours". */
const every = (hours: string) => (Number(hours) === 1 ? 'every hour' : `every ${hours} hours`);

const SIDES = ['long', 'short'] as const;

/**
 * The two ways venues measure the maintenance margin of an isolated position, both taught in lesson 4 ("Venues
 * differ in small details"): on the position's value at the liquidation price (Binance USDⓈ-M, Hyperliquid), or on
 * its value at entry (Bybit), which is also the lesson's handy estimate of a move of 1/leverage − maintenance rate.
 */
export const LIQUIDATION_METHODS = {
  liquidation:
    "the maintenance margin measured on the position's value at the liquidation price, as Binance and Hyperliquid do",
  entry:
    "the maintenance margin measured on the position's value at entry, as Bybit does (the same as the estimate of a move of one over the leverage minus the maintenance rate)",
} as const;
const BASES = ['either', 'liquidation', 'entry'] as const;
type Basis = (typeof BASES)[number];
const isBasis = (v: string): v is Basis => (BASES as readonly string[]).includes(v);

const generators = {
  'isolated-liquidation': {
    title: 'Where is an isolated position liquidated? (entry, margin, leverage, maintenance rate)',
    ranges: {
      side: SIDES,
      entry: { min: 20000, max: 90000, step: 500 },
      margin: { min: 200, max: 5000, step: 100 },
      leverage: [2, 3, 5, 10, 20, 25, 50],
      mmr: [0.004, 0.005, 0.01],
      // "either": both ways of measuring the maintenance margin (lesson 4) are graded right. "liquidation" or
      // "entry": the prompt states that rule and only its answer counts (lesson 1, which teaches no venue rules).
      basis: ['either'],
    },
    make(pick) {
      const side = sideOf(pick);
      const entry = pick('entry');
      const margin = pick('margin');
      const mmr = pick('mmr');
      // The margin must be above the maintenance margin at entry, with room to spare.
      const lev = pick('leverage', (l) => D(1).div(l).gt(D(mmr).times(1.5)));
      const basis = pick('basis');
      if (!isBasis(basis)) {
        throw new GeneratorRangeError(`basis must be "either", "liquidation" or "entry", not "${basis}"`);
      }
      const { notional, quantity } = positionFromMargin({ margin, leverage: lev, price: entry });
      // With the margin given as a leverage, the liquidation price does not depend on the quantity (margin q·E/L,
      // requirement a share of q·P): one coin keeps calc's numbers short and the draw fast.
      const input = {
        side,
        quantity: 1,
        entryPrice: entry,
        marginMode: 'isolated',
        leverage: lev,
        maintenanceMarginRate: mmr,
      } as const;
      const other = side === 'long' ? 'short' : 'long';
      const atLiquidation = liquidationPrice(input);
      const atEntry = liquidationPrice({ ...input, maintenanceBasis: 'entry' });
      // The same position on the other side of entry, a classic slip. Its two conventions differ by at most
      // m·(1/L − m)/(1 + m) of the price, under 0.5 % for the rates drawn, so one window of 0.6 % catches both.
      const mirror = liquidationPrice({ ...input, side: other }).price;
      for (const r of [atLiquidation, atEntry]) {
        if (!r.price || !r.bankruptcyPrice || !r.distance) {
          throw new GeneratorRangeError(`a ${lev}x ${side} cannot be liquidated: choose leverage above 1`);
        }
      }
      const liqPrice = atLiquidation.price as Decimal;
      const entryPrice = atEntry.price as Decimal;
      const bankruptcy = atLiquidation.bankruptcyPrice as Decimal;
      // Each figure formatted once: a draw shows most of them several times.
      const q = btc(quantity.toDecimalPlaces(8));
      const entryText = price(entry);
      const marginText = usdt(margin, 0);
      const mmrText = pct(mmr);
      const levText = formatMultiple(lev);
      const notionalText = usdt(notional, 0);
      const long = side === 'long';
      const move = long ? 'fall' : 'rise';
      const gain = long ? `${q} × (P − ${entryText})` : `${q} × (${entryText} − P)`;
      const liqEquation = `${marginText} + ${gain} = ${mmrText} × ${q} × P`;
      const entryEquation = `${marginText} + ${gain} = ${mmrText} × ${q} × ${entryText}`;
      const tolerance = (p: Decimal) => fixed(p.times('0.001'), 2);
      const liqStep = `Measured at the liquidation price (Binance, Hyperliquid): ${liqEquation}, so P = ${price(liqPrice)}, ${an(pct((atLiquidation.distance as Decimal).abs()))} ${move}.`;
      const entryStep =
        `Measured at entry (Bybit): ${entryEquation}, so P = ${price(entryPrice)}. That is a ${move} of ` +
        `1/${formatNumber(D(lev))} − ${mmrText} = ${pct((atEntry.distance as Decimal).abs())}, the estimate lesson 4 teaches.`;

      const rule =
        basis === 'either'
          ? `The maintenance margin rate is ${mmrText}.`
          : `The platform liquidates it when your equity (margin plus unrealised PnL) falls to the maintenance margin, ` +
            `${mmrText} of the position's value ${basis === 'entry' ? 'at entry' : 'at the current price'}.`;
      const [main, second] = basis === 'entry' ? [entryPrice, liqPrice] : [liqPrice, entryPrice];
      const otherRule =
        basis === 'entry'
          ? "That measures the maintenance margin on the position's value at the liquidation price, as Binance does. This question measures it at entry."
          : "That measures the maintenance margin on the position's value at entry, as Bybit does. This question measures it at the current price, so at the liquidation price itself.";
      const separate = second.minus(main).abs().gt(main.times('0.0015'));
      return {
        prompt:
          `You open an isolated ${side} on bitcoin at ${entryText}, posting ${marginText} of margin at ` +
          `${levText} leverage. ${rule} Ignoring fees and funding, at what price is the position liquidated?`,
        answer: fixed(main),
        display: price(main),
        // 0.1 % of the price for each convention: room for rounding, far tighter than the bankruptcy gap.
        tolerance: tolerance(main),
        ...(basis === 'either'
          ? {
              method: LIQUIDATION_METHODS.liquidation,
              alternatives: [
                {
                  answer: fixed(entryPrice),
                  display: price(entryPrice),
                  tolerance: tolerance(entryPrice),
                  method: LIQUIDATION_METHODS.entry,
                },
              ],
            }
          : {}),
        unit: 'USDT',
        hints: [
          'Liquidation comes when your equity (margin plus unrealised PnL) falls to the maintenance margin, not when it reaches zero.',
          `Your position is ${marginText} × ${levText} = ${notionalText}, which is ${q}. ` +
            `Each 1 USDT move in the price changes your PnL by ${usdt(quantity.toDecimalPlaces(8), 6)}.`,
          basis === 'either'
            ? `With the maintenance margin measured on the position's value at the liquidation price, as on Binance, ` +
              `your equity meets it when ${liqEquation}. Bybit measures it at entry instead: ${entryEquation}. ` +
              'Solve for P; either answer counts.'
            : `At a price P your equity equals the maintenance margin when ${basis === 'entry' ? entryEquation : liqEquation}. Solve for P.`,
        ],
        solution: [
          `Position: ${marginText} × ${levText} = ${notionalText}, so ${notionalText} ÷ ${entryText} = ${q}.`,
          `Bankruptcy price, where the whole margin would be gone: ${price(bankruptcy)}, ${an(pct(D(1).div(lev)))} ${move}.`,
          ...(basis === 'either'
            ? [liqStep, entryStep]
            : [
                basis === 'entry'
                  ? `Liquidation, where equity meets the maintenance margin: ${entryEquation}, so P = ${price(entryPrice)}.`
                  : `Liquidation, where equity meets the maintenance margin: ${liqEquation}, so P = ${price(liqPrice)}.`,
              ]),
          basis === 'either'
            ? 'Either way you are closed out before the margin is used up.'
            : `That is ${an(pct(((basis === 'entry' ? atEntry : atLiquidation).distance as Decimal).abs()))} ${move} from entry: you are closed out before the margin is used up.`,
        ],
        traps: [
          {
            answer: fixed(bankruptcy),
            tolerance: fixed(bankruptcy.times('0.0005'), 2),
            explanation:
              'That is the bankruptcy price, where the whole margin would be gone. The platform closes the trade earlier, when your equity falls to the maintenance margin.',
          },
          ...(basis !== 'either' && separate
            ? [{ answer: fixed(second), tolerance: fixed(second.times('0.0005'), 2), explanation: otherRule }]
            : []),
          ...(mirror
            ? [
                {
                  answer: fixed(mirror),
                  tolerance: fixed(mirror.times('0.006'), 2),
                  explanation: long
                    ? 'That is on the wrong side of entry. A long loses as the price falls, so it is liquidated below the entry price.'
                    : 'That is on the wrong side of entry. A short loses as the price rises, so it is liquidated above the entry price.',
                },
              ]
            : []),
        ],
      };
    },
  },

  'broker-margin': {
    title: 'Margin on a US-regulated futures position: the clearinghouse minimum times the broker’s multiplier',
    ranges: {
      quantity: [0.1, 0.5, 1, 2, 5],
      price: { min: 20000, max: 90000, step: 1000 },
      // Clearinghouse initial margin, as a fraction of the position's value. US examples: CME asked about 35 % for
      // bitcoin futures at launch in December 2017 (about 2.9x); Kalshi's June 2026 BTCPERP example is about 5.9x,
      // about 17 % (shared/source/facts.md, claim 7 and the decision tree, branch A).
      clearing: [0.17, 0.2, 0.25, 0.3, 0.35],
      // The broker's (FCM's) multiplier on the clearinghouse requirement: Coinbase describes margin as the
      // clearinghouse's requirement times an FCM multiplier (docs.cdp.coinbase.com, "Trading derivatives"; lesson 10).
      multiplier: [1, 1.1, 1.2, 1.25, 1.5],
    },
    make(pick) {
      const quantity = pick('quantity');
      const at = pick('price');
      const clearing = pick('clearing', (c) => D(c).gt(0) && D(c).lte(1));
      const multiplier = pick('multiplier', (m) => D(m).gte(1) && D(m).times(clearing).lte(1));
      const value = notionalValue({ quantity, price: at });
      const minimum = value.times(clearing);
      const margin = minimum.times(multiplier);
      const leverage = effectiveLeverage({ notional: value, equity: margin });
      const broker = D(multiplier).eq(1)
        ? 'your broker (the FCM) asks for no more than that'
        : `your broker (the FCM) asks for ${formatNumber(D(multiplier))} times the clearinghouse's amount`;
      return {
        prompt:
          `You want to hold ${an(btc(quantity))} long in bitcoin futures on a US-regulated exchange, at ${usd(at, 0)} a ` +
          `bitcoin. The clearinghouse asks for ${pct(clearing)} of the position's value as initial margin, and ${broker}. ` +
          'How much margin must you post, in USD?',
        answer: fixed(margin),
        display: usd(margin),
        tolerance: fixed(Decimal.max('0.01', margin.times('0.001')), 2),
        unit: 'USD',
        hints: [
          "The position's value is the quantity times the price.",
          `The clearinghouse's minimum is ${pct(clearing)} of that value.`,
          D(multiplier).eq(1)
            ? 'Your broker adds nothing on top here, so you post the minimum.'
            : `Your broker asks for ${formatNumber(D(multiplier))} times that minimum.`,
        ],
        solution: [
          `Position value: ${btc(quantity)} × ${usd(at, 0)} = ${usd(value)}.`,
          `Clearinghouse minimum: ${pct(clearing)} × ${usd(value)} = ${usd(minimum)}.`,
          D(multiplier).eq(1)
            ? `Your broker asks for that amount: ${usd(margin)}.`
            : `Your broker's requirement: ${formatNumber(D(multiplier))} × ${usd(minimum)} = ${usd(margin)}.`,
          `So your leverage is ${usd(value)} ÷ ${usd(margin)}, about ${formatMultiple(leverage, { digits: 1 })}: far below the 50x to 125x advertised offshore.`,
        ],
        traps: D(multiplier).eq(1)
          ? []
          : [
              {
                answer: fixed(minimum),
                tolerance: fixed(Decimal.max('0.01', minimum.times('0.001')), 2),
                explanation: `That is the clearinghouse's minimum alone. Your broker may ask for more, and here it asks ${formatNumber(D(multiplier))} times as much.`,
              },
            ],
      };
    },
  },

  'leveraged-roe': {
    title: 'Return on margin (ROE) of a leveraged trade after a price move',
    ranges: {
      side: SIDES,
      direction: ['up', 'down'],
      entry: { min: 20000, max: 90000, step: 1000 },
      leverage: [2, 3, 5, 10, 20, 25],
      move: { min: 0.5, max: 10, step: 0.5 },
    },
    make(pick) {
      const side = sideOf(pick);
      const up = pick('direction') === 'up';
      const entry = pick('entry');
      const lev = pick('leverage');
      // Keep the move well inside the liquidation distance: at most 60 % of the margin either way.
      const move = pick('move', (m) => D(m).times(lev).lte(60));
      const exit = D(entry).times(
        D(1).plus(
          D(move)
            .div(100)
            .times(up ? 1 : -1),
        ),
      );
      const result = roe({ side, quantity: 1, entryPrice: entry, exitPrice: exit, leverage: lev }).times(100);
      const signedMove = D(move).times(up === (side === 'long') ? 1 : -1);
      const gain = result.gt(0);
      return {
        prompt:
          `You open a ${side} at ${price(entry)} with ${formatMultiple(lev)} leverage. The price ${up ? 'rises' : 'falls'} ` +
          `${move}% to ${price(exit)} and you close the trade. Ignoring fees, what is your return on the margin you ` +
          `posted (ROE: profit or loss ÷ initial margin), in percent? Give a loss as a negative number.`,
        answer: fixed(result, 6),
        display: `${formatNumber(result, { digits: 2 })}%`,
        tolerance: '0.1',
        unit: '%',
        hints: [
          'ROE is your profit or loss divided by the margin you posted.',
          `A ${side} gains when the price ${side === 'long' ? 'rises' : 'falls'}, so this move is a ${gain ? 'gain' : 'loss'}.`,
          `Your margin is 1/${formatNumber(D(lev))} of the position, so as a share of margin the move counts ${formatNumber(D(lev))} times.`,
        ],
        solution: [
          `The price moved ${move}% ${up ? 'up' : 'down'}: for a ${side} that is ${formatNumber(signedMove, { digits: 2 })}% of the position.`,
          `Your margin is 1/${formatNumber(D(lev))} of the position, so the ROE is ${formatNumber(signedMove, { digits: 2 })}% × ${formatNumber(D(lev))} = ${formatNumber(result, { digits: 2 })}%.`,
          `Check with one bitcoin: PnL ${usdt(exit.minus(entry).times(side === 'long' ? 1 : -1))}, margin ${price(entry)} ÷ ${formatNumber(D(lev))} = ${usdt(D(entry).div(lev))}, and ${usdt(exit.minus(entry).times(side === 'long' ? 1 : -1))} ÷ ${usdt(D(entry).div(lev))} = ${formatNumber(result, { digits: 2 })}%.`,
        ],
        traps: [
          {
            answer: signedMove.toFixed(),
            tolerance: '0.05',
            explanation: `That is the price move itself. Your margin is only 1/${formatNumber(D(lev))} of the position, so the same dollars are ${formatNumber(D(lev))} times as large a share of it.`,
          },
        ],
      };
    },
  },

  'fixed-position-pnl': {
    title: 'Profit or loss of a position of given size (the leverage setting is a distractor)',
    ranges: {
      side: SIDES,
      direction: ['up', 'down'],
      quantity: [0.05, 0.1, 0.2, 0.25, 0.5, 1],
      entry: { min: 20000, max: 90000, step: 1000 },
      leverage: [2, 5, 10, 20, 25],
      move: { min: 1, max: 8, step: 0.5 },
    },
    make(pick) {
      const side = sideOf(pick);
      const up = pick('direction') === 'up';
      const quantity = pick('quantity');
      const entry = pick('entry');
      const lev = pick('leverage');
      const move = pick('move', (m) => D(m).times(lev).lte(60));
      const exit = D(entry).times(
        D(1).plus(
          D(move)
            .div(100)
            .times(up ? 1 : -1),
        ),
      );
      const result = pnl({ side, quantity, entryPrice: entry, exitPrice: exit });
      const timesLev = result.times(lev);
      return {
        prompt:
          `You hold ${an(btc(quantity))} ${side}, opened at ${price(entry)} with ${formatMultiple(lev)} leverage. ` +
          `The price moves to ${price(exit)}. Ignoring fees, what is your profit or loss in USDT? Give a loss as a ` +
          `negative number.`,
        answer: fixed(result),
        display: usdt(result),
        tolerance: fixed(Decimal.max('0.01', result.abs().times('0.001')), 2),
        unit: 'USDT',
        hints: [
          'Your profit or loss depends on the size of the position and how far the price moved.',
          `The price changed by ${usdt(exit.minus(entry))} per bitcoin, and you hold ${btc(quantity)}.`,
          `A ${side} gains when the price ${side === 'long' ? 'rises' : 'falls'}. Does the leverage setting enter the PnL at all?`,
        ],
        solution: [
          `Price change: ${price(exit)} − ${price(entry)} = ${usdt(exit.minus(entry))} per bitcoin.`,
          `PnL = ${btc(quantity)} × ${usdt(exit.minus(entry))}${side === 'short' ? ' × −1 (a short)' : ''} = ${usdt(result)}.`,
          `The ${formatMultiple(lev)} setting only decides how much margin backs the trade (${usdt(D(quantity).times(entry).div(lev))}); it does not change the PnL of a position of this size.`,
        ],
        traps: [
          {
            answer: fixed(timesLev),
            tolerance: fixed(Decimal.max('0.01', timesLev.abs().times('0.001')), 2),
            explanation:
              'You multiplied by the leverage. The position size already includes it: the PnL is quantity × price change, whatever the leverage setting.',
          },
        ],
      };
    },
  },

  'position-size': {
    title: 'How many coins a margin buys at a leverage',
    ranges: {
      margin: { min: 100, max: 5000, step: 50 },
      leverage: [2, 3, 5, 10, 20, 25, 50],
      entry: { min: 20000, max: 90000, step: 500 },
    },
    make(pick) {
      const margin = pick('margin');
      const lev = pick('leverage');
      const entry = pick('entry');
      const { notional, quantity } = positionFromMargin({ margin, leverage: lev, price: entry });
      const spot = positionFromMargin({ margin, leverage: 1, price: entry }).quantity;
      return {
        prompt:
          `You post ${usdt(margin, wholeOr2(margin))} of margin at ${formatMultiple(lev)} leverage to go long bitcoin at ` +
          `${price(entry)}. How many bitcoin does your position hold?`,
        answer: fixed(quantity, 10),
        display: btc(quantity),
        tolerance: fixed(quantity.times('0.005'), 10),
        unit: 'BTC',
        hints: [
          'Leverage is the size of the position divided by your own money.',
          `So the position is worth ${usdt(margin, wholeOr2(margin))} × ${formatMultiple(lev)}.`,
          'Divide the position size in USDT by the price of one bitcoin.',
        ],
        solution: [
          `Position size: ${usdt(margin, wholeOr2(margin))} × ${formatMultiple(lev)} = ${usdt(notional)}.`,
          `Quantity: ${usdt(notional)} ÷ ${price(entry)} = ${btc(quantity)}.`,
        ],
        traps: [
          {
            answer: fixed(spot, 10),
            tolerance: fixed(spot.times('0.005'), 10),
            explanation:
              'That is what your margin alone would buy on spot. Leverage lets the position be larger than your money: multiply by the leverage first.',
          },
        ],
      };
    },
  },

  'funding-cost': {
    title: 'Funding paid or received over a holding period',
    ranges: {
      side: SIDES,
      quantity: [0.1, 0.2, 0.5, 1, 2],
      mark: { min: 20000, max: 90000, step: 1000 },
      // The rate per 8 hours. A question with a shorter interval quotes the same rate for its own interval, as venues
      // do (0.01 % per 8 h = 0.005 % per 4 h = 0.00125 % per hour; lesson 3, and Hyperliquid's funding docs: an
      // interest rate of 0.01 % every 8 hours, paid hourly at one eighth). So hourly rates stay realistic, at most
      // 0.00375 % an hour here: a rate of 0.01 % every hour would be eight times the usual cost (review Q4).
      rate8h: [0.0001, 0.0002, 0.0003, -0.0001],
      interval: [8, 4, 1],
      hours: [24, 48, 72, 168],
    },
    make(pick) {
      const side = sideOf(pick);
      const quantity = pick('quantity');
      const mark = pick('mark');
      const rate8h = pick('rate8h', (r) => !D(r).isZero() && D(r).abs().lte('0.001'));
      const interval = pick('interval', (i) => D(i).gt(0) && D(i).lte(24));
      const hours = pick('hours', (h) => D(h).gte(interval));
      const rate = D(rate8h).times(interval).div(8);
      const r = fundingOverTime({
        side,
        quantity,
        markPrice: mark,
        fundingRate: rate,
        intervalHours: interval,
        hours,
      });
      const one = r.payments[0] ?? D(0);
      const payments = r.payments.length;
      const tol = (v: Decimal) => fixed(Decimal.max('0.01', v.abs().times('0.001')), 2);
      // Miscounting the funding times: as if every 8 hours (or, for an 8-hour rate, as if every hour).
      const miscount = D(interval).eq(8) ? r.total.times(8) : r.total.times(interval).div(8);
      const miscounted = D(interval).eq(8)
        ? 'You counted a payment every hour. This rate is paid every 8 hours, so there are eight times fewer payments.'
        : `You counted a payment every 8 hours. This rate is paid ${every(interval)}, so there are more payments, each at this smaller rate.`;
      return {
        prompt:
          `You hold ${an(btc(quantity))} ${side} perpetual for ${count(hours, 'hour')}. The mark price stays at ${price(mark)} and ` +
          `the funding rate is ${pct(rate, 6)} ${every(interval)}. What is your total funding, in USDT? ` +
          `Give money you pay as a negative number.`,
        answer: fixed(r.total),
        display: usdt(r.total),
        tolerance: tol(r.total),
        unit: 'USDT',
        hints: [
          'Each funding payment is the position size times the funding rate; leverage does not enter.',
          'A positive rate means longs pay shorts; a negative rate means shorts pay longs.',
          `Count the funding times: ${count(hours, 'hour')} ÷ ${count(interval, 'hour')}.`,
        ],
        solution: [
          `Position size: ${btc(quantity)} × ${price(mark)} = ${usdt(D(quantity).times(mark))}.`,
          `One payment: ${usdt(D(quantity).times(mark))} × ${pct(rate, 6)} = ${usdt(one.abs(), 4)}, which a ${side} ${one.isNeg() ? 'pays' : 'receives'}.`,
          `${count(payments, 'payment')}, one ${every(interval)}: ${usdt(r.total, 2)} in total.`,
        ],
        traps: [
          {
            answer: fixed(r.total.neg()),
            tolerance: tol(r.total),
            explanation:
              'Right amount, wrong direction. With a positive rate longs pay and shorts receive; with a negative rate it is the other way round.',
          },
          { answer: fixed(miscount), tolerance: tol(miscount), explanation: miscounted },
        ],
      };
    },
  },
  ...venueTemplates,
  ...productTemplates,
  ...worldTemplates,
  ...orderTemplates,
} satisfies Record<string, Generator>;

export type TemplateId = keyof typeof generators;
export const TEMPLATE_IDS = Object.keys(generators) as TemplateId[];

/** The ranges a template draws from by default, for authors and for checking a bank's overrides. */
export function templateRanges(template: TemplateId): Record<string, RangeSpec> {
  return generators[template].ranges;
}

/**
 * Builds the question a template gives for a seed. The same template, seed and ranges always give
 * the same question.
 * @throws GeneratorRangeError when the ranges cannot give a solvable question.
 */
export function generate(
  template: TemplateId,
  seed: number,
  ranges: Record<string, RangeSpec> = {},
): GeneratedQuestion {
  const gen: Generator = generators[template];
  if (!gen) throw new GeneratorRangeError(`no question template named "${template}"`);
  const rand = mulberry32(seed);
  const all = { ...gen.ranges, ...ranges };
  const values: Record<string, string> = {};
  const pick: Pick = (name, accept) => {
    const spec = all[name];
    if (!spec) throw new GeneratorRangeError(`the template draws "${name}" but has no range for it`);
    for (let i = 0; i < 24; i++) {
      const v = drawFrom(spec, rand);
      if (!accept || accept(v)) return (values[name] = v);
    }
    // Deterministic fallback: the first value of the range that works.
    const v = rangeValues(spec).find((x) => !accept || accept(x));
    if (v === undefined) throw new GeneratorRangeError(`no value of "${name}" gives a solvable question`);
    return (values[name] = v);
  };
  let content: Content;
  try {
    content = gen.make(pick);
  } catch (error) {
    if (error instanceof GeneratorRangeError) throw error;
    throw new GeneratorRangeError(`seed ${seed} gives an unsolvable question: ${(error as Error).message}`);
  }
  return { template, seed: seed >>> 0, values, ...content, alternatives: content.alternatives ?? [] };
}
