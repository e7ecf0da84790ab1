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
    slug: 'risk-management',
    title: 'Risk management',
    summary: 'Position size from the stop, stops before liquidation, risk and reward.',
  },
  {
    slug: 'us-regulation',
    title: 'US regulation',
    summary: 'What a US person can use today, eligible contract participants and registered venues.',
  },
  {
    slug: 'should-you-use-leverage',
    title: 'Should you use leverage?',
    summary: 'A decision checklist, a sane starting point, and hedging as a legitimate use.',
  },
];
