/**
 * Generated numeric questions: each template draws its values from a seed and gets its answer,
 * tolerance, hints and worked solution from the calculation module, so the same seed always gives
 * the same question and every figure agrees with the rest of the site.
 */
import { Decimal, liquidationPrice, positionFromMargin, pnl, roe, fundingOverTime } from '../calc/index.ts';
import { formatMoney, formatPercent, formatPrice, formatMultiple, formatNumber } from '../format/numbers.ts';

/** A range to draw from: evenly spaced numbers from `min` to `max`, or a list to pick from. */
export type RangeSpec = { min: number; max: number; step: number } | readonly (number | string)[];

/** A common wrong answer and what it misunderstands. */
export interface Trap {
  answer: string;
  tolerance: string;
  explanation: string;
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
  unit: string;
  hints: string[];
  solution: string[];
  traps: Trap[];
}

type Content = Omit<GeneratedQuestion, 'template' | 'seed' | 'values'>;

/** Draws one value from a named range; `accept` rejects draws that would make the question unsolvable. */
type Pick = (name: string, accept?: (value: string) => boolean) => string;

interface Generator {
  /** What the template asks, for authors. */
  title: string;
  /** The ranges it draws from; a bank may narrow or replace any of them. */
  ranges: Record<string, RangeSpec>;
  make(pick: Pick): Content;
}

/** Thrown when a bank's ranges cannot give a solvable question. */
export class GeneratorRangeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GeneratorRangeError';
  }
}

/** mulberry32 (Tommy Ettinger): a tiny seeded PRNG giving floats in [0, 1); the same one src/calc/simulate.ts uses. */
export function mulberry32(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A stable 32-bit seed from a text (FNV-1a), so a question's first draw is the same on the server and in the browser. */
export function seedFrom(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A fresh random seed for "Try another". */
export function randomSeed(): number {
  const buf = new Uint32Array(1);
  globalThis.crypto.getRandomValues(buf);
  return buf[0] as number;
}

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

function drawFrom(spec: RangeSpec, rand: () => number): string {
  if (Array.isArray(spec)) {
    const v = spec[Math.floor(rand() * spec.length)] as number | string;
    return typeof v === 'number' ? new Decimal(v).toFixed() : v;
  }
  const { min, max, step } = spec as { min: number; max: number; step: number };
  const count = new Decimal(max).minus(min).div(step).floor().toNumber();
  const k = Math.floor(rand() * (count + 1));
  return new Decimal(min).plus(new Decimal(step).times(k)).toFixed();
}

// Formatting helpers: every figure in a prompt or a solution is shown with its unit.
const D = (v: string | number | Decimal) => new Decimal(v);
const usdt = (v: Decimal | string, digits = 2) => formatMoney(D(v), { unit: 'USDT', digits });
const price = (v: Decimal | string) => formatPrice(D(v), { unit: 'USDT', digits: 2 });
const pct = (fraction: Decimal | string, digits = 2) => formatPercent(D(fraction), { digits });
const btc = (v: Decimal | string) => `${formatNumber(D(v), { digits: 6 })} BTC`;
const wholeOr2 = (v: string) => (D(v).isInteger() ? 0 : 2);
const fixed = (v: Decimal, dp = 8) => v.toDecimalPlaces(dp).toFixed();

const SIDES = ['long', 'short'] as const;
const isSide = (v: string): v is 'long' | 'short' => v === 'long' || v === 'short';
function sideOf(pick: Pick): 'long' | 'short' {
  const s = pick('side');
  if (!isSide(s)) throw new GeneratorRangeError(`side must be "long" or "short", not "${s}"`);
  return s;
}

const generators = {
  'isolated-liquidation': {
    title: 'Where is an isolated position liquidated? (entry, margin, leverage, maintenance rate)',
    ranges: {
      side: SIDES,
      entry: { min: 20000, max: 90000, step: 500 },
      margin: { min: 200, max: 5000, step: 100 },
      leverage: [2, 3, 5, 10, 20, 25, 50],
      mmr: [0.004, 0.005, 0.01],
    },
    make(pick) {
      const side = sideOf(pick);
      const entry = pick('entry');
      const margin = pick('margin');
      const mmr = pick('mmr');
      // The margin must be above the maintenance margin at entry, with room to spare.
      const lev = pick('leverage', (l) => D(1).div(l).gt(D(mmr).times(1.5)));
      const { notional, quantity } = positionFromMargin({ margin, leverage: lev, price: entry });
      const input = {
        side,
        quantity,
        entryPrice: entry,
        marginMode: 'isolated',
        leverage: lev,
        maintenanceMarginRate: mmr,
      } as const;
      const r = liquidationPrice(input);
      const mirror = liquidationPrice({ ...input, side: side === 'long' ? 'short' : 'long' });
      if (!r.price || !r.bankruptcyPrice || !r.distance) {
        throw new GeneratorRangeError(`a ${lev}x ${side} cannot be liquidated: choose leverage above 1`);
      }
      const q = btc(quantity.toDecimalPlaces(8));
      const long = side === 'long';
      const equation = long
        ? `${usdt(margin, 0)} + ${q} × (P − ${price(entry)}) = ${pct(mmr)} × ${q} × P`
        : `${usdt(margin, 0)} + ${q} × (${price(entry)} − P) = ${pct(mmr)} × ${q} × P`;
      return {
        prompt:
          `You open an isolated ${side} on bitcoin at ${price(entry)}, posting ${usdt(margin, 0)} of margin at ` +
          `${formatMultiple(lev)} leverage. The maintenance margin rate is ${pct(mmr)}. Ignoring fees and funding, ` +
          `at what price is the position liquidated?`,
        answer: fixed(r.price),
        display: price(r.price),
        // 0.1 % of the price: wide enough for either maintenance convention, far tighter than the bankruptcy gap.
        tolerance: fixed(r.price.times('0.001'), 2),
        unit: 'USDT',
        hints: [
          'Liquidation comes when your equity (margin plus unrealised PnL) falls to the maintenance margin, not when it reaches zero.',
          `Your position is ${usdt(margin, 0)} × ${formatMultiple(lev)} = ${usdt(notional, 0)}, which is ${q}. ` +
            `Each 1 USDT move in the price changes your PnL by ${usdt(quantity.toDecimalPlaces(8), 6)}.`,
          `At a price P your equity equals the maintenance margin when ${equation}. Solve for P.`,
        ],
        solution: [
          `Position: ${usdt(margin, 0)} × ${formatMultiple(lev)} = ${usdt(notional, 0)}, so ${usdt(notional, 0)} ÷ ${price(entry)} = ${q}.`,
          `Bankruptcy price, where the whole margin would be gone: ${price(r.bankruptcyPrice)}, a ${pct(D(1).div(lev))} ${long ? 'fall' : 'rise'}.`,
          `Liquidation, where equity meets the maintenance margin: ${equation}, so P = ${price(r.price)}.`,
          `That is a ${pct(r.distance.abs())} ${long ? 'fall' : 'rise'} from entry: you are closed out before the margin is used up.`,
        ],
        traps: [
          {
            answer: fixed(r.bankruptcyPrice),
            tolerance: fixed(r.bankruptcyPrice.times('0.0005'), 2),
            explanation:
              'That is the bankruptcy price, where the whole margin would be gone. The platform closes the trade earlier, when your equity falls to the maintenance margin.',
          },
          ...(mirror.price
            ? [
                {
                  answer: fixed(mirror.price),
                  tolerance: fixed(mirror.price.times('0.001'), 2),
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
          `${move}% to ${price(exit)} and you close the trade. Ignoring fees, what is your return on margin (ROE), ` +
          `in percent? Give a loss as a negative number.`,
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
          `You hold a ${btc(quantity)} ${side}, opened at ${price(entry)} with ${formatMultiple(lev)} leverage. ` +
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
      rate: [0.0001, 0.0002, 0.0003, -0.0001],
      interval: [8, 4, 1],
      hours: [24, 48, 72, 168],
    },
    make(pick) {
      const side = sideOf(pick);
      const quantity = pick('quantity');
      const mark = pick('mark');
      const rate = pick('rate');
      const interval = pick('interval');
      const hours = pick('hours');
      const r = fundingOverTime({
        side,
        quantity,
        markPrice: mark,
        fundingRate: rate,
        intervalHours: interval,
        hours,
      });
      const one = r.payments[0] ?? D(0);
      const count = r.payments.length;
      return {
        prompt:
          `You hold a ${btc(quantity)} ${side} perpetual for ${hours} hours. The mark price stays at ${price(mark)} and ` +
          `the funding rate is ${pct(rate, 4)} every ${interval} hours. What is your total funding, in USDT? ` +
          `Give money you pay as a negative number.`,
        answer: fixed(r.total),
        display: usdt(r.total),
        tolerance: fixed(Decimal.max('0.01', r.total.abs().times('0.001')), 2),
        unit: 'USDT',
        hints: [
          'Each funding payment is the position size times the funding rate; leverage does not enter.',
          'A positive rate means longs pay shorts; a negative rate means shorts pay longs.',
          `Count the funding times: ${hours} hours ÷ ${interval} hours.`,
        ],
        solution: [
          `Position size: ${btc(quantity)} × ${price(mark)} = ${usdt(D(quantity).times(mark))}.`,
          `One payment: ${usdt(D(quantity).times(mark))} × ${pct(rate, 4)} = ${usdt(one.abs(), 4)}, which a ${side} ${one.isNeg() ? 'pays' : 'receives'}.`,
          `${count} payments: ${usdt(r.total, 2)} in total.`,
        ],
        traps: [
          {
            answer: fixed(r.total.neg()),
            tolerance: r.total.isZero() ? '0' : fixed(Decimal.max('0.01', r.total.abs().times('0.001')), 2),
            explanation:
              'Right amount, wrong direction. With a positive rate longs pay and shorts receive; with a negative rate it is the other way round.',
          },
        ],
      };
    },
  },
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
  return { template, seed: seed >>> 0, values, ...content };
}
