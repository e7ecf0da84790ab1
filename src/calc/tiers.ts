/** Maintenance-margin tiers (Binance "position brackets", Bybit "risk limits"): maintenance amounts and tier lookup. */
import { Decimal, type Numeric, ZERO } from './decimal.ts';
import { CalcInputError, INCONSISTENT, OUT_OF_RANGE, REQUIRED } from './errors.ts';
import { inRange, maintenanceRate, nonNegative } from './validate.ts';

/** A tier as a venue publishes it; `floor` and `cap` are notionals (quote for linear, coin for inverse). */
export interface TierInput {
  floor: Numeric;
  cap?: Numeric;
  maintenanceMarginRate: Numeric;
  maintenanceAmount?: Numeric;
  maxLeverage?: Numeric;
}

/** A validated tier with its maintenance amount. A tier holds notionals `floor < N ≤ cap` (the first also holds 0). */
export interface Tier {
  floor: Decimal;
  cap?: Decimal;
  maintenanceMarginRate: Decimal;
  maintenanceAmount: Decimal;
  maxLeverage?: Decimal;
}

const cache = new WeakMap<readonly TierInput[], Tier[]>();

/**
 * Sorts tiers by floor and gives each a maintenance amount that keeps the requirement continuous at every floor:
 * `amount_n = floor_n × (rate_n − rate_{n−1}) + amount_{n−1}`; the first tier keeps its given amount (default 0).
 * Amounts given on later tiers are replaced by the computed ones, so a typo in a table cannot break continuity.
 * Tables are data: the result for a table object is kept and returned, frozen, to every later caller of that object.
 * Source: Binance, "Maintenance Amount = [Floor of Position Bracket on Level n × (MMR_n − MMR_{n−1})] + Maintenance
 * Amount on Level n−1", https://www.binance.com/es/support/faq/ceccfcfb4e3a45e3b48b0b1bb1a8ae46
 * @throws CalcInputError `required` for an empty table, `inconsistent` when the lowest floor is not 0, floors repeat,
 *   or a cap is not above its floor.
 * @example withMaintenanceAmounts([{ floor: 0, maintenanceMarginRate: 0.004 }, { floor: 50000, maintenanceMarginRate: 0.005 }])[1].maintenanceAmount // 50
 */
export function withMaintenanceAmounts(tiers: readonly TierInput[]): Tier[] {
  const cached = cache.get(tiers);
  if (cached) return cached;
  // Array.isArray narrows a readonly array to any[], so the typed name is kept for the rest.
  const rows: readonly TierInput[] = tiers;
  if (!Array.isArray(tiers) || rows.length === 0) {
    throw new CalcInputError('tiers', REQUIRED, 'The tier table needs at least one tier.');
  }
  const parsed = rows.map((tier, i) => {
    if (tier === null || typeof tier !== 'object') {
      throw new CalcInputError(`tiers[${i}].floor`, REQUIRED, `Tier ${i + 1} is missing.`);
    }
    const floor = nonNegative(tier.floor, `tiers[${i}].floor`);
    const cap = tier.cap === undefined || tier.cap === null ? undefined : nonNegative(tier.cap, `tiers[${i}].cap`);
    if (cap && cap.lte(floor)) {
      throw new CalcInputError(`tiers[${i}].cap`, INCONSISTENT, `Tier ${i + 1}: the cap must be above the floor.`);
    }
    const result: Tier = {
      floor,
      maintenanceMarginRate: maintenanceRate(tier.maintenanceMarginRate, `tiers[${i}].maintenanceMarginRate`),
      maintenanceAmount: nonNegative(tier.maintenanceAmount, `tiers[${i}].maintenanceAmount`, ZERO),
    };
    if (cap) result.cap = cap;
    if (tier.maxLeverage !== undefined && tier.maxLeverage !== null) {
      result.maxLeverage = inRange(tier.maxLeverage, `tiers[${i}].maxLeverage`, 1, 10000);
    }
    return result;
  });
  parsed.sort((a, b) => a.floor.comparedTo(b.floor));
  if (!parsed[0].floor.isZero()) {
    throw new CalcInputError('tiers', INCONSISTENT, 'The first tier must start at a notional of 0.');
  }
  for (let i = 1; i < parsed.length; i++) {
    const prev = parsed[i - 1];
    const tier = parsed[i];
    if (tier.floor.eq(prev.floor)) {
      throw new CalcInputError('tiers', INCONSISTENT, 'Two tiers start at the same notional.');
    }
    tier.maintenanceAmount = tier.floor
      .times(tier.maintenanceMarginRate.minus(prev.maintenanceMarginRate))
      .plus(prev.maintenanceAmount);
  }
  // The validated table is shared by every caller that passes the same table: frozen, so none can alter it for the rest.
  for (const tier of parsed) Object.freeze(tier);
  Object.freeze(parsed);
  cache.set(tiers, parsed);
  return parsed;
}

/** Index of the tier holding `notional` (`floor < N ≤ next floor`), extrapolating the last tier beyond its cap. */
export function tierIndexFor(notional: Decimal, tiers: readonly Tier[]): number {
  let index = 0;
  for (let i = 1; i < tiers.length; i++) {
    if (notional.gt(tiers[i].floor)) index = i;
    else break;
  }
  return index;
}

/**
 * The tier whose bracket holds `notional` (Binance brackets are `floor < position ≤ cap`), with its maintenance amount.
 * Source: Binance leverage and margin tiers, e.g. "50,000 < Position ≤ 250,000 … 0.50 %",
 * https://www.binance.com/tr/support/announcement/86cf9aa472574b8cb2e05bb751c2a9a6
 * @throws CalcInputError `out_of_range` when the notional is above the last tier's cap, or a tier-table error.
 * @example tierFor(60000, BINANCE_BTCUSDT.tiers).maintenanceMarginRate // 0.005
 */
export function tierFor(notional: Numeric, tiers: readonly TierInput[]): Tier {
  const table = withMaintenanceAmounts(tiers);
  const value = nonNegative(notional, 'notional');
  const tier = table[tierIndexFor(value, table)];
  if (tier.cap && value.gt(tier.cap)) {
    throw new CalcInputError(
      'notional',
      OUT_OF_RANGE,
      `The position is larger than the largest tier allows (${tier.cap.toString()}).`,
    );
  }
  return tier;
}

/** A maintenance rule as a calculation's input gives it: a tier table, or one rate with an optional amount. */
export type MaintenanceSpec = { kind: 'tiers'; table: Tier[] } | { kind: 'flat'; rate: Decimal; amount: Decimal };

/**
 * Reads the maintenance part of an input: `tiers` (each tier with its amount, see {@link withMaintenanceAmounts}) or
 * `maintenanceMarginRate` with an optional `maintenanceAmount` (default 0), never both. Requirement = notional × rate −
 * amount, as Binance's and Bybit's tier pages state it.
 * @throws CalcInputError `inconsistent` when both are given (or an amount beside tiers), `required` when neither is.
 */
export function readMaintenance(input: {
  tiers?: readonly TierInput[] | null | undefined;
  maintenanceMarginRate?: unknown;
  maintenanceAmount?: unknown;
}): MaintenanceSpec {
  const hasRate = input.maintenanceMarginRate !== undefined && input.maintenanceMarginRate !== null;
  if (input.tiers !== undefined && input.tiers !== null) {
    if (hasRate) {
      throw new CalcInputError(
        'maintenanceMarginRate',
        INCONSISTENT,
        'Give either a maintenance margin rate or a tier table, not both.',
      );
    }
    if (input.maintenanceAmount !== undefined && input.maintenanceAmount !== null) {
      throw new CalcInputError(
        'maintenanceAmount',
        INCONSISTENT,
        'With a tier table, each tier carries its own maintenance amount.',
      );
    }
    return { kind: 'tiers', table: withMaintenanceAmounts(input.tiers) };
  }
  if (!hasRate) {
    throw new CalcInputError(
      'maintenanceMarginRate',
      REQUIRED,
      'Maintenance margin rate is required (or give a tier table).',
    );
  }
  return {
    kind: 'flat',
    rate: maintenanceRate(input.maintenanceMarginRate),
    amount: nonNegative(input.maintenanceAmount, 'maintenanceAmount', ZERO),
  };
}
