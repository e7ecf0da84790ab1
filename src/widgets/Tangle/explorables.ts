/**
 * Reactive-prose "explorables": sentences whose numbers a reader can drag or type. Each one names
 * its adjustable variables (range, steps, words for screen readers) and a pure `compute` that reads
 * the values with src/input, asks src/calc for every dependent number and returns the sentence as
 * segments, so the server render (JavaScript off) and the island show the same words from the same
 * calculation. Nothing here computes a figure.
 */
import {
  Decimal,
  adverseMovePrice,
  liquidationCascade,
  liquidationPrice,
  pnl,
  positionFromMargin,
  riskPositionSize,
  roe,
} from '../../calc/index.ts';
import type { Decimal as DecimalT } from '../../calc/index.ts';
import { readLooseNumber, readNumber, readPercent } from '../../input/number.ts';
import { formatMultiple, formatNumber, formatPercent, formatUsd } from '../../format/numbers.ts';

/** One number the reader can change. Values are decimal strings, never floats. */
export interface TangleVariable {
  name: string;
  /** The slider's accessible name ("Margin"). */
  label: string;
  /** Unit of a typed value, said in the edit box's label ("in dollars"). */
  typeHint: string;
  /** A sign the reader may type after the number ("%", "x"); a leading "$" and thousands commas are always read. */
  suffix?: string;
  default: string;
  min: string;
  max: string;
  /** Arrow keys and each drag step. */
  step: string;
  /** Page Up / Page Down. */
  bigStep: string;
  /** How the number reads in the sentence: "$1,000", "10x", "5%". */
  format: (value: DecimalT) => string;
  /** aria-valuetext, in words: "1,000 dollars of margin". */
  words: (value: DecimalT) => string;
}

/** A piece of the sentence: plain text, an adjustable number, or a number computed from them. */
export type Segment =
  | { kind: 'text'; text: string }
  | { kind: 'variable'; name: string }
  | { kind: 'output'; name: string; value: DecimalT; text: string };

export interface Computed {
  outputs: Record<string, DecimalT>;
  segments: Segment[];
}

export interface Explorable {
  name: string;
  /** Names the group of sliders for assistive technology ("Leveraged trade example"). */
  title: string;
  variables: readonly TangleVariable[];
  /**
   * Pure: the same values always give the same sentence. Values are decimal strings within each variable's range,
   * as the reader set them (percentages in percent).
   */
  compute: (values: Record<string, string>) => Computed;
}

/** Dollars in prose: whole dollars when the amount is whole, cents otherwise. */
export function dollars(value: DecimalT): string {
  return formatUsd(value, { digits: value.isInteger() ? 0 : 2 });
}

/** A percentage typed as a number of percent (5 → "5%"). */
function percentNumber(value: DecimalT): string {
  return `${formatNumber(value, { digits: 2 })}%`;
}

const text = (t: string): Segment => ({ kind: 'text', text: t });
const variable = (name: string): Segment => ({ kind: 'variable', name });
const output = (name: string, value: DecimalT, shown: string): Segment => ({
  kind: 'output',
  name,
  value,
  text: shown,
});

/** The entry price the examples assume; the sentences speak only of percentages, so any price gives the same result. */
export const EXAMPLE_ENTRY = '50000';
/** The maintenance margin rate lesson 1 uses (Phemex's smallest BTC tier). */
export const EXAMPLE_MAINTENANCE = '0.005';

const leveragedTrade: Explorable = {
  name: 'leveraged-trade',
  title: 'Leveraged trade example',
  variables: [
    {
      name: 'margin',
      label: 'Margin',
      typeHint: 'in dollars',
      default: '1000',
      min: '100',
      max: '100000',
      step: '100',
      bigStep: '1000',
      format: dollars,
      words: (v) => `${formatNumber(v)} dollars of margin`,
    },
    {
      name: 'leverage',
      label: 'Leverage',
      typeHint: 'a multiple from 1 to 100',
      suffix: 'x',
      default: '10',
      min: '1',
      max: '100',
      step: '1',
      bigStep: '10',
      format: (v) => formatMultiple(v),
      words: (v) => `${formatNumber(v)} times leverage`,
    },
    {
      name: 'move',
      label: 'Price fall',
      typeHint: 'in percent',
      suffix: '%',
      default: '5',
      min: '0.5',
      max: '90',
      step: '0.5',
      bigStep: '5',
      format: percentNumber,
      words: (v) => `a ${formatNumber(v)} percent price fall`,
    },
  ],
  compute(values) {
    const margin = valueOf(values, 'margin');
    const leverage = valueOf(values, 'leverage');
    const entryPrice = EXAMPLE_ENTRY;
    // "A 5% fall" on a long: the price after an adverse move of 0.05.
    const exitPrice = adverseMovePrice({ side: 'long', entryPrice, move: fractionOf(values, 'move') });
    const { notional, quantity } = positionFromMargin({ margin, leverage, price: entryPrice });
    const trade = { side: 'long', quantity, entryPrice } as const;
    // The sentence speaks of a cost, so the (negative) PnL and ROE are shown without their minus sign.
    const loss = pnl({ ...trade, exitPrice }).abs();
    const share = roe({ ...trade, exitPrice, leverage }).abs();
    const liq = liquidationPrice({
      ...trade,
      marginMode: 'isolated',
      leverage,
      maintenanceMarginRate: EXAMPLE_MAINTENANCE,
    });
    // A long is closed once the price reaches the liquidation price; 1x has none.
    const pastLiquidation = liq.price !== null && exitPrice.lte(liq.price);
    const segments: Segment[] = [
      text('With '),
      variable('margin'),
      text(' of margin at '),
      variable('leverage'),
      text(', you control a position worth '),
      output('notional', notional, dollars(notional)),
      text('. A '),
      variable('move'),
      text(' fall in the price costs you '),
      output('loss', loss, dollars(loss)),
      text(', which is '),
      output('share', share, formatPercent(share)),
      text(' of your margin'),
      pastLiquidation ? text(', and past the liquidation price, so the position would be closed first.') : text('.'),
    ];
    return {
      outputs: {
        notional,
        loss,
        share,
        pastLiquidation: new Decimal(pastLiquidation ? 1 : 0),
      },
      segments,
    };
  },
};

const riskRule: Explorable = {
  name: 'risk-rule',
  title: 'Risk per trade example',
  variables: [
    {
      name: 'account',
      label: 'Account size',
      typeHint: 'in dollars',
      default: '10000',
      min: '100',
      max: '1000000',
      step: '100',
      bigStep: '1000',
      format: dollars,
      words: (v) => `an account of ${formatNumber(v)} dollars`,
    },
    {
      name: 'risk',
      label: 'Risk per trade',
      typeHint: 'in percent of the account',
      suffix: '%',
      default: '1',
      min: '0.25',
      max: '10',
      step: '0.25',
      bigStep: '1',
      format: percentNumber,
      words: (v) => `${formatNumber(v)} percent of the account at risk`,
    },
    {
      name: 'stop',
      label: 'Stop distance',
      typeHint: 'in percent below entry',
      suffix: '%',
      default: '5',
      min: '0.5',
      max: '50',
      step: '0.5',
      bigStep: '5',
      format: percentNumber,
      words: (v) => `a stop ${formatNumber(v)} percent below entry`,
    },
  ],
  compute(values) {
    const entryPrice = EXAMPLE_ENTRY;
    const stopPrice = adverseMovePrice({ side: 'long', entryPrice, move: fractionOf(values, 'stop') });
    const sized = riskPositionSize({
      balance: valueOf(values, 'account'),
      riskFraction: fractionOf(values, 'risk'),
      entryPrice,
      stopPrice,
    });
    const loss = pnl({ side: 'long', quantity: sized.quantity, entryPrice, exitPrice: stopPrice }).abs();
    const segments: Segment[] = [
      text('With '),
      variable('account'),
      text(' in your account and a rule of risking '),
      variable('risk'),
      text(' of it per trade, a stop '),
      variable('stop'),
      text(' below your entry allows a position of '),
      output('notional', sized.notional, dollars(sized.notional)),
      text('. If the stop is hit, you lose '),
      output('loss', loss, dollars(loss)),
      text(', whatever leverage you choose.'),
    ];
    return { outputs: { notional: sized.notional, loss }, segments };
  },
};

/**
 * Lesson 9's cascade: longs stacked in five clusters of $1 million each, liquidated 4, 6, 8, 10 and 12 % below the
 * price. The reader sets the first drop and how far each million of forced selling moves the price (a thin book moves
 * more); calc's liquidationCascade runs the chain.
 */
export const CASCADE_LEVELS = ['0.04', '0.06', '0.08', '0.1', '0.12'].map((distance) => ({
  distance,
  notional: '1000000',
}));

const cascade: Explorable = {
  name: 'cascade',
  title: 'Liquidation cascade example',
  variables: [
    {
      name: 'shock',
      label: 'First drop',
      typeHint: 'in percent',
      suffix: '%',
      default: '4',
      min: '0.5',
      max: '15',
      step: '0.5',
      bigStep: '2',
      format: percentNumber,
      words: (v) => `a first drop of ${formatNumber(v)} percent`,
    },
    {
      name: 'impact',
      label: 'Price impact per million dollars sold',
      typeHint: 'in percent per million dollars',
      suffix: '%',
      default: '1',
      min: '0.25',
      max: '3',
      step: '0.25',
      bigStep: '1',
      format: percentNumber,
      words: (v) => `${formatNumber(v)} percent of price impact per million dollars sold`,
    },
  ],
  compute(values) {
    const r = liquidationCascade({
      side: 'long',
      startPrice: EXAMPLE_ENTRY,
      shock: fractionOf(values, 'shock'),
      impactPerMillion: fractionOf(values, 'impact'),
      levels: CASCADE_LEVELS,
    });
    const count = new Decimal(r.liquidatedCount);
    const clusters = r.liquidatedCount === 1 ? 'cluster' : 'clusters';
    const segments: Segment[] = [
      text(
        'Longs are stacked in five clusters of $1 million, liquidated 4, 6, 8, 10 and 12% below the price. A news drop of ',
      ),
      variable('shock'),
      text(' hits a book where each $1 million of forced selling pushes the price down a further '),
      variable('impact'),
      text('. The chain liquidates '),
      output('count', count, `${formatNumber(count)} ${clusters}`),
      text(' and the price ends '),
      output('move', r.move, formatPercent(r.move)),
      text(' below where it started, '),
      output('added', r.addedByLiquidations, formatPercent(r.addedByLiquidations)),
      text(' of it caused by the liquidations themselves.'),
    ];
    return { outputs: { count, move: r.move, added: r.addedByLiquidations }, segments };
  },
};

/** Every explorable a lesson can name in `<Tangle name="…" />`. */
export const explorables = {
  'leveraged-trade': leveragedTrade,
  'risk-rule': riskRule,
  cascade,
} as const satisfies Record<string, Explorable>;

export type ExplorableName = keyof typeof explorables;

export function explorableByName(name: string): Explorable | undefined {
  return Object.hasOwn(explorables, name) ? explorables[name as ExplorableName] : undefined;
}

/** The explorable's default values, as decimal strings keyed by variable name. */
export function defaultValues(ex: Explorable): Record<string, string> {
  return Object.fromEntries(ex.variables.map((v) => [v.name, v.default]));
}

/** A variable's value as a Decimal (values reach `compute` already checked and clamped). */
function valueOf(values: Record<string, string>, name: string): DecimalT {
  return readNumber(values[name] ?? '', name, { label: name });
}

/** A variable typed in percent ("5" for 5 %), as the fraction calc takes (0.05). */
function fractionOf(values: Record<string, string>, name: string): DecimalT {
  return readPercent(values[name] ?? '', name, { label: name });
}

/** Holds the values within each variable's range and computes the sentence. */
export function computeFrom(ex: Explorable, values: Record<string, string>): Computed {
  const clamped: Record<string, string> = {};
  for (const v of ex.variables) clamped[v.name] = clamp(v, new Decimal(values[v.name] ?? v.default)).toFixed();
  return ex.compute(clamped);
}

/** The value held within the variable's range. */
export function clamp(v: TangleVariable, value: DecimalT): DecimalT {
  if (value.lt(v.min)) return new Decimal(v.min);
  if (value.gt(v.max)) return new Decimal(v.max);
  return value;
}

/**
 * A key press or a drag: `current + steps × step`, clamped, as the HTML `stepUp(n)` algorithm does for a range input
 * (https://html.spec.whatwg.org/multipage/input.html#dom-input-stepup). Not a money figure: the move happens on the
 * decimal digits as whole numbers of the smallest place (0.25 + 0.25 is 25 + 25 hundredths), so steps never drift.
 */
export function stepValue(
  v: TangleVariable,
  current: string,
  steps: number,
  size: 'step' | 'bigStep' = 'step',
): string {
  const from = new Decimal(current).toFixed();
  const by = new Decimal(v[size]).toFixed();
  const places = Math.max(placesOf(from), placesOf(by));
  const moved = toUnits(from, places) + BigInt(steps) * toUnits(by, places);
  return clamp(v, new Decimal(fromUnits(moved, places))).toFixed();
}

const placesOf = (plain: string): number => plain.split('.')[1]?.length ?? 0;

/** "12.5" at 2 places → 1250n: the digits of a plain decimal string as a whole number of 10^-places. */
function toUnits(plain: string, places: number): bigint {
  const negative = plain.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? plain.slice(1) : plain).split('.');
  const units = BigInt(`${whole}${fraction.padEnd(places, '0')}`);
  return negative ? -units : units;
}

/** 1250n at 2 places → "12.50": the inverse of {@link toUnits}. */
function fromUnits(units: bigint, places: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(places + 1, '0');
  const text = places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`;
  return negative ? `-${text}` : text;
}

/** The result of reading what a reader typed into a number's edit box. */
export type TypedValue = { ok: true; value: string } | { ok: false; message: string };

/**
 * Reads a typed value with src/input's prose reader: "$1,500", "1500", "12.5%" and "20x" are accepted; anything that
 * is not a number inside the variable's range is refused with a short message (the old value stays). Typed values
 * keep the step's decimal places, at least 2.
 */
export function parseTyped(v: TangleVariable, raw: string): TypedValue {
  const range = `${v.format(new Decimal(v.min))} to ${v.format(new Decimal(v.max))}`;
  // "20×" is read as "20x".
  const text = v.suffix === 'x' ? raw.trim().replace(/×$/, 'x') : raw;
  const read = readLooseNumber(text, v.suffix ? { unit: v.suffix } : {});
  if (!read.ok) return { ok: false, message: `Type a number from ${range}.` };
  const value = read.value;
  if (value.lt(v.min) || value.gt(v.max)) return { ok: false, message: `Use a number from ${range}.` };
  const places = Math.max(2, new Decimal(v.step).decimalPlaces());
  return { ok: true, value: value.toDecimalPlaces(places).toFixed() };
}

/** The sentence as plain text, for the live region and for tests. */
export function sentenceText(ex: Explorable, values: Record<string, string>, computed: Computed): string {
  return computed.segments
    .map((s) => {
      if (s.kind === 'text') return s.text;
      if (s.kind === 'output') return s.text;
      const def = ex.variables.find((v) => v.name === s.name);
      if (!def) throw new Error(`[leverage-lab] explorable "${ex.name}" has no variable "${s.name}"`);
      return def.format(new Decimal(values[s.name] ?? def.default));
    })
    .join('');
}
