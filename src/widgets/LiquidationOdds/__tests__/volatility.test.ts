/**
 * The volatility presets are literals computed from the shipped hourly data: this test recomputes each one from its
 * CSV file (content/market-data/crash-windows/) and fails, printing the right figure, when a literal or a file changes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { realisedVolatility } from '../../../calc/index.ts';
import { VOLATILITY_PRESETS } from '../volatility.ts';

const DATA_DIR = new URL('../../../../content/market-data/crash-windows/', import.meta.url);

/** The mark-price closes of a shipped window, read straight from its columns. */
function markCloses(file: string): { closes: string[]; first: string; last: string } {
  const lines = readFileSync(new URL(file, DATA_DIR), 'utf8').trim().split(/\r?\n/);
  const header = (lines[0] ?? '').split(',');
  const time = header.indexOf('open_time_utc');
  const close = header.indexOf('mark_close');
  assert.ok(time >= 0 && close >= 0, `${file} has open_time_utc and mark_close columns`);
  const rows = lines.slice(1).map((line) => line.split(','));
  return {
    closes: rows.map((r) => r[close]),
    first: (rows[0]?.[time] ?? '').slice(0, 10),
    last: (rows.at(-1)?.[time] ?? '').slice(0, 10),
  };
}

test('each preset equals the realised volatility of its window’s hourly mark closes, to one decimal', () => {
  for (const preset of VOLATILITY_PRESETS) {
    const { closes, last } = markCloses(preset.file);
    const computed = realisedVolatility({ closes, periodsPerYear: 8760 }).times(100).toFixed(1);
    assert.equal(preset.volatility, computed, `${preset.id}: the literal should be '${computed}'`);
    assert.equal(preset.asOf, last, `${preset.id} ends on ${last}`);
    assert.match(preset.period, new RegExp(`\\(${closes.length} hourly closes\\)$`));
  }
});

test('presets say what they are: BTC only, a window, the method and a source', () => {
  assert.ok(VOLATILITY_PRESETS.length >= 2);
  for (const p of VOLATILITY_PRESETS) {
    assert.equal(p.asset, 'BTC');
    assert.match(p.method, /standard deviation of hourly log returns/);
    assert.match(p.sourceTitle, /Binance Vision/);
    assert.match(p.sourceUrl, /^https:\/\//);
    assert.match(p.asOf, /^\d{4}-\d{2}-\d{2}$/);
  }
  assert.equal(new Set(VOLATILITY_PRESETS.map((p) => p.id)).size, VOLATILITY_PRESETS.length);
});
