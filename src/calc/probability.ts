/**
 * First-passage probability of touching the liquidation price under geometric Brownian motion (closed form, plain
 * numbers), and the liquidation level a given distance from today's price.
 */
import { type Decimal, type Numeric, ONE } from './decimal.ts';
import { type Side, inRange, parseSide, positive, requireInput } from './validate.ts';

/**
 * Standard normal CDF Φ(x) via a Chebyshev-fitted erfc (Numerical Recipes `erfcc`, relative error < 1.2e-7).
 * @see https://numerical.recipes/book.html (section 6.2)
 */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}

function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** log Φ(x), accurate in the far left tail where Φ underflows (asymptotic series below −30). */
function logNormalCdf(x: number): number {
  if (x > -30) return Math.log(normalCdf(x));
  const x2 = x * x;
  return -0.5 * x2 - Math.log(-x) - 0.5 * Math.log(2 * Math.PI) + Math.log(1 - 1 / x2 + 3 / (x2 * x2));
}

/**
 * Probability that the price touches a level `distance` away (signed fraction of today's price, e.g. −0.0964 from
 * {@link liquidationPrice}) within `horizonDays`, for geometric Brownian motion with annualised `volatility` and `drift`:
 * with `b = ln(1 + distance)`, `ν = μ − σ²/2`, `t = days / 365`, down barrier
 * `Φ((b − νt)/(σ√t)) + e^{2νb/σ²} Φ((b + νt)/(σ√t))`; up barrier the mirror image. A plain number in [0, 1].
 * Continuous monitoring; exchanges watch the mark price continuously, so this is the right model of "touching".
 * Source: reflection principle for Brownian motion with drift (Shreve, Stochastic Calculus for Finance II, §7.2.2);
 * the liquidation distance comes from https://www.binance.com/fr/support/faq/b3c689c1f50a44cabb3a84e663b81d93
 * @throws CalcInputError for a distance outside (−1, 10], volatility outside (0, 10], horizon outside (0, 36,500] days,
 *   drift outside −10…10.
 * @example liquidationProbability({ distance: -0.3, volatility: 0.6, horizonDays: 365 }) // ≈ 0.6493
 *   (b = ln 0.7 = −0.35667, νt = −0.18, σ√t = 0.6: Φ(−0.29446) + e^{0.35667} Φ(−0.89446) = 0.38420 + 1.42857 × 0.18554)
 */
export function liquidationProbability(input: {
  distance: Numeric;
  volatility: Numeric;
  horizonDays: Numeric;
  drift?: Numeric;
}): number {
  const distance = inRange(input?.distance, 'distance', -1, 10, {
    minOpen: true,
    message: 'The distance must be a fraction above -1 (a fall of less than 100 %) and at most 10.',
  }).toNumber();
  const sigma = inRange(input.volatility, 'volatility', 0, 10, {
    minOpen: true,
    message: 'Volatility must be above 0 and at most 10 (1000 % a year).',
  }).toNumber();
  const days = inRange(input.horizonDays, 'horizonDays', 0, 36500, {
    minOpen: true,
    message: 'The horizon must be more than 0 and at most 36,500 days.',
  }).toNumber();
  const mu = input.drift === undefined || input.drift === null ? 0 : inRange(input.drift, 'drift', -10, 10).toNumber();
  return touchProbability(distance, sigma, days / 365, mu);
}

/** The closed form on plain numbers (shared with the benchmark); `t` in years. */
export function touchProbability(distance: number, sigma: number, t: number, mu = 0): number {
  if (distance === 0) return 1;
  const b = Math.log1p(distance);
  const nu = mu - (sigma * sigma) / 2;
  const sd = sigma * Math.sqrt(t);
  const k = (2 * nu * b) / (sigma * sigma);
  let p: number;
  if (b < 0) p = normalCdf((b - nu * t) / sd) + Math.exp(k + logNormalCdf((b + nu * t) / sd));
  else p = normalCdf((-b + nu * t) / sd) + Math.exp(k + logNormalCdf((-b - nu * t) / sd));
  if (!Number.isFinite(p)) return 1;
  return Math.min(1, Math.max(0, p));
}

/**
 * The liquidation level a given distance from today's price, on the side that loses: a long's is below, a short's
 * above. `distance` is the size of the move as a fraction (0.1 = 10 %); its sign is ignored and the side decides it,
 * so a signed distance from {@link liquidationPrice} may be passed as it is. Returns the signed distance
 * (`−size` for a long, `+size` for a short: what {@link liquidationProbability} takes), the size, and
 * `level = price × (1 + distance)`.
 * Source: the signed distance `(liquidation − entry) / entry` of {@link liquidationPrice}, below entry for a long and
 * above for a short (Binance, https://www.binance.com/fr/support/faq/b3c689c1f50a44cabb3a84e663b81d93).
 * @throws CalcInputError for a non-positive price, a long's distance of 100 % or more (no positive price), or a short's
 *   above 10 (1,000 %).
 * @example liquidationLevel({ side: 'long', price: 100, distance: 0.2 }) // { distance: −0.2, size: 0.2, level: 80 }
 */
export function liquidationLevel(input: { side: Side; price: Numeric; distance: Numeric }): {
  distance: Decimal;
  size: Decimal;
  level: Decimal;
} {
  requireInput(input);
  const side = parseSide(input.side);
  const price = positive(input.price, 'price');
  const size =
    side === 'long'
      ? inRange(input.distance, 'distance', -1, 1, {
          minOpen: true,
          maxOpen: true,
          message: "A long's distance to liquidation must be less than 1 (a fall of less than 100 %).",
        }).abs()
      : inRange(input.distance, 'distance', -10, 10, {
          message: "A short's distance to liquidation must be at most 10 (a rise of 1,000 %).",
        }).abs();
  const distance = side === 'long' && !size.isZero() ? size.neg() : size;
  return { distance, size, level: price.times(ONE.plus(distance)) };
}
