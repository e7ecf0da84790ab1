/**
 * Every widget the site offers, in one list: its id (the /tools/<id>/ and embed path), title,
 * URL parameters with defaults, and the height an embed starts at. Pages and the embed layer
 * read this list; nothing else decides which widgets exist.
 */
import { positionParams } from './PositionCalculator/params.ts';
import { riskParams } from './RiskSizer/params.ts';
import { carryParams } from './CarryCostCalculator/params.ts';
import { liquidationParams } from './LiquidationCalculator/params.ts';
import { usAccessParams } from './UsAccess/params.ts';
import { marginModesParams } from './MarginModes/params.ts';
import { replayParams } from './Replay/params.ts';
import { liquidationOddsParams } from './LiquidationOdds/params.ts';
import type { ParamsSpec, ParamShape } from './shared/params.ts';

export interface WidgetEntry<S extends ParamShape = ParamShape> {
  id: string;
  /**
   * The island: its folder under src/widgets/ and its wrapper src/components/mdx/<island>.astro, which
   * components/WidgetIsland.astro renders for this id.
   */
  island: string;
  title: string;
  /** One sentence for lists and meta descriptions. */
  description: string;
  /** A few short paragraphs for the tool page. */
  intro: string[];
  params: ParamsSpec<S>;
  /** Starting height of an embed frame, in CSS pixels, before it reports its own. */
  defaultHeight: number;
  /** The lesson that teaches with it. */
  lesson?: string;
}

export const widgets: readonly WidgetEntry[] = [
  {
    id: 'position',
    island: 'PositionCalculator',
    title: 'Position and PnL calculator',
    description:
      'See how margin and leverage set a position’s size, and what a price move does to its PnL, ROE and your whole account.',
    intro: [
      'Enter the margin you put up and the leverage you choose: the calculator shows the position that buys, then what an exit price would do to it, after trading fees.',
      'The table under the chart keeps the position the same and changes only the leverage. The PnL stays put; only the margin you tie up, and so the return on it, changes. That is the one thing leverage really does.',
    ],
    params: positionParams,
    defaultHeight: 1180,
    lesson: 'what-leverage-is',
  },
  {
    id: 'risk-sizer',
    island: 'RiskSizer',
    title: 'Risk sizer',
    description:
      'Size a position from the share of your account you accept to lose and your stop, and check that the stop fires before liquidation.',
    intro: [
      'Enter your account, the share of it you are willing to lose on one trade, and where your stop is: the sizer gives the quantity to trade so that hitting the stop costs exactly that amount, fees included.',
      'Leverage does not change that size or that loss. It only sets the margin you put up, and how close liquidation sits. Raise it too far and the position is liquidated before the stop can fire; the sizer shows the highest leverage at which the stop still protects you.',
    ],
    params: riskParams,
    defaultHeight: 1240,
    lesson: 'risk-management',
  },
  {
    id: 'carry-cost',
    island: 'CarryCostCalculator',
    title: 'Funding vs borrowing',
    description:
      'Compare what holding one leveraged position for days costs as a perpetual (funding) and on spot margin (interest), and watch funding move the liquidation price.',
    intro: [
      'Enter a position, how long you hold it, the funding rate of a perpetual and the interest rate of a spot-margin loan: the calculator adds up each cost over the period and shows how far the price must move just to pay for it.',
      'With isolated margin, funding is paid out of the position’s own margin. Every payment leaves less cushion, so the liquidation price creeps towards the entry price even when the market stands still. Hold long enough and funding alone can liquidate the position.',
    ],
    params: carryParams,
    defaultHeight: 1500,
  },
  {
    id: 'liquidation',
    island: 'LiquidationCalculator',
    title: 'Liquidation price calculator',
    description:
      'Find the price at which a leveraged position is liquidated, isolated or cross, see the formula worked with your numbers, and compare the rules of Binance, Bybit and Hyperliquid.',
    intro: [
      'Enter a position, its margin mode and a venue’s maintenance rule: the calculator gives the liquidation and bankruptcy prices, how far they sit from entry, and each step of the formula with your own numbers in it.',
      'Exchanges do not wait for your margin to reach zero. They close the position when its equity falls to the maintenance margin, and each venue measures that margin its own way. The table at the end runs the same trade through each rule, so you can see how much the fine print moves the price.',
    ],
    params: liquidationParams,
    defaultHeight: 2000,
  },
  {
    id: 'us-access',
    island: 'UsAccess',
    title: 'What can a US trader use?',
    description:
      'Answer a few plain questions to see which leveraged crypto products a US person can use, and whether they count as an eligible contract participant.',
    intro: [
      'US law treats leveraged crypto offered to ordinary customers like futures: it belongs on a registered exchange, reached through a registered broker. People and firms with enough invested money, called eligible contract participants, can use more.',
      'Answer the questions to see where you stand. Every statement names its source and the date it was checked. This is general education, not legal advice, and your answers are never stored: they stay only in this page’s address.',
    ],
    params: usAccessParams,
    defaultHeight: 1400,
    lesson: 'us-regulation',
  },
  {
    id: 'margin-modes',
    island: 'MarginModes',
    title: 'Isolated vs cross sandbox',
    description:
      'Put two to four positions in one wallet and move the market: see the same trades run all-isolated and all-cross, side by side, and which margin mode loses what.',
    intro: [
      'Set up a few positions funded from one wallet, then move prices with the market slider or each asset’s own slider. The sandbox runs the same positions twice: once with every position isolated, once with all of them sharing the wallet in cross margin.',
      'Isolated margin caps each loss at the margin that position was given. Cross margin lets a losing position borrow from the rest of the wallet, which keeps it open longer, but when the whole account reaches its maintenance requirement every position is closed together.',
    ],
    params: marginModesParams,
    defaultHeight: 2200,
  },
  {
    id: 'replay',
    island: 'Replay',
    title: 'Price-path replay',
    description:
      'Replay a leveraged position over real or random candles, step by step, and see the candle where it was stopped, took profit or was liquidated, wicks included.',
    intro: [
      'Choose a price path: one of ten real crash and squeeze windows, hour by hour, with Binance’s perpetual last price and mark price side by side (Binance Vision data), a random path drawn from a seed, or your own candles. Pick the candle you open on, the side, leverage, margin mode and an optional stop and target, then play or step through the candles.',
      'A liquidation does not wait for the close: a wick of the mark price that touches the liquidation price is enough, while a stop fires on the last price. The replay checks every candle’s high and low, so you can see positions that were “right in the end” closed on the way. Hourly candles still hide moves inside the hour.',
    ],
    params: replayParams,
    defaultHeight: 2000,
  },
  {
    id: 'liquidation-odds',
    island: 'LiquidationOdds',
    title: 'Liquidation odds',
    description:
      'Turn “liquidation is 10% away” into a chance: the odds of touching the liquidation price within a horizon, from volatility, next to a simulated fan of price paths.',
    intro: [
      'Enter your leverage (or how far away your liquidation price is), how volatile the market is and how long you hold. The explorer gives the chance that the price touches your liquidation price at some point in that time, not just at the end.',
      'Next to the formula, thousands of simulated price paths show the spread of where the price could wander, and how many of them crossed the line. The simulation runs in the background of your browser; the same seed always draws the same paths.',
    ],
    params: liquidationOddsParams,
    defaultHeight: 1900,
  },
];

export function widgetById(id: string): WidgetEntry | undefined {
  return widgets.find((w) => w.id === id);
}
