/** Realised (historical) volatility of a price series: how much it actually swung, annualised. */
import { Decimal, type Numeric } from './decimal.ts';
import { CalcInputError, OUT_OF_RANGE, REQUIRED } from './errors.ts';
import { inRange, positive, requireInput } from './validate.ts';

/** The most closes {@link realisedVolatility} reads at once (more than a year of hourly closes). */
export const MAX_CLOSES = 10_000;

/**
 * Annualised realised volatility of evenly spaced closing prices, as a fraction (0.5 = 50 % a year): with log returns
 * `u_i = ln(S_i / S_{i−1})`, their mean `ū` and `n` returns, the sample standard deviation
 * `s = √( Σ (u_i − ū)² / (n − 1) )` scaled to a year, `σ = s × √periodsPerYear` (`periodsPerYear` = 8,760 for hourly
 * closes of a market open every hour of a 365-day year, 365 for daily ones).
 * Source: J. C. Hull, Options, Futures, and Other Derivatives, chapter "The Black–Scholes–Merton model", section
 * "Estimating volatility from historical data" (`σ̂ = s / √τ`, `τ` the interval in years).
 * @throws CalcInputError `required` when `closes` is not a list, `out_of_range` for fewer than 3 closes (2 returns) or
 *   more than {@link MAX_CLOSES}, `must_be_positive` for a close that is not above zero (`closes[i]`), and
 *   `out_of_range` for `periodsPerYear` outside (0, 10,000,000].
 * @example realisedVolatility({ closes: [100, 110, 99], periodsPerYear: 8 }) // ln(11/9) × 2 ≈ 0.40134
 */
export function realisedVolatility(input: { closes: readonly Numeric[]; periodsPerYear: Numeric }): Decimal {
  requireInput(input);
  const { closes } = input;
  if (!Array.isArray(closes))
    throw new CalcInputError('closes', REQUIRED, 'Realised volatility needs a list of closes.');
  if (closes.length < 3 || closes.length > MAX_CLOSES) {
    throw new CalcInputError(
      'closes',
      OUT_OF_RANGE,
      `Realised volatility needs from 3 to ${MAX_CLOSES.toLocaleString('en-US')} closes (at least two returns).`,
    );
  }
  const periods = inRange(input.periodsPerYear, 'periodsPerYear', 0, 10_000_000, {
    minOpen: true,
    message: 'Periods per year must be above 0 and at most 10,000,000.',
  });
  const prices = closes.map((c, i) => positive(c, `closes[${i}]`));
  const returns: Decimal[] = [];
  for (let i = 1; i < prices.length; i++) returns.push(prices[i].div(prices[i - 1]).ln());
  const n = returns.length;
  const mean = returns.reduce((sum, u) => sum.plus(u), new Decimal(0)).div(n);
  const variance = returns.reduce((sum, u) => sum.plus(u.minus(mean).pow(2)), new Decimal(0)).div(n - 1);
  return variance.sqrt().times(periods.sqrt());
}
