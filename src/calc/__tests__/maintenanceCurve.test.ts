/** The maintenance requirement and equity across prices, worked by hand point by point. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Decimal } from '../decimal.ts';
import { maintenanceCurve } from '../maintenanceCurve.ts';
import { BINANCE_BTCUSDT_RULE, BYBIT_BTCUSDT_RULE } from '../venues.ts';
import { near, throwsCalc } from './helpers.ts';

const flat = (rate: string, extra: Record<string, string> = {}) => ({
  maintenanceBasis: 'liquidation' as const,
  maintenanceMarginRate: rate,
  ...extra,
});

describe('maintenanceCurve', () => {
  it('a 1 BTC long at 100 with 10 of margin and 1 %: three points 95, 100, 105 (span 5 % of entry)', () => {
    const c = maintenanceCurve({
      side: 'long',
      quantity: 1,
      entryPrice: 100,
      equity: 10,
      rule: flat('0.01'),
      points: 3,
    });
    assert.deepEqual(
      c.map((p) => p.price.toFixed()),
      ['95', '100', '105'],
    );
    // Equity 10 + 1 × (P − 100); requirement 1 % of P.
    assert.deepEqual(
      c.map((p) => p.equity.toFixed()),
      ['5', '10', '15'],
    );
    assert.deepEqual(
      c.map((p) => p.requirement.toFixed()),
      ['0.95', '1', '1.05'],
    );
  });

  it('the range widens to 1.4 × the distance to each price to include, and 41 points by default', () => {
    // Entry 60,000, liquidation 54,000: 1.4 × 6,000 = 8,400 > 3,000, so 51,600 … 68,400 in 40 steps of 420.
    const c = maintenanceCurve({
      side: 'long',
      quantity: 1,
      entryPrice: 60000,
      equity: 6000,
      rule: flat('0'),
      include: [54000, null],
    });
    assert.equal(c.length, 41);
    near(c[0]?.price, 51600);
    near(c[1]?.price, 52020);
    near(c[40]?.price, 68400);
    // Never below 1 % of entry, never more than 3 × entry above it: a price of 1,000,000 is capped at 240,000.
    const wide = maintenanceCurve({
      side: 'short',
      quantity: 1,
      entryPrice: 60000,
      equity: 6000,
      rule: flat('0'),
      include: [1000000],
      points: 2,
    });
    near(wide[0]?.price, 600);
    near(wide[1]?.price, 240000);
  });

  it('tiers: each point looks up its own tier (1 BTC around 50,000 crosses the Binance floor at 50,000)', () => {
    // Points 47,500 / 50,000 / 52,500. Tier 1 (≤ 50,000): 0.4 %, so 190 and 200; tier 2: 0.5 % − 50 = 212.5.
    const c = maintenanceCurve({
      side: 'long',
      quantity: 1,
      entryPrice: 50000,
      equity: 5000,
      rule: BINANCE_BTCUSDT_RULE,
      points: 3,
    });
    assert.deepEqual(
      c.map((p) => p.requirement.toFixed()),
      ['190', '200', '212.5'],
    );
    assert.deepEqual(
      c.map((p) => p.tierNumber),
      [1, 1, 2],
    );
  });

  it('entry basis (Bybit): the maintenance stays 0.5 % of the entry notional; a close fee still follows the price', () => {
    // 1/6 BTC short at 60,000: N_E = 10,000, maintenance 50 at every price.
    const q = new Decimal(1).div(6);
    const c = maintenanceCurve({
      side: 'short',
      quantity: q,
      entryPrice: 60000,
      equity: 1000,
      rule: BYBIT_BTCUSDT_RULE,
    });
    for (const p of c) near(p.requirement, 50, '1e-35');
    // Equity of a short: 1,000 − q × (P − 60,000); at 57,000 that is 1,000 + 500 = 1,500.
    near(c[0]?.price, 57000);
    near(c[0]?.equity, 1500, '1e-35');
    // With a 0.1 % close fee: 50 + 0.001 × q × 57,000 = 50 + 9.5 = 59.5 at the first point.
    const fee = maintenanceCurve({
      side: 'short',
      quantity: q,
      entryPrice: 60000,
      equity: 1000,
      rule: { ...BYBIT_BTCUSDT_RULE, closeFeeRate: '0.001' },
    });
    near(fee[0]?.requirement, '59.5', '1e-35');
  });

  it('a flat amount larger than N × r far from entry leaves a requirement of 0, not a negative one', () => {
    // 1/6 BTC long at 60,000, 0.5 % less 45: 50 − 45 = 5 at entry; include 48,000 → span 16,800 → first point
    // 43,200, where N = 7,200 and 36 − 45 < 0, so 0.
    const c = maintenanceCurve({
      side: 'long',
      quantity: new Decimal(1).div(6),
      entryPrice: 60000,
      equity: 1000,
      rule: flat('0.005', { maintenanceAmount: '45' }),
      include: [48000],
    });
    near(c[0]?.price, 43200);
    near(c[0]?.requirement, 0);
    near(c[20]?.price, 60000);
    near(c[20]?.requirement, 5, '1e-35');
  });

  it('coin-margined: equity W + q × (1/E − 1/P) in BTC, requirement r × q / P', () => {
    // 60,000 USD long at 60,000 with 0.1 BTC; first point 57,000: PnL 60,000 × (1/60,000 − 1/57,000) = 1 − 60/57.
    const c = maintenanceCurve({
      side: 'long',
      contract: 'inverse',
      quantity: 60000,
      entryPrice: 60000,
      equity: '0.1',
      rule: flat('0.005'),
    });
    near(c[0]?.equity, new Decimal('0.1').plus(1).minus(new Decimal(60).div(57)), '1e-35');
    near(c[0]?.requirement, new Decimal(60).div(57).times('0.005'), '1e-35');
  });

  it('refuses an unclear rule or a bad point count', () => {
    const base = { side: 'long' as const, quantity: 1, entryPrice: 100, equity: 10 };
    throwsCalc(
      () => maintenanceCurve({ ...base, rule: { ...BINANCE_BTCUSDT_RULE, maintenanceMarginRate: '0.01' } }),
      'maintenanceMarginRate',
      'inconsistent',
    );
    throwsCalc(
      () => maintenanceCurve({ ...base, rule: { maintenanceBasis: 'liquidation' } }),
      'maintenanceMarginRate',
      'required',
    );
    throwsCalc(() => maintenanceCurve({ ...base, rule: flat('0.01'), points: 1 }), 'points', 'out_of_range');
    throwsCalc(
      () => maintenanceCurve({ ...base, rule: flat('0.01'), include: [-5] }),
      'include[0]',
      'must_be_positive',
    );
  });
});
