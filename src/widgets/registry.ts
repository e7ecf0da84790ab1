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
import { orderFillsParams } from './OrderFills/params.ts';
import { tokenDecayParams } from './TokenDecay/params.ts';
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
  /**
   * Height of the embed frame, in CSS pixels, at 360 px wide (its tallest width): snippets and oEmbed start at it, so a
   * frame that never hears from the widget still shows all of it. The e2e spec embed-fit checks it against the real one.
   */
  defaultHeight: number;
  /** Height of the embed at 700 px wide and wider, when it differs from `defaultHeight` (optional: falls back to it). */
  wideHeight?: number;
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
    defaultHeight: 920,
    wideHeight: 537,
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
    defaultHeight: 962,
    wideHeight: 576,
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
    defaultHeight: 923,
    wideHeight: 606,
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
    defaultHeight: 970,
    wideHeight: 586,
  },
  {
    id: 'us-access',
    island: 'UsAccess',
    title: 'Where can you use leverage?',
    description:
      'Say where you live to see which leveraged crypto products a retail client may use there, at what leverage and under which rule, with sources and dates; in the US, whether you count as an eligible contract participant.',
    intro: [
      'Leverage rules depend on where you live. The US sends leveraged crypto for ordinary customers to registered exchanges; the EU and Australia cap crypto CFDs; the UK bans crypto derivatives for retail; Japan caps margin trading; Singapore, Canada, Hong Kong and South Korea keep leverage away from retail crypto platforms.',
      'Choose where you live to see what applies. Every statement names its source and the date it was checked. This is general education, not legal advice, and your answers are never stored: they stay only in this page’s address.',
    ],
    params: usAccessParams,
    defaultHeight: 913,
    wideHeight: 659,
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
    defaultHeight: 933,
    wideHeight: 593,
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
    defaultHeight: 950,
    wideHeight: 534,
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
    defaultHeight: 966,
    wideHeight: 732,
  },
  {
    id: 'order-fills',
    island: 'OrderFills',
    title: 'Which orders fill?',
    description:
      'Put a stop-market on the last price, one on the mark price, a stop-limit and a take-profit on a real crash, and see which fill, where and when, against the liquidation.',
    intro: [
      'Choose one of ten real hours-by-hour windows of Binance’s bitcoin perpetual, with its last (traded) price and its mark price. Open a long or a short at any candle, set how far away the stops and the take-profit sit, and read what each order would have done.',
      'A stop-market always fills once triggered, but not always at its price. A stop-limit never fills worse than its limit, but it may not fill at all when the price runs through it. Liquidation is checked on the mark price, whatever your stop watches. Each order is played on its own, fees left out.',
    ],
    params: orderFillsParams,
    defaultHeight: 954,
    wideHeight: 649,
    lesson: 'orders-and-positions',
  },
  {
    id: 'token-decay',
    island: 'TokenDecay',
    title: 'Leveraged token vs fixed leverage',
    description:
      'Race a leveraged token that resets its leverage every day against the same leverage held as one fixed position, on a choppy path or a real crash window.',
    intro: [
      'A leveraged token resets to its leverage every day: after a good day it buys more, after a bad day it sells. A fixed position opened at the same leverage is never topped up or trimmed, and is liquidated if the price falls far enough.',
      'Pick a choppy path, where bitcoin goes up and down by the same share each day, or one of ten real crash and squeeze windows, hour by hour. After a rise and an equal fall the token keeps 1 − L² × x² of its value: with leverage, the chop costs far more than the move itself.',
    ],
    params: tokenDecayParams,
    defaultHeight: 733,
    wideHeight: 416,
    lesson: 'coin-margined-and-other-products',
  },
];

/**
 * The frames an embed must fit without scrolling (WordPress clamps a frame at 1000 px): at each width, the most height
 * it may take and the first screen its key result must sit in.
 */
export const EMBED_FIT = [
  { width: 360, maxHeight: 1000, firstScreen: 640 },
  { width: 700, maxHeight: 760, firstScreen: 560 },
] as const;

/** The quiz card embed (/embed/v1/quiz/<lesson>/): one question at a time, the same height for every question. */
export const quizCard = { defaultHeight: 960, wideHeight: 654 } as const;

/** The declared height of an embed at a frame width: `wideHeight` from 700 px up, else `defaultHeight`. */
export function embedHeight(entry: { defaultHeight: number; wideHeight?: number }, width: number): number {
  return width >= 700 && entry.wideHeight !== undefined ? entry.wideHeight : entry.defaultHeight;
}

export function widgetById(id: string): WidgetEntry | undefined {
  return widgets.find((w) => w.id === id);
}
