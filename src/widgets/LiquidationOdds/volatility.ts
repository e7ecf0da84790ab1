/**
 * Volatility presets with their source: realised (historical) annualised volatility of daily returns over calendar
 * year 2024, as published by Gale Finance. Check the page before quoting it as current: volatility changes a lot.
 */
export interface VolatilityPreset {
  id: string;
  asset: string;
  /** Annualised volatility in percent, as the field takes it. */
  volatility: string;
  period: string;
  sourceTitle: string;
  sourceUrl: string;
  asOf: string;
}

const SOURCE = {
  sourceTitle: 'Gale Finance, “Bitcoin vs Ethereum (BTC vs ETH): Returns, Risk & Volatility (2024)”',
  sourceUrl: 'https://www.gale.finance/compare/btc-vs-eth-2024',
  asOf: '2024-12-31',
  period: '1 January to 31 December 2024',
};

export const VOLATILITY_PRESETS: readonly VolatilityPreset[] = [
  { id: 'btc', asset: 'BTC', volatility: '52.9', ...SOURCE },
  { id: 'eth', asset: 'ETH', volatility: '64.7', ...SOURCE },
];
