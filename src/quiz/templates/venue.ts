/**
 * Question templates for lesson 9 (when the venue is the risk): who pays when a liquidation fills past the
 * bankruptcy price, and how far a liquidation cascade runs. Registered in src/quiz/generators.ts; every figure comes
 * from src/calc (liquidationShortfall, liquidationCascade, bankruptcyPrice).
 */
import { Decimal, bankruptcyPrice, liquidationCascade, liquidationShortfall } from '../../calc/index.ts';
import { formatNumber } from '../../format/numbers.ts';
import { D, fixed, pct, price, sideOf, usdt, type Template } from './kit.ts';

const tolMoney = (v: Decimal) => fixed(Decimal.max('0.5', v.abs().times('0.005')), 2);

/** The cascade ladder the lesson and its explorable use: $1M clusters 4, 6, 8, 10 and 12 % from the price. */
const LADDER = ['0.04', '0.06', '0.08', '0.1', '0.12'].map((distance) => ({ distance, notional: '1000000' }));

export const venueTemplates = {
  'venue-shortfall': {
    title: 'A liquidation fills past the bankruptcy price: how much is left for auto-deleveraging?',
    ranges: {
      side: ['long', 'short'],
      quantity: [0.5, 1, 2, 4],
      entry: { min: 20000, max: 90000, step: 1000 },
      leverage: [5, 10, 20, 25],
      // How far past the bankruptcy price the closing order fills, as a fraction of that price.
      overshoot: [0.005, 0.01, 0.015, 0.02],
      fund: [0, 100, 250, 500, 1000],
    },
    make(pick) {
      const side = sideOf(pick);
      const quantity = pick('quantity');
      const entry = pick('entry');
      const leverage = pick('leverage');
      const overshoot = pick('overshoot');
      const fund = pick('fund');
      const bankruptcy = bankruptcyPrice({
        side,
        quantity,
        entryPrice: entry,
        marginMode: 'isolated',
        leverage,
        maintenanceMarginRate: 0.005,
      });
      if (!bankruptcy) throw new Error('no bankruptcy price');
      const b = bankruptcy.toDecimalPlaces(2);
      const fill = (side === 'long' ? b.times(D(1).minus(overshoot)) : b.times(D(1).plus(overshoot))).toDecimalPlaces(
        2,
      );
      const r = liquidationShortfall({ side, quantity, bankruptcyPrice: b, fillPrice: fill, insuranceFund: fund });
      const worse = side === 'long' ? 'below' : 'above';
      return {
        prompt:
          `A ${formatNumber(D(quantity))} BTC isolated ${side} has a bankruptcy price of ${price(b)}. In a crash the venue's ` +
          `closing order fills at ${price(fill)}, ${worse} that price. The insurance fund holds ${usdt(fund, 0)}. How much of ` +
          `the loss is left for the venue to cover by auto-deleveraging, in USDT?`,
        answer: fixed(r.socialised),
        display: usdt(r.socialised),
        tolerance: tolMoney(r.socialised),
        unit: 'USDT',
        hints: [
          'At the bankruptcy price the margin is used up; anything the fill loses beyond it is a shortfall.',
          `The shortfall is the quantity times the gap between the bankruptcy price and the fill.`,
          'The insurance fund pays first, up to what it holds; ADL covers the rest.',
        ],
        solution: [
          `Shortfall: ${formatNumber(D(quantity))} × |${price(b)} − ${price(fill)}| = ${usdt(r.shortfall)}.`,
          `The fund pays min(${usdt(r.shortfall)}, ${usdt(fund, 0)}) = ${usdt(r.fromFund)}.`,
          `Left for auto-deleveraging: ${usdt(r.shortfall)} − ${usdt(r.fromFund)} = ${usdt(r.socialised)}.`,
        ],
        traps: [
          ...(r.fromFund.isZero()
            ? []
            : [
                {
                  answer: fixed(r.shortfall),
                  tolerance: tolMoney(r.shortfall),
                  explanation:
                    'That is the whole shortfall. The insurance fund pays its part first; only what it cannot cover is left for ADL.',
                },
              ]),
        ],
      };
    },
  },
  'venue-cascade': {
    title: 'How far does a liquidation cascade run? (first drop, price impact per million sold)',
    ranges: {
      shock: { min: 2, max: 8, step: 0.5 },
      impact: { min: 0.5, max: 3, step: 0.5 },
    },
    make(pick) {
      const shockPct = pick('shock');
      const impactPct = pick('impact');
      const shock = D(shockPct).div(100);
      const impact = D(impactPct).div(100);
      const r = liquidationCascade({
        side: 'long',
        startPrice: 50000,
        shock,
        impactPerMillion: impact,
        levels: LADDER,
      });
      const answer = r.move.times(100);
      const steps = r.rounds.map(
        (round, i) =>
          `Round ${i + 1}: at ${pct(round.move)} down, ${round.liquidated.length === 1 ? 'one cluster is' : `${round.liquidated.length} clusters are`} liquidated; ` +
          `forced sales so far ${usdt(
            r.rounds.slice(0, i + 1).reduce((s, x) => s.plus(x.forced), D(0)),
            0,
          )}.`,
      );
      return {
        prompt:
          `Longs sit in five clusters of 1,000,000 USDT each, liquidated 4%, 6%, 8%, 10% and 12% below the price. News knocks ` +
          `the price down ${formatNumber(D(shockPct))}%. Each 1,000,000 USDT of forced selling pushes it down a further ` +
          `${formatNumber(D(impactPct))}% of the starting price. When the cascade stops, how far below the starting price is ` +
          `the price, in percent?`,
        answer: fixed(answer),
        display: `${formatNumber(answer, { digits: 2 })}%`,
        tolerance: '0.01',
        unit: '%',
        hints: [
          'List the clusters the first drop reaches. Their forced selling adds to the drop.',
          `Total drop = ${formatNumber(D(shockPct))}% + ${formatNumber(D(impactPct))}% × (millions sold so far). Check again which clusters that reaches.`,
          'Stop when a round reaches no new cluster.',
        ],
        solution: [
          ...(steps.length ? steps : ['The first drop reaches no cluster, so nothing is liquidated.']),
          `The cascade stops at ${formatNumber(D(shockPct))}% + ${formatNumber(D(impactPct))}% × ${formatNumber(r.forcedNotional.div(1000000))} = ${formatNumber(answer, { digits: 2 })}%.`,
        ],
        traps: r.addedByLiquidations.isZero()
          ? []
          : [
              {
                answer: fixed(D(shockPct)),
                tolerance: '0.01',
                explanation:
                  'That is only the news drop. Each liquidated cluster sells into the market and pushes the price further.',
              },
            ],
      };
    },
  },
} satisfies Record<string, Template>;
