/** Property tests for the laws of liquidation prices, including venue-formula oracles. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Decimal } from '../decimal.ts';
import { bankruptcyPrice, liquidationPrice } from '../liquidationPrice.ts';
import { pnl } from '../pnl.ts';
import { tierFor, withMaintenanceAmounts } from '../tiers.ts';
import { BINANCE_BTCUSDT, BINANCE_ETHUSDT } from '../venues.ts';
import {
  contractArb,
  decimalString,
  leverageArb,
  mmrArb,
  near,
  priceArb,
  quantityArb,
  sideArb,
  throwsCalc,
} from './helpers.ts';
import { binanceCoinm, binanceUsdm, hyperliquid } from './oracles.ts';

/** Leverages low enough that 1/L stays above maintenance + fee (so the position is valid): 1.0 … 40.0. */
const levArb = decimalString(10, 400, 1);
const feeArb = fc.constantFrom('0', '0.0002', '0.0005', '0.00075');
const basisArb = fc.constantFrom('liquidation' as const, 'entry' as const);

describe('liquidation laws', () => {
  it('isolated: a long liquidates between bankruptcy and entry, a short between entry and bankruptcy', () => {
    fc.assert(
      fc.property(
        sideArb,
        contractArb,
        quantityArb,
        priceArb,
        levArb,
        mmrArb,
        feeArb,
        basisArb,
        (side, contract, quantity, entryPrice, leverage, rate, fee, basis) => {
          const r = liquidationPrice({
            side,
            contract,
            quantity,
            entryPrice,
            marginMode: 'isolated',
            leverage,
            maintenanceMarginRate: rate,
            closeFeeRate: fee,
            maintenanceBasis: basis,
          });
          const entry = new Decimal(entryPrice);
          if (r.price === null) {
            // Only a linear long (at low leverage) or a coin-margined short can be beyond liquidation.
            assert.ok((side === 'long' && contract === 'linear') || (side === 'short' && contract === 'inverse'));
            return;
          }
          if (side === 'long') {
            assert.ok(r.price.lt(entry));
            if (r.bankruptcyPrice) assert.ok(r.price.gt(r.bankruptcyPrice), 'liquidation is not the bankruptcy price');
          } else {
            assert.ok(r.price.gt(entry));
            if (r.bankruptcyPrice) assert.ok(r.price.lt(r.bankruptcyPrice), 'liquidation is not the bankruptcy price');
          }
        },
      ),
    );
  });
  it('liquidation distance shrinks as leverage grows', () => {
    fc.assert(
      fc.property(
        sideArb,
        contractArb,
        quantityArb,
        priceArb,
        levArb,
        levArb,
        mmrArb,
        (side, contract, quantity, entryPrice, a, b, rate) => {
          fc.pre(a !== b);
          const [low, high] = new Decimal(a).lt(b) ? [a, b] : [b, a];
          const at = (leverage: string) =>
            liquidationPrice({
              side,
              contract,
              quantity,
              entryPrice,
              marginMode: 'isolated',
              leverage,
              maintenanceMarginRate: rate,
            }).distance;
          const far = at(low);
          const near_ = at(high) as Decimal;
          if (far === null) return; // no liquidation at the lower leverage at all: the law holds trivially
          assert.ok(near_.abs().lt(far.abs()));
        },
      ),
    );
  });
  it('cross: at a fixed wallet and quantity the liquidation price does not depend on the leverage setting', () => {
    fc.assert(
      fc.property(
        sideArb,
        quantityArb,
        priceArb,
        levArb,
        levArb,
        mmrArb,
        (side, quantity, entryPrice, l1, l2, rate) => {
          const wallet = new Decimal(quantity).times(entryPrice).div(5);
          const at = (leverage: string) =>
            liquidationPrice({
              side,
              quantity,
              entryPrice,
              marginMode: 'cross',
              walletBalance: wallet,
              leverage,
              maintenanceMarginRate: rate,
            }).price;
          const a = at(l1);
          const b = at(l2);
          assert.ok(a === null ? b === null : b !== null && a.eq(b));
        },
      ),
    );
  });
  it('at the liquidation price, equity + PnL equals the maintenance requirement plus the close fee (the identity)', () => {
    fc.assert(
      fc.property(
        sideArb,
        quantityArb,
        priceArb,
        levArb,
        mmrArb,
        feeArb,
        (side, quantity, entryPrice, leverage, rate, fee) => {
          const r = liquidationPrice({
            side,
            quantity,
            entryPrice,
            marginMode: 'isolated',
            leverage,
            maintenanceMarginRate: rate,
            closeFeeRate: fee,
          });
          if (!r.price) return;
          const margin = new Decimal(quantity).times(entryPrice).div(leverage);
          const equity = margin.plus(pnl({ side, quantity, entryPrice, exitPrice: r.price }));
          const requirement = new Decimal(quantity).times(r.price).times(new Decimal(rate).plus(fee));
          near(equity, requirement, equity.abs().times('1e-34').plus('1e-30'));
        },
      ),
    );
  });
  it("reproduces Binance's published USDⓈ-M formula for any one-way cross position", () => {
    fc.assert(
      fc.property(
        sideArb,
        quantityArb,
        priceArb,
        mmrArb,
        decimalString(0, 100000, 2),
        decimalString(2, 50, 1),
        (side, quantity, entryPrice, rate, amount, walletDiv) => {
          const wallet = new Decimal(quantity).times(entryPrice).div(walletDiv).plus(amount);
          const input = {
            side,
            quantity,
            entryPrice,
            marginMode: 'cross' as const,
            walletBalance: wallet,
            maintenanceMarginRate: rate,
            maintenanceAmount: amount,
          };
          // Worked independently: the requirement at entry is q·E·r − a; a wallet not above it is refused.
          const requirement = new Decimal(quantity).times(entryPrice).times(rate).minus(amount);
          if (wallet.lte(requirement)) {
            throwsCalc(() => liquidationPrice(input), 'walletBalance', 'inconsistent');
            return;
          }
          const r = liquidationPrice(input);
          const oracle = binanceUsdm({
            WB: wallet,
            cumB: amount,
            side: side === 'long' ? 1 : -1,
            position: quantity,
            EP: entryPrice,
            MMR: rate,
          });
          if (r.price === null) assert.ok(oracle.lte(new Decimal(entryPrice).times('1e-30')));
          else near(r.price, oracle, oracle.abs().times('1e-35'));
        },
      ),
    );
  });
  it("reproduces Hyperliquid's documented formula (maintenance = half the initial margin at max leverage)", () => {
    fc.assert(
      fc.property(
        sideArb,
        quantityArb,
        priceArb,
        fc.integer({ min: 3, max: 50 }),
        fc.integer({ min: 1, max: 50 }),
        (side, size, price, maxLeverage, lev) => {
          fc.pre(lev <= maxLeverage);
          const margin = new Decimal(size).times(price).div(lev);
          const rate = new Decimal(1).div(2 * maxLeverage);
          const r = liquidationPrice({
            side,
            quantity: size,
            entryPrice: price,
            marginMode: 'isolated',
            margin,
            maintenanceMarginRate: rate,
          });
          const oracle = hyperliquid({ price, side: side === 'long' ? 1 : -1, margin, size, maxLeverage });
          // A 1x long solves to exactly 0; the oracle's chained divisions may land one rounding step (1e-30 × price) either side.
          if (r.price === null) assert.ok(oracle.lte(new Decimal(price).times('1e-30')));
          else near(r.price, oracle, oracle.abs().times('1e-35'));
        },
      ),
    );
  });
  it('a maintenance amount enters with its documented sign: a larger amount moves liquidation away from entry', () => {
    fc.assert(
      fc.property(sideArb, quantityArb, priceArb, levArb, mmrArb, (side, quantity, entryPrice, leverage, rate) => {
        const amount = new Decimal(quantity).times(entryPrice).times(rate).div(2);
        const base = {
          side,
          quantity,
          entryPrice,
          marginMode: 'isolated' as const,
          leverage,
          maintenanceMarginRate: rate,
        };
        const without = liquidationPrice(base).price;
        const withAmount = liquidationPrice({ ...base, maintenanceAmount: amount }).price;
        if (without === null || withAmount === null) return;
        assert.ok(side === 'long' ? withAmount.lt(without) : withAmount.gt(without));
      }),
    );
  });
  it('the maintenance requirement is continuous across every tier floor', () => {
    for (const tiers of [BINANCE_BTCUSDT.tiers, BINANCE_ETHUSDT.tiers]) {
      const table = withMaintenanceAmounts(tiers ?? []);
      for (let i = 1; i < table.length; i++) {
        const below = table[i].floor.times(table[i - 1].maintenanceMarginRate).minus(table[i - 1].maintenanceAmount);
        const above = table[i].floor.times(table[i].maintenanceMarginRate).minus(table[i].maintenanceAmount);
        assert.ok(below.eq(above));
      }
    }
  });
  it('with tiers, the tier returned is the one holding the notional at the liquidation price', () => {
    fc.assert(
      fc.property(
        sideArb,
        decimalString(1, 20000, 1),
        decimalString(1000000, 10000000, 2),
        decimalString(10, 200, 1),
        (side, quantity, entryPrice, leverage) => {
          const input = {
            side,
            quantity,
            entryPrice,
            marginMode: 'isolated' as const,
            leverage,
            tiers: BINANCE_BTCUSDT.tiers,
          };
          // The entry tier's maximum leverage (Binance: 1 / (2 × MMR)) caps the leverage: above it, a typed refusal.
          const entryTier = tierFor(new Decimal(quantity).times(entryPrice), BINANCE_BTCUSDT.tiers ?? []);
          if (new Decimal(leverage).gt(entryTier.maxLeverage ?? 200)) {
            throwsCalc(() => liquidationPrice(input), 'leverage', 'out_of_range');
            return;
          }
          const r = liquidationPrice(input);
          assert.ok(r.tier && r.tierNumber !== undefined, 'a tier table always names its tier');
          if (r.price === null) {
            // Only a 1x long has no liquidation price (its margin is the whole notional).
            assert.ok(side === 'long' && new Decimal(leverage).eq(1), 'no price only for a 1x long');
            return;
          }
          const table = withMaintenanceAmounts(BINANCE_BTCUSDT.tiers ?? []);
          const index = r.tierNumber - 1;
          assert.equal(table[index].maintenanceMarginRate.toString(), r.tier.maintenanceMarginRate.toString());
          const value = r.price.times(quantity);
          assert.ok(index === 0 || value.gt(table[index].floor));
          assert.ok(index === table.length - 1 || value.lte(table[index + 1].floor));
        },
      ),
    );
  });

  it('refuses a position exactly when its equity at entry does not exceed the requirement at entry', () => {
    // The requirement at entry, worked independently: N_E·(r + c) − a, with N_E = q·E (linear) or q/E (inverse).
    fc.assert(
      fc.property(
        sideArb,
        contractArb,
        quantityArb,
        priceArb,
        mmrArb,
        feeArb,
        basisArb,
        fc.boolean(),
        fc.constantFrom('isolated' as const, 'cross' as const),
        // Equity as a multiple of the requirement, or 'underwater': a cross wallet of −2 × notional, so deep that no
        // positive price solves the equation (a linear short or an inverse long must still be refused).
        fc.constantFrom('underwater', '-1', '0.5', '0.9999', '1', '1.0001', '2'),
        (side, contract, quantity, entryPrice, rate, fee, basis, withAmount, marginMode, factor) => {
          // q/E is rounded, so the exact boundary (factor 1) is only exact for linear contracts.
          fc.pre(!(contract === 'inverse' && factor === '1'));
          const notional =
            contract === 'linear' ? new Decimal(quantity).times(entryPrice) : new Decimal(quantity).div(entryPrice);
          const amount = withAmount ? notional.times(rate).div(2) : new Decimal(0);
          const requirement = notional.times(new Decimal(rate).plus(fee)).minus(amount);
          const equity = factor === 'underwater' ? notional.times(-2) : requirement.times(factor);
          const common = {
            side,
            contract,
            quantity,
            entryPrice,
            maintenanceMarginRate: rate,
            maintenanceAmount: amount,
            closeFeeRate: fee,
            maintenanceBasis: basis,
          };
          const input =
            marginMode === 'isolated'
              ? { ...common, marginMode, margin: equity }
              : { ...common, marginMode, walletBalance: equity };
          if (marginMode === 'isolated' && !equity.gt(0)) {
            // A margin of zero or less is refused before any requirement is looked at.
            throwsCalc(() => liquidationPrice(input), 'margin', 'must_be_positive');
            return;
          }
          if (equity.lte(requirement)) {
            const field = marginMode === 'isolated' ? 'margin' : 'walletBalance';
            throwsCalc(() => liquidationPrice(input), field, 'inconsistent');
            throwsCalc(() => bankruptcyPrice(input), field, 'inconsistent');
          } else {
            const r = liquidationPrice(input);
            assert.ok(r.price === null || (side === 'long' ? r.price.lt(entryPrice) : r.price.gt(entryPrice)));
          }
        },
      ),
    );
  });
  it('the leverage fast path equals Binance’s formula with W = q·E/L, and the plain solver given that margin', () => {
    // liquidationPrice takes a shorter route for an isolated position opened at a leverage with a flat rate, no
    // maintenance amount and the liquidation basis. It must agree with the venue formula transcribed in oracles.ts
    // (USDⓈ-M, or COIN-M for inverse, with WB = the initial margin and the close fee counted with the rate, as it is
    // charged on the same notional at P) and with the general solver, reached by giving the same margin directly.
    fc.assert(
      fc.property(
        sideArb,
        contractArb,
        quantityArb,
        priceArb,
        leverageArb,
        mmrArb,
        feeArb,
        (side, contract, quantity, entryPrice, leverage, rate, fee) => {
          const notional =
            contract === 'linear' ? new Decimal(quantity).times(entryPrice) : new Decimal(quantity).div(entryPrice);
          const margin = notional.div(leverage);
          const common = {
            side,
            contract,
            quantity,
            entryPrice,
            marginMode: 'isolated' as const,
            maintenanceMarginRate: rate,
            closeFeeRate: fee,
          };
          const fast = () => liquidationPrice({ ...common, leverage });
          // Refused exactly when the initial margin rate 1/L is not above the rate the requirement takes, r + c.
          if (new Decimal(leverage).times(new Decimal(rate).plus(fee)).gte(1)) {
            throwsCalc(fast, 'leverage', 'inconsistent');
            throwsCalc(() => liquidationPrice({ ...common, margin }), 'margin', 'inconsistent');
            return;
          }
          const r = fast();
          const plain = liquidationPrice({ ...common, margin });
          const s = side === 'long' ? 1 : -1;
          const oracle = (mmr: Decimal | string) =>
            contract === 'linear'
              ? binanceUsdm({ WB: margin, cumB: 0, side: s, position: quantity, EP: entryPrice, MMR: mmr })
              : binanceCoinm({ WB: margin, cumB: 0, side: s, position: quantity, EP: entryPrice, MMR: mmr });
          const expected = oracle(new Decimal(rate).plus(fee));
          const bankrupt = oracle(fee);
          const tolerance = (x: Decimal) => x.abs().times('1e-32').plus(new Decimal(entryPrice).times('1e-32'));
          if (r.price === null) {
            assert.equal(plain.price, null);
            assert.ok(expected.lte(new Decimal(entryPrice).times('1e-30')) || !expected.isFinite());
          } else {
            near(r.price, expected, tolerance(expected));
            near(r.price, plain.price as Decimal, tolerance(expected));
            near(r.distance, (plain.distance as Decimal).toString(), '1e-32');
          }
          if (r.bankruptcyPrice === null) assert.equal(plain.bankruptcyPrice, null);
          else {
            near(r.bankruptcyPrice, bankrupt, tolerance(bankrupt));
            near(r.bankruptcyPrice, plain.bankruptcyPrice as Decimal, tolerance(bankrupt));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
