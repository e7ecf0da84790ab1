/** Laws of the venue comparison, the cross equity and the maintenance curve, over random trades. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Decimal } from '../decimal.ts';
import { tierFor } from '../tiers.ts';
import { crossEquity, liquidationPrice } from '../liquidationPrice.ts';
import { maintenanceCurve } from '../maintenanceCurve.ts';
import { compareVenues } from '../venueCompare.ts';
import { BINANCE_BTCUSDT, BINANCE_BTCUSDT_RULE, LIQUIDATION_RULES, closeFeeRuleWith } from '../venues.ts';
import { decimalString, mmrArb, near, priceArb, sideArb, throwsCalc } from './helpers.ts';

/** Margins 10 … 100,000 USDT, leverages 1 … 125 (whole and half steps), entry prices 1 … 200,000. */
const marginArb = decimalString(1000, 10_000_000, 2);
const levArb = decimalString(2, 250, 0).map((n) => new Decimal(n).div(2).toFixed());
const feeArb = fc.constantFrom('0', '0.0002', '0.0005', '0.001');

const otherArb = fc.record({
  side: sideArb,
  quantity: decimalString(1, 100000, 3),
  entryPrice: priceArb,
  markPrice: priceArb,
  maintenanceMarginRate: mmrArb,
});

describe('compareVenues laws', () => {
  it('isolated linear: every rule that keeps something back liquidates before the 1/leverage move; the textbook at it', () => {
    fc.assert(
      fc.property(sideArb, marginArb, levArb, priceArb, feeArb, (side, margin, leverage, entryPrice, fee) => {
        fc.pre(new Decimal(leverage).gt(1)); // at 1x the plain move is the whole price: nothing to come before
        const c = compareVenues({
          side,
          marginMode: 'isolated',
          margin,
          leverage,
          entryPrice,
          rules: [...LIQUIDATION_RULES, closeFeeRuleWith(fee)],
        });
        for (const row of c.rows) {
          if (row.status !== 'ok') {
            // Refusals are typed, never a stray error: above the venue's maximum, or the entry tier's.
            assert.equal(row.status, 'not-offered', row.reason);
            assert.ok(new Decimal(leverage).gt(row.maxLeverage));
            continue;
          }
          assert.ok(row.move, `${row.rule.id}: a price`);
          if (row.rule.id === 'textbook') near(row.move, c.plainMove, '1e-35');
          else assert.ok(row.move.lt(c.plainMove), `${row.rule.id}: ${row.move} before ${c.plainMove}`);
        }
      }),
    );
  });

  it('bankruptcy does not depend on the maintenance rule: every fee-free row has the textbook’s price as bankruptcy', () => {
    fc.assert(
      fc.property(sideArb, marginArb, levArb, priceArb, (side, margin, leverage, entryPrice) => {
        const c = compareVenues({
          side,
          marginMode: 'isolated',
          margin,
          leverage,
          entryPrice,
          rules: LIQUIDATION_RULES,
        });
        const textbook = c.rows.find((r) => r.rule.id === 'textbook');
        assert.ok(textbook && textbook.status === 'ok');
        for (const row of c.rows) {
          if (row.status !== 'ok' || !row.closeFeeRate.isZero()) continue;
          if (textbook.price === null) assert.equal(row.bankruptcyPrice, null);
          else near(row.bankruptcyPrice, textbook.price, textbook.price.times('1e-34'));
        }
      }),
    );
  });

  it('the widest gap is the largest distance between two venue prices, and the closer row has the smaller move', () => {
    fc.assert(
      fc.property(sideArb, marginArb, levArb, priceArb, feeArb, (side, margin, leverage, entryPrice, fee) => {
        const c = compareVenues({
          side,
          marginMode: 'isolated',
          margin,
          leverage,
          entryPrice,
          rules: [...LIQUIDATION_RULES.slice(0, 4), closeFeeRuleWith(fee)],
        });
        const priced = c.rows.filter((r) => r.rule.kind === 'venue' && r.status === 'ok' && r.price !== null);
        if (priced.length < 2) {
          assert.equal(c.widest, null);
          return;
        }
        assert.ok(c.widest);
        const { gap, first, second, closer } = c.widest;
        for (const a of priced) {
          for (const b of priced)
            assert.ok(
              (a.price as Decimal)
                .minus(b.price as Decimal)
                .abs()
                .lte(gap),
            );
        }
        const [x, y] = [c.rows[first], c.rows[second]];
        assert.ok(x && y);
        assert.ok(
          (x.price as Decimal)
            .minus(y.price as Decimal)
            .abs()
            .eq(gap),
        );
        const other = closer === first ? y : x;
        assert.ok((c.rows[closer]?.move as Decimal).lte(other.move as Decimal));
      }),
    );
  });
});

describe('crossEquity laws (W = WB + Σ (UPNL − MM))', () => {
  it('adds up: the wallet with A and B equals the wallet with A plus the equity B alone brings', () => {
    fc.assert(
      fc.property(
        decimalString(0, 10_000_000, 2),
        fc.array(otherArb, { maxLength: 3 }),
        fc.array(otherArb, { maxLength: 3 }),
        (wallet, a, b) => {
          const both = crossEquity({ walletBalance: wallet, otherPositions: [...a, ...b] });
          const first = crossEquity({ walletBalance: wallet, otherPositions: a });
          const second = crossEquity({ walletBalance: 0, otherPositions: b });
          near(both.equity, first.equity.plus(second.equity), '1e-25');
          assert.equal(both.others.length, a.length + b.length);
        },
      ),
    );
  });

  it('a long and a short of the same size and prices cancel their PnL and leave twice the maintenance', () => {
    fc.assert(
      fc.property(decimalString(0, 10_000_000, 2), otherArb, (wallet, o) => {
        const r = crossEquity({
          walletBalance: wallet,
          otherPositions: [
            { ...o, side: 'long' },
            { ...o, side: 'short' },
          ],
        });
        // Hand formula: MM = q × mark × r for each of the two.
        const mm = new Decimal(o.quantity).times(o.markPrice).times(o.maintenanceMarginRate);
        near(r.equity, new Decimal(wallet).minus(mm.times(2)), '1e-25');
      }),
    );
  });
});

describe('maintenanceCurve laws', () => {
  it('the equity and requirement lines cross between the two points that bracket the liquidation price', () => {
    fc.assert(
      fc.property(
        sideArb,
        marginArb,
        decimalString(2, 40, 0),
        priceArb,
        fc.boolean(),
        feeArb,
        (side, margin, leverage, entryPrice, tiered, fee) => {
          const quantity = new Decimal(margin).times(leverage).div(entryPrice);
          const rule = tiered
            ? { maintenanceBasis: 'liquidation' as const, tiers: BINANCE_BTCUSDT.tiers, closeFeeRate: fee }
            : { maintenanceBasis: 'liquidation' as const, maintenanceMarginRate: '0.005', closeFeeRate: fee };
          const input = { side, quantity, entryPrice, marginMode: 'isolated' as const, margin, ...rule };
          // Worked independently: refused when the margin does not exceed N_E·(r + c) − a, r and a of the entry tier.
          const entryNotional = new Decimal(margin).times(leverage);
          const tier = tiered
            ? tierFor(entryNotional, BINANCE_BTCUSDT.tiers ?? [])
            : { maintenanceMarginRate: new Decimal('0.005'), maintenanceAmount: new Decimal(0) };
          const requirement = entryNotional.times(tier.maintenanceMarginRate.plus(fee)).minus(tier.maintenanceAmount);
          if (new Decimal(margin).lte(requirement)) {
            throwsCalc(() => liquidationPrice(input), 'margin', 'inconsistent');
            return;
          }
          const liq = liquidationPrice(input);
          fc.pre(liq.price !== null);
          const price = liq.price;
          const curve = maintenanceCurve({
            side,
            quantity,
            entryPrice,
            equity: margin,
            rule,
            include: [liq.price, liq.bankruptcyPrice],
          });
          const i = curve.findIndex((p, k) => k > 0 && p.price.gte(price) && curve[k - 1].price.lte(price));
          assert.ok(i > 0, 'the range holds the liquidation price');
          const before = curve[i - 1];
          const after = curve[i];
          const gapBefore = before.equity.minus(before.requirement);
          const gapAfter = after.equity.minus(after.requirement);
          // A long is above its requirement at higher prices, a short at lower ones.
          const [safe, unsafe] = side === 'long' ? [gapAfter, gapBefore] : [gapBefore, gapAfter];
          assert.ok(safe.gte(0), `safe side ${safe}`);
          assert.ok(unsafe.lte(0), `unsafe side ${unsafe}`);
        },
      ),
    );
  });

  it('with tiers on the liquidation basis the linear requirement rises with the price and has no jump at a floor', () => {
    fc.assert(
      fc.property(decimalString(1, 40000, 1), priceArb, (quantity, entryPrice) => {
        const curve = maintenanceCurve({
          side: 'long',
          quantity,
          entryPrice,
          equity: 0,
          rule: BINANCE_BTCUSDT_RULE,
          points: 200,
        });
        for (let k = 1; k < curve.length; k++) {
          const a = curve[k - 1];
          const b = curve[k];
          assert.ok(b.requirement.gte(a.requirement));
          // Continuity: between two points the requirement grows by at most the top rate (50 %) times the notional step.
          const step = b.price.minus(a.price).times(quantity);
          // (plus rounding in the 40th digit).
          assert.ok(b.requirement.minus(a.requirement).lte(step.times('0.5').plus('1e-20')));
        }
      }),
    );
  });
});
