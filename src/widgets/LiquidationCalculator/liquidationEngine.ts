/**
 * The liquidation calculator's calculation code, as one chunk: the model (src/calc, decimal.js), the words and the
 * chart's builder. The
 * server calls it for the first render (LiquidationCalculator.astro); the island imports it dynamically after
 * hydration, for every result after the first, so its first download carries neither.
 */
import { formatMoney, formatNumber, formatPercent, formatPrice } from '../../format/numbers.ts';
import type { Outcome } from '../../calc/index.ts';
import { explainAll } from './explain.ts';
import { computeLiquidation, VENUE_RULES, type LiquidationView } from './model.ts';
import type { LiquidationValues } from './params.ts';
import type { LiquidationShown, VenueHints } from './shown.ts';

// The chart's builder rides in the same chunk: it needs the model's result, and shares its calc code.
export { chartFor } from './chart.ts';

/** A result: what the view prints, and the model's view of it (the chart reads that). */
export interface LiquidationResult {
  shown: LiquidationShown;
  view: LiquidationView;
}

/** The model's result, written out for the view (figures formatted, words from explain.ts). */
export function showLiquidation(r: LiquidationView): LiquidationShown {
  const m = r.main;
  const money = (d: { toFixed(): string }) => formatMoney(d, { unit: r.moneyUnit });
  const price = (d: { toFixed(): string }) => formatPrice(d, { unit: r.priceUnit });
  return {
    mode: r.mode,
    figures: {
      liquidation: m.price === null ? 'None: cannot be liquidated' : price(m.price),
      distance: m.distance === null ? 'none' : formatPercent(m.distance, { signed: true }),
      bankruptcy: m.bankruptcyPrice === null ? 'None' : price(m.bankruptcyPrice),
      maintenance:
        `${formatPercent(m.maintenanceMarginRate, { digits: 3 })}` +
        (m.maintenanceAmount.isZero() ? '' : ` − ${money(m.maintenanceAmount)}`) +
        (m.tierNumber !== undefined ? ` (tier ${m.tierNumber})` : '') +
        (m.maintenanceBasis === 'entry' ? ' on entry notional' : ''),
      notional: money(r.notional),
      quantity: `${formatNumber(r.quantity, { digits: 8 })} ${r.quantityUnit}`,
      equity: money(m.equity),
    },
    noLiquidation: m.price === null,
    feeLeftOut: !(m.closeFeeRate.isZero() || r.venue === 'custom'),
    words: explainAll(r),
  };
}

/** Raw settings in; what the view prints (and the model's result), or a message per field. */
export function computeShown(v: LiquidationValues): Outcome<LiquidationResult> {
  const out = computeLiquidation(v);
  return out.ok ? { ok: true, value: { shown: showLiquidation(out.value), view: out.value } } : out;
}

/** The first result, for the server render: the starting settings must give one (a programming error otherwise). */
export function serverFirst(start: LiquidationValues): LiquidationShown {
  const out = computeLiquidation(start);
  if (!out.ok) {
    throw new Error(`[leverage-lab] LiquidationCalculator: bad starting scenario ${JSON.stringify(out.errors)}`);
  }
  return showLiquidation(out.value);
}

/** The venue presets' hints (summary and source), for the server to pass to the island. */
export function venueHints(): VenueHints {
  const hint = (id: keyof VenueHints) => {
    const rule = VENUE_RULES[id];
    return { summary: rule.summary ?? '', sourceUrl: rule.sourceUrl ?? '', asOf: rule.asOf ?? '' };
  };
  return { binance: hint('binance'), bybit: hint('bybit'), hyperliquid: hint('hyperliquid') };
}
