import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeCarry } from '../model.ts';
import { readPercent } from '../../../input/number.ts';
import { carryParams } from '../params.ts';
import { parseParams, serializeParams } from '../../shared/params.ts';
import {
  BINANCE_BTCUSDT,
  BYBIT_BTCUSDT,
  KRAKEN_SPOT_MARGIN,
  breakEvenPrice,
  liquidationPrice,
} from '../../../calc/index.ts';

const base = carryParams.defaults;

function run(patch: Partial<typeof base> = {}) {
  const out = computeCarry({ ...base, ...patch });
  assert.ok(out.ok, JSON.stringify(!out.ok && out.errors));
  return out.value;
}

test('the rate defaults still match the venue presets they cite', () => {
  // The form takes percentages: 0.01 % is the fraction 0.0001.
  const fraction = (percent: string) => readPercent(percent, 'x', { label: 'rate' }).toFixed();
  assert.equal(fraction(base.funding), BINANCE_BTCUSDT.funding.interestRate);
  assert.equal(base.interval, String(BINANCE_BTCUSDT.funding.intervalHours));
  assert.equal(fraction(base.mmr), BYBIT_BTCUSDT.maintenanceMarginRate);
  assert.equal(fraction(base.rollover), KRAKEN_SPOT_MARGIN.rate);
  assert.equal(KRAKEN_SPOT_MARGIN.ratePeriodHours, 4);
});

test('defaults: a 10,000 USDT 5x long for 30 days pays 90 USDT of funding and 28.80 USDT of hourly interest', () => {
  const r = run();
  // Margin 10000 / 5 = 2000; quantity 10000 / 60000 = 1/6 BTC.
  assert.equal(r.margin.toFixed(2), '2000.00');
  // One payment: 10000 × 0.01 % = 1 USDT, paid by the long; 30 × 24 = 720 h / 8 h = 90 payments → 90 USDT.
  assert.equal(r.payment.toFixed(6), '-1.000000');
  assert.equal(r.payments, 90);
  assert.equal(r.fundingTotal.toFixed(2), '-90.00');
  assert.equal(r.fundingDirection, 'paid');
  // A long borrows size − margin = 8000 USDT; 0.0005 % an hour is 0.04 USDT an hour; a loan taken on the hour
  // for 720 h is charged 720 hours → 28.80 USDT.
  assert.equal(r.principal.toFixed(), '8000');
  assert.equal(r.periodsCharged.toFixed(), '720');
  assert.equal(r.interest.toFixed(2), '28.80');
  // Break-even: 90 / (1/6) = 540 USDT up, 0.9 % of 60000; 28.8 × 6 = 172.8 USDT up, 0.288 %.
  assert.equal(r.fundingBreakEven.price?.toFixed(2), '60540.00');
  assert.equal(r.fundingBreakEven.fraction.toFixed(6), '0.009000');
  assert.equal(r.borrowBreakEven.price?.toFixed(2), '60172.80');
  assert.equal(r.borrowBreakEven.fraction.toFixed(6), '0.002880');
});

test('defaults: 90 USDT of funding out of the isolated margin moves the liquidation price up by 542.71 USDT', () => {
  const r = run();
  // Long, isolated, 0.5 % maintenance: P = (q·E − W) / (q × (1 − 0.005)), q = 1/6.
  // Start, W = 2000: (10000 − 2000) × 6 / 0.995 = 48000 / 0.995 = 48241.206…
  assert.equal(r.liquidation.price?.toFixed(2), '48241.21');
  assert.equal(r.liquidation.distance?.toFixed(4), '-0.1960');
  // After 30 days, W = 2000 − 90 = 1910: (10000 − 1910) × 6 / 0.995 = 48540 / 0.995 = 48783.919…
  assert.equal(r.marginAfter.toFixed(2), '1910.00');
  assert.equal(r.shifted.state, 'price');
  if (r.shifted.state === 'price') {
    assert.equal(r.shifted.price?.toFixed(2), '48783.92');
    assert.equal(r.shifted.distance?.toFixed(4), '-0.1869');
  }
  // Whole margin: 2000 payments of 1 USDT × 8 h = 16000 h = 666.67 days; down to the 50 USDT maintenance
  // requirement (10000 × 0.5 %): 1950 payments = 650 days.
  assert.equal(r.maintenance.toFixed(2), '50.00');
  assert.equal(r.marginGoneDays?.toFixed(2), '666.67');
  assert.equal(r.liquidatedByFundingDays?.toFixed(2), '650.00');
  // The same shifted price straight from calc.
  const direct = liquidationPrice({
    side: 'long',
    quantity: r.quantity,
    entryPrice: 60000,
    marginMode: 'isolated',
    margin: 1910,
    maintenanceMarginRate: 0.005,
  });
  assert.equal(r.shifted.state === 'price' && r.shifted.price?.toFixed(8), direct.price?.toFixed(8));
});

test('hourly funding at the same rate per interval is 8 times the payments and the cost', () => {
  const r = run({ interval: '1' });
  // 720 h / 1 h = 720 payments of 1 USDT; margin left 2000 − 720 = 1280.
  assert.equal(r.payments, 720);
  assert.equal(r.fundingTotal.toFixed(2), '-720.00');
  assert.equal(r.marginAfter.toFixed(2), '1280.00');
  // 4 h: 180 payments.
  assert.equal(run({ interval: '4' }).payments, 180);
});

test('Kraken-style: opening fee plus a rollover per 4 hours passed, the last one at the close not charged', () => {
  const r = run({ accrual: 'rollover' });
  // 720 h / 4 = 180 marks; the one exactly at 720 h is not charged: 179 rollovers + 1 opening = 180 charges,
  // each on the full 10,000 USDT cost (Kraken charges on the position's cost): 10000 × 0.025 % = 2.5 USDT → 450 USDT.
  assert.equal(r.accrual, 'open-plus-rollover');
  assert.equal(r.periodsCharged.toFixed(), '180');
  assert.equal(r.interest.toFixed(2), '450.00');
  // 450 / (10000 / 60000 BTC) = 2700 USDT, 4.5 % of the entry.
  assert.equal(r.borrowBreakEven.fraction.toFixed(4), '0.0450');
  // Half a day: opening fee + rollovers at 4 h and 8 h (12 h is the close) = 3 charges = 7.50 USDT.
  assert.equal(run({ accrual: 'rollover', days: '0.5' }).interest.toFixed(2), '7.50');
});

test('a short receives positive funding, borrows the whole size and its liquidation price moves away', () => {
  const r = run({ side: 'short' });
  assert.equal(r.fundingTotal.toFixed(2), '90.00');
  assert.equal(r.fundingDirection, 'received');
  assert.equal(r.marginGoneDays, null);
  // The short borrows the coin it sells: worth 10000 USDT at entry → 10000 × 0.000005 × 720 = 36 USDT.
  assert.equal(r.principal.toFixed(), '10000');
  assert.equal(r.interest.toFixed(2), '36.00');
  // Short: P = (q·E + W) / (q × 1.005): start (10000 + 2000) × 6 / 1.005 = 71641.79; after (10000 + 2090) × 6 / 1.005.
  assert.equal(r.liquidation.price?.toFixed(2), '71641.79');
  assert.equal(r.marginAfter.toFixed(2), '2090.00');
  assert.ok(r.shifted.state === 'price' && r.shifted.price?.toFixed(2) === '72179.10');
  // Received funding is a cushion: the price may rise 540 USDT before the short loses; interest needs a 216 USDT fall.
  assert.equal(r.fundingBreakEven.price?.toFixed(2), '60540.00');
  assert.equal(r.borrowBreakEven.price?.toFixed(2), '59784.00');
});

test('negative funding pays the long, and the funding break-even matches calc breakEvenPrice', () => {
  const r = run({ funding: '-0.01' });
  assert.equal(r.fundingDirection, 'received');
  assert.equal(r.fundingTotal.toFixed(2), '90.00');
  assert.equal(r.fundingBreakEven.price?.toFixed(2), '59460.00');
  for (const side of ['long', 'short'] as const) {
    for (const [funding, fraction] of [
      ['0.01', '0.0001'],
      ['-0.03', '-0.0003'],
      ['0.2', '0.002'],
    ]) {
      const s = run({ side, funding, interval: '4' });
      const expected = breakEvenPrice({
        side,
        entryPrice: 60000,
        openFeeRate: 0,
        closeFeeRate: 0,
        fundingRate: fraction,
        fundingIntervals: s.payments,
      });
      assert.equal(s.fundingBreakEven.price?.toFixed(6), expected.toFixed(6), `${side} ${funding}`);
    }
  }
});

test('zero funding is neither paid nor received and leaves the liquidation price alone', () => {
  const r = run({ funding: '0' });
  assert.equal(r.fundingDirection, 'none');
  assert.equal(r.marginGoneDays, null);
  assert.ok(r.shifted.state === 'price' && r.shifted.price?.eq(r.liquidation.price ?? 0));
});

test('heavy funding uses up the whole margin, and says after how many days', () => {
  // 0.1 % per 8 h on 10000 = 10 USDT a payment; 365 days = 1095 payments = 10950 USDT > 2000 of margin.
  const r = run({ funding: '0.1', days: '365' });
  assert.equal(r.shifted.state, 'gone');
  assert.equal(r.marginAfter.toFixed(2), '-8950.00');
  // 2000 / 10 = 200 payments × 8 h = 1600 h = 66.67 days; (2000 − 50) / 10 = 195 payments = 65 days.
  assert.equal(r.marginGoneDays?.toFixed(2), '66.67');
  assert.equal(r.liquidatedByFundingDays?.toFixed(2), '65.00');
});

test('margin left but below maintenance: liquidated at the entry price', () => {
  // 65.4 days = 1569.6 h → 196 payments of 10 USDT → 2000 − 1960 = 40 USDT left, under the 50 USDT requirement.
  const r = run({ funding: '0.1', days: '65.4' });
  assert.equal(r.payments, 196);
  assert.equal(r.marginAfter.toFixed(2), '40.00');
  assert.equal(r.shifted.state, 'at-entry');
});

test('a short hold charts by the hour, a long one by the day, ending at the totals', () => {
  // 12 h: hours 0…11 and 12, i.e. 13 points; the first hour is charged at once (0.04 USDT).
  const short = run({ days: '0.5' });
  assert.equal(short.chartUnit, 'hours');
  assert.equal(short.curve.length, 13);
  assert.equal(short.curve[0]?.borrow.toFixed(2), '0.04');
  assert.equal(short.curve[0]?.funding.toFixed(2), '0.00');
  assert.equal(short.interest.toFixed(2), '0.48');
  const long = run();
  assert.equal(long.chartUnit, 'days');
  assert.equal(long.curve.length, 31);
  const last = long.curve[long.curve.length - 1];
  assert.equal(last?.hours.toFixed(), '720');
  assert.equal(last?.funding.toFixed(2), '90.00');
  assert.equal(last?.borrow.toFixed(2), '28.80');
});

test('at 1x a long borrows nothing on spot margin', () => {
  const r = run({ leverage: '1' });
  assert.equal(r.principal.toFixed(), '0');
  assert.equal(r.interest.toFixed(), '0');
});

for (const [key, value, patch] of [
  ['size', '', {}],
  ['size', '-5', {}],
  ['size', '0', {}],
  ['entry', 'abc', {}],
  ['entry', '1e999', {}],
  ['leverage', '0', {}],
  ['leverage', '500', {}],
  // 200x leaves 0.5 % of margin: exactly the maintenance requirement, liquidated on opening.
  ['leverage', '200', {}],
  ['days', '0', {}],
  ['days', '-5', {}],
  ['days', '4000', {}],
  ['funding', 'abc', {}],
  ['funding', '11', {}],
  ['funding', '-11', {}],
  ['mmr', '-1', {}],
  ['mmr', '60', {}],
  ['borrow', '-5', {}],
  ['borrow', '2', {}],
  ['rollover', '', { accrual: 'rollover' }],
  ['rollover', '-5', { accrual: 'rollover' }],
] as const) {
  test(`${key} = "${value}" gives a message on that field`, () => {
    const out = computeCarry({ ...base, ...patch, [key]: value });
    assert.equal(out.ok, false);
    if (!out.ok) {
      assert.ok(out.errors[key], JSON.stringify(out.errors));
      assert.doesNotMatch(out.errors[key] ?? '', /NaN|Infinity|undefined/);
    }
  });
}

test('the hidden rate field is not checked: a bad rollover fee does not block the hourly rule', () => {
  assert.ok(computeCarry({ ...base, rollover: '-5' }).ok);
  assert.ok(computeCarry({ ...base, accrual: 'rollover', borrow: 'abc' }).ok);
});

test('signed funding and zero rates are accepted', () => {
  assert.ok(computeCarry({ ...base, funding: '-5' }).ok);
  assert.ok(computeCarry({ ...base, mmr: '0', borrow: '0', funding: '0' }).ok);
  const rule = { label: 'funding rate', min: -10, max: 10 };
  assert.equal(readPercent('-0.01', 'funding', rule).toFixed(), '-0.0001');
  assert.throws(() => readPercent('', 'funding', rule), /Enter the funding rate/);
});

test('URL parameters round-trip, and bad ones fall back to defaults with notes', () => {
  const values = { ...base, side: 'short', funding: '-0.02', interval: '1', accrual: 'rollover', days: '7' };
  const query = serializeParams(carryParams, values);
  assert.equal(query, '?side=short&days=7&funding=-0.02&interval=1&accrual=rollover');
  const parsed = parseParams(carryParams, query);
  assert.deepEqual(parsed.values, values);
  assert.deepEqual(parsed.notes, []);

  const bad = parseParams(carryParams, '?interval=2&accrual=monthly&funding=<script>&x=1&days=' + '9'.repeat(10000));
  assert.deepEqual(bad.values, base);
  assert.equal(bad.notes.length, 5);
  assert.ok(bad.notes.every((n) => n.length < 200));
  assert.ok(!bad.notes.join(' ').includes('<script>alert'));
});
