/**
 * The price paths a replay can use: cited historical windows shipped in content/scenarios/ (the default in the first
 * load, others on demand), and seeded random paths from random.ts, also loaded on demand.
 */
import blackThursday from '../../../content/scenarios/btc-2020-03.json' with { type: 'json' };
import type { ParsedCandle } from './csv.ts';

export interface ScenarioSource {
  repository: string;
  path: string;
  commit: string;
  url: string;
  format: string;
  rows: string;
  retrieved: string;
}

export interface HistoricalScenario {
  id: string;
  title: string;
  description: string;
  asset: string;
  quote: string;
  interval: string;
  source: ScenarioSource;
  candles: { time: string; open: string; high: string; low: string; close: string }[];
}

/** The shipped windows, in menu order; only the first is in the page's first load. */
export const HISTORICAL_IDS = [
  { id: 'btc-2020-03', title: blackThursday.title },
  { id: 'btc-2021-05', title: 'Bitcoin, May 2021 crash' },
] as const;

const loaded = new Map<string, HistoricalScenario>([[blackThursday.id, blackThursday]]);

/** A shipped scenario if it has been loaded (the default always is), else undefined. */
export function historical(id: string): HistoricalScenario | undefined {
  return loaded.get(id);
}

/** Loads a shipped scenario's candles; resolves at once when they are already here. */
export async function loadScenario(id: string): Promise<HistoricalScenario | undefined> {
  if (!loaded.has(id) && id === 'btc-2021-05') loaded.set(id, (await import('./may2021.ts')).default);
  return loaded.get(id);
}

/** Candles of a shipped scenario as numbers. */
export function historicalCandles(s: HistoricalScenario): ParsedCandle[] {
  return s.candles.map((c) => ({
    time: c.time,
    open: Number(c.open),
    high: Number(c.high),
    low: Number(c.low),
    close: Number(c.close),
  }));
}

type RandomCandles = (seed: number, volatility: number) => ParsedCandle[];
let random: RandomCandles | null = null;

/** The seeded-path generator, if loaded (it pulls in the simulation code, so only when a reader picks it). */
export function randomGenerator(): RandomCandles | null {
  return random;
}

export async function loadRandom(): Promise<RandomCandles> {
  random ??= (await import('./random.ts')).randomCandles;
  return random;
}
