import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computePosition } from '../model.ts';
import { percentToFraction } from '../../shared/percent.ts';
import { positionParams } from '../params.ts';
import { parseParams, serializeParams } from '../../shared/params.ts';

const base = positionParams.defaults;

test('defaults: 1,000 USDT at 10x buys 10,000 USDT of BTC at 60,000; a 5% rise earns 500 USDT before fees', () => {
  const out = computePosition(base);
  assert.ok(out.ok);
  const r = out.value;
  // Worked by hand: 1000 × 10 = 10000 notional; 10000 / 60000 = 0.1666… BTC; × (63000 − 60000) = 500.
  assert.equal(r.notional.toFixed(), '10000');
  assert.equal(r.pnl.toFixed(2), '500.00');
  // Fees 0.05% of 10,000 to open and of 10,500 to close: 5 + 5.25 = 10.25.
  assert.equal(r.fees.toFixed(2), '10.25');
  assert.equal(r.netPnl.toFixed(2), '489.75');
  assert.equal(r.netRoe.toFixed(6), '0.489750');
  assert.equal(r.accountReturn.toFixed(6), '0.097950');
  // Break-even with 0.05% each way: 60000 × 1.0005 / 0.9995.
  assert.equal(r.breakEven.toFixed(2), '60060.03');
});

test('the same-size rows keep the PnL and change only margin and ROE', () => {
  const out = computePosition({ ...base, leverage: '20', exit: '57000' });
  assert.ok(out.ok);
  const pnls = new Set(out.value.sameSize.map((row) => row.pnl.toFixed()));
  assert.equal(pnls.size, 1);
  const at2 = out.value.sameSize.find((row) => row.leverage === 2);
  assert.equal(at2?.margin.toFixed(), '10000');
  assert.equal(at2?.roe.toFixed(2), '-0.10');
});

test('a short profits when the price falls, by the same amount a long would lose', () => {
  const long = computePosition({ ...base, exit: '54000' });
  const short = computePosition({ ...base, side: 'short', exit: '54000' });
  assert.ok(long.ok && short.ok);
  assert.equal(long.value.pnl.neg().toFixed(), short.value.pnl.toFixed());
  assert.ok(short.value.liquidation?.gt(60000));
});

test('coin-margined: margin and PnL in BTC, quantity in USD', () => {
  const out = computePosition({ ...base, contract: 'inverse', margin: '0.1', exit: '66000' });
  assert.ok(out.ok);
  assert.equal(out.value.moneyUnit, 'BTC');
  // 0.1 BTC × 10 = 1 BTC notional = 60,000 USD face; PnL = 60000 × (1/60000 − 1/66000) = 0.0909… BTC.
  assert.equal(out.value.quantity.toFixed(), '60000');
  assert.equal(out.value.pnl.toFixed(6), '0.090909');
});

for (const [key, value] of [
  ['margin', ''],
  ['margin', '-5'],
  ['leverage', '0'],
  ['leverage', 'abc'],
  ['entry', '1e999'],
  ['exit', '0'],
  ['fee', 'abc'],
  ['fee', '-1'],
  ['mmr', '60'],
  ['account', '1e999'],
  ['account', '500'],
] as const) {
  test(`${key} = "${value}" gives a message on that field`, () => {
    const out = computePosition({ ...base, [key]: value });
    assert.equal(out.ok, false);
    if (!out.ok) {
      assert.ok(out.errors[key], JSON.stringify(out.errors));
      assert.doesNotMatch(out.errors[key] ?? '', /NaN|Infinity|undefined/);
    }
  });
}

test('percentages typed by the reader become fractions', () => {
  assert.equal(percentToFraction('0.05', 'fee', 'trading fee', 1).toFixed(), '0.0005');
  assert.throws(() => percentToFraction('', 'fee', 'trading fee', 1), /Enter the trading fee/);
});

test('URL parameters round-trip, and bad ones fall back to defaults with notes', () => {
  const values = { ...base, side: 'short', leverage: '25', exit: '58000' };
  const query = serializeParams(positionParams, values);
  assert.equal(query, '?side=short&leverage=25&exit=58000');
  const parsed = parseParams(positionParams, query);
  assert.deepEqual(parsed.values, values);
  assert.deepEqual(parsed.notes, []);

  const bad = parseParams(positionParams, '?side=sideways&leverage=<script>&x=1&entry=' + '9'.repeat(10000));
  assert.deepEqual(bad.values, base);
  assert.equal(bad.notes.length, 4);
  assert.ok(bad.notes.every((n) => n.length < 200));
  assert.ok(!bad.notes.join(' ').includes('<script>alert'));
});
