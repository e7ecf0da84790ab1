/** One trade through each venue rule: hand-worked prices per rule, statuses for refusals, the widest gap, the reasons. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Decimal } from '../decimal.ts';
import { compareVenues } from '../venueCompare.ts';
import { liquidationUnderRule, type VenueRow } from '../venueRule.ts';
import {
  BINANCE_BTCUSDT_RULE,
  BYBIT_BTCUSDT_RULE,
  HYPERLIQUID_BTC_RULE,
  LIQUIDATION_RULES,
  TEXTBOOK_RULE,
  type LiquidationRule,
} from '../venues.ts';
import { near, throwsCalc } from './helpers.ts';

/** The liquidation calculator's starting trade: 1,000 USDT at 10x from 60,000, so q = 10,000 / 60,000 = 1/6 BTC. */
const trade = { side: 'long' as const, marginMode: 'isolated' as const, margin: 1000, leverage: 10, entryPrice: 60000 };

const byId = (rows: VenueRow[], id: string): VenueRow => {
  const row = rows.find((r) => r.rule.id === id);
  assert.ok(row, `row ${id}`);
  return row;
};

const custom = (rate: string, amount = '0'): LiquidationRule => ({
  id: 'custom',
  kind: 'custom',
  name: 'Your custom rate',
  short: 'your custom rate',
  maintenanceBasis: 'liquidation',
  maintenanceMarginRate: rate,
  maintenanceAmount: amount,
});

describe('compareVenues: a 10x long of 10,000 USDT at 60,000 (each price worked by hand)', () => {
  const c = compareVenues({ ...trade, rules: LIQUIDATION_RULES });

  it('sizes the position once: notional 1,000 × 10 = 10,000 USDT, q = 1/6 BTC, plain move 1/10', () => {
    near(c.notional, 10000);
    near(c.quantity, new Decimal(1).div(6), '1e-39');
    near(c.plainMove, '0.1');
    assert.deepEqual(
      c.rows.map((r) => r.rule.id),
      ['binance', 'bybit', 'hyperliquid', 'textbook', 'closefee'],
    );
    assert.ok(c.rows.every((r) => r.status === 'ok'));
  });

  it('Binance: tier 1 (notional ≤ 50,000), 0.4 %: P = (1,000 − 10,000) / (q × (0.004 − 1)) = 54,000 / 0.996', () => {
    // Binance USDⓈ-M, LP = (WB + cum − q·E) / (q·MMR − q), with q·E = 10,000.
    const row = byId(c.rows, 'binance');
    near(row.price, new Decimal(54000).div('0.996'), '1e-30'); // 54,216.8674…
    near(row.distance, new Decimal('0.9').div('0.996').minus(1), '1e-35'); // −0.0963855…
    near(row.maintenanceMarginRate, '0.004');
    near(row.maintenanceAmount, 0);
    assert.equal(row.tierNumber, 1);
    near(row.maxLeverage, 125); // 1 / (2 × 0.004)
    // The tier is the one at the liquidation price's notional: 54,216.87 / 6 = 9,036.14 USDT.
    near(row.liquidationNotional, new Decimal(9000).div('0.996'), '1e-30');
    near(row.bankruptcyPrice, 54000); // 60,000 × (1 − 1/10)
  });

  it('Bybit: 0.5 % of the entry notional (50 USDT): P = 60,000 − (1,000 − 50) × 6 = 54,300', () => {
    const row = byId(c.rows, 'bybit');
    near(row.price, 54300);
    near(row.entryMaintenance, 50);
    near(row.distance, '-0.095');
    assert.equal(row.maintenanceBasis, 'entry');
    near(row.maxLeverage, 100);
  });

  it('Hyperliquid: 1.25 % at the liquidation notional: P = 54,000 / 0.9875 = 54,683.54', () => {
    const row = byId(c.rows, 'hyperliquid');
    near(row.price, new Decimal(54000).div('0.9875'), '1e-30');
    near(row.maintenanceMarginRate, '0.0125');
    near(row.maxLeverage, 40);
  });

  it('textbook: no maintenance, liquidation = bankruptcy = 54,000, exactly the 1/leverage move', () => {
    const row = byId(c.rows, 'textbook');
    near(row.price, 54000);
    near(row.bankruptcyPrice, 54000);
    near(row.move, '0.1');
    near(row.maxLeverage, 200);
  });

  it('close-fee rule: 0.5 % + 0.05 % on the liquidation notional: P = 54,000 / 0.9945; bankruptcy 54,000 / 0.9995', () => {
    const row = byId(c.rows, 'closefee');
    near(row.price, new Decimal(54000).div('0.9945'), '1e-30'); // 54,298.64
    near(row.closeFeeRate, '0.0005');
    // Bankruptcy: equity falls to the close fee, 1,000 + q·(P − 60,000) = 0.0005·q·P → P = 54,000 / 0.9995.
    near(row.bankruptcyPrice, new Decimal(54000).div('0.9995'), '1e-30');
  });

  it('the widest gap is Hyperliquid − Binance = 54,683.54 − 54,216.87 = 466.68, Hyperliquid the closer', () => {
    assert.ok(c.widest);
    assert.equal(c.widest.first, 0);
    assert.equal(c.widest.second, 2);
    assert.equal(c.widest.closer, 2);
    near(c.widest.gap, new Decimal(54000).div('0.9875').minus(new Decimal(54000).div('0.996')), '1e-30');
    assert.equal(c.widest.gap.toFixed(2), '466.68');
  });

  it('each row says in words what the rule keeps back and how far that is from the plain estimate', () => {
    assert.equal(
      byId(c.rows, 'bybit').reason,
      'Bybit keeps 0.5% of the entry notional, a fixed sum however the price moves, so it liquidates 9.5% from entry, where the plain 1/leverage estimate says 10%.',
    );
    assert.equal(
      byId(c.rows, 'binance').reason,
      'Binance keeps 0.4% of the notional at the liquidation price (tier 1), so it liquidates 9.64% from entry, where the plain 1/leverage estimate says 10%.',
    );
    assert.match(
      byId(c.rows, 'closefee').reason,
      /0\.5% of the notional at the liquidation price plus a 0\.05% close fee/,
    );
    assert.match(byId(c.rows, 'textbook').reason, /keeps nothing back/);
  });
});

describe('liquidationUnderRule', () => {
  it('gives the same row as the comparison, with the trade’s size and the plain estimate', () => {
    const r = liquidationUnderRule({ ...trade, rule: BINANCE_BTCUSDT_RULE });
    near(r.price, new Decimal(54000).div('0.996'), '1e-30');
    near(r.equity, 1000);
    near(r.notional, 10000);
    near(r.plainMove, '0.1');
    // 9.64 % < 10 %: liquidated before the whole margin is gone.
    assert.equal(r.beforePlainMove, true);
    assert.equal(liquidationUnderRule({ ...trade, rule: TEXTBOOK_RULE }).beforePlainMove, false);
  });

  it('a large position is priced in a higher tier: 100,000 × 20 = 2,000,000 USDT, tier 4 (2.5 %, amount 16,300)', () => {
    // q = 2,000,000 / 60,000 = 100/3. P = (100,000 + 16,300 − 2,000,000) / (q × (0.025 − 1)) = 1,883,700 / 32.5 = 57,960;
    // there the notional is 57,960 × 100/3 = 1,932,000: still tier 4 (1,000,000 < N ≤ 10,000,000).
    const r = liquidationUnderRule({ ...trade, margin: 100000, leverage: 20, rule: BINANCE_BTCUSDT_RULE });
    near(r.price, 57960, '1e-30');
    assert.equal(r.tierNumber, 4);
    near(r.maintenanceAmount, 16300);
    near(r.maxLeverage, 20); // 1 / (2 × 0.025)
    // At 25x the same margin is 2,500,000 USDT, still tier 4: 25x is not offered there.
    throwsCalc(
      () => liquidationUnderRule({ ...trade, margin: 100000, leverage: 25, rule: BINANCE_BTCUSDT_RULE }),
      'leverage',
      'out_of_range',
    );
    const row = byId(
      compareVenues({ ...trade, margin: 100000, leverage: 25, rules: LIQUIDATION_RULES }).rows,
      'binance',
    );
    assert.equal(row.status, 'not-offered');
    near(row.maxLeverage, 20);
    assert.equal(row.reason, 'Binance offers at most 20x at this size.');
  });

  it('cross: the wallet plus the other position’s PnL minus its maintenance under the rule (Binance WB − TMM1 + UPNL1)', () => {
    // Other: long 2 from 3,000, mark 2,700: PnL −600; notional 5,400 (Binance tier 1, 0.4 %) → maintenance 21.6.
    // W = 5,000 − 600 − 21.6 = 4,378.4; P = (4,378.4 − 10,000) / (q × (0.004 − 1)) = 5,621.6 × 6 / 0.996 = 33,865.06.
    const cross = {
      ...trade,
      marginMode: 'cross' as const,
      walletBalance: 5000,
      otherPositions: [{ side: 'long' as const, quantity: 2, entryPrice: 3000, markPrice: 2700 }],
    };
    const r = liquidationUnderRule({ ...cross, rule: BINANCE_BTCUSDT_RULE });
    near(r.equity, '4378.4');
    near(r.others[0]?.unrealisedPnl, -600);
    near(r.others[0]?.maintenanceMargin, '21.6');
    near(r.others[0]?.maintenanceMarginRate, '0.004');
    near(r.price, new Decimal('33729.6').div('0.996'), '1e-30');
    // Bybit's flat 0.5 % applies to the other position too: 27, so W = 4,373; entry basis (50):
    // P = (4,373 − 50 − 10,000) × (−6) … = 60,000 − (4,373 − 50) × 6 = 34,062.
    const bybit = liquidationUnderRule({ ...cross, rule: BYBIT_BTCUSDT_RULE });
    near(bybit.equity, 4373);
    near(bybit.price, 34062);
    assert.match(r.reason, /in cross margin the wallet’s equity/);
  });

  it('refuses what the rule cannot take, with the field to blame', () => {
    // A wallet smaller than the position's own margin.
    throwsCalc(
      () => liquidationUnderRule({ ...trade, marginMode: 'cross', walletBalance: 500, rule: BINANCE_BTCUSDT_RULE }),
      'walletBalance',
      'inconsistent',
    );
    // 1 % maintenance at 100x: margin (1 % of notional) equals the requirement at entry.
    throwsCalc(
      () => liquidationUnderRule({ ...trade, leverage: 100, rule: custom('0.01') }),
      'leverage',
      'inconsistent',
    );
    // A flat amount of 100 above 0.5 % × 10,000 = 50.
    throwsCalc(
      () => liquidationUnderRule({ ...trade, rule: custom('0.005', '100') }),
      'maintenanceAmount',
      'inconsistent',
    );
    // A USDT tier table cannot price a coin-margined contract.
    throwsCalc(
      () => liquidationUnderRule({ ...trade, contract: 'inverse', margin: '0.1', rule: BINANCE_BTCUSDT_RULE }),
      'contract',
      'inconsistent',
    );
    // Above Hyperliquid's 40x.
    throwsCalc(
      () => liquidationUnderRule({ ...trade, leverage: 50, rule: HYPERLIQUID_BTC_RULE }),
      'leverage',
      'out_of_range',
    );
  });
});

describe('compareVenues: refusals become statuses', () => {
  it('above a venue’s maximum the row says “not offered” with the maximum, from data', () => {
    const c = compareVenues({ ...trade, leverage: 50, rules: LIQUIDATION_RULES });
    const row = byId(c.rows, 'hyperliquid');
    assert.equal(row.status, 'not-offered');
    near(row.maxLeverage, 40);
    // The rule applied is still shown: Hyperliquid's flat 1.25 %.
    near(row.maintenanceMarginRate, '0.0125');
    assert.equal(row.reason, 'Hyperliquid offers at most 40x.');
    assert.equal(byId(c.rows, 'binance').status, 'ok');
  });

  it('a coin-margined trade: the USDT tier table is a contract mismatch, flat rates still price it', () => {
    // 0.1 BTC × 10 = 1 BTC notional = 60,000 USD face value. Bybit (entry basis): cushion 0.1 − 0.005 × 1 = 0.095 BTC;
    // COIN-M form P = q·(0 + 1) / (0.095 + q/E) = 60,000 / 1.095 = 54,794.52.
    const c = compareVenues({ ...trade, contract: 'inverse', margin: '0.1', rules: LIQUIDATION_RULES });
    assert.equal(byId(c.rows, 'binance').status, 'contract-mismatch');
    assert.equal(byId(c.rows, 'binance').maintenanceMarginRate, null);
    near(byId(c.rows, 'bybit').price, new Decimal(60000).div('1.095'), '1e-30');
  });

  it('a rule under which the position opens below its requirement is “at once”; an unpriceable one “unavailable”', () => {
    const atOnce = compareVenues({ ...trade, leverage: 100, rules: [custom('0.01'), TEXTBOOK_RULE] });
    assert.equal(atOnce.rows[0]?.status, 'at-once');
    assert.equal(atOnce.rows[1]?.status, 'ok');
    // An other position of 10,000 BTC at 60,000 (600,000,000 USDT) is beyond Binance's last tier (500,000,000).
    const huge = compareVenues({
      ...trade,
      marginMode: 'cross',
      walletBalance: 5000,
      otherPositions: [{ side: 'long', quantity: 10000, entryPrice: 60000, markPrice: 60000 }],
      rules: [BINANCE_BTCUSDT_RULE, TEXTBOOK_RULE],
    });
    assert.equal(huge.rows[0]?.status, 'unavailable');
    assert.match(huge.rows[0]?.reason ?? '', /Binance cannot price this trade: .*largest tier/);
    throwsCalc(
      () =>
        liquidationUnderRule({
          ...trade,
          marginMode: 'cross',
          walletBalance: 5000,
          otherPositions: [{ side: 'long', quantity: 10000, entryPrice: 60000, markPrice: 60000 }],
          rule: BINANCE_BTCUSDT_RULE,
        }),
      'otherPositions[0].quantity',
      'out_of_range',
    );
  });

  it('an invalid trade still throws', () => {
    throwsCalc(
      () => compareVenues({ ...trade, entryPrice: 0, rules: LIQUIDATION_RULES }),
      'entryPrice',
      'must_be_positive',
    );
    throwsCalc(() => compareVenues({ ...trade, leverage: 250, rules: LIQUIDATION_RULES }), 'leverage', 'out_of_range');
    throwsCalc(
      () =>
        compareVenues({
          ...trade,
          marginMode: 'cross',
          walletBalance: 5000,
          otherPositions: [{ side: 'long', quantity: 1, entryPrice: 1, markPrice: 0 }],
          rules: LIQUIDATION_RULES,
        }),
      'otherPositions[0].markPrice',
      'must_be_positive',
    );
  });

  it('fewer than two venue prices: no widest gap', () => {
    // At 1x a long cannot be liquidated under a liquidation-basis rule; Bybit (entry basis) still liquidates at
    // 60,000 × 0.005 = 300, so only one venue row has a price.
    const c = compareVenues({ ...trade, leverage: 1, rules: LIQUIDATION_RULES });
    assert.equal(byId(c.rows, 'binance').price, null);
    near(byId(c.rows, 'bybit').price, 300);
    assert.equal(c.widest, null);
    assert.match(byId(c.rows, 'binance').reason, /cannot be liquidated/);
  });
});
