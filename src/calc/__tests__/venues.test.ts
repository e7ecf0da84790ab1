/** Tests that venue presets carry sources and reproduce each venue's rules. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { liquidationPrice } from '../liquidationPrice.ts';
import { BYBIT_BTCUSDT, HYPERLIQUID_BTC, VENUE_PRESETS, hyperliquidMaintenanceRate } from '../venues.ts';
import { near } from './helpers.ts';

describe('venue presets', () => {
  it('every preset names its source URL and an ISO "as of" date', () => {
    for (const preset of VENUE_PRESETS) {
      assert.match(preset.sourceUrl, /^https:\/\//);
      assert.match(preset.asOf, /^\d{4}-\d{2}-\d{2}$/);
    }
  });
  it('Hyperliquid maintenance is half the initial margin at max leverage: 1/(2 × 40) = 1.25 % (https://hyperliquid.gitbook.io/hyperliquid-docs/trading/liquidations)', () => {
    near(hyperliquidMaintenanceRate(40), '0.0125');
    near(hyperliquidMaintenanceRate(3), '0.1666666666666666666666666666666666666667', '1e-39');
    assert.equal(
      HYPERLIQUID_BTC.maintenanceMarginRate,
      hyperliquidMaintenanceRate(HYPERLIQUID_BTC.maxLeverage).toString(),
    );
  });
  it('the same trade liquidates at different prices on Bybit (entry basis) and Hyperliquid (mark basis)', () => {
    const trade = {
      side: 'long' as const,
      quantity: 1,
      entryPrice: 60000,
      marginMode: 'isolated' as const,
      leverage: 20,
    };
    const bybit = liquidationPrice({
      ...trade,
      maintenanceMarginRate: BYBIT_BTCUSDT.maintenanceMarginRate,
      maintenanceBasis: BYBIT_BTCUSDT.maintenanceBasis,
    });
    const hyper = liquidationPrice({
      ...trade,
      maintenanceMarginRate: HYPERLIQUID_BTC.maintenanceMarginRate,
      maintenanceBasis: HYPERLIQUID_BTC.maintenanceBasis,
    });
    near(bybit.price, 57300); // 60,000 − (3,000 − 300) / 1
    assert.ok(hyper.price && bybit.price && hyper.price.gt(bybit.price));
  });
});
