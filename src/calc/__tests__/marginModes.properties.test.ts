/**
 * Laws of the isolated-vs-cross walk (calc-api.md, "Laws"), as properties. Draws are valid by construction or
 * discarded with fc.pre; no error is caught except where one is expected, and then its field and code are checked.
 * Oracles are independent transcriptions of the exchanges' formulas: Binance USDⓈ-M liquidation price
 * `LP = (WB − s·q·E) / (q·MMR − s·q)` https://www.binance.com/fr/support/faq/b3c689c1f50a44cabb3a84e663b81d93 .
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Decimal } from '../decimal.ts';
import { type MarginModesPosition, simulateMarginModes } from '../marginModes.ts';
import { decimalString, mmrArb, near, priceArb, sideArb, throwsCalc } from './helpers.ts';

const ZERO = new Decimal(0);
/** Leverage 1.0 … 25.0: with a maintenance rate of at most 2 %, every position opens above its requirement. */
const leverageArb = decimalString(10, 250, 1);
/** Entry notional 100.00 … 100,000.00. */
const notionalArb = decimalString(10_000, 10_000_000, 2);
/** A price relative to entry: 0.001 … 3.000. */
const factorArb = decimalString(1, 3000, 3);

interface Drawn {
  positions: (MarginModesPosition & { notional: string; entryPrice: string; leverage: string })[];
  /** Wallet beyond the isolated margins. */
  extra: string;
  /** factors[k][i]: position i's price at step k + 1 as a multiple of its entry (step 0 is the entry). */
  factors: string[][];
}

const drawn: fc.Arbitrary<Drawn> = fc.integer({ min: 1, max: 3 }).chain((n) =>
  fc.record({
    positions: fc.array(
      fc.record({
        side: sideArb,
        notional: notionalArb,
        entryPrice: priceArb,
        leverage: leverageArb,
        maintenanceMarginRate: mmrArb,
      }),
      { minLength: n, maxLength: n },
    ),
    extra: decimalString(0, 10_000_000, 2),
    factors: fc.array(fc.array(factorArb, { minLength: n, maxLength: n }), { minLength: 1, maxLength: 5 }),
  }),
);

const marginOf = (p: Drawn['positions'][number]) => new Decimal(p.notional).div(p.leverage);
const walletOf = (d: Drawn) => d.positions.reduce((s, p) => s.plus(marginOf(p)), new Decimal(d.extra));
const pathOf = (d: Drawn) => [
  d.positions.map((p) => p.entryPrice),
  ...d.factors.map((row) => row.map((f, i) => new Decimal(d.positions[i]?.entryPrice).times(f))),
];
const run = (d: Drawn) => simulateMarginModes({ walletBalance: walletOf(d), positions: d.positions, path: pathOf(d) });

describe('margin modes: laws', () => {
  it('isolated loss is capped at the margins: each position loses at most its margin', () => {
    fc.assert(
      fc.property(drawn, (d) => {
        const r = run(d);
        const margins = d.positions.reduce((s, p) => s.plus(marginOf(p)), ZERO);
        r.isolated.positions.forEach((row, i) => {
          const margin = r.positions[i]?.margin;
          assert.ok(row.pnl.gte(margin.neg()), `position ${i} lost ${row.pnl.toFixed()} > margin ${margin.toFixed()}`);
          assert.ok(row.equity.gte(ZERO));
        });
        // The wallet (margins + extra) is rounded to 40 digits, so allow that rounding and no more.
        const rounding = r.walletBalance.times('1e-38');
        assert.ok(r.isolated.lost.lte(margins.plus(rounding)), `${r.isolated.lost.toFixed()} > ${margins.toFixed()}`);
        for (const equity of r.isolated.equity) assert.ok(equity.gte(r.freeBalance));
      }),
    );
  });

  it('cross loss can reach the whole wallet, and never more', () => {
    fc.assert(
      fc.property(drawn, (d) => {
        const r = run(d);
        assert.ok(r.cross.lost.lte(r.walletBalance));
        if (r.cross.liquidation) assert.equal(r.cross.lost.toFixed(), r.walletBalance.toFixed());
        else assert.equal(r.cross.finalEquity.toFixed(), r.cross.equity.at(-1)?.toFixed());
      }),
    );
  });

  it('a short pushed well past its cross liquidation price loses the whole wallet in cross, only its margin isolated', () => {
    fc.assert(
      fc.property(notionalArb, priceArb, leverageArb, mmrArb, decimalString(1, 10_000_000, 2), (N, E, L, r, extra) => {
        const margin = new Decimal(N).div(L);
        const wallet = margin.plus(extra);
        const q = new Decimal(N).div(E);
        // Binance, short (s = −1), no other position: LP = (W + q·E) / (q·MMR + q).
        const lp = wallet.plus(q.times(E)).div(q.times(r).plus(q));
        const result = simulateMarginModes({
          walletBalance: wallet,
          positions: [{ side: 'short', notional: N, entryPrice: E, leverage: L, maintenanceMarginRate: r }],
          path: [[E], [lp.times(2)]],
        });
        near(result.cross.liquidation?.prices[0], lp, lp.times('1e-30'));
        assert.equal(result.cross.lost.toFixed(), wallet.toFixed());
        near(result.isolated.lost, margin, margin.times('1e-30'));
        assert.ok(result.isolated.lost.lt(result.cross.lost));
      }),
    );
  });

  it('in cross, the liquidation does not depend on the leverage setting at a fixed wallet and quantity', () => {
    fc.assert(
      fc.property(
        sideArb,
        notionalArb,
        priceArb,
        leverageArb,
        leverageArb,
        mmrArb,
        decimalString(0, 10_000_000, 2),
        factorArb,
        (side, N, E, L1, L2, r, extra, factor) => {
          fc.pre(L1 !== L2);
          // One wallet that covers the margin at either setting.
          const wallet = new Decimal(N).plus(extra);
          const path = [[E], [new Decimal(E).times(factor)]];
          const at = (leverage: string) =>
            simulateMarginModes({
              walletBalance: wallet,
              positions: [{ side, notional: N, entryPrice: E, leverage, maintenanceMarginRate: r }],
              path,
            }).cross;
          const a = at(L1);
          const b = at(L2);
          assert.equal(a.positions[0]?.liquidationAtStart?.toFixed(), b.positions[0]?.liquidationAtStart?.toFixed());
          assert.equal(a.liquidation?.at.toFixed(), b.liquidation?.at.toFixed());
          assert.deepEqual(
            a.equity.map((e) => e.toFixed()),
            b.equity.map((e) => e.toFixed()),
          );
          // And it is Binance's cross price: LP = (W − s·q·E) / (q·MMR − s·q), null when not positive.
          const s = side === 'long' ? 1 : -1;
          const q = new Decimal(N).div(E);
          const lp = wallet.minus(q.times(E).times(s)).div(q.times(r).minus(q.times(s)));
          // (A price within rounding of zero, a 1x long backed by exactly its notional, has no reliable sign.)
          const zero = new Decimal(E).times('1e-20');
          if (lp.gt(zero)) near(a.positions[0]?.liquidationAtStart, lp, lp.times('1e-30'));
          else if (lp.lt(zero.neg())) assert.equal(a.positions[0]?.liquidationAtStart, null);
        },
      ),
    );
  });

  it('an isolated position is liquidated exactly at its isolated liquidation price', () => {
    fc.assert(
      fc.property(drawn, (d) => {
        const r = run(d);
        r.isolated.positions.forEach((row, i) => {
          if (!row.liquidation) return;
          // Binance, isolated with WB = margin = N / L: LP = (N/L − s·q·E) / (q·MMR − s·q).
          const p = d.positions[i];
          const s = p.side === 'long' ? 1 : -1;
          const q = new Decimal(p.notional).div(p.entryPrice);
          const lp = marginOf(p)
            .minus(q.times(p.entryPrice).times(s))
            .div(q.times(p.maintenanceMarginRate).minus(q.times(s)));
          near(row.liquidation.prices[i], lp, lp.times('1e-28'));
          near(row.liquidationPrice, lp, lp.times('1e-28'));
        });
      }),
    );
  });

  it('at the cross liquidation, wallet + Σ PnL equals the total maintenance requirement', () => {
    fc.assert(
      fc.property(drawn, (d) => {
        const r = run(d);
        const c = r.cross.liquidation;
        fc.pre(c !== null);
        let health = r.walletBalance;
        d.positions.forEach((p, i) => {
          const s = p.side === 'long' ? 1 : -1;
          const q = new Decimal(p.notional).div(p.entryPrice);
          const price = c.prices[i];
          health = health
            .plus(price.minus(p.entryPrice).times(q).times(s))
            .minus(q.times(price).times(p.maintenanceMarginRate));
        });
        near(health, 0, r.walletBalance.plus(1).times('1e-28'));
        // Before the crossing every sampled step was healthy; the step that ends the segment is not.
        for (let k = 0; k <= c.step; k++) assert.ok(r.cross.health[k]?.gt(0));
        assert.ok(r.cross.health[c.step + 1]?.lte(0));
      }),
    );
  });

  it('the cross account is never liquidated while every isolated position is still open', () => {
    fc.assert(
      fc.property(drawn, (d) => {
        const r = run(d);
        const c = r.cross.liquidation;
        fc.pre(c !== null);
        const first = r.isolated.positions.map((row) => row.liquidation).filter((x) => x !== null);
        assert.ok(
          first.some((x) => x.at.lte(c.at)),
          'cross went before any isolated position',
        );
        assert.equal(r.events[0]?.mode, 'isolated');
      }),
    );
  });

  it('one position whose isolated margin is the whole wallet is liquidated at the same point in both modes', () => {
    fc.assert(
      fc.property(drawn, (d) => {
        const one = {
          ...d,
          positions: d.positions.slice(0, 1),
          extra: '0',
          factors: d.factors.map((row) => row.slice(0, 1)),
        };
        const r = run(one);
        assert.equal(r.isolated.positions[0]?.liquidation?.at.toFixed(), r.cross.liquidation?.at.toFixed());
        assert.equal(r.isolated.finalEquity.toFixed(), r.cross.finalEquity.toFixed());
      }),
    );
  });

  it('margins above the wallet are refused on walletBalance', () => {
    fc.assert(
      fc.property(drawn, decimalString(1, 10_000, 2), (d, short) => {
        const margins = d.positions.reduce((s, p) => s.plus(marginOf(p)), ZERO);
        const wallet = margins.minus(short);
        fc.pre(wallet.gt(0));
        throwsCalc(
          () => simulateMarginModes({ walletBalance: wallet, positions: d.positions, path: pathOf(d) }),
          'walletBalance',
          'inconsistent',
        );
      }),
    );
  });
});
