/**
 * Named scenarios with their own embed paths (/embed/v1/<widget>/<preset>/), static oEmbed JSON
 * and PNG card. A pasted link to a preset keeps its settings in WordPress, which replaces the
 * query string of oEmbed requests; arbitrary scenarios go through the iframe snippet instead.
 * Every widget has at least two (src/embed/__tests__/describers.test.ts), and their parameters must parse under
 * the widget's own schema.
 */
export interface Preset {
  id: string;
  title: string;
  /** Parameter values that differ from the widget's defaults. */
  params: Record<string, string>;
}

export const presets: Record<string, Preset[]> = {
  position: [
    { id: 'ten-x-long', title: '10x long on bitcoin, 5% rise', params: { leverage: '10', exit: '63000' } },
    {
      id: 'fifty-x-short',
      title: '50x short on bitcoin, 1% rise',
      params: { side: 'short', leverage: '50', margin: '200', exit: '60600' },
    },
  ],
  liquidation: [
    { id: 'twenty-x-long', title: 'Where a 20x bitcoin long is liquidated', params: { leverage: '20' } },
    {
      id: 'cross-short-bybit',
      title: 'A 10x cross short under Bybit’s rule',
      params: { side: 'short', mode: 'cross', venue: 'bybit' },
    },
  ],
  'risk-sizer': [
    {
      id: 'tight-stop',
      title: 'Risking 1% with a stop 1% away',
      params: { stop: '59400', target: '61800' },
    },
    {
      id: 'short-two-percent',
      title: 'Risking 2% on a 20x short',
      params: { side: 'short', risk: '2', stop: '61800', target: '56400', leverage: '20' },
    },
  ],
  'carry-cost': [
    { id: 'hot-funding', title: 'A month of 0.05% funding on a 5x long', params: { funding: '0.05' } },
    { id: 'short-quarter', title: 'A short held for 90 days', params: { side: 'short', days: '90' } },
  ],
  'us-access': [
    {
      id: 'us-individual',
      title: 'A US individual with $250,000 invested',
      params: { where: 'us', kind: 'individual', amount: '250000' },
    },
    {
      id: 'us-company',
      title: 'A US company with $15 million in assets',
      params: { where: 'us', kind: 'entity', amount: '15000000' },
    },
  ],
  'margin-modes': [
    { id: 'market-down-twenty', title: 'Three longs in a 20% crash', params: { market: '-20' } },
    { id: 'two-positions', title: 'Two longs, market down 8%', params: { count: '2', market: '-8' } },
  ],
  replay: [
    { id: 'ftx-collapse', title: 'A 10x long into the FTX collapse', params: { scenario: 'btc-2022-11' } },
    {
      id: 'short-squeeze',
      title: 'A 20x short in the July 2021 squeeze',
      params: { scenario: 'btc-2021-07', side: 'short', leverage: '20' },
    },
  ],
  'liquidation-odds': [
    { id: 'fifty-x-week', title: '50x long: odds over a week', params: { leverage: '50', days: '7' } },
    { id: 'three-x-year', title: '3x long: odds over a year', params: { leverage: '3', days: '365' } },
  ],
  'order-fills': [
    { id: 'black-thursday-stops', title: 'Black Thursday stops at 10x', params: { window: 'btc-2020-03' } },
    {
      id: 'mark-versus-last',
      title: 'Mark-price and last-price stops',
      params: { window: 'btc-2020-03', entry: '36' },
    },
  ],
  'token-decay': [
    { id: 'choppy-month', title: 'A 3x token in a month of 5% chop', params: { days: '30' } },
    { id: 'black-thursday', title: 'A 3x token through Black Thursday', params: { path: 'btc-2020-03' } },
  ],
};

export function presetsFor(widgetId: string): Preset[] {
  return presets[widgetId] ?? [];
}
