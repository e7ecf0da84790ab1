/**
 * Reactive-prose "explorables": sentences whose numbers a reader can drag or type. Each one names
 * its adjustable variables (range, steps, words for screen readers) and a pure `compute` that asks
 * src/calc for every dependent number and returns the sentence as segments, so the server render
 * (JavaScript off) and the island show the same words from the same calculation.
 */
import {
  Decimal,
  liquidationPrice,
  pnl,
  positionFromMargin,
  riskPositionSize,
  roe,
  toDecimal,
  CalcInputError,
} from '../../calc/index.ts';
import type { Decimal as DecimalT } from '../../calc/index.ts';
import { formatMultiple, formatNumber, formatPercent, formatUsd } from '../../format/numbers.ts';

/** One number the reader can change. Values are decimal strings, never floats. */
export interface TangleVariable {
  name: string;
  /** The slider's accessible name ("Margin"). */
  label: string;
  /** Unit of a typed value, said in the edit box's label ("in dollars"). */
  typeHint: string;
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
  /** Pure: the same values always give the same sentence. Values are within each variable's range. */
  compute: (values: Record<string, DecimalT>) => Computed;
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
    const margin = values['margin'] as DecimalT;
    const leverage = values['leverage'] as DecimalT;
    const move = values['move'] as DecimalT;
    const entryPrice = new Decimal(EXAMPLE_ENTRY);
    const exitPrice = entryPrice.times(new Decimal(1).minus(move.div(100)));
    const { notional, quantity } = positionFromMargin({ margin, leverage, price: entryPrice });
    const trade = { side: 'long', quantity, entryPrice } as const;
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
    const account = values['account'] as DecimalT;
    const risk = values['risk'] as DecimalT;
    const stop = values['stop'] as DecimalT;
    const entryPrice = new Decimal(EXAMPLE_ENTRY);
    const stopPrice = entryPrice.times(new Decimal(1).minus(stop.div(100)));
    const sized = riskPositionSize({ balance: account, riskFraction: risk.div(100), entryPrice, stopPrice });
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

/** Every explorable a lesson can name in `<Tangle name="…" />`. */
export const explorables = {
  'leveraged-trade': leveragedTrade,
  'risk-rule': riskRule,
} as const satisfies Record<string, Explorable>;

export type ExplorableName = keyof typeof explorables;

export function explorableByName(name: string): Explorable | undefined {
  return Object.hasOwn(explorables, name) ? explorables[name as ExplorableName] : undefined;
}

/** The explorable's default values, as decimal strings keyed by variable name. */
export function defaultValues(ex: Explorable): Record<string, string> {
  return Object.fromEntries(ex.variables.map((v) => [v.name, v.default]));
}

/** Turns string values into Decimals and computes the sentence. */
export function computeFrom(ex: Explorable, values: Record<string, string>): Computed {
  const decimals: Record<string, DecimalT> = {};
  for (const v of ex.variables) decimals[v.name] = clamp(v, new Decimal(values[v.name] ?? v.default));
  return ex.compute(decimals);
}

/** The value held within the variable's range. */
export function clamp(v: TangleVariable, value: DecimalT): DecimalT {
  if (value.lt(v.min)) return new Decimal(v.min);
  if (value.gt(v.max)) return new Decimal(v.max);
  return value;
}

/** A key press or a drag: `current + steps × step`, clamped, in Decimal so 0.25-steps never drift. */
export function stepValue(
  v: TangleVariable,
  current: string,
  steps: number,
  size: 'step' | 'bigStep' = 'step',
): string {
  const moved = new Decimal(current).plus(new Decimal(v[size]).times(steps));
  return clamp(v, moved).toFixed();
}

/** The result of reading what a reader typed into a number's edit box. */
export type TypedValue = { ok: true; value: string } | { ok: false; message: string };

/**
 * Reads a typed value: "$1,500", "1500", "12.5%" and "20x" are accepted; anything that is not a
 * number inside the variable's range is refused with a short message (the old value stays).
 */
export function parseTyped(v: TangleVariable, raw: string): TypedValue {
  const cleaned = raw
    .trim()
    .replace(/^\$/, '')
    .replace(/[%x×]$/i, '')
    .replace(/,/g, '')
    .trim();
  const range = `${v.format(new Decimal(v.min))} to ${v.format(new Decimal(v.max))}`;
  let value: DecimalT;
  try {
    value = toDecimal(cleaned, v.name);
  } catch (error) {
    if (error instanceof CalcInputError) return { ok: false, message: `Type a number from ${range}.` };
    throw error;
  }
  if (value.lt(v.min) || value.gt(v.max)) return { ok: false, message: `Use a number from ${range}.` };
  // Keep typed values to a sensible precision: the step's decimal places, at least 2.
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
