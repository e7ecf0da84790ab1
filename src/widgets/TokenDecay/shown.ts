/**
 * The simulator's result as the view shows it, with no calculation code: every figure written out, its tone, the
 * summary and the chart. The server writes the first one into the page (TokenDecay.astro passes it as a prop, see
 * serverFirst.ts), so the island's first render needs neither decimal.js nor src/calc; the model loads at the reader's
 * first interaction and makes the next ones through {@link shownOf}. No arithmetic here: formatting only.
 */
import { formatMultiple, formatNumber, formatPercent } from '../../format/numbers.ts';
import { toneOf, type FigureProps } from '../shared/Figure.tsx';
import type { ChartSpec, ChartTable } from '../shared/chartSpec.ts';
import type { TokenDecayReady } from './model.ts';
import type { PathId } from './params.ts';

/** The key of the one "error" the view shows while the calculation code is on its way (or failed to load). */
export const LOADING = 'loading';

type Tone = FigureProps['tone'];

export interface TokenDecayShown {
  kind: 'ready';
  path: PathId;
  /** The formatted figures, keyed as their `data-testid`. */
  figures: {
    'underlying-move': string;
    'leveraged-move': string;
    'token-end': string;
    'fixed-end': string;
    gap: string;
    rebalances: string;
  };
  tones: { underlying: Tone; token: Tone; fixed: Tone; gap: Tone };
  /** "3x": the label of the leveraged move. */
  leverage: string;
  sentence: string;
  chart: { spec: ChartSpec; table: ChartTable; summary: string };
}

const value = (d: { toFixed(): string }) => formatNumber(d, { digits: 2 });
const pct = (d: { toFixed(): string }) => formatPercent(d, { signed: true });

/** The model's result as the view prints it. */
export function shownOf(r: TokenDecayReady): TokenDecayShown {
  const text = sentence(r);
  return {
    kind: 'ready',
    path: r.path,
    figures: {
      'underlying-move': pct(r.underlyingMove),
      'leveraged-move': pct(r.leveragedMove),
      'token-end': `${value(r.tokenEnd)} (${pct(r.tokenReturn)})`,
      'fixed-end': `${value(r.fixedEnd)} (${pct(r.fixedReturn)})`,
      gap: formatPercent(r.gap, { signed: true }),
      rebalances: String(r.rebalances),
    },
    tones: {
      underlying: toneOf(r.underlyingMove),
      token: toneOf(r.tokenReturn),
      fixed: toneOf(r.fixedReturn),
      gap: toneOf(r.gap),
    },
    leverage: formatMultiple(r.leverage),
    sentence: text,
    chart: chartFor(r, text),
  };
}

function when(r: TokenDecayReady, at: number): string {
  return r.step === 'day' ? `on day ${at}` : `after ${at} hours`;
}

function sentence(r: TokenDecayReady): string {
  const lev = formatMultiple(r.leverage);
  const head = `${r.title}: bitcoin moved ${pct(r.underlyingMove)}. A ${lev} token rebalanced ${r.step === 'day' ? 'daily' : 'every 24 hours'} ended at ${value(r.tokenEnd)} from 100 (${pct(r.tokenReturn)})`;
  const fixed =
    r.liquidatedAt !== null
      ? `; the same ${lev} taken once as a fixed long was liquidated ${when(r, r.liquidatedAt)} and lost all 100.`
      : `; the same ${lev} taken once as a fixed long ended at ${value(r.fixedEnd)} (${pct(r.fixedReturn)}).`;
  const wiped = r.wipedOutAt !== null ? ` The token was worth nothing ${when(r, r.wipedOutAt)}.` : '';
  return `${head}${fixed}${wiped}`;
}

function chartFor(r: TokenDecayReady, summary: string): TokenDecayShown['chart'] {
  const unit = r.step === 'day' ? 'Day' : 'Hour';
  // A window has about a hundred hourly points: the table keeps one row a day (and the last) so it stays readable.
  const rows = r.points.filter((p, i) => r.step === 'day' || i % 24 === 0 || i === r.points.length - 1);
  return {
    spec: {
      kind: 'line',
      xLabel: r.step === 'day' ? 'Day' : 'Hour',
      yLabel: 'Value (start = 100)',
      series: [
        { label: 'Bitcoin (rebased to 100)', points: r.points.map((p) => ({ x: p.t, y: p.price })), color: '--warn' },
        {
          label: `${formatMultiple(r.leverage)} token`,
          points: r.points.map((p) => ({ x: p.t, y: p.token })),
          color: '--accent',
        },
        {
          label: `${formatMultiple(r.leverage)} fixed long`,
          points: r.points.map((p) => ({ x: p.t, y: p.fixed })),
          color: '--bad',
        },
      ],
      ...(r.liquidatedAt !== null
        ? { markers: [{ x: r.liquidatedAt, label: 'Fixed long liquidated', color: '--bad' }] }
        : {}),
    },
    table: {
      caption: `${r.title}: values from a start of 100`,
      columns: [unit, 'Bitcoin', 'Token', 'Fixed long'],
      rows: rows.map((p) => [String(p.t), formatNumber(p.price), formatNumber(p.token), formatNumber(p.fixed)]),
    },
    summary,
  };
}
