import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { computeLiquidation, fieldFor, type LiquidationView } from '../model.ts';
import { explainAll, steps, summary, tenXNote, whyTheyDiffer as whyFor } from '../explain.ts';
import { compareAll } from '../comparison.ts';
import { chartFor } from '../chart.ts';
import { liquidationParams, type LiquidationValues } from '../params.ts';
import { parseParams, serializeParams } from '../../shared/params.ts';

const base = liquidationParams.defaults;

/** The comparison line for a result, with its venue table. */
const whyTheyDiffer = (r: LiquidationView) => whyFor(r, compareAll(r));

function run(patch: Partial<LiquidationValues> = {}): LiquidationView {
  const out = computeLiquidation({ ...base, ...patch });
  assert.ok(out.ok, JSON.stringify(!out.ok && out.errors));
  return out.value;
}

/** The venue table's row for rule `id`. */
const row = (r: LiquidationView, id: string) => {
  const found = compareAll(r).rows.find((o) => o.rule.id === id);
  assert.ok(found, `row ${id}`);
  return found;
};

test('defaults: a 10x Binance long of 10,000 USDT at 60,000 is liquidated at 54,216.87, bankrupt at 54,000', () => {
  const r = run();
  // q = 1000 × 10 / 60000 = 1/6 BTC, notional 10,000 USDT: Binance tier 1 (≤ 50,000), 0.40 %, amount 0.
  // Binance USDⓈ-M: LP = (WB + cum − q·E) / (q·MMR − q) = (1000 − 10000) / (0.004/6 − 1/6) = 54000 / 0.996.
  assert.equal(r.main.price?.toFixed(4), '54216.8675');
  assert.equal(r.main.tierNumber, 1);
  assert.equal(r.main.maintenanceMarginRate.toFixed(), '0.004');
  // Bankruptcy: equity + PnL = 0 → 60000 − 1000 × 6 = 54000.
  assert.equal(r.main.bankruptcyPrice?.toFixed(2), '54000.00');
  // Distance: 54216.8675 / 60000 − 1 = −9.6386 %.
  assert.equal(r.main.distance?.toFixed(6), '-0.096386');
  assert.equal(r.main.liquidationNotional?.toFixed(2), '9036.14');
  assert.equal(r.moneyUnit, 'USDT');
});

test('a short at the same settings: liquidation 66,000 / 1.004 = 65,737.05 above entry', () => {
  const r = run({ side: 'short' });
  // Binance: (1000 + 10000) / (0.004/6 + 1/6) = 66000 / 1.004.
  assert.equal(r.main.price?.toFixed(2), '65737.05');
  assert.equal(r.main.bankruptcyPrice?.toFixed(2), '66000.00');
  assert.ok(r.main.distance?.gt(0));
});

test('the venue table runs the same trade through each rule (each worked by hand)', () => {
  const r = run();
  assert.deepEqual(
    compareAll(r).rows.map((o) => o.rule.id),
    ['binance', 'bybit', 'hyperliquid', 'textbook', 'closefee'],
  );
  assert.equal(row(r, 'binance').price?.toFixed(2), '54216.87');
  // Bybit, isolated long: Entry − (IM − MM) / size, MM = 0.5 % of entry notional = 50: 60000 − 950 × 6 = 54300.
  assert.equal(row(r, 'bybit').price?.toFixed(2), '54300.00');
  assert.equal(row(r, 'bybit').entryMaintenance?.toFixed(2), '50.00');
  // Hyperliquid: price − margin_available / size / (1 − l), l = 1/(2 × 40) = 0.0125, margin_available = 1000 − 125:
  // 60000 − 875 × 6 / 0.9875 = 54683.54.
  assert.equal(row(r, 'hyperliquid').maintenanceMarginRate?.toFixed(), '0.0125');
  assert.equal(row(r, 'hyperliquid').price?.toFixed(2), '54683.54');
  // Textbook: no maintenance, so liquidation = bankruptcy = 54000.
  assert.equal(row(r, 'textbook').price?.toFixed(2), '54000.00');
  // Close-fee rule: 0.5 % + the example 0.05 % fee on the liquidation notional: 9000 × 6 / (1 − 0.0055) = 54298.64.
  assert.equal(row(r, 'closefee').price?.toFixed(2), '54298.64');
});

test('a large position lands in a higher Binance tier, chosen at the liquidation price', () => {
  // 100,000 × 20 = 2,000,000 USDT (q = 33.33 BTC): tier 4, 2.5 %, amount 1,000,000 × (0.025 − 0.01) + 1,300 = 16,300.
  // P = (2,000,000 − 100,000 − 16,300) / (33.33 × 0.975) = 1,883,700 / 32.5 = 57,960; notional there 1,932,000 (tier 4).
  const r = run({ margin: '100000', leverage: '20' });
  assert.equal(r.main.price?.toFixed(2), '57960.00');
  assert.equal(r.main.tierNumber, 4);
  assert.equal(r.main.maintenanceAmount.toFixed(), '16300');
  assert.equal(r.main.liquidationNotional?.toFixed(), '1932000');
  const explained = steps(r)
    .map((s) => s.text + s.formulas.join(' '))
    .join(' ');
  assert.match(explained, /tier 4/);
  assert.match(explained, /1,932,000\.00 USDT/);
  assert.match(explained, /\(33\.33333333 × 60,000 − \(100,000 \+ 16,300\)\) ÷ \(33\.33333333 × \(1 − 0\.025\)\)/);
  // Bybit keeps 0.5 % of the entry notional (10,000) and Binance charges 2.5 % at liquidation: Bybit differs most.
  assert.match(whyTheyDiffer(r), /Bybit’s maintenance is on the entry notional/);
});

test('coin-margined: the COIN-M formula with a custom rate, in BTC', () => {
  // 0.1 BTC × 10 = 1 BTC notional = 60,000 USD face value. Binance COIN-M: LP = (q·MMR + q) / (WB + q/E)
  // = 60000 × 1.005 / (0.1 + 1) = 54,818.18.
  const r = run({ contract: 'inverse', venue: 'custom', margin: '0.1' });
  assert.equal(r.moneyUnit, 'BTC');
  assert.equal(r.priceUnit, 'USD');
  assert.equal(r.quantity.toFixed(), '60000');
  assert.equal(r.main.price?.toFixed(2), '54818.18');
  // The USDT tier table cannot price it; the flat-rate rules still can.
  assert.equal(row(r, 'binance').status, 'contract-mismatch');
  assert.equal(row(r, 'custom').price?.toFixed(2), '54818.18');
  // A coin-margined short at 10x needs a 10.5 % rise: 60000 × 0.995 / (1 − 0.1) = 66,333.33, beyond 1/leverage.
  const short = run({ contract: 'inverse', venue: 'custom', margin: '0.1', side: 'short' });
  assert.equal(short.main.price?.toFixed(2), '66333.33');
  assert.equal(tenXNote(short), null);
});

test('cross: the wallet and another position’s loss and maintenance set the equity (Binance WB − TMM1 + UPNL1)', () => {
  // Other position: long 2 at 3,000, mark 2,700 → PnL −600; notional 5,400 in tier 1 → maintenance 21.6.
  // W = 5,000 − 600 − 21.6 = 4,378.4; P = (10,000 − 4,378.4) × 6 / 0.996 = 33,865.06.
  const r = run({ mode: 'cross', others: '1' });
  assert.equal(r.main.equity.toFixed(), '4378.4');
  assert.equal(r.main.others[0]?.unrealisedPnl.toFixed(), '-600');
  assert.equal(r.main.others[0]?.maintenanceMargin.toFixed(), '21.6');
  assert.equal(r.main.price?.toFixed(2), '33865.06');
  // A cross position with a big wallet is far from 1/leverage: no "10x is not 10 %" note.
  assert.equal(tenXNote(r), null);
  // A second, losing short drags the price up: W = 1,500 − 600 − 21.6 − 100 − 6.4 = 772 → (10,000 − 772) × 6 / 0.996.
  const two = run({ mode: 'cross', others: '2', wallet: '1500' });
  assert.equal(two.main.equity.toFixed(), '772');
  assert.equal(two.main.price?.toFixed(2), '55590.36');
  assert.match(tenXNote(two) ?? '', /other positions already use part of the wallet/);
  // Other rows beyond `others` are ignored.
  assert.equal(run({ mode: 'cross', others: '0', o1qty: 'abc' }).main.others.length, 0);
});

test('the "10x is not 10%" note appears when liquidation comes before a 1/leverage move, with its numbers', () => {
  assert.equal(
    tenXNote(run()),
    'At 10x you might expect a 10% move to liquidate you; here it takes 9.64%, because the exchange closes you when your equity reaches the maintenance margin, not zero.',
  );
  // Textbook rule (custom 0 %): liquidation at exactly 10 %, so no note.
  assert.equal(tenXNote(run({ venue: 'custom', mmr: '0' })), null);
});

test('fast-check: an isolated USDT-margined long with maintenance is always liquidated within 1/leverage', () => {
  fc.assert(
    fc.property(fc.integer({ min: 2, max: 100 }), fc.integer({ min: 1, max: 40 }), (lev, tenths) => {
      // rate × leverage ≥ 1: the margin is not above the requirement at entry, refused (tested below).
      if (tenths * lev >= 1000) return true;
      const r = run({ venue: 'custom', leverage: String(lev), mmr: String(tenths / 10) });
      return r.main.price !== null && r.main.beforePlainMove && tenXNote(r) !== null;
    }),
    { numRuns: 60 },
  );
});

test('a 1x long cannot be liquidated, and says so in words', () => {
  const r = run({ leverage: '1' });
  assert.equal(r.main.price, null);
  assert.equal(r.main.distance, null);
  assert.match(summary(r), /no price above zero liquidates it/);
  const last = steps(r)[3];
  assert.match(last?.text ?? '', /cannot be liquidated/);
  // Bybit measures on entry notional, so even a 1x long is liquidated at 60000 × 0.005 = 300.
  assert.equal(row(r, 'bybit').price?.toFixed(2), '300.00');
  assert.match(whyTheyDiffer(r), /Only Bybit BTCUSDT liquidates this trade/);
});

test('the steps show the identity, the reader’s numbers put in, and the result', () => {
  const s = steps(run());
  assert.equal(s.length, 5);
  assert.match(s[0]?.text ?? '', /equity \+ unrealised PnL = maintenance requirement/);
  assert.deepEqual(s[0]?.formulas, ['W + q × (P − E) = r × q × P']);
  assert.match(s[1]?.text ?? '', /W = 1,000\.00 USDT/);
  assert.match(s[1]?.text ?? '', /tier 1, notional up to 50,000 USDT, so r = 0\.4%/);
  assert.deepEqual(s[2]?.formulas, [
    'P = (q × E − W) ÷ (q × (1 − r))',
    'P = (0.16666667 × 60,000 − 1,000) ÷ (0.16666667 × (1 − 0.004))',
  ]);
  assert.equal(s[3]?.text, 'P = 54,216.87 USDT, 9.64% below the entry price.');
  assert.match(s[4]?.text ?? '', /54,000\.00 USDT/);
  // Bybit with a close fee: the entry-basis formula and the fee term.
  const bybit = steps(run({ venue: 'bybit', side: 'short', fee: '0.05' }));
  assert.deepEqual(bybit[2]?.formulas, [
    'P = (q × E + (W − r × q × E)) ÷ (q × (1 + c))',
    'P = (0.16666667 × 60,000 + (1,000 − 0.005 × 0.16666667 × 60,000)) ÷ (0.16666667 × (1 + 0.0005))',
  ]);
});

test('the comparison line explains the widest gap', () => {
  assert.equal(
    whyTheyDiffer(run()),
    'Hyperliquid BTC (54,683.54 USDT) and Binance BTCUSDT (54,216.87 USDT) differ most: Hyperliquid’s maintenance is half the initial margin at its 40x maximum, 1.25%, against 0.4% (tier 1) at Binance, so Hyperliquid’s liquidation is 466.68 USDT closer to the entry price.',
  );
});

test('the chart: equity and requirement from 51,600 to 68,400 (1.4 × the 6,000 gap to bankruptcy each side)', () => {
  const { spec, table, summary: said } = chartFor(run());
  const [equity, requirement] = spec.series;
  assert.equal(equity?.points.length, 41);
  // First point 51,600: equity 1,000 + (51,600 − 60,000) / 6 = −400; requirement 0.4 % × 51,600 / 6 = 34.4.
  assert.deepEqual(equity?.points[0], { x: 51600, y: -400 });
  assert.deepEqual(requirement?.points[0], { x: 51600, y: 34.4 });
  assert.equal(table.rows.length, 9);
  assert.match(said, /lines meet at the liquidation price, 54,216\.87 USDT/);
});

test('the venue table in words (prices as worked above; 54,298.64 / 60,000 − 1 = −9.50 %)', () => {
  assert.deepEqual(
    explainAll(run()).table.map((t) => [t.id, t.name, t.maintenance, t.price, t.distance]),
    [
      ['binance', 'Binance BTCUSDT (your choice)', '0.4%, tier 1', '54,216.87 USDT', '-9.64%'],
      ['bybit', 'Bybit BTCUSDT', '0.5% of entry notional', '54,300.00 USDT', '-9.5%'],
      ['hyperliquid', 'Hyperliquid BTC', '1.25% (half of 1/40x)', '54,683.54 USDT', '-8.86%'],
      ['textbook', 'Textbook (no maintenance)', 'None: liquidation = bankruptcy', '54,000.00 USDT', '-10%'],
      ['closefee', 'With the close fee (OKX, Phemex style)', '0.5% + 0.05% close fee', '54,298.64 USDT', '-9.5%'],
    ],
  );
  // Above Hyperliquid's 40x its row says so, and still shows the rule it applies (1.25 %, not 0 %).
  const hl = explainAll(run({ leverage: '50' })).table.find((t) => t.id === 'hyperliquid');
  assert.deepEqual(
    [hl?.maintenance, hl?.price, hl?.distance],
    ['1.25% (half of 1/40x)', 'Not offered: at most 40x', '—'],
  );
});

test('leverage above a venue’s maximum marks its row as not offered', () => {
  const r = run({ leverage: '50' });
  assert.equal(row(r, 'hyperliquid').status, 'not-offered');
  assert.equal(row(r, 'hyperliquid').maxLeverage.toFixed(), '40');
  assert.equal(row(r, 'binance').status, 'ok');
});

for (const [patch, key] of [
  [{ margin: '' }, 'margin'],
  [{ margin: '-5' }, 'margin'],
  [{ margin: '1e999' }, 'margin'],
  [{ leverage: '0' }, 'leverage'],
  [{ leverage: 'abc' }, 'leverage'],
  [{ leverage: '126' }, 'leverage'], // Binance tier 1 allows 125x
  [{ leverage: '45', venue: 'hyperliquid' }, 'leverage'],
  [{ entry: '0' }, 'entry'],
  [{ entry: 'abc' }, 'entry'],
  [{ fee: '' }, 'fee'],
  [{ fee: '-1' }, 'fee'],
  [{ fee: '2' }, 'fee'],
  [{ venue: 'custom', mmr: '60' }, 'mmr'],
  [{ venue: 'custom', mmr: 'abc' }, 'mmr'],
  [{ venue: 'custom', leverage: '100', mmr: '1' }, 'leverage'], // margin 1 % = requirement 1 %: liquidated at once
  [{ venue: 'custom', mma: '-5' }, 'mma'],
  [{ venue: 'custom', mma: '' }, 'mma'],
  [{ venue: 'custom', mma: '1e999' }, 'mma'],
  [{ venue: 'custom', mma: '100' }, 'mma'], // above 0.5 % × 10,000
  [{ contract: 'inverse' }, 'venue'],
  [{ mode: 'cross', wallet: '' }, 'wallet'],
  [{ mode: 'cross', wallet: '-5' }, 'wallet'],
  [{ mode: 'cross', wallet: '500' }, 'wallet'],
  [{ mode: 'cross', others: '1', o1qty: '0' }, 'o1qty'],
  [{ mode: 'cross', others: '1', o1entry: 'abc' }, 'o1entry'],
  [{ mode: 'cross', others: '2', o2mark: '' }, 'o2mark'],
  [{ mode: 'cross', others: '3', o3mark: '1e999' }, 'o3mark'],
] as const) {
  test(`${JSON.stringify(patch)} gives a message on ${key}`, () => {
    const out = computeLiquidation({ ...base, ...patch });
    assert.equal(out.ok, false);
    if (!out.ok) {
      assert.ok(out.errors[key], JSON.stringify(out.errors));
      assert.doesNotMatch(out.errors[key] ?? '', /NaN|Infinity|undefined|otherPositions/);
    }
  });
}

test('calc field names map to the widget’s parameters', () => {
  assert.equal(fieldFor('entryPrice'), 'entry');
  assert.equal(fieldFor('walletBalance'), 'wallet');
  assert.equal(fieldFor('otherPositions[2].markPrice'), 'o3mark');
  assert.equal(fieldFor('otherPositions[0].quantity'), 'o1qty');
});

test('URL parameters round-trip, flat per other position, and bad ones fall back with notes', () => {
  const values = { ...base, mode: 'cross', others: '2', o1qty: '3', o2side: 'long', venue: 'bybit', fee: '0.05' };
  const query = serializeParams(liquidationParams, values);
  assert.equal(query, '?mode=cross&venue=bybit&fee=0.05&others=2&o1qty=3&o2side=long');
  const parsed = parseParams(liquidationParams, query);
  assert.deepEqual(parsed.values, values);
  assert.deepEqual(parsed.notes, []);

  const bad = parseParams(liquidationParams, '?others=7&o1side=up&venue=ftx&mode=<script>&zzz=1');
  assert.deepEqual(bad.values, base);
  assert.equal(bad.notes.length, 5);
  assert.ok(bad.notes.every((n) => n.length < 200));
});
