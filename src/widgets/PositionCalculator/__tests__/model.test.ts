import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computePosition } from '../model.ts';
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
  // The price move: (63000 − 60000) / 60000 = 0.05; ROE before fees 500 / 1000 = 0.5.
  assert.equal(r.move.toFixed(), '0.05');
  assert.equal(r.roe.toFixed(6), '0.500000');
  // Liquidation at 10x, 0.5 %: 60000 × 0.9 / 0.995 = 54271.36; bankruptcy 60000 × 0.9 = 54000.
  assert.equal(r.liquidation?.toFixed(2), '54271.36');
  assert.equal(r.bankruptcy?.toFixed(2), '54000.00');
  // Break-even with 0.05% each way: 60000 × 1.0005 / 0.9995.
  assert.equal(r.breakEven.toFixed(2), '60060.03');
});

test('the same-size rows keep the PnL and change only margin and ROE', () => {
  const out = computePosition({ ...base, leverage: '20', exit: '57000' });
  assert.ok(out.ok);
  const pnls = new Set(out.value.sameSize.map((row) => row.pnl.toFixed()));
  assert.equal(pnls.size, 1);
  // 1000 × 20 = 20000 notional = 0.3333… BTC; at 2x the margin is 20000 / 2 = 10000, and the PnL
  // 0.3333… × (57000 − 60000) = −1000 is −10 % of it; at 50x the margin is 400 and the ROE −250 %.
  const at2 = out.value.sameSize.find((row) => row.leverage === 2);
  assert.equal(at2?.margin.toFixed(2), '10000.00');
  assert.equal(at2?.pnl.toFixed(2), '-1000.00');
  assert.equal(at2?.roe.toFixed(2), '-0.10');
  const at50 = out.value.sameSize.find((row) => row.leverage === 50);
  assert.equal(at50?.margin.toFixed(2), '400.00');
  assert.equal(at50?.roe.toFixed(2), '-2.50');
});

test('a short profits when the price falls, by the same amount a long would lose', () => {
  const long = computePosition({ ...base, exit: '54000' });
  const short = computePosition({ ...base, side: 'short', exit: '54000' });
  assert.ok(long.ok && short.ok);
  // Long: 0.1666… BTC × (54000 − 60000) = −1000; the short gains the same 1000.
  assert.equal(long.value.pnl.toFixed(2), '-1000.00');
  assert.equal(short.value.pnl.toFixed(2), '1000.00');
  assert.equal(short.value.move.toFixed(), '-0.1');
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

test('percentages typed by the reader become fractions: 0.05 % fee on 10,000 is 5', () => {
  const out = computePosition({ ...base, fee: '0.05', exit: '60000' });
  assert.ok(out.ok);
  // Open 10000 × 0.0005 = 5, close the same at an unchanged price: 10 in all.
  assert.equal(out.value.fees.toFixed(), '10');
  const empty = computePosition({ ...base, fee: '' });
  assert.equal(empty.ok, false);
  if (!empty.ok) assert.match(empty.errors['fee'] ?? '', /Enter the trading fee/);
});

test('the PnL curve runs from well past the bankruptcy price to as far above entry', () => {
  const out = computePosition(base);
  assert.ok(out.ok);
  const curve = out.value.curve;
  // span = max(1.6 × 60000 / 10, 1.2 × 3000) = 9600: prices 50400 … 69600 in 40 steps of 480.
  assert.equal(curve.length, 41);
  assert.equal(curve[0]?.price.toFixed(), '50400');
  assert.equal(curve[1]?.price.toFixed(), '50880');
  assert.equal(curve[40]?.price.toFixed(), '69600');
  // PnL at 50400: 0.1666… × (50400 − 60000) = −1600.
  assert.equal(curve[0]?.pnl.toFixed(2), '-1600.00');
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
