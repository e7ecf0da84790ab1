/**
 * Risk of ruin and correlated positions (lesson 7): how a losing streak drains an account at a fixed risk per trade,
 * how likely such a streak is, and how two positions' risks add up when their prices move together.
 */
import { Decimal, type Numeric, ONE, ZERO } from './decimal.ts';
import { inRange, integer, nonNegative, requireInput } from './validate.ts';

/**
 * The share of an account lost after `losses` losing trades in a row, each risking `riskFraction` of what is left
 * (fixed-fractional sizing, the 1 % rule): `1 − (1 − f)ⁿ`. Source: fixed-fractional position sizing, R. Vince,
 * "The Mathematics of Money Management" (Wiley, 1992), ch. 1; the 1 % rule as taught in lesson 7.
 * @throws CalcInputError for a risk fraction outside (0, 1) or a count outside 0…10,000.
 * @example drawdownAfterLosses({ riskFraction: 0.1, losses: 2 }) // 0.19 (1 − 0.9 × 0.9)
 */
export function drawdownAfterLosses(input: { riskFraction: Numeric; losses: Numeric }): Decimal {
  requireInput(input);
  const f = riskFractionOf(input.riskFraction);
  const n = integer(input.losses, 'losses', 0, 10000);
  return ONE.minus(ONE.minus(f).pow(n));
}

/**
 * The fewest losing trades in a row that take an account down by at least `drawdown` (a fraction) when each trade
 * risks `riskFraction` of what is left: the smallest `n` with `(1 − f)ⁿ ≤ 1 − D`, about `ln(1 − D) / ln(1 − f)`
 * rounded up. Source: as {@link drawdownAfterLosses}.
 * @throws CalcInputError for a risk fraction or a drawdown outside (0, 1).
 * @example lossesToDrawdown({ riskFraction: 0.1, drawdown: 0.5 }) // 7 (0.9⁶ = 0.531 > 0.5, 0.9⁷ = 0.478 ≤ 0.5)
 */
export function lossesToDrawdown(input: { riskFraction: Numeric; drawdown: Numeric }): number {
  requireInput(input);
  const f = riskFractionOf(input.riskFraction);
  const d = inRange(input.drawdown, 'drawdown', 0, 1, {
    minOpen: true,
    maxOpen: true,
    message: 'The drawdown must be a fraction between 0 and 1.',
  });
  const left = ONE.minus(d);
  const keep = ONE.minus(f);
  // The logarithm gives the count to within one; the exact powers settle it.
  let n = Math.max(1, left.ln().div(keep.ln()).ceil().toNumber());
  while (n > 1 && keep.pow(n - 1).lte(left)) n--;
  while (keep.pow(n).gt(left)) n++;
  return n;
}

/**
 * The probability of at least one run of `streak` or more losing trades in a row among `trades` independent trades
 * that each win with probability `winRate`. Exact dynamic programme over the length of the current losing run:
 * `P(run of r after t trades)`, `r = 0…k−1`, with a win sending the run to 0 (probability p) and a loss adding one
 * (probability 1 − p); the answer is 1 minus the probability of never reaching `k`. Source: the classic "longest run"
 * problem, W. Feller, "An Introduction to Probability Theory and Its Applications", vol. 1, 3rd ed. (1968), XIII.7.
 * @throws CalcInputError for a win rate outside [0, 1], a streak outside 1…1,000 or a count of trades outside 0…10,000.
 * @example lossStreakProbability({ winRate: 0.5, streak: 2, trades: 3 }) // 0.375 (LLW, WLL, LLL: 3 of 8)
 */
export function lossStreakProbability(input: { winRate: Numeric; streak: Numeric; trades: Numeric }): Decimal {
  requireInput(input);
  const p = inRange(input.winRate, 'winRate', 0, 1, { message: 'The win rate must be a fraction from 0 to 1.' });
  const k = integer(input.streak, 'streak', 1, 1000);
  const n = integer(input.trades, 'trades', 0, 10000);
  const q = ONE.minus(p);
  // state[r]: probability that no run of k has happened and the current losing run is r (r < k).
  let state: Decimal[] = Array.from({ length: k }, (_, r) => (r === 0 ? ONE : ZERO));
  for (let t = 0; t < n; t++) {
    const next: Decimal[] = Array.from({ length: k }, () => ZERO);
    const alive = state.reduce((sum, v) => sum.plus(v), ZERO);
    next[0] = alive.times(p);
    for (let r = 0; r + 1 < k; r++) next[r + 1] = state[r].times(q);
    state = next;
  }
  const safe = state.reduce((sum, v) => sum.plus(v), ZERO);
  return ONE.minus(safe);
}

/**
 * The combined risk of two positions whose outcomes move together with correlation `ρ`, each with its own risk
 * (a dollar loss, or a standard deviation in dollars): `√(a² + b² + 2ρab)`. At `ρ = 1` the risks simply add (two
 * 1 % bets become one 2 % bet); at `ρ = 0` the total is smaller than the sum; at `ρ = −1` they offset. Source: the
 * variance of a two-asset portfolio, H. Markowitz, "Portfolio Selection", Journal of Finance 7(1), 1952; Bodie, Kane
 * and Marcus, "Investments", ch. 7.
 * @throws CalcInputError for a negative risk or a correlation outside [−1, 1].
 * @example combinedRisk({ riskA: 30, riskB: 40, correlation: 0 }) // 50 (√(900 + 1,600))
 */
export function combinedRisk(input: { riskA: Numeric; riskB: Numeric; correlation: Numeric }): Decimal {
  requireInput(input);
  const a = nonNegative(input.riskA, 'riskA');
  const b = nonNegative(input.riskB, 'riskB');
  const rho = inRange(input.correlation, 'correlation', -1, 1, {
    message: 'The correlation must be between -1 and 1.',
  });
  const variance = a.pow(2).plus(b.pow(2)).plus(new Decimal(2).times(rho).times(a).times(b));
  // Rounding can leave a tiny negative at ρ = −1 with a = b.
  return Decimal.max(variance, ZERO).sqrt();
}

function riskFractionOf(value: unknown): Decimal {
  return inRange(value, 'riskFraction', 0, 1, {
    minOpen: true,
    maxOpen: true,
    message: 'The risk per trade must be a fraction between 0 and 1.',
  });
}
