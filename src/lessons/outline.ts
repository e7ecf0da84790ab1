/**
 * The course plan in reading order. A lesson appears as a link once its MDX file exists in
 * content/lessons/ (named NN-slug.mdx); until then the home page lists it as "coming next".
 */
export interface PlannedLesson {
  /** URL slug, and the file name after its NN- prefix. */
  slug: string;
  title: string;
  /** One line on what the lesson will cover, shown while it is still coming. */
  summary: string;
}

export const courseOutline: readonly PlannedLesson[] = [
  {
    slug: 'what-leverage-is',
    title: 'What leverage is',
    summary: 'Exposure versus your own money, long and short, and why leverage cuts both ways.',
  },
  {
    slug: 'spot-margin',
    title: 'Borrowed leverage: spot margin',
    summary: 'Borrowing to trade, interest, margin level, margin calls and forced liquidation.',
  },
  {
    slug: 'futures-and-perpetuals',
    title: 'Synthetic leverage: futures and perpetuals',
    summary: 'Collateral as a performance bond, mark price, funding and leverage caps.',
  },
  {
    slug: 'liquidation',
    title: 'Liquidation',
    summary: 'Initial and maintenance margin, the bankruptcy price, and why 10x is not a 10% move.',
  },
  {
    slug: 'isolated-vs-cross',
    title: 'Isolated vs cross margin',
    summary: 'What each mode puts at risk when you hold several positions.',
  },
  {
    slug: 'orders-and-positions',
    title: 'Orders and managing a position',
    summary: 'Stop-market and stop-limit orders, mark and last price, adding margin, partial liquidation.',
  },
  {
    slug: 'risk-management',
    title: 'Risk management',
    summary: 'Position size from the stop, stops before liquidation, risk and reward.',
  },
  {
    slug: 'coin-margined-and-other-products',
    title: 'Coin-margined contracts and other leveraged products',
    summary: 'Inverse contracts, leveraged tokens and their decay, options, leveraged ETFs and regulated futures.',
  },
  {
    slug: 'when-the-venue-is-the-risk',
    title: 'When the venue is the risk',
    summary: 'Insolvency and frozen withdrawals, outages, auto-deleveraging, insurance funds and cascades.',
  },
  {
    slug: 'us-regulation',
    title: 'US regulation',
    summary: 'What a US person can use today, eligible contract participants and registered venues.',
  },
  {
    slug: 'rules-outside-the-us',
    title: 'Leverage rules outside the US',
    summary: 'CFDs, listed futures and spot margin under the rules of the EU, UK, Japan, Australia and more.',
  },
  {
    slug: 'should-you-use-leverage',
    title: 'Should you use leverage?',
    summary: 'A decision checklist, a sane starting point, and hedging as a legitimate use.',
  },
];
