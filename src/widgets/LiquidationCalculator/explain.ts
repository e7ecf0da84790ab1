/**
 * Words for the liquidation calculator: the worked formula with the reader's numbers, the notes, the summary, and the
 * venue table with its one-line comparison (numbers from comparison.ts). Loaded on the reader's first change; the
 * server writes these for the starting scenario.
 */
import { formatMoney, formatMultiple, formatNumber, formatPercent, formatPrice } from '../../format/numbers.ts';
import type { Decimal as DecimalT, VenueComparison, VenueRow } from '../../calc/index.ts';
import { compareAll } from './comparison.ts';
import type { LiquidationView } from './model.ts';

type RuleOutcome = VenueRow;

/** One step of the worked solution: a sentence, then formulas shown as code. */
export interface Step {
  text: string;
  formulas: string[];
}

interface Symbols {
  W: string;
  q: string;
  E: string;
  r: string;
  a: string;
  c: string;
}

const num = (d: DecimalT | number | string, digits = 8) =>
  formatNumber(typeof d === 'object' ? d : String(d), { digits });

/** The identity and its solution for the case at hand, with symbols or numbers put in (terms that are zero left out). */
function formulas(v: LiquidationView, s: Symbols, hasA: boolean, hasC: boolean) {
  const long = v.side === 'long';
  const basisEntry = v.main.maintenanceBasis === 'entry';
  const wa = hasA ? `${s.W} + ${s.a}` : s.W;
  if (v.contract === 'linear') {
    const requirement =
      (basisEntry ? `${s.r} × ${s.q} × ${s.E}` : `${s.r} × ${s.q} × P`) +
      (hasA ? ` − ${s.a}` : '') +
      (hasC ? ` + ${s.c} × ${s.q} × P` : '');
    const identity = `${s.W} + ${s.q} × ${long ? `(P − ${s.E})` : `(${s.E} − P)`} = ${requirement}`;
    const sign = long ? '−' : '+';
    if (basisEntry) {
      const cushion = `(${wa} − ${s.r} × ${s.q} × ${s.E})`;
      const divisor = hasC ? `(${s.q} × (1 ${sign} ${s.c}))` : s.q;
      return { identity, solved: `P = (${s.q} × ${s.E} ${sign} ${cushion}) ÷ ${divisor}` };
    }
    const k = hasC ? `${s.r} ${sign} ${s.c}` : s.r;
    const cushion = hasA ? `(${wa})` : s.W;
    return { identity, solved: `P = (${s.q} × ${s.E} ${sign} ${cushion}) ÷ (${s.q} × (1 ${sign} ${k}))` };
  }
  const requirement =
    (basisEntry ? `${s.r} × ${s.q} ÷ ${s.E}` : `${s.r} × ${s.q} ÷ P`) +
    (hasA ? ` − ${s.a}` : '') +
    (hasC ? ` + ${s.c} × ${s.q} ÷ P` : '');
  const identity = `${s.W} + ${s.q} × ${long ? `(1 ÷ ${s.E} − 1 ÷ P)` : `(1 ÷ P − 1 ÷ ${s.E})`} = ${requirement}`;
  if (basisEntry) {
    const cushion = `${wa} − ${s.r} × ${s.q} ÷ ${s.E}`;
    const top = hasC ? `${s.q} × (1 ${long ? '+' : '−'} ${s.c})` : s.q;
    return {
      identity,
      solved: long ? `P = ${top} ÷ (${cushion} + ${s.q} ÷ ${s.E})` : `P = ${top} ÷ (${s.q} ÷ ${s.E} − (${cushion}))`,
    };
  }
  const k = hasC ? `${s.r} ${long ? '+' : '−'} ${s.c}` : s.r;
  return {
    identity,
    solved: long
      ? `P = ${s.q} × (1 + ${k}) ÷ (${wa} + ${s.q} ÷ ${s.E})`
      : `P = ${s.q} × (1 − ${k}) ÷ (${s.q} ÷ ${s.E} − ${hasA ? `(${wa})` : s.W})`,
  };
}

/** "9.64% below" / "9.56% above", from the signed distance and its size. */
function direction(distance: DecimalT, move: DecimalT): string {
  return `${formatPercent(move)} ${distance.isNeg() ? 'below' : 'above'}`;
}

function tierRange(v: LiquidationView): string {
  const tier = v.main.tier;
  if (!tier) return '';
  const money = (d: DecimalT) => formatMoney(d, { unit: v.moneyUnit, digits: 0 });
  if (tier.floor.isZero()) return tier.cap ? `notional up to ${money(tier.cap)}` : 'any notional';
  return tier.cap
    ? `notional above ${money(tier.floor)} up to ${money(tier.cap)}`
    : `notional above ${money(tier.floor)}`;
}

/** The worked solution: identity, the numbers, the solved formula with them put in, the result, the bankruptcy price. */
export function steps(v: LiquidationView): Step[] {
  const m = v.main;
  const rule = m.rule;
  const money = (d: DecimalT, signed = false) => formatMoney(d, { unit: v.moneyUnit, signed });
  const price = (d: DecimalT) => formatPrice(d, { unit: v.priceUnit });
  const hasA = !m.maintenanceAmount.isZero();
  const hasC = !m.closeFeeRate.isZero();
  const symbolic = formulas(v, { W: 'W', q: 'q', E: 'E', r: 'r', a: 'a', c: 'c' }, hasA, hasC);
  const numbers = formulas(
    v,
    {
      W: num(m.equity),
      q: num(v.quantity),
      E: num(v.entry),
      r: num(m.maintenanceMarginRate),
      a: num(m.maintenanceAmount),
      c: num(m.closeFeeRate),
    },
    hasA,
    hasC,
  );
  const terms = [
    'W the equity behind the position',
    `q its quantity in ${v.quantityUnit}`,
    'E the entry price',
    'P the liquidation price',
    `r the maintenance rate${m.maintenanceBasis === 'entry' ? ' on the entry notional' : ' on the notional at P'}`,
    ...(hasA ? ['a the maintenance amount'] : []),
    ...(hasC ? ['c the close fee rate'] : []),
  ];
  const legend = `${terms.slice(0, -1).join(', ')} and ${terms[terms.length - 1]}`;

  const equity =
    v.mode === 'isolated'
      ? `W = ${money(m.equity)}, the isolated margin (${money(v.notional)} ÷ ${formatNumber(v.leverage)})`
      : `W = ${money(m.equity)}: the wallet’s ${money(v.wallet ?? m.equity)}` +
        (m.others.length === 0
          ? ' (no other positions)'
          : ` plus the other positions’ unrealised PnL minus their maintenance margin (${m.others
              .map((o, i) => `position ${i + 1}: ${money(o.unrealisedPnl, true)} − ${money(o.maintenanceMargin)}`)
              .join('; ')})`);
  let maintenance: string;
  if (m.tier && m.tierNumber !== undefined) {
    const where =
      m.liquidationNotional === null
        ? `${rule.short} would use the tier that holds the notional at the liquidation price; with none, it is`
        : `${rule.short} picks the tier that holds the notional at the liquidation price (${money(m.liquidationNotional)}):`;
    maintenance = `${where} tier ${m.tierNumber}, ${tierRange(v)}, so r = ${formatPercent(m.maintenanceMarginRate, { digits: 3 })} and a = ${money(m.maintenanceAmount)}`;
  } else if (m.maintenanceBasis === 'entry') {
    maintenance = `${rule.short} measures maintenance on the entry notional: r = ${formatPercent(m.maintenanceMarginRate, { digits: 3 })} of ${money(v.notional)} is ${money(m.entryMaintenance ?? m.maintenanceMarginRate)} whatever the price does`;
  } else {
    maintenance =
      `r = ${formatPercent(m.maintenanceMarginRate, { digits: 3 })}` +
      (rule.id === 'hyperliquid'
        ? `, half the initial margin at ${rule.short}’s ${formatMultiple(rule.maxLeverage ?? 0)} maximum`
        : '') +
      (hasA ? ` and a = ${money(m.maintenanceAmount)}` : '');
  }
  const given = [
    equity,
    `q = ${num(v.quantity)} ${v.quantityUnit}`,
    `E = ${price(v.entry)}`,
    maintenance,
    ...(hasC ? [`c = ${formatPercent(m.closeFeeRate, { digits: 3 })}, the close fee counted in the requirement`] : []),
  ];

  const result =
    m.price === null || m.distance === null || m.move === null
      ? 'The formula gives no price above zero, so no fall or rise takes the equity down to the requirement: this position cannot be liquidated.'
      : `P = ${price(m.price)}, ${direction(m.distance, m.move)} the entry price.`;
  const bankruptcy =
    m.bankruptcyPrice === null
      ? 'With r and a set to zero there is no bankruptcy price above zero either.'
      : `With r and a set to zero the same formula gives the bankruptcy price, ${price(m.bankruptcyPrice)}, where the equity is gone${hasC ? ' but for the close fee' : ''}.` +
        (m.price === null
          ? ''
          : ' The gap between the two is the maintenance margin the exchange keeps to close you out.');

  return [
    {
      text: `Liquidation happens when equity + unrealised PnL = maintenance requirement${hasC ? ' (here with the close fee in it)' : ''}. For a ${v.contract === 'linear' ? 'USDT-margined' : 'coin-margined'} ${v.side}, with ${legend}:`,
      formulas: [symbolic.identity],
    },
    { text: `Your numbers: ${given.join('; ')}.`, formulas: [] },
    { text: `Solved for P and with your numbers put in:`, formulas: [symbolic.solved, numbers.solved] },
    { text: result, formulas: [] },
    { text: bankruptcy, formulas: [] },
  ];
}

/** "At 10x you might expect a 10% move…", shown when liquidation comes before a 1/leverage move; null otherwise. */
export function tenXNote(v: LiquidationView): string | null {
  if (!v.main.beforePlainMove || v.main.move === null) return null;
  const lev = formatMultiple(v.leverage);
  const why =
    v.mode === 'isolated'
      ? 'because the exchange closes you when your equity reaches the maintenance margin, not zero.'
      : 'because the exchange closes you when the wallet’s equity reaches the maintenance margin, not zero' +
        (v.main.others.length > 0 ? ', and the other positions already use part of the wallet.' : '.');
  return `At ${lev} you might expect a ${formatPercent(v.main.plainMove)} move to liquidate you; here it takes ${formatPercent(v.main.move)}, ${why}`;
}

/** Which rule of the widest pair the sentence explains, when both are in it. */
const PRIORITY = ['hyperliquid', 'bybit', 'closefee', 'binance'] as const;

function rateText(o: RuleOutcome): string {
  const rate = formatPercent(o.maintenanceMarginRate ?? 0, { digits: 3 });
  if (o.rule.id === 'closefee') return `${rate} plus a ${formatPercent(o.closeFeeRate, { digits: 3 })} close fee`;
  if (o.tierNumber !== undefined) return `${rate} (tier ${o.tierNumber})`;
  return rate;
}

/** One line on why the venues disagree, explaining the pair of venue rules whose liquidation prices differ most. */
export function whyTheyDiffer(v: LiquidationView, c: VenueComparison): string {
  const rows = c.rows.filter((o) => o.rule.kind === 'venue' && o.status === 'ok' && o.price !== null);
  const price = (d: DecimalT) => formatPrice(d, { unit: v.priceUnit });
  if (rows.length < 2) {
    const never = c.rows
      .filter((o) => o.rule.kind === 'venue' && o.status === 'ok' && o.price === null)
      .map((o) => o.rule.short);
    const only = rows[0];
    if (!only) return 'No venue rule liquidates this trade at a price above zero, so there is nothing to compare.';
    return (
      `Only ${only.rule.name} liquidates this trade, at ${price(only.price as DecimalT)}` +
      (only.maintenanceBasis === 'entry'
        ? ': its maintenance is on the entry notional, so it stays due however low the price goes'
        : '') +
      (never.length > 0 ? `; under ${never.join(', ')} no price above zero does.` : '.')
    );
  }
  const widest = c.widest;
  if (!widest) return 'No venue rule liquidates this trade at a price above zero, so there is nothing to compare.';
  const gap = widest.gap;
  const best = [c.rows[widest.first], c.rows[widest.second]] as [RuleOutcome, RuleOutcome];
  if (gap.isZero()) return 'All the venue rules give the same liquidation price for this trade.';
  const key = PRIORITY.find((id) => best.some((o) => o.rule.id === id)) ?? 'binance';
  const x = best.find((o) => o.rule.id === key) as RuleOutcome;
  const y = best.find((o) => o !== x) as RuleOutcome;
  const closer = c.rows[widest.closer];
  let reason: string;
  switch (key) {
    case 'hyperliquid':
      reason = `Hyperliquid’s maintenance is half the initial margin at its ${formatMultiple(x.rule.maxLeverage ?? 0)} maximum, ${rateText(x)}, against ${rateText(y)} at ${y.rule.short}`;
      break;
    case 'bybit':
      reason =
        `Bybit’s maintenance is on the entry notional, a fixed ${formatMoney(x.entryMaintenance ?? 0, { unit: v.moneyUnit })}, ` +
        `while ${y.rule.short} charges ${rateText(y)} on the notional at the liquidation price, which ${v.side === 'long' ? 'shrinks as the price falls' : 'grows as the price rises'}`;
      break;
    case 'closefee':
      reason = `the close-fee rule adds a ${formatPercent(x.closeFeeRate, { digits: 3 })} fee on the notional at the liquidation price to a ${formatPercent(x.maintenanceMarginRate ?? 0, { digits: 3 })} maintenance rate, against ${rateText(y)} at ${y.rule.short}`;
      break;
    default:
      reason = `Binance’s tier rate is ${rateText(x)}, against ${rateText(y)} at ${y.rule.short}`;
  }
  return `${x.rule.name} (${price(x.price!)}) and ${y.rule.name} (${price(y.price!)}) differ most: ${reason}, so ${closer.rule.short}’s liquidation is ${price(gap)} closer to the entry price.`;
}

/** The one sentence the aria-live region reads. */
export function summary(v: LiquidationView): string {
  const m = v.main;
  const head = `A ${formatMultiple(v.leverage)} ${v.side} of ${formatMoney(v.notional, { unit: v.moneyUnit })} at ${formatPrice(v.entry, { unit: v.priceUnit })}, ${v.mode} margin, under ${m.rule.name === 'Your custom rate' ? 'your custom rate' : m.rule.name}: `;
  if (m.price === null || m.distance === null || m.move === null) return `${head}no price above zero liquidates it.`;
  return `${head}liquidation at ${formatPrice(m.price, { unit: v.priceUnit })}, ${direction(m.distance, m.move)} entry.`;
}

/** One row of the venue table, in words. */
export interface TableRow {
  /** The rule's id (the row's `data-rule`). */
  id: string;
  name: string;
  maintenance: string;
  price: string;
  distance: string;
}

/** The maintenance column: the rule applied, as each venue states it. */
function maintenanceText(row: RuleOutcome, v: LiquidationView): string {
  const rate = formatPercent(row.maintenanceMarginRate ?? 0, { digits: 3 });
  switch (row.rule.id) {
    case 'binance':
      return row.tierNumber === undefined ? 'Tiers on liquidation notional' : `${rate}, tier ${row.tierNumber}`;
    case 'bybit':
      return `${rate} of entry notional`;
    case 'hyperliquid':
      return `${rate} (half of 1/${formatMultiple(row.rule.maxLeverage ?? 0)})`;
    case 'textbook':
      return 'None: liquidation = bankruptcy';
    case 'closefee':
      return `${rate} + ${formatPercent(row.closeFeeRate, { digits: 3 })} close fee`;
    default:
      return (
        rate +
        (row.maintenanceAmount === null || row.maintenanceAmount.isZero()
          ? ''
          : ` − ${formatMoney(row.maintenanceAmount, { unit: v.moneyUnit })}`) +
        (row.closeFeeRate.isZero() ? '' : ` + ${formatPercent(row.closeFeeRate, { digits: 3 })} close fee`)
      );
  }
}

/** The price column: the liquidation price, or why there is none. */
function priceText(row: RuleOutcome, v: LiquidationView): string {
  switch (row.status) {
    case 'not-offered':
      return `Not offered: at most ${formatMultiple(row.maxLeverage)}`;
    case 'at-once':
      return 'Liquidated at once';
    case 'contract-mismatch':
      return 'Tiers are for USDT-margined only';
    case 'unavailable':
      return 'Cannot be computed';
    default:
      return row.price === null ? 'Cannot be liquidated' : formatPrice(row.price, { unit: v.priceUnit });
  }
}

/** The venue table in words, one row per rule in table order. */
export function venueTable(v: LiquidationView, c: VenueComparison): TableRow[] {
  return c.rows.map((row) => ({
    id: row.rule.id,
    name: row.rule.name + (row.rule.id === v.venue ? ' (your choice)' : ''),
    maintenance: maintenanceText(row, v),
    price: priceText(row, v),
    distance: row.distance === null ? '—' : formatPercent(row.distance, { signed: true }),
  }));
}

/** Everything the calculator says in words about one result. */
export interface Explanation {
  steps: Step[];
  note: string | null;
  why: string;
  summary: string;
  table: TableRow[];
}

/** The words for one result, with the venue table computed once for the table and its comparison line. */
export function explainAll(v: LiquidationView): Explanation {
  const c = compareAll(v);
  return {
    steps: steps(v),
    note: tenXNote(v),
    why: whyTheyDiffer(v, c),
    summary: summary(v),
    table: venueTable(v, c),
  };
}
