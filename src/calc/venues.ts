/**
 * Venue presets as data (tiers, maintenance basis, funding, spot-margin thresholds) and the liquidation rules built
 * from them, each with its source and "as of" date.
 */
import { Decimal, type Numeric, ZERO } from './decimal.ts';
import type { Accrual } from './borrow.ts';
import type { TierInput } from './tiers.ts';
import type { Contract } from './validate.ts';
import { feeRate, inRange } from './validate.ts';

/** A perpetual-futures market as a venue configures it. */
export interface FuturesPreset {
  kind: 'futures';
  id: string;
  venue: string;
  product: string;
  symbol: string;
  contract: Contract;
  /** Highest leverage of the smallest tier. */
  maxLeverage: number;
  /** Where maintenance is measured: on the liquidation-price notional, or on entry notional (Bybit). */
  maintenanceBasis: 'liquidation' | 'entry';
  /** Tier table (give to `liquidationPrice` as `tiers`); absent when the preset uses one flat rate. */
  tiers?: readonly TierInput[];
  /** Flat maintenance margin rate (fraction), when there is no tier table here. */
  maintenanceMarginRate?: string;
  funding: { intervalHours: number; interestRate?: string; clampBand?: string; cap?: string };
  sourceUrl: string;
  /** Date of the published table or page; check the venue before quoting it as current. */
  asOf: string;
  notes: string;
}

/** A spot-margin (borrowed leverage) venue. */
export interface SpotMarginPreset {
  kind: 'spot-margin';
  id: string;
  venue: string;
  maxLeverage: number;
  /** What the thresholds measure: Kraken equity / used margin, Binance assets / liabilities. */
  levelKind: 'equity-over-used-margin' | 'assets-over-liabilities';
  marginCallLevel: string;
  liquidationLevel: string;
  accrual: Accrual;
  /** Example borrowing rate (fraction per `ratePeriodHours`). */
  rate: string;
  ratePeriodHours: number;
  sourceUrl: string;
  asOf: string;
  notes: string;
}

/** Any preset. */
export type VenuePreset = FuturesPreset | SpotMarginPreset;

/** Binance leverage pattern: initial margin = 2 × maintenance, so max leverage = 1 / (2 × MMR) rounded down. */
function binanceTiers(rows: readonly [floor: number, rate: string][], cap: number): TierInput[] {
  return rows.map(([floor, rate], i) => ({
    floor,
    maintenanceMarginRate: rate,
    maxLeverage: Math.floor(1 / (2 * Number(rate))),
    ...(i === rows.length - 1 ? { cap } : { cap: rows[i + 1][0] }),
  }));
}

/**
 * Binance USDⓈ-M BTCUSDT perpetual, the 125x table published on 2021-03-18 (0.40 % up to 50,000 USDT notional … 50 % up
 * to 500,000,000). Maintenance amounts follow from the floors (50, 1,300, 16,300, 266,300 …).
 * Source: https://www.binance.com/tr/support/announcement/86cf9aa472574b8cb2e05bb751c2a9a6
 */
export const BINANCE_BTCUSDT: FuturesPreset = {
  kind: 'futures',
  id: 'binance-btcusdt',
  venue: 'Binance',
  product: 'USDⓈ-M perpetual',
  symbol: 'BTCUSDT',
  contract: 'linear',
  maxLeverage: 125,
  maintenanceBasis: 'liquidation',
  tiers: binanceTiers(
    [
      [0, '0.004'],
      [50_000, '0.005'],
      [250_000, '0.01'],
      [1_000_000, '0.025'],
      [10_000_000, '0.05'],
      [20_000_000, '0.1'],
      [50_000_000, '0.125'],
      [100_000_000, '0.15'],
      [200_000_000, '0.25'],
      [300_000_000, '0.5'],
    ],
    500_000_000,
  ),
  funding: { intervalHours: 8, interestRate: '0.0001', clampBand: '0.0005' },
  sourceUrl: 'https://www.binance.com/tr/support/announcement/86cf9aa472574b8cb2e05bb751c2a9a6',
  asOf: '2021-03-18',
  notes: 'Tiers change often; Binance publishes the live table under Futures > Trading rules > Leverage & margin.',
};

/**
 * Binance USDⓈ-M ETHUSDT perpetual (100x table: 0.50 % up to 10,000 USDT … 25 %), as transcribed with its maintenance
 * amounts (15, 365, 5,365 …) in a public calculator; max leverage per tier derived as 1 / (2 × MMR).
 * Source: https://gist.github.com/crackcomm/e29582030d9eeac6c6124a7503cd0ac2 (secondary; Binance formula for the amounts:
 * https://www.binance.com/es/support/faq/ceccfcfb4e3a45e3b48b0b1bb1a8ae46)
 */
export const BINANCE_ETHUSDT: FuturesPreset = {
  kind: 'futures',
  id: 'binance-ethusdt',
  venue: 'Binance',
  product: 'USDⓈ-M perpetual',
  symbol: 'ETHUSDT',
  contract: 'linear',
  maxLeverage: 100,
  maintenanceBasis: 'liquidation',
  tiers: binanceTiers(
    [
      [0, '0.005'],
      [10_000, '0.0065'],
      [100_000, '0.01'],
      [500_000, '0.02'],
      [1_000_000, '0.05'],
      [2_000_000, '0.1'],
      [5_000_000, '0.125'],
      [10_000_000, '0.15'],
      [20_000_000, '0.25'],
    ],
    5_000_000_000,
  ),
  funding: { intervalHours: 8, interestRate: '0.0001', clampBand: '0.0005' },
  sourceUrl: 'https://gist.github.com/crackcomm/e29582030d9eeac6c6124a7503cd0ac2',
  asOf: '2023-09-18',
  notes: 'Secondary transcription of the Binance table; check the live table before quoting it.',
};

/**
 * Bybit BTCUSDT perpetual, first risk-limit tier: 0.5 % maintenance on the entry notional, up to 100x.
 * Sources: https://www.kbybit.com/en/help-center/article/Liquidation-Price-Calculation-under-Isolated-Mode-Unified-Trading-Account ;
 * "The minimum maintenance margin rate for perpetual contracts on Bybit is 0.5 % for BTC",
 * https://help.bybit.com/hc/en-us/articles/360039261334-How-to-calculate-Liquidation-Price-Inverse-Contract-
 */
export const BYBIT_BTCUSDT: FuturesPreset = {
  kind: 'futures',
  id: 'bybit-btcusdt',
  venue: 'Bybit',
  product: 'USDT perpetual',
  symbol: 'BTCUSDT',
  contract: 'linear',
  maxLeverage: 100,
  maintenanceBasis: 'entry',
  maintenanceMarginRate: '0.005',
  funding: { intervalHours: 8, interestRate: '0.0001', clampBand: '0.0005' },
  sourceUrl:
    'https://www.kbybit.com/en/help-center/article/Liquidation-Price-Calculation-under-Isolated-Mode-Unified-Trading-Account',
  asOf: '2026-05-27',
  notes: 'Only the first risk-limit tier; larger positions carry higher rates and a deduction.',
};

/**
 * Hyperliquid maintenance rate: half the initial margin at the asset's maximum leverage, `1 / (2 × maxLeverage)`.
 * Source: https://hyperliquid.gitbook.io/hyperliquid-docs/trading/liquidations
 * @throws CalcInputError for a maximum leverage outside 1…200.
 * @example hyperliquidMaintenanceRate(40) // 0.0125
 */
export function hyperliquidMaintenanceRate(maxLeverage: Numeric): Decimal {
  return new Decimal(1).div(inRange(maxLeverage, 'maxLeverage', 1, 200).times(2));
}

/**
 * Hyperliquid BTC perpetual at 40x maximum leverage: maintenance 1.25 % (half of 1/40) on the notional at the mark
 * price; funding settles every hour and is capped at 4 % an hour.
 * Sources (checked 2026-12-02): Hyperliquid's own docs, "Margin tiers" (BTC: 40x up to 150 M USDC of notional, 20x
 * above) https://hyperliquid.gitbook.io/hyperliquid-docs/trading/margin-tiers and "Liquidations" (maintenance margin is
 * half the initial margin at the maximum leverage) https://hyperliquid.gitbook.io/hyperliquid-docs/trading/liquidations ;
 * funding https://hyperliquid-co.gitbook.io/community-docs/technology-breakdown/hyperliquid-l1/dex/clearinghouse/funding
 */
export const HYPERLIQUID_BTC: FuturesPreset = {
  kind: 'futures',
  id: 'hyperliquid-btc',
  venue: 'Hyperliquid',
  product: 'USDC perpetual',
  symbol: 'BTC',
  contract: 'linear',
  maxLeverage: 40,
  maintenanceBasis: 'liquidation',
  maintenanceMarginRate: '0.0125',
  funding: { intervalHours: 1, cap: '0.04' },
  sourceUrl: 'https://hyperliquid.gitbook.io/hyperliquid-docs/trading/liquidations',
  asOf: '2026-11-25',
  notes: 'Maximum leverage differs by asset (3–50x) and changes; the maintenance rate follows it.',
};

/**
 * Kraken spot margin: up to 5x, margin call near 80 % and liquidation near 40 % of equity / used margin; opening fee plus
 * a rollover every 4 hours (BTC/USD long 0.025 %, short 0.01 % per 4 h in the example page).
 * Sources: https://support.kraken.com/hc/en-us/articles/203325763-Margin-call-level-and-margin-liquidation-level ;
 * https://support.kraken.com/articles/206161568 ; https://support.kraken.com/hc/en-us/articles/205605288-What-levels-of-leverage-are-offered-
 */
export const KRAKEN_SPOT_MARGIN: SpotMarginPreset = {
  kind: 'spot-margin',
  id: 'kraken-spot-margin',
  venue: 'Kraken',
  maxLeverage: 5,
  levelKind: 'equity-over-used-margin',
  marginCallLevel: '0.8',
  liquidationLevel: '0.4',
  accrual: 'open-plus-rollover',
  rate: '0.00025',
  ratePeriodHours: 4,
  sourceUrl: 'https://support.kraken.com/hc/en-us/articles/203325763-Margin-call-level-and-margin-liquidation-level',
  asOf: '2026-02-10',
  notes: 'Thresholds are approximate and vary with volatility; margin rates are dynamic and locked in at order time.',
};

/**
 * Binance Cross Margin 3x: margin call at 1.3 and liquidation at 1.1 of assets / liabilities; interest per started hour
 * (example daily rate 0.02 %).
 * Sources: https://binance.com/en/support/faq/binance-margin-level-and-margin-call-360030493931 ;
 * https://www.binance.com/en/support/articles/360030157812
 */
export const BINANCE_CROSS_MARGIN_3X: SpotMarginPreset = {
  kind: 'spot-margin',
  id: 'binance-cross-margin-3x',
  venue: 'Binance',
  maxLeverage: 3,
  levelKind: 'assets-over-liabilities',
  marginCallLevel: '1.3',
  liquidationLevel: '1.1',
  accrual: 'per-started-hour',
  rate: '0.0002',
  ratePeriodHours: 24,
  sourceUrl: 'https://binance.com/en/support/faq/binance-margin-level-and-margin-call-360030493931',
  asOf: '2024-10-18',
  notes: 'Rates are dynamic (hourly) since 2023-03-01; 0.02 %/day is the worked example’s rate.',
};

/** Every preset, for venue pickers and comparison tables. */
export const VENUE_PRESETS: readonly VenuePreset[] = [
  BINANCE_BTCUSDT,
  BINANCE_ETHUSDT,
  BYBIT_BTCUSDT,
  HYPERLIQUID_BTC,
  KRAKEN_SPOT_MARGIN,
  BINANCE_CROSS_MARGIN_3X,
];

/**
 * How a maintenance requirement is computed: `N × r − a` (+ `c × N(P)` when a close fee is counted), with N the
 * notional at the liquidation price (`'liquidation'` basis: Binance, Hyperliquid) or at entry (`'entry'`: Bybit), r and
 * a flat or from a tier table. The same fields `liquidationPrice` takes.
 * Source: "Maintenance Margin = Notional Position Value × Maintenance Margin Rate − Maintenance Amount",
 * https://phemex.com/help-center/risk-limit (Binance and Bybit publish the same form).
 */
export interface MaintenanceRule {
  maintenanceBasis: 'liquidation' | 'entry';
  /** A tier table (rate and amount chosen by notional); absent for a flat rate. */
  tiers?: readonly TierInput[];
  /** Flat maintenance margin rate (fraction), when there is no tier table. */
  maintenanceMarginRate?: Numeric;
  /** Flat maintenance amount ("deduction"), in the settlement currency; default 0. Not with `tiers`. */
  maintenanceAmount?: Numeric;
  /** Close fee rate counted in the requirement, on the notional at the liquidation price; default 0. */
  closeFeeRate?: Numeric;
}

/**
 * A venue's liquidation rule as data: its maintenance requirement, its maximum leverage and where it is published.
 * `compareVenues` and `liquidationUnderRule` (venueCompare.ts) run a trade through one.
 */
export interface LiquidationRule extends MaintenanceRule {
  /** Stable id: 'binance', 'bybit', 'hyperliquid', 'textbook', 'closefee', or a caller's own ('custom'). */
  id: string;
  /** `'venue'` for an exchange's rule, `'textbook'` for the estimate without maintenance, `'custom'` for a reader's. */
  kind: 'venue' | 'textbook' | 'custom';
  /** "Binance BTCUSDT", for tables. */
  name: string;
  /** "Binance", for sentences. */
  short: string;
  /** Settlement of the market the rule belongs to; a tier table in USDT cannot price a coin-margined position. */
  contract?: Contract;
  /**
   * The venue's maximum leverage. With `tiers`, each tier carries its own and the tier at the entry notional decides;
   * this is then the first tier's. Absent: the module's default maximum (200).
   */
  maxLeverage?: number;
  /** One line on how the rule works, for a venue picker's hint. */
  summary?: string;
  sourceUrl?: string;
  asOf?: string;
}

/** A liquidation rule from a futures preset: the preset's tiers or flat rate, basis and maximum leverage. */
function ruleFromPreset(id: string, preset: FuturesPreset, summary: string): LiquidationRule {
  const rule: LiquidationRule = {
    id,
    kind: 'venue',
    name: `${preset.venue} ${preset.symbol}`,
    short: preset.venue,
    contract: preset.contract,
    maintenanceBasis: preset.maintenanceBasis,
    maxLeverage: preset.maxLeverage,
    summary,
    sourceUrl: preset.sourceUrl,
    asOf: preset.asOf,
  };
  if (preset.tiers) rule.tiers = preset.tiers;
  else rule.maintenanceMarginRate = preset.maintenanceMarginRate ?? '0';
  return rule;
}

/**
 * Binance BTCUSDT: the tier table of {@link BINANCE_BTCUSDT}, the tier chosen at the liquidation price's notional;
 * 125x in the first tier, less in larger ones. Source: as the preset.
 */
export const BINANCE_BTCUSDT_RULE: LiquidationRule = ruleFromPreset(
  'binance',
  BINANCE_BTCUSDT,
  'Tiers on the notional at the liquidation price.',
);

/** Bybit BTCUSDT, first risk-limit tier: 0.5 % of the entry notional, up to 100x. Source: as {@link BYBIT_BTCUSDT}. */
export const BYBIT_BTCUSDT_RULE: LiquidationRule = ruleFromPreset(
  'bybit',
  BYBIT_BTCUSDT,
  '0.5% on the entry notional (first risk-limit tier), up to 100x.',
);

/**
 * Hyperliquid BTC: 1.25 % of the notional at the mark price, half the initial margin at its 40x maximum
 * ({@link hyperliquidMaintenanceRate}). Source: as {@link HYPERLIQUID_BTC}.
 */
export const HYPERLIQUID_BTC_RULE: LiquidationRule = ruleFromPreset(
  'hyperliquid',
  HYPERLIQUID_BTC,
  '1.25%: half the initial margin at its 40x maximum.',
);

/**
 * The textbook estimate: no maintenance and no fee, so liquidation is the bankruptcy price, where the margin is gone
 * (a 1/leverage move for an isolated linear position). Not a venue's rule: the yardstick the others are measured by.
 * Source: Bybit, "Bankruptcy Price = Entry Price × (1 − Initial Margin Rate)",
 * https://www.kbybit.com/en/help-center/article/Liquidation-Price-Calculation-under-Isolated-Mode-Unified-Trading-Account
 */
export const TEXTBOOK_RULE: LiquidationRule = {
  id: 'textbook',
  kind: 'textbook',
  name: 'Textbook (no maintenance)',
  short: 'the textbook rule',
  maintenanceBasis: 'liquidation',
  maintenanceMarginRate: '0',
  summary: 'No maintenance: liquidation is the bankruptcy price.',
};

/** The example close fee of {@link CLOSE_FEE_RULE} when the reader gives none: 0.05 %, a common taker fee. */
export const EXAMPLE_CLOSE_FEE_RATE = '0.0005';

/**
 * The close-fee rule (OKX, Phemex, Gate style): a 0.5 % maintenance rate, Phemex's smallest BTC tier, plus the fee to
 * close the position, both on the notional at the liquidation price, so liquidation comes when
 * `equity = N(P) × (r + c)`. The fee here is an example taker fee (0.05 %); pass the reader's through
 * {@link closeFeeRuleWith}. It stands for a style several venues share, so it has no maximum leverage of its own.
 * Sources: Phemex risk limits (BTC tier 1: 0.50 % maintenance, 100x), https://phemex.com/help-center/risk-limit ;
 * OKX counts "maintenance margin plus applicable liquidation fees", isolated margin ratio = (margin + PnL) /
 * (notional × (tiered margin rate + fee rate)), https://www.okx.com/help/v-tiered-maintenance-margin-ratio-rules ;
 * Gate, "Liquidation Price = (Entry Price ± Margin / Contract Multiplier / Size) / [1 ± (Maintenance Margin Ratio +
 * Taker Rate)]", https://www.gate.io/help/futures/futures/27724/liquidation-price-bankruptcy-price
 */
export const CLOSE_FEE_RULE: LiquidationRule = {
  id: 'closefee',
  kind: 'venue',
  name: 'With the close fee (OKX, Phemex style)',
  short: 'the close-fee rule',
  maintenanceBasis: 'liquidation',
  maintenanceMarginRate: '0.005',
  closeFeeRate: EXAMPLE_CLOSE_FEE_RATE,
  summary: '0.5% plus the close fee, both on the notional at the liquidation price.',
  sourceUrl: 'https://phemex.com/help-center/risk-limit',
  asOf: '2026-11-25',
};

/**
 * {@link CLOSE_FEE_RULE} with a reader's close fee rate (a fraction), or with its example fee when that rate is 0 or
 * absent, so the row always shows what a close fee does.
 * @throws CalcInputError for a fee rate outside 0…0.1.
 * @example closeFeeRuleWith('0.0006').closeFeeRate // Decimal 0.0006
 */
export function closeFeeRuleWith(closeFeeRate?: Numeric): LiquidationRule {
  const rate = feeRate(closeFeeRate, 'closeFeeRate', ZERO);
  return rate.isZero() ? CLOSE_FEE_RULE : { ...CLOSE_FEE_RULE, closeFeeRate: rate };
}

/** The rules a liquidation comparison runs a trade through, in table order. */
export const LIQUIDATION_RULES: readonly LiquidationRule[] = [
  BINANCE_BTCUSDT_RULE,
  BYBIT_BTCUSDT_RULE,
  HYPERLIQUID_BTC_RULE,
  TEXTBOOK_RULE,
  CLOSE_FEE_RULE,
];
