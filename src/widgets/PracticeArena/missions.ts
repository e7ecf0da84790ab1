/**
 * The practice arena's missions: for each shipped crash window (content/scenarios/windows.json), the hour the reader
 * starts at (some hours before the move) and one or two missions. Times are the candles' UTC open times as the data
 * files write them; the model turns them into candle steps. Small on purpose: it ships with the page's first load.
 */

export interface MissionSpec {
  /** Slug-safe id, also the key of the best result in the progress store. */
  id: string;
  /** What to do, in one sentence. */
  text: string;
  /** Finish with at least this fraction of the starting balance, as a decimal string. */
  minFraction?: string;
  /** Hold a position of this side at the close of every hour from `from` to `to` (UTC open times). */
  hold?: { side?: 'long' | 'short'; from: string; to: string };
  noLiquidation?: boolean;
}

export interface ArenaWindowSpec {
  /** The hour the run starts at (the reader first sees this candle's close). */
  start: string;
  missions: MissionSpec[];
  /** A note shown with the window, when it teaches something the missions lean on. */
  note?: string;
  /** The window also has a 15-minute file, so it can be played at 15-minute steps (data.ts `hasQuarters`). */
  quarters?: boolean;
}

export const ARENA_WINDOWS: Readonly<Record<string, ArenaWindowSpec>> = {
  'btc-2020-03': {
    start: '2020-03-12T00:00Z',
    missions: [
      {
        id: 'btc-2020-03-keep',
        text: 'Hold a long through 10:00–12:00 UTC on 12 March 2020 and finish Black Thursday with at least 80 % of your account.',
        minFraction: '0.8',
        hold: { side: 'long', from: '2020-03-12T10:00Z', to: '2020-03-12T12:00Z' },
      },
      {
        id: 'btc-2020-03-wick',
        text: 'Hold a long through the 02:00 UTC wick on 13 March 2020 without being liquidated.',
        hold: { side: 'long', from: '2020-03-13T01:00Z', to: '2020-03-13T03:00Z' },
        noLiquidation: true,
      },
    ],
  },
  'btc-2021-05': {
    start: '2021-05-19T02:00Z',
    missions: [
      {
        id: 'btc-2021-05-hold',
        text: 'Hold a long from 12:00 to 14:00 UTC on 19 May 2021 without being liquidated.',
        hold: { side: 'long', from: '2021-05-19T12:00Z', to: '2021-05-19T14:00Z' },
        noLiquidation: true,
      },
    ],
  },
  'btc-2022-11': {
    start: '2022-11-08T08:00Z',
    missions: [
      {
        id: 'btc-2022-11-keep',
        text: 'Hold a long through 19:00 UTC on 8 November 2022 and finish with at least 90 % of your account.',
        minFraction: '0.9',
        hold: { side: 'long', from: '2022-11-08T19:00Z', to: '2022-11-08T20:00Z' },
      },
    ],
  },
  'btc-2024-08': {
    start: '2024-08-04T20:00Z',
    missions: [
      {
        id: 'btc-2024-08-hold',
        text: 'Hold a long through 06:00 UTC on 5 August 2024 without being liquidated and finish with at least 85 % of your account.',
        minFraction: '0.85',
        hold: { side: 'long', from: '2024-08-05T05:00Z', to: '2024-08-05T07:00Z' },
        noLiquidation: true,
      },
    ],
  },
  'btc-2025-10': {
    start: '2025-10-10T10:00Z',
    quarters: true,
    missions: [
      {
        id: 'btc-2025-10-hold',
        text: 'Hold a long through 21:00 UTC on 10 October 2025 without being liquidated.',
        hold: { side: 'long', from: '2025-10-10T20:00Z', to: '2025-10-10T22:00Z' },
        noLiquidation: true,
      },
      {
        id: 'btc-2025-10-keep',
        text: 'Finish the 10 October 2025 cascade with at least 80 % of your account, having held a long at 21:00 UTC.',
        minFraction: '0.8',
        hold: { side: 'long', from: '2025-10-10T21:00Z', to: '2025-10-10T21:00Z' },
      },
    ],
  },
  'btc-2021-07': {
    start: '2021-07-25T14:00Z',
    note: 'At 01:00 UTC on 26 July 2021 the perpetual’s last price ran to 48,168.60 while its mark price went no higher than 39,744.81, 21 % apart within one hour. Exchanges liquidate on the mark price, so a short whose liquidation price sat between the two survived, while a stop-loss at the same level triggered on the last price fired. Try a short with its stop on the last price, then the same short with the stop on the mark price.',
    missions: [
      {
        id: 'btc-2021-07-squeeze',
        text: 'Hold a short through the 01:00 UTC squeeze on 26 July 2021 without being liquidated.',
        hold: { side: 'short', from: '2021-07-26T00:00Z', to: '2021-07-26T02:00Z' },
        noLiquidation: true,
      },
    ],
  },
  'btc-2021-04': {
    start: '2021-04-17T16:00Z',
    missions: [
      {
        id: 'btc-2021-04-hold',
        text: 'Hold a long through 03:00 UTC on 18 April 2021 without being liquidated.',
        hold: { side: 'long', from: '2021-04-18T02:00Z', to: '2021-04-18T04:00Z' },
        noLiquidation: true,
      },
    ],
  },
  'btc-2023-08': {
    start: '2023-08-17T10:00Z',
    missions: [
      {
        id: 'btc-2023-08-hold',
        text: 'Hold a long through 21:00 UTC on 17 August 2023 without being liquidated.',
        hold: { side: 'long', from: '2023-08-17T20:00Z', to: '2023-08-17T22:00Z' },
        noLiquidation: true,
      },
    ],
  },
  'btc-2023-10': {
    start: '2023-10-23T10:00Z',
    missions: [
      {
        id: 'btc-2023-10-squeeze',
        text: 'Hold a short through 22:00 UTC on 23 October 2023 without being liquidated.',
        hold: { side: 'short', from: '2023-10-23T21:00Z', to: '2023-10-23T23:00Z' },
        noLiquidation: true,
      },
    ],
  },
  'btc-2024-03': {
    start: '2024-03-05T08:00Z',
    missions: [
      {
        id: 'btc-2024-03-keep',
        text: 'Hold a long through 19:00 UTC on 5 March 2024 and finish with at least 95 % of your account.',
        minFraction: '0.95',
        hold: { side: 'long', from: '2024-03-05T19:00Z', to: '2024-03-05T19:00Z' },
      },
    ],
  },
};
