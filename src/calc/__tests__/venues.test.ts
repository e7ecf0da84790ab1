/** Tests that venue presets carry sources and reproduce each venue's rules. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Decimal } from '../decimal.ts';
import { liquidationPrice } from '../liquidationPrice.ts';
import {
  BINANCE_BTCUSDT_RULE,
  BYBIT_BTCUSDT,
  BYBIT_BTCUSDT_RULE,
  CLOSE_FEE_RULE,
  HYPERLIQUID_BTC,
  HYPERLIQUID_BTC_RULE,
  LIQUIDATION_RULES,
  TEXTBOOK_RULE,
  VENUE_PRESETS,
  closeFeeRuleWith,
  hyperliquidMaintenanceRate,
} from '../venues.ts';
import { near, throwsCalc } from './helpers.ts';

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

describe('liquidation rules as data', () => {
  it('every venue rule names its source, its "as of" date and, for a single venue, its maximum leverage', () => {
    for (const rule of LIQUIDATION_RULES.filter((r) => r.kind === 'venue')) {
      assert.match(rule.sourceUrl ?? '', /^https:\/\//, rule.id);
      assert.match(rule.asOf ?? '', /^\d{4}-\d{2}-\d{2}$/, rule.id);
    }
    // Bybit BTCUSDT first risk-limit tier: 100x; Hyperliquid BTC: 40x; Binance BTCUSDT tier 1: 125x (1 / (2 × 0.4 %)).
    assert.equal(BYBIT_BTCUSDT_RULE.maxLeverage, 100);
    assert.equal(HYPERLIQUID_BTC_RULE.maxLeverage, 40);
    assert.equal(BINANCE_BTCUSDT_RULE.maxLeverage, 125);
  });
  it('the rules repeat the presets they come from: Bybit 0.5 % on entry, Hyperliquid 1/(2 × 40), Binance tiers', () => {
    assert.equal(BYBIT_BTCUSDT_RULE.maintenanceBasis, 'entry');
    near(new Decimal(BYBIT_BTCUSDT_RULE.maintenanceMarginRate ?? 'NaN'), '0.005');
    near(new Decimal(HYPERLIQUID_BTC_RULE.maintenanceMarginRate ?? 'NaN'), '0.0125'); // 1 / 80
    assert.equal(BINANCE_BTCUSDT_RULE.tiers?.length, 10);
    assert.equal(BINANCE_BTCUSDT_RULE.contract, 'linear');
    near(new Decimal(TEXTBOOK_RULE.maintenanceMarginRate ?? 'NaN'), 0);
  });
  it('the close-fee rule: Phemex’s 0.5 % tier plus a 0.05 % example fee, or the reader’s fee when one is given', () => {
    near(new Decimal(CLOSE_FEE_RULE.maintenanceMarginRate ?? 'NaN'), '0.005');
    near(new Decimal(CLOSE_FEE_RULE.closeFeeRate ?? 'NaN'), '0.0005');
    assert.equal(closeFeeRuleWith(0), CLOSE_FEE_RULE);
    assert.equal(closeFeeRuleWith(undefined), CLOSE_FEE_RULE);
    near(new Decimal(closeFeeRuleWith('0.0006').closeFeeRate ?? 'NaN'), '0.0006');
    throwsCalc(() => closeFeeRuleWith('0.5'), 'closeFeeRate', 'out_of_range');
  });
});
