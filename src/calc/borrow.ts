/** Borrowed leverage on spot margin: interest under each venue's accrual rule, margin level and the prices that reach it. */
import { Decimal, type Numeric, ONE } from './decimal.ts';
import {
  type Side,
  inRange,
  integer,
  leverage as parseLeverage,
  maxLeverageOf,
  nonNegative,
  parseOption,
  parseSide,
  positive,
  requireInput,
  signed,
} from './validate.ts';

/** How a venue charges interest on a margin loan. */
export type Accrual = 'per-started-hour' | 'open-plus-rollover' | 'continuous';

const ACCRUALS = ['per-started-hour', 'open-plus-rollover', 'continuous'] as const;
const SIXTY = new Decimal(60);
const FOUR = new Decimal(4);

/**
 * Interest on a margin loan; `rate` is charged per `ratePeriodHours`.
 * - `'per-started-hour'` (Binance): one hour at borrow time plus one at each clock hour HH:00 passed while the loan is open
 *   (`startMinute` = minute past the hour of the borrow): `principal × rate / ratePeriodHours × periods`.
 *   A loan from 13:20 to 14:15 is charged 2 hours; one taken on the hour for 5 h is charged 5.
 * - `'open-plus-rollover'` (Kraken): an opening fee at the start plus a rollover at each 4-hour mark passed while open
 *   (a position closed exactly at a mark is not charged for it), each `principal × rate × 4 / ratePeriodHours`: Kraken's
 *   own description, so 10 h is charged 3 times. Some trading bots charge one rollover per *started* 4 hours instead
 *   (10 h = 4 charges); that reading is a conservative estimate, not Kraken's rule, and is not offered here.
 * - `'continuous'`: `principal × rate × hours / ratePeriodHours`; `periodsCharged` is then `hours / ratePeriodHours`.
 * Sources: Binance https://www.binance.com/en/support/articles/360030157812 (1000 USDT, 13:20→14:15, 0.02 %/day → 0.01666667)
 * and https://binance.com/en/support/faq/new-dynamic-interest-rate-system-for-binance-margin-trading-360030157812 ;
 * Kraken https://support.kraken.com/articles/206161568 (opening and rollover fees, rollover every 4 hours).
 * @throws CalcInputError for a negative principal or rate, a rate period outside (0, 8760] h, hours outside 0…87,600,
 *   a start minute outside 0…59, or an unknown accrual rule.
 * @example borrowInterest({ principal: 1000, rate: 0.0002, ratePeriodHours: 24, hours: 55 / 60, startMinute: 20, accrual: 'per-started-hour' }).interest // 0.01666…
 */
export function borrowInterest(input: {
  principal: Numeric;
  rate: Numeric;
  ratePeriodHours: Numeric;
  hours: Numeric;
  accrual: Accrual;
  startMinute?: Numeric;
}): { periodsCharged: Decimal; interest: Decimal } {
  requireInput(input);
  const principal = nonNegative(input.principal, 'principal');
  const rate = inRange(input.rate, 'rate', 0, 1, { message: 'The interest rate must be a fraction between 0 and 1.' });
  const period = inRange(input.ratePeriodHours, 'ratePeriodHours', 0, 8760, {
    minOpen: true,
    message: 'The rate period must be more than 0 and at most 8,760 hours (one year).',
  });
  const hours = inRange(input.hours, 'hours', 0, 87600, {
    message: 'Hours borrowed must be between 0 and 87,600 (10 years).',
  });
  const accrual = parseOption(input.accrual, 'accrual', ACCRUALS);
  const startMinute = integer(input.startMinute, 'startMinute', 0, 59, 0);
  if (accrual === 'continuous') {
    const periods = hours.div(period);
    return { periodsCharged: periods, interest: principal.times(rate).times(periods) };
  }
  if (accrual === 'per-started-hour') {
    // Clock hours passed strictly after the borrow and before repayment: k ≥ 1 with 60k − startMinute < minutes.
    const marks = Decimal.max(0, hours.times(SIXTY).plus(startMinute).div(SIXTY).ceil().minus(1));
    const periods = marks.plus(1);
    return { periodsCharged: periods, interest: principal.times(rate).div(period).times(periods) };
  }
  // Kraken: opening charge, then one rollover per 4-hour mark passed (4k < hours, k ≥ 1).
  const rollovers = Decimal.max(0, hours.div(FOUR).ceil().minus(1));
  const periods = rollovers.plus(1);
  return { periodsCharged: periods, interest: principal.times(rate).times(FOUR).div(period).times(periods) };
}

/**
 * Kraken margin level: `equity / usedMargin` as a fraction (2.5 = 250 %; margin call near 0.8, liquidation near 0.4).
 * Source: https://support.kraken.com/hc/en-us/articles/203325763-Margin-call-level-and-margin-liquidation-level
 * @throws CalcInputError when used margin is not positive.
 * @example marginLevel({ equity: 1960, usedMargin: 2608 }) // 0.7515…
 */
export function marginLevel(input: { equity: Numeric; usedMargin: Numeric }): Decimal {
  requireInput(input);
  return signed(input.equity, 'equity').div(positive(input.usedMargin, 'usedMargin'));
}

/**
 * Price at which a Kraken spot-margin position reaches a margin level (0.8 call, 0.4 liquidation), with
 * equity = trade balance + unrealised PnL. A long borrows quote, so used margin stays `q × entry / L`:
 * `P = entry + (level × q × entry / L − tradeBalance) / q`. A short borrows the coin, so used margin is `q × P / L`:
 * `P = (tradeBalance + q × entry) / (q × (1 + level / L))`. Returns `null` when no positive price reaches the level.
 * Source: Kraken examples (1.5 BTC long at 30,000 5:1 with 10,000 balance reaches 80 % at 28,133.3; a 0.2 BTC short from
 * 50,000 has margin level 75 % at 65,200), https://support.kraken.com/hc/en-us/articles/203325763-Margin-call-level-and-margin-liquidation-level
 * and https://support.kraken.com/hc/en-us/articles/203053156-Margin-trading-examples
 * @throws CalcInputError for non-positive inputs, leverage outside 1…maxLeverage (Kraken 5), a level outside (0, 100].
 * @example priceAtMarginLevel({ side: 'long', quantity: 1.5, entryPrice: 30000, leverage: 5, tradeBalance: 10000, level: 0.8 }) // 28133.33…
 */
export function priceAtMarginLevel(input: {
  side: Side;
  quantity: Numeric;
  entryPrice: Numeric;
  leverage: Numeric;
  tradeBalance: Numeric;
  level: Numeric;
  maxLeverage?: Numeric;
}): Decimal | null {
  requireInput(input);
  const side = parseSide(input.side);
  const q = positive(input.quantity, 'quantity');
  const entry = positive(input.entryPrice, 'entryPrice');
  const lev = parseLeverage(input.leverage, maxLeverageOf(input.maxLeverage));
  const balance = signed(input.tradeBalance, 'tradeBalance');
  const level = inRange(input.level, 'level', 0, 100, {
    minOpen: true,
    message: 'The margin level must be a fraction above 0, for example 0.8 for 80 %.',
  });
  const price =
    side === 'long'
      ? entry.plus(level.times(q).times(entry).div(lev).minus(balance).div(q))
      : balance.plus(q.times(entry)).div(q.times(ONE.plus(level.div(lev))));
  return price.gt(0) ? price : null;
}

/**
 * Binance spot-margin price at which `assets / liabilities` falls to `ratio` (liquidation at 1.1, margin call at 1.3 on
 * Cross 3x): `P = ratio × liabilities / assetsQuantity`, with the assets held in the coin and liabilities (loans plus
 * interest) in quote. Source: "Margin Level = Total Asset Value / (Total Liabilities + Outstanding Interest)",
 * https://binance.com/en/support/faq/binance-margin-level-and-margin-call-360030493931
 * @throws CalcInputError for non-positive quantities or a ratio outside (0, 100].
 * @example spotMarginRatioPrice({ assetsQuantity: 1, liabilities: 20000, ratio: 1.1 }) // 22000
 */
export function spotMarginRatioPrice(input: {
  assetsQuantity: Numeric;
  liabilities: Numeric;
  ratio: Numeric;
}): Decimal {
  requireInput(input);
  const assets = positive(input.assetsQuantity, 'assetsQuantity');
  const liabilities = positive(input.liabilities, 'liabilities');
  const ratio = inRange(input.ratio, 'ratio', 0, 100, {
    minOpen: true,
    message: 'The ratio must be above 0, for example 1.1.',
  });
  return ratio.times(liabilities).div(assets);
}
