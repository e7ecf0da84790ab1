import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { computeRisk } from '../model.ts';
import { riskParams, type RiskValues } from '../params.ts';
import { parseParams, serializeParams } from '../../shared/params.ts';
import {
  adverseMovePrice,
  netPnl,
  riskPositionSize,
  safeLeverageForStop,
  stopBeforeLiquidation,
} from '../../../calc/index.ts';
import { percentPoints } from '../../../format/numbers.ts';

const base = riskParams.defaults;

function ok(values: RiskValues) {
  const out = computeRisk(values);
  assert.ok(out.ok, out.ok ? '' : JSON.stringify(out.errors));
  return out.value;
}

test('defaults: risking 1% of 10,000 USDT with a stop 1,200 below a 60,000 entry buys 0.0794 BTC', () => {
  const r = ok(base);
  // Risk: 10000 × 1% = 100 USDT.
  assert.equal(r.riskAmount.toFixed(), '100');
  // Loss per BTC: |60000 − 58800| + 0.05% × 60000 (open) + 0.05% × 58800 (close) = 1200 + 30 + 29.4 = 1259.4.
  assert.equal(r.lossPerUnit.toFixed(), '1259.4');
  // Quantity: 100 / 1259.4 = 0.07940289… BTC; notional 0.07940289 × 60000 = 4764.17 USDT.
  assert.equal(r.quantity.toFixed(8), '0.07940289');
  assert.equal(r.notional.toFixed(2), '4764.17');
  // Margin at 10x: 4764.17 / 10 = 476.42.
  assert.equal(r.margin.toFixed(2), '476.42');
  // Isolated long liquidation at 10x, mmr 0.5%: 60000 × (1 − 1/10) / (1 − 0.005) = 54000 / 0.995 = 54271.36.
  assert.equal(r.liquidation?.toFixed(2), '54271.36');
  assert.ok(r.stopFirst);
  // Highest leverage: 1/L = (60000 − 58800 × 0.995) / 60000 = 1494 / 60000, so L = 40.1606…, shown rounded down: 40.16.
  assert.equal(r.maxLeverage.toFixed(4), '40.1606');
  assert.equal(r.maxSafeLeverage.toFixed(), '40.16');
  assert.equal(r.maxLeverageCapped, false);
  // The margin fits easily: the account could carry this position at 4764.17 / 10000 = 0.48x.
  assert.equal(r.minLeverage.toFixed(), '0.48');
  assert.equal(r.marginTooBig, false);
});

test('defaults with a target: 3 : 1 reward to risk, 25% win rate to break even, 280.94 USDT after fees', () => {
  const r = ok(base);
  assert.ok(r.reward);
  // Reward 63600 − 60000 = 3600 per BTC against a risk of 1200: 3600 / 1200 = 3; 1200 / (1200 + 3600) = 0.25.
  assert.equal(r.reward.rewardToRisk.toFixed(), '3');
  assert.equal(r.reward.breakEvenWinRate.toFixed(), '0.25');
  // After fees: q × (3600 − 30 − 31.8) = 100 × 3538.2 / 1259.4 = 280.9433…
  assert.equal(r.reward.profitAtTarget.toFixed(4), '280.9433');
});

test('a short mirrors the long: stop 1,200 above entry, liquidation above entry', () => {
  const r = ok({ ...base, side: 'short', stop: '61200', target: '56400' });
  // Loss per BTC: 1200 + 30 + 0.05% × 61200 = 1260.6; quantity 100 / 1260.6 = 0.07932730…
  assert.equal(r.lossPerUnit.toFixed(), '1260.6');
  assert.equal(r.quantity.toFixed(8), '0.07932730');
  // Short liquidation at 10x: 60000 × (1 + 1/10) / (1 + 0.005) = 66000 / 1.005 = 65671.64.
  assert.equal(r.liquidation?.toFixed(2), '65671.64');
  // 1/L = (61200 × 1.005 − 60000) / 60000 = 1506 / 60000, so L = 39.84…
  assert.equal(r.maxSafeLeverage.toFixed(), '39.84');
  assert.equal(r.reward?.rewardToRisk.toFixed(), '3');
});

test('the highest leverage is rounded down, never to nearest: 50,000 → 45,000 shows 9.56, not 9.57', () => {
  // 1/L = (50000 − 45000 × 0.995) / 50000 = 5225 / 50000, L = 9.56937…: to nearest that is 9.57, which is unsafe.
  const r = ok({ ...base, entry: '50000', stop: '45000', target: '' });
  assert.equal(r.maxLeverage.toFixed(4), '9.5694');
  assert.equal(r.maxSafeLeverage.toFixed(), '9.56');
  assert.ok(ok({ ...base, entry: '50000', stop: '45000', target: '', leverage: '9.56' }).stopFirst);
  assert.equal(ok({ ...base, entry: '50000', stop: '45000', target: '', leverage: '9.57' }).stopFirst, false);
});

test('chart values are the fractions in percent: 0.0151 → 1.51, 0.01 → 1', () => {
  assert.equal(percentPoints(ok(base).compare[0]?.lossShare ?? ''), 1);
  assert.equal(percentPoints('0.0151'), 1.51);
  assert.equal(percentPoints('-0.000335'), -0.0335);
});

test('above the highest leverage the stop no longer fires first; at or below it, it does', () => {
  const at = ok({ ...base, leverage: '40.16' });
  assert.ok(at.stopFirst);
  assert.ok(at.liquidation?.lt(58800));
  const above = ok({ ...base, leverage: '40.17' });
  assert.equal(above.stopFirst, false);
  assert.ok(above.liquidation?.gt(58800));
  // A stop 0.5% away: 1/L = (60000 − 59700 × 0.995) / 60000 = 598.5 / 60000, so L = 100.25; 125x is too much.
  const tight = ok({ ...base, stop: '59700', leverage: '125' });
  assert.equal(tight.stopFirst, false);
  assert.equal(tight.maxSafeLeverage.toFixed(), '100.25');
});

test('a very tight stop can be safe at any leverage the tool accepts: the maximum is the cap', () => {
  // mmr 0 and a stop 0.1% away: 1/L = (60000 − 59940) / 60000 = 0.001, so L = 1000, capped at 200.
  const r = ok({ ...base, stop: '59940', mmr: '0', leverage: '100' });
  assert.equal(r.maxLeverage.toFixed(), '200');
  assert.equal(r.maxLeverageCapped, true);
  assert.ok(r.stopFirst);
});

test('the same position at 2x, 10x and 50x loses the same at the stop; only margin and liquidation move', () => {
  const r = ok(base);
  assert.deepEqual(
    r.compare.map((row) => row.leverage),
    [2, 10, 50],
  );
  assert.equal(new Set(r.compare.map((row) => row.lossAtStop.toFixed(10))).size, 1);
  assert.equal(r.compare[0]?.lossShare.toFixed(10), '0.0100000000');
  // Margin 4764.17 / 2 = 2382.09 and 4764.17 / 50 = 95.28.
  assert.equal(r.compare[0]?.margin.toFixed(2), '2382.09');
  assert.equal(r.compare[2]?.margin.toFixed(2), '95.28');
  // 50x long: liquidation at 60000 × 0.98 / 0.995 = 59095.48, above the 58800 stop, 1.51% from entry.
  assert.equal(r.compare[2]?.liquidation?.toFixed(2), '59095.48');
  assert.equal(r.compare[2]?.liquidationDistance?.toFixed(4), '0.0151');
  assert.deepEqual(
    r.compare.map((row) => row.stopFirst),
    [true, true, false],
  );
});

test('a leverage that cannot open under a high maintenance rate is marked, not an error', () => {
  // mmr 5%: at 50x the margin (2% of notional) is below the 5% requirement.
  const r = ok({ ...base, mmr: '5' });
  assert.equal(r.compare[2]?.opens, false);
  assert.equal(r.compare[2]?.stopFirst, false);
  assert.equal(r.compare[2]?.liquidation, null);
});

test('a margin larger than the account is flagged with the leverage it would need', () => {
  // Risk 100 with a 12 USDT stop: q = 100 / (12 + 30 + 29.994) = 1.389… BTC, notional 83,340 USDT.
  const r = ok({ ...base, stop: '59988', leverage: '2' });
  assert.equal(r.marginTooBig, true);
  // 83340.28 / 10000 = 8.334…, rounded up to 8.34.
  assert.equal(r.minLeverage.toFixed(), '8.34');
});

test('an empty target gives no reward figures and no error', () => {
  const r = ok({ ...base, target: '' });
  assert.equal(r.reward, null);
  assert.ok(ok({ ...base, target: '   ' }).reward === null);
});

/** `n / 10^places` as a decimal string, built from the digits (no arithmetic): scaled(12345, 2) → "123.45". */
function scaled(n: number, places: number): string {
  const digits = String(n).padStart(places + 1, '0');
  return places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`;
}

test('property: size, loss at the stop and safety check are the ones calc gives, whatever the leverage', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 100, max: 100_000_000 }), // account, in cents
      fc.integer({ min: 1, max: 500 }), // risk, in hundredths of a percent
      fc.constantFrom('long', 'short'),
      fc.integer({ min: 1, max: 1_000_000 }), // entry, in cents
      fc.integer({ min: 1, max: 5000 }), // stop distance, in hundredths of a percent of entry
      fc.integer({ min: 0, max: 100 }), // fee, in thousandths of a percent
      fc.integer({ min: 1, max: 20 }), // leverage
      (accountCents, riskBp, side, entryCents, distBp, feeMilli, leverage) => {
        const entry = scaled(entryCents, 2);
        const stop = adverseMovePrice({ side, entryPrice: entry, move: scaled(distBp, 4) });
        const values: RiskValues = {
          ...base,
          account: scaled(accountCents, 2),
          risk: scaled(riskBp, 2),
          side,
          entry,
          stop: stop.toFixed(),
          target: '',
          fee: scaled(feeMilli, 3),
          leverage: String(leverage),
        };
        const feeRate = scaled(feeMilli, 5);
        const size = riskPositionSize({
          balance: values.account,
          riskFraction: scaled(riskBp, 4),
          entryPrice: entry,
          stopPrice: stop,
          openFeeRate: feeRate,
          closeFeeRate: feeRate,
        });
        const out = computeRisk(values);
        // Every draw here gives a size calc can work with (at most 50,000 / 0.000001 = 5e10 units), so none is refused.
        assert.ok(out.ok, out.ok ? '' : JSON.stringify(out.errors));
        const r = out.value;
        assert.ok(r.riskAmount.eq(size.riskAmount) && r.quantity.eq(size.quantity));
        // The loss at the stop, from calc's net PnL, is the risk amount (to 12 decimals; they differ near 1e-30).
        const net = netPnl({
          side,
          quantity: r.quantity,
          entryPrice: entry,
          exitPrice: stop,
          openFeeRate: feeRate,
          closeFeeRate: feeRate,
        }).net;
        assert.equal(r.lossAtStop.toFixed(12), size.riskAmount.toFixed(12));
        assert.equal(net.toFixed(12), `-${size.riskAmount.toFixed(12)}`);
        const mmr = scaled(5, 3);
        const check = stopBeforeLiquidation({
          side,
          entryPrice: entry,
          stopPrice: stop,
          leverage,
          maintenanceMarginRate: mmr,
        });
        assert.equal(r.stopFirst, check.firesFirst);
        assert.equal(r.stopFirst, r.leverage.lte(r.maxLeverage));
        const safe = safeLeverageForStop({
          side,
          entryPrice: entry,
          stopPrice: stop,
          maintenanceMarginRate: mmr,
          decimals: 2,
        });
        assert.ok(r.maxSafeLeverage.eq(safe.shown) && r.maxLeverage.eq(safe.exact));
        return true;
      },
    ),
    { numRuns: 300 },
  );
});

test('a stop on the wrong side of entry gives a message on the stop', () => {
  for (const values of [
    { ...base, stop: '61000' },
    { ...base, stop: '60000' },
    { ...base, side: 'short' },
  ]) {
    const out = computeRisk(values);
    assert.equal(out.ok, false);
    if (!out.ok) assert.match(out.errors['stop'] ?? '', /stop must be (below|above) the entry/);
  }
});

test('a target on the wrong side of entry gives a message on the target', () => {
  const out = computeRisk({ ...base, target: '59000' });
  assert.equal(out.ok, false);
  if (!out.ok) assert.match(out.errors['target'] ?? '', /target must be above the entry/);
});

for (const [key, value] of [
  ['account', ''],
  ['account', '-5'],
  ['account', '0'],
  ['account', 'abc'],
  ['risk', ''],
  ['risk', '0'],
  ['risk', '-1'],
  ['risk', '101'],
  ['entry', '1e999'],
  ['entry', '0'],
  ['stop', ''],
  ['stop', '-5'],
  ['target', 'abc'],
  ['target', '0'],
  ['target', '1e999'],
  ['fee', 'abc'],
  ['fee', '-1'],
  ['fee', '2'],
  ['leverage', '0'],
  ['leverage', ''],
  ['leverage', '500'],
  ['leverage', '200'],
  ['mmr', '60'],
  ['mmr', ''],
] as const) {
  test(`${key} = "${value}" gives a message on that field`, () => {
    const out = computeRisk({ ...base, [key]: value });
    assert.equal(out.ok, false);
    if (!out.ok) {
      assert.ok(out.errors[key], JSON.stringify(out.errors));
      assert.doesNotMatch(out.errors[key] ?? '', /NaN|Infinity|undefined/);
    }
  });
}

test('URL parameters round-trip, an empty target included, and bad ones fall back with notes', () => {
  const values = { ...base, side: 'short', stop: '61500', target: '', leverage: '25' };
  const query = serializeParams(riskParams, values);
  assert.equal(query, '?side=short&stop=61500&target=&leverage=25');
  const parsed = parseParams(riskParams, query);
  assert.deepEqual(parsed.values, values);
  assert.deepEqual(parsed.notes, []);
  assert.deepEqual(parseParams(riskParams, serializeParams(riskParams, base)).values, base);

  const bad = parseParams(riskParams, '?side=up&risk=<script>&target=abc&zzz=1&stop=' + '9'.repeat(10000));
  assert.deepEqual(bad.values, base);
  assert.equal(bad.notes.length, 5);
  assert.ok(bad.notes.every((n) => n.length < 200));
  assert.ok(!bad.notes.join(' ').includes('<script>alert'));
});
