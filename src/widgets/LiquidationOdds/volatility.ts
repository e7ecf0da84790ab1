/**
 * Volatility presets computed from the price data this site ships: the realised volatility of Binance's BTCUSDT
 * perpetual mark price over three of the replay's hourly windows (content/market-data/crash-windows/, Binance market
 * data via Binance Vision, CC BY-NC-SA 4.0). Method: src/calc's `realisedVolatility`, the sample standard deviation of
 * hourly log returns of the mark-price closes × √8,760 (hours in a 365-day year). The figures are literals; the unit
 * test `__tests__/volatility.test.ts` recomputes each one from its CSV file and fails when they differ.
 *
 * These are crisis windows of three to five days, so they are far above a calm year's volatility, and close-to-close
 * figures miss swings that come back within the hour (the 10 October 2025 cascade measures only 54.8 %). No ether
 * data is shipped, so there is no ether preset: a number without data behind it would be a guess.
 */
export interface VolatilityPreset {
  id: string;
  asset: string;
  /** Short label for the button: "BTC, FTX week". */
  label: string;
  /** Annualised volatility in percent, one decimal, as the field takes it. */
  volatility: string;
  /** The window measured, in words: "7–11 Nov 2022 (120 hourly closes)". */
  period: string;
  /** How the figure was computed, in one sentence. */
  method: string;
  /** The shipped data file the figure is computed from. */
  file: string;
  sourceTitle: string;
  sourceUrl: string;
  /** The last day of the window. */
  asOf: string;
}

const METHOD =
  'Realised volatility: sample standard deviation of hourly log returns of the mark-price closes, × √8,760 to annualise.';
const SOURCE = {
  asset: 'BTC',
  method: METHOD,
  sourceTitle: 'Binance BTCUSDT perpetual, hourly mark price (Binance Vision, CC BY-NC-SA 4.0)',
  sourceUrl: 'https://data.binance.vision/',
};

export const VOLATILITY_PRESETS: readonly VolatilityPreset[] = [
  {
    id: 'btc-2023-08',
    label: 'BTC, flash-crash week',
    volatility: '70.6',
    period: '16–18 Aug 2023 (72 hourly closes)',
    file: 'x3_2023-08-17_flash-crash_1h.csv',
    asOf: '2023-08-18',
    ...SOURCE,
  },
  {
    id: 'btc-2022-11',
    label: 'BTC, FTX week',
    volatility: '132.6',
    period: '7–11 Nov 2022 (120 hourly closes)',
    file: 'w3_2022-11-08_ftx_1h.csv',
    asOf: '2022-11-11',
    ...SOURCE,
  },
  {
    id: 'btc-2020-03',
    label: 'BTC, Black Thursday',
    volatility: '376.2',
    period: '11–14 Mar 2020 (96 hourly closes)',
    file: 'w1_2020-03-12_black-thursday_1h.csv',
    asOf: '2020-03-14',
    ...SOURCE,
  },
];
