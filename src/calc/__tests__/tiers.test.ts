/** Example tests for maintenance amounts and tier lookup against Binance tables. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tierFor, withMaintenanceAmounts } from '../tiers.ts';
import { BINANCE_BTCUSDT, BINANCE_ETHUSDT } from '../venues.ts';
import { near, throwsCalc } from './helpers.ts';

describe('withMaintenanceAmounts', () => {
  it('reproduces Binance COIN-M worked example: 50 BTC × (5 % − 2.5 %) + 0.56 BTC = 1.81 BTC (https://www.binance.com/es/support/faq/ceccfcfb4e3a45e3b48b0b1bb1a8ae46)', () => {
    const tiers = withMaintenanceAmounts([
      { floor: 0, maintenanceMarginRate: '0.025', maintenanceAmount: '0.56' },
      { floor: 50, maintenanceMarginRate: '0.05' },
    ]);
    near(tiers[1].maintenanceAmount, '1.81');
  });
  it('reproduces the BTCUSDT maintenance amounts transcribed in highfestiva/crackcomm gists (S3: https://gist.github.com/highfestiva/b71e76f51eed84d56c1be8ebbcc286b5)', () => {
    const amounts = withMaintenanceAmounts(BINANCE_BTCUSDT.tiers ?? []).map((t) => t.maintenanceAmount.toNumber());
    assert.deepEqual(amounts, [0, 50, 1300, 16300, 266300, 1266300, 2516300, 5016300, 25016300, 100016300]);
  });
  it('reproduces the ETHUSDT maintenance amounts (https://gist.github.com/crackcomm/e29582030d9eeac6c6124a7503cd0ac2)', () => {
    const amounts = withMaintenanceAmounts(BINANCE_ETHUSDT.tiers ?? []).map((t) => t.maintenanceAmount.toNumber());
    assert.deepEqual(amounts, [0, 15, 365, 5365, 35365, 135365, 260365, 510365, 2510365]);
  });
  it('sorts by floor', () => {
    const tiers = withMaintenanceAmounts([
      { floor: 1000, maintenanceMarginRate: 0.02 },
      { floor: 0, maintenanceMarginRate: 0.01 },
    ]);
    near(tiers[0].floor, 0);
    near(tiers[1].maintenanceAmount, 10);
  });
  it('returns the same frozen table to every caller of one table, so no caller can change it for the others', () => {
    const first = withMaintenanceAmounts(BINANCE_BTCUSDT.tiers ?? []);
    assert.equal(withMaintenanceAmounts(BINANCE_BTCUSDT.tiers ?? []), first);
    assert.ok(Object.isFrozen(first) && first.every((tier) => Object.isFrozen(tier)));
    assert.throws(() => {
      (first[1] as { maintenanceAmount: unknown }).maintenanceAmount = 0;
    }, TypeError);
  });
  it('rejects broken tables', () => {
    throwsCalc(() => withMaintenanceAmounts([]), 'tiers', 'required');
    throwsCalc(() => withMaintenanceAmounts([{ floor: 10, maintenanceMarginRate: 0.01 }]), 'tiers', 'inconsistent');
    throwsCalc(
      () =>
        withMaintenanceAmounts([
          { floor: 0, maintenanceMarginRate: 0.01 },
          { floor: 0, maintenanceMarginRate: 0.02 },
        ]),
      'tiers',
      'inconsistent',
    );
    throwsCalc(
      () => withMaintenanceAmounts([{ floor: 0, maintenanceMarginRate: 1.5 }]),
      'tiers[0].maintenanceMarginRate',
      'out_of_range',
    );
  });
});

describe('tierFor (Binance brackets are floor < position ≤ cap: https://www.binance.com/tr/support/announcement/86cf9aa472574b8cb2e05bb751c2a9a6)', () => {
  const tiers = BINANCE_BTCUSDT.tiers ?? [];
  const rows: [number, string, number][] = [
    [0, '0.004', 125],
    [50000, '0.004', 125],
    [50000.01, '0.005', 100],
    [250000, '0.005', 100],
    [300000, '0.01', 50],
    [499999999, '0.5', 1],
  ];
  for (const [value, rate, lev] of rows) {
    it(`${value} USDT → ${rate} (${lev}x)`, () => {
      const tier = tierFor(value, tiers);
      near(tier.maintenanceMarginRate, rate);
      near(tier.maxLeverage, lev);
    });
  }
  it('rejects a position above the last cap', () =>
    throwsCalc(() => tierFor(600_000_000, tiers), 'notional', 'out_of_range'));
});
