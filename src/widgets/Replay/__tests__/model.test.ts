/**
 * The replay's model on the shipped hourly windows. Expected values are worked by hand from the rows named in each
 * test (content/market-data/crash-windows/w1_2020-03-12_black-thursday_1h.csv unless said otherwise).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { computeReplay, type ReplayData, type ReplayModelResult } from '../model.ts';
import { replayParams, SCENARIO_IDS, type ReplayValues } from '../params.ts';
import { randomCandles } from '../random.ts';
import { parseCandles } from '../csv.ts';
import { WINDOWS, marketWindow, type MarketWindow } from '../windows.ts';
import { windowBlockText, windowFromBlock } from '../hydrate.ts';
import { parseParams, serializeParams } from '../../shared/params.ts';

const DATA_DIR = new URL('../../../../content/market-data/crash-windows/', import.meta.url);
const fileText = (file: string) => readFileSync(new URL(file, DATA_DIR), 'utf8');
const ALL: Record<string, MarketWindow> = Object.fromEntries(
  WINDOWS.map((w) => [w.id, marketWindow(w.id, fileText(w.file))]),
);
const data = (patch: Partial<ReplayData> = {}): ReplayData => ({ windows: ALL, random: null, csv: null, ...patch });
const base = replayParams.defaults;

function run(patch: Partial<ReplayValues> = {}, with_: Partial<ReplayData> = {}): ReplayModelResult {
  const out = computeReplay({ ...base, ...patch }, data(with_));
  assert.ok(out.ok, JSON.stringify(!out.ok && out.errors));
  return out.value;
}
const timeOf = (r: ReplayModelResult) => r.candles[r.end?.index ?? -1]?.time;

test('defaults: a 10x long opened at 23:00 UTC on 11 March 2020 is liquidated at 10:00 UTC on 12 March, on the mark price', () => {
  // Entry: candle 24 (2020-03-11T23:00Z), perpetual close 7,938.39.
  // Liquidation = 7,938.39 × (1 − 1/10) / (1 − 0.005) = 7,144.551 / 0.995 = 7,180.4532663…
  // Mark lows after entry stay above it until candle 35 (2020-03-12T10:00Z): candle 34's is 7,341.95, candle 35's 5,620.86.
  const r = run();
  assert.equal(r.entryPrice.toFixed(), '7938.39');
  assert.equal(r.liquidation?.toFixed(6), '7180.453266');
  assert.equal(r.end?.kind, 'liquidation');
  assert.equal(r.end?.trigger, 'mark');
  assert.equal(r.end?.index, 34);
  assert.equal(timeOf(r), '2020-03-12 10:00 UTC');
  assert.equal(r.finalPnl.toFixed(), '-1000');
  assert.equal(r.hasMark, true);
  assert.equal(r.window?.title, 'Black Thursday, 11–14 Mar 2020');
  // Lowest after entry: the last price's 3,621.81 and the mark price's 3,801.83057975 (2020-03-13T02:00Z).
  assert.equal(r.extremes.lastLow, 3621.81);
  assert.equal(r.extremes.markLow, 3801.83057975);
});

test('lesson 6: a 5% stop (7,938.39 × 0.95 = 7,541.4705) fires at 06:00 UTC on 12 March, on the last price', () => {
  // Last-price lows after entry: 7,902.40, 7,687.01, 7,575.00, 7,600.00, 7,569.16, 7,602.31, then 7,460.00 at
  // 2020-03-12T06:00Z (candle 31). Loss = 5 % of the 10,000 notional = 500.
  const r = run({ stop: '5' });
  assert.equal(r.end?.kind, 'stop');
  assert.equal(r.end?.trigger, 'last');
  assert.equal(r.end?.index, 30);
  assert.equal(timeOf(r), '2020-03-12 06:00 UTC');
  assert.equal(r.end?.price.toFixed(), '7541.4705');
  assert.equal(r.finalPnl.toFixed(2), '-500.00');
  // At 3x the same stop costs 5 % of 3,000 = 150.
  const three = run({ stop: '5', leverage: '3' });
  assert.equal(three.end?.index, 30);
  assert.equal(three.finalPnl.toFixed(2), '-150.00');
  // At 25x the liquidation price, 7,938.39 × 0.96 / 0.995 = 7,659.1502, sits above the stop: the mark low 7,582.01 of
  // 2020-03-12T02:00Z (candle 27) reaches it first and the whole margin is gone.
  const wild = run({ stop: '5', leverage: '25' });
  assert.equal(wild.end?.kind, 'liquidation');
  assert.equal(timeOf(wild), '2020-03-12 02:00 UTC');
  assert.equal(wild.finalPnl.toFixed(), '-1000');
});

test('the mark price decides: a 10x long from the 01:00 UTC close on 13 March survives a last-price wick below its level', () => {
  // Entry candle 50 (2020-03-13T01:00Z), close 4,062.89; liquidation 4,062.89 × 0.9 / 0.995 = 3,674.9758…
  // Next hour the last price touched 3,621.81 but the mark price only 3,801.83; later mark lows stay above 4,694.
  const r = run({ entry: '50' });
  assert.equal(r.end, null);
  // Still open: q × (last mark close 5,179.19236946 − 4,062.89), q = 10,000 / 4,062.89 → 2,747.5574516…
  assert.equal(r.finalPnl.toFixed(4), '2747.5575');
  // The same trade on candles with one price is liquidated by the wick.
  const w1 = ALL['btc-2020-03'];
  const lastOnly = w1.candles.map(({ time, open, high, low, close }) => ({ time, open, high, low, close }));
  const flat = run({ scenario: 'csv', entry: '50' }, { csv: { candles: lastOnly, hasMark: false } });
  assert.equal(flat.hasMark, false);
  assert.equal(flat.end?.kind, 'liquidation');
  assert.equal(flat.end?.index, 50);
});

test('cross margin with an extra balance moves liquidation further away but loses the extra too', () => {
  // Wallet 2,000: liquidation = (10,000 − 2,000) / (q × 0.995) = 0.8 × 7,938.39 / 0.995 = 6,382.6251…, first
  // reached by the mark low 5,620.86 of 2020-03-12T10:00Z.
  const cross = run({ mode: 'cross', extra: '1000' });
  assert.equal(cross.liquidation?.toFixed(4), '6382.6251');
  assert.equal(timeOf(cross), '2020-03-12 10:00 UTC');
  assert.equal(cross.balance.toFixed(), '2000');
  assert.equal(cross.finalPnl.toFixed(), '-2000');
  // With 100,000 behind it the position has no liquidation price at all and survives.
  const rich = run({ mode: 'cross', extra: '100000' });
  assert.equal(rich.liquidation, null);
  assert.equal(rich.end, null);
});

test('a short takes profit at 20% (6,350.712) at 10:00 UTC on 12 March, and equity freezes once closed', () => {
  // The last low 5,199.17 of candle 35 passes 7,938.39 × 0.8 = 6,350.712; gain = 20 % of 10,000 = 2,000.
  const r = run({ side: 'short', tp: '20' });
  assert.equal(r.end?.kind, 'takeProfit');
  assert.equal(r.end?.trigger, 'last');
  assert.equal(timeOf(r), '2020-03-12 10:00 UTC');
  assert.equal(r.finalPnl.toFixed(2), '2000.00');
  assert.equal(r.equity[22], null);
  // At entry, equity is valued at the mark close 7,933.90272433: 1,000 + q × (7,938.39 − 7,933.90272433) = 1,005.6526…
  assert.equal(r.equity[23]?.toFixed(4), '1005.6526');
  for (let i = 34; i < r.candles.length; i++) assert.equal(r.equity[i]?.toFixed(2), '3000.00');
});

test('26 July 2021: a 10x short survives the 48,168.60 last-price spike because the mark stayed at 39,744.81', () => {
  // x1_2021-07-26_short-squeeze_1h.csv starts 2021-07-25T00:00Z, so candle 25 is 2021-07-26T00:00Z.
  // Entry at the 00:00 close 36,736.40: liquidation 36,736.4 × 1.1 / 1.005 = 40,208.995; the 01:00 mark high is
  // 39,744.81. Later that day the mark price itself reaches 40,537.78 (19:00 UTC): liquidated then.
  const r = run({ scenario: 'btc-2021-07', entry: '25', side: 'short' });
  assert.equal(r.entryPrice.toFixed(), '36736.4');
  assert.equal(r.end?.kind, 'liquidation');
  assert.equal(timeOf(r), '2021-07-26 19:00 UTC');
  assert.equal(r.extremes.lastHigh, 48168.6);
});

test('a window that is not loaded yet says so without an input error; the result arrives with the data', () => {
  const waiting = computeReplay({ ...base, scenario: 'btc-2022-11' }, data({ windows: {} }));
  assert.deepEqual(waiting, { ok: false, errors: { loading: 'Loading the price path…' } });
  const random = computeReplay({ ...base, scenario: 'random' }, data());
  assert.deepEqual(random, { ok: false, errors: { loading: 'Loading the random path…' } });
  // FTX, 7–11 Nov 2022: 120 hourly candles.
  assert.equal(run({ scenario: 'btc-2022-11', entry: '1' }).candles.length, 120);
});

test('random paths are reproducible from the seed, valid candles, and differ between seeds', () => {
  const a = randomCandles(7, 0.8);
  assert.deepEqual(a, randomCandles(7, 0.8));
  assert.notDeepEqual(a, randomCandles(8, 0.8));
  assert.equal(a.length, 60);
  for (const c of a) assert.ok(c.low <= Math.min(c.open, c.close) && c.high >= Math.max(c.open, c.close));
  for (let i = 1; i < a.length; i++) assert.equal(a[i]?.open, a[i - 1]?.close);
  const r = run({ scenario: 'random', seed: '7' }, { random: randomCandles });
  assert.equal(r.candles.length, 60);
  assert.equal(r.hasMark, false);
});

test('the shipped windows: ids in menu order, ten valid hourly files with last and mark prices, dated stories', () => {
  assert.deepEqual(
    WINDOWS.map((w) => w.id),
    SCENARIO_IDS.filter((id) => id !== 'random' && id !== 'csv'),
  );
  for (const w of WINDOWS) {
    const win = ALL[w.id];
    assert.ok(win.candles.length >= 72, w.id);
    // Every candle passes the reader's own CSV checks, mark columns included.
    const rows = win.candles.map((c) =>
      [c.time.replace(' UTC', ''), c.open, c.high, c.low, c.close, c.markOpen, c.markHigh, c.markLow, c.markClose].join(
        ',',
      ),
    );
    const parsed = parseCandles(rows.join('\n'));
    assert.ok(parsed.ok && parsed.value.hasMark, `${w.id}: ${JSON.stringify(!parsed.ok && parsed.errors)}`);
    // Two sentences, with a year in them; sources are https links.
    assert.equal(win.story.split(/(?<=[.!?])\s+(?=[A-Z])/).length, 2, `${w.id}: ${win.story}`);
    assert.match(win.story, /\b20\d\d\b/);
    for (const s of win.sources) assert.match(s.url, /^https:\/\//);
  }
  // The loaders name each window's file next to its id (scenarios.ts and serverWindows.ts are bundler-only, so their
  // text is checked).
  const loader = readFileSync(new URL('../scenarios.ts', import.meta.url), 'utf8');
  const server = readFileSync(new URL('../serverWindows.ts', import.meta.url), 'utf8');
  for (const w of WINDOWS) {
    const file = w.file.replace('.', '\\.');
    assert.match(loader, new RegExp(`'${w.id}': \\(\\) =>\\s*import\\('[^']*/${file}\\?raw'\\)`), w.id);
    const name = new RegExp(`^import (\\w+) from '[^']*/${file}\\?raw&server';$`, 'm').exec(server)?.[1];
    assert.ok(name, `serverWindows.ts imports ${w.file}`);
    assert.match(server, new RegExp(`'${file}': ${name},`));
  }
});

test('the first window travels in the page as JSON and comes back the same', () => {
  const w1 = ALL['btc-2020-03'];
  const text = windowBlockText(w1);
  assert.ok(!text.includes('<'), 'no raw < inside a script block');
  assert.deepEqual(windowFromBlock(text), w1);
  // A story with markup-looking text survives the escaping.
  const odd = { ...w1, story: 'A </script> in a story.' };
  assert.equal(windowFromBlock(windowBlockText(odd)).story, 'A </script> in a story.');
});

test('your own candles replay like any other path; without them the CSV field asks for them', () => {
  const parsed = parseCandles('time,open,high,low,close\n1,100,101,99,100\n2,100,100,80,85\n3,85,90,84,88\n');
  assert.ok(parsed.ok);
  // 10x long at 100: liquidation 100 × 0.9 / 0.995 = 90.45, touched by candle 2's low of 80 (one price for both).
  const r = run({ scenario: 'csv', entry: '1' }, { csv: parsed.value });
  assert.equal(r.end?.kind, 'liquidation');
  assert.equal(r.end?.index, 1);
  const missing = computeReplay({ ...base, scenario: 'csv' }, data());
  assert.ok(!missing.ok && missing.errors['csv']);
});

test('bad inputs come back as messages on the right field', () => {
  const errors = (patch: Partial<ReplayValues>, with_: Partial<ReplayData> = {}) => {
    const out = computeReplay({ ...base, ...patch }, data(with_));
    assert.ok(!out.ok, JSON.stringify(patch));
    return out.errors;
  };
  assert.ok(errors({ entry: '0' })['entry']);
  assert.ok(errors({ entry: '96' })['entry']);
  assert.ok(errors({ entry: '2.5' })['entry']);
  assert.ok(errors({ entry: 'abc' })['entry']);
  assert.ok(errors({ leverage: '0' })['leverage']);
  assert.ok(errors({ leverage: '1e999' })['leverage']);
  assert.ok(errors({ margin: '-5' })['margin']);
  assert.ok(errors({ stop: 'abc' })['stop']);
  assert.ok(errors({ stop: '0' })['stop']);
  assert.ok(errors({ stop: '100' })['stop']);
  assert.ok(errors({ tp: '-5' })['tp']);
  assert.ok(errors({ mmr: '' })['mmr']);
  assert.ok(errors({ mode: 'cross', extra: '-5' })['extra']);
  assert.ok(errors({ scenario: 'random', seed: '1.5' }, { random: randomCandles })['seed']);
  assert.ok(errors({ scenario: 'random', vol: '0' }, { random: randomCandles })['vol']);
  // 200x at 0.5% maintenance is refused by the calc module.
  assert.ok(errors({ leverage: '200' })['leverage']);
});

test('URL parameters round-trip, and an empty stop means none', () => {
  const values = { ...base, scenario: 'btc-2025-10' as const, seed: '99', stop: '3', side: 'short' as const };
  assert.deepEqual(parseParams(replayParams, serializeParams(replayParams, values)).values, values);
  const parsed = parseParams(replayParams, '?stop=&tp=abc&scenario=nope');
  assert.equal(parsed.values.stop, '');
  assert.equal(parsed.values.tp, '');
  assert.equal(parsed.values.scenario, 'btc-2020-03');
  assert.equal(parsed.notes.length, 2);
});
