/** Isolated vs cross sandbox: the view. Two synchronised copies of one wallet; every figure comes from src/calc via model.ts. */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { binder, MaintenanceRateField, NumberField, SelectField } from '../shared/fields.tsx';
import { ChoiceField } from '../shared/ChoiceField.tsx';
import { SideField } from '../shared/SideField.tsx';
import { LazyChart } from '../shared/LazyChart.tsx';
import { LiveSummary, Notes } from '../shared/Notes.tsx';
import { useWidget } from '../shared/useWidget.ts';
import { FullToolLink, More } from '../shared/Compact.tsx';
import { serializeParams } from '../shared/params.ts';
import { formatMoney, formatPercent, formatPrice } from '../../format/numbers.ts';
import { computeSandbox, type SandboxResult, type SandboxPosition } from './model.ts';
import { ASSETS, MAX_POSITIONS, marginModesParams, type Asset, type MarginModesValues } from './params.ts';
import './margin-modes.css';

export interface MarginModesProps {
  /** Starting scenario; the URL's parameters override it on the tool page. */
  initial?: Partial<MarginModesValues>;
  /** Mirror the inputs into the page URL (the tool page and embeds do). */
  syncUrl?: boolean;
  /** Makes ids unique when the widget appears more than once on a page. */
  idPrefix?: string;
  /** The embed layout: both copies' totals first, the positions, tables, order and chart folded, a full-tool link. */
  compact?: boolean;
}

type Key = keyof MarginModesValues;
type DecimalLike = { toFixed(dp?: number): string; isNeg(): boolean; isZero(): boolean };

const usdt = (d: { toFixed(): string }, signed = false) => formatMoney(d, { unit: 'USDT', signed });
/** Prices of any size: more digits for small coins (XRP at 0.5). */
const price = (d: { toFixed(dp?: number): string } | null) => {
  if (d === null) return 'none';
  return formatPrice(d, { digits: Math.abs(Number(d.toFixed(8))) < 10 ? 4 : 2 });
};
const share = (t: { toFixed(): string }) => formatPercent(t, { digits: 0 });

export default function MarginModes({ initial, syncUrl = true, idPrefix = 'mm', compact = false }: MarginModesProps) {
  const start = { ...marginModesParams.defaults, ...initial };
  const w = useWidget(marginModesParams, start, computeSandbox, { syncUrl });
  const r = w.result;
  const id = (k: string) => `${idPrefix}-${k}`;
  const bind = binder(w, idPrefix);
  const count = Number(w.values.count);
  // The chart's spec is built by a module loaded after hydration: it is not needed for the first paint.
  const [charts, setCharts] = useState<typeof import('./chart.ts') | null>(null);
  useEffect(() => {
    import('./chart.ts').then((m) => setCharts(m)).catch(() => setCharts(null));
  }, []);
  const chart = useMemo(() => (charts ? charts.chartFor(r) : null), [charts, r]);
  const val = (k: string) => w.values[k as Key];
  const err = (k: string) => w.errors[k];

  // The results: after the fields, or before them in the embed layout (the key result in the first screen).
  const results = (
    <div class={`ll-results${w.stale ? ' ll-stale' : ''}`} aria-busy={w.stale ? 'true' : undefined}>
      <LiveSummary stale={w.stale} text={r.verdict} />
      <p class="ll-mm-verdict" data-testid="verdict">
        {r.verdict}
      </p>
      <div class="ll-mm-copies" data-key-result>
        <IsolatedCopy r={r} titleId={id('iso-title')} compact={compact} />
        <CrossCopy r={r} titleId={id('cross-title')} compact={compact} />
      </div>
      <More compact={compact} summary="Order of liquidations, chart">
        <h3 class="ll-mm-heading">Order of liquidations</h3>
        {r.events.length === 0 ? (
          <p data-testid="events">No position reaches its liquidation price in either copy.</p>
        ) : (
          <ol class="ll-mm-events" data-testid="events">
            {r.events.map((e) => (
              <li key={`${e.mode}-${e.asset}`}>
                {e.mode === 'isolated'
                  ? `Isolated ${e.asset} is liquidated ${share(e.at)} of the way through the move (${e.asset} ${formatPercent(e.assetMove, { signed: true })}); its ${usdt(e.lost)} margin is lost.`
                  : `The whole cross account is liquidated ${share(e.at)} of the way (${e.asset} ${formatPercent(e.assetMove, { signed: true })}); all ${usdt(e.lost)} of the wallet is lost.`}
              </li>
            ))}
          </ol>
        )}
        {chart ? (
          <LazyChart id={id('chart')} summary={chart.summary} spec={chart.spec} table={chart.table} />
        ) : (
          <p class="ll-chart-wait">The chart of both accounts’ equity loads with the page’s scripts.</p>
        )}
        <p class="ll-hint">
          Prices move in a straight line from the entries to the moves you set, all at once. In cross, the wallet backs
          every position: when equity falls to the total maintenance margin, every position is closed and the wallet is
          treated as lost, as in a backstop liquidation on Hyperliquid.
        </p>
      </More>
    </div>
  );

  return (
    <div class={`ll-widget ll-widget-wide ll-mm${compact ? ' ll-compact' : ''}`} data-widget="margin-modes">
      <Notes notes={w.notes} />
      <div class="ll-widget-grid">
        {compact && results}
        <form class="ll-fields" onSubmit={(e) => e.preventDefault()} aria-label="Sandbox settings">
          <NumberField
            {...bind('wallet')}
            label="Wallet balance"
            unit="USDT"
            hint="The same wallet funds both copies."
          />
          <MaintenanceRateField {...bind('mmr')} />
          <div class="ll-mm-span">
            <ChoiceField
              name={id('count')}
              legend="Positions"
              value={w.values.count as '2' | '3' | '4'}
              options={[
                { value: '2', label: 'Two' },
                { value: '3', label: 'Three' },
                { value: '4', label: 'Four' },
              ]}
              onChange={(v) => w.set('count', v)}
            />
          </div>
          <div class="ll-mm-span">
            <NumberField
              {...bind('market')}
              label="Market move"
              unit="%"
              hint="Every price moves by this much, plus each asset’s own move. Negative: the market falls."
              slider={{ min: -30, max: 30, step: 1 }}
            />
          </div>
          <More compact={compact} summary={`The ${count} positions`}>
            {Array.from({ length: MAX_POSITIONS }, (_, n) => n + 1)
              .filter((i) => i <= count)
              .map((i) => (
                <fieldset class="ll-mm-position" key={i}>
                  <legend>Position {i}</legend>
                  <div class="ll-fields">
                    <SelectField
                      id={id(`p${i}asset`)}
                      label={`Position ${i} asset`}
                      value={val(`p${i}asset`) as Asset}
                      options={ASSET_OPTIONS}
                      error={err(`p${i}asset`)}
                      onChange={(v) => w.set(`p${i}asset` as Key, v)}
                    />
                    <SideField
                      name={id(`p${i}side`)}
                      legend={`Position ${i} side`}
                      value={val(`p${i}side`)}
                      onChange={(v) => w.set(`p${i}side` as Key, v)}
                    />
                    <NumberField {...bind(`p${i}size` as Key)} label={`Position ${i} size`} unit="USDT" />
                    <NumberField {...bind(`p${i}lev` as Key)} label={`Position ${i} leverage`} unit="x" />
                    <NumberField {...bind(`p${i}entry` as Key)} label={`Position ${i} entry price`} unit="USDT" />
                    <NumberField
                      {...bind(`p${i}move` as Key)}
                      label={`Position ${i} own move`}
                      unit="%"
                      slider={{ min: -30, max: 30, step: 1 }}
                    />
                  </div>
                </fieldset>
              ))}
          </More>
        </form>
        {!compact && results}
      </div>
      {compact && <FullToolLink tool="margin-modes" query={serializeParams(marginModesParams, w.values)} />}
    </div>
  );
}

const ASSET_OPTIONS = ASSETS.map((a) => ({ value: a, label: a }));

function tone(d: DecimalLike): string {
  return d.isZero() ? '' : d.isNeg() ? 'll-bad' : 'll-good';
}

function label(p: SandboxPosition): string {
  return `${p.asset} ${p.side}`;
}

function IsolatedCopy({ r, titleId, compact }: { r: SandboxResult; titleId: string; compact: boolean }) {
  return (
    <section class="ll-mm-copy" aria-labelledby={titleId} data-testid="isolated">
      <h3 id={titleId}>All isolated</h3>
      <dl class="ll-figures">
        <div class={tone(r.isolatedChange)}>
          <dt>Account equity at the end</dt>
          <dd data-testid="isolated-equity">{usdt(r.isolatedEquity)}</dd>
        </div>
        <div>
          <dt>Lost</dt>
          <dd data-testid="isolated-lost">{usdt(r.isolatedLost)}</dd>
        </div>
      </dl>
      <More compact={compact} summary="Each position">
        <div class="table-wrap" role="region" aria-label="Isolated positions" tabIndex={0}>
          <table>
            <caption>Each position on its own margin</caption>
            <thead>
              <tr>
                <th scope="col">Position</th>
                <th scope="col">Price</th>
                <th scope="col">Equity</th>
                <th scope="col">Liquidation price</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {r.isolated.map((row) => (
                <tr key={row.position.index}>
                  <th scope="row">{label(row.position)}</th>
                  <td>{price(row.price)}</td>
                  <td>{usdt(row.equity)}</td>
                  <td>{price(row.liquidation)}</td>
                  <td>
                    {row.liquidatedAt === null ? (
                      'Open'
                    ) : (
                      <span class="ll-mm-gone">Liquidated at {share(row.liquidatedAt)} of the move</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </More>
    </section>
  );
}

function CrossCopy({ r, titleId, compact }: { r: SandboxResult; titleId: string; compact: boolean }) {
  const at = r.crossLiquidatedAt;
  const gone = at !== null;
  return (
    <section class="ll-mm-copy" aria-labelledby={titleId} data-testid="cross">
      <h3 id={titleId}>All cross</h3>
      <dl class="ll-figures">
        <div class={tone(r.crossChange)}>
          <dt>Account equity at the end</dt>
          <dd data-testid="cross-equity">{usdt(r.crossEquity)}</dd>
        </div>
        <div>
          <dt>Lost</dt>
          <dd data-testid="cross-lost">{usdt(r.crossLost)}</dd>
        </div>
      </dl>
      <More compact={compact} summary="Each position">
        <div class="table-wrap" role="region" aria-label="Cross positions" tabIndex={0}>
          <table>
            <caption>
              One wallet behind every position
              {at !== null ? `, shown when the account was liquidated (${share(at)} of the move)` : ''}
            </caption>
            <thead>
              <tr>
                <th scope="col">Position</th>
                <th scope="col">Price</th>
                <th scope="col">PnL</th>
                <th scope="col">Liquidation price at entry → {gone ? 'then' : 'now'}</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {r.cross.map((row) => (
                <tr key={row.position.index}>
                  <th scope="row">{label(row.position)}</th>
                  <td>{price(row.price)}</td>
                  <td>{usdt(row.pnl, true)}</td>
                  <td>
                    {price(row.liquidationAtEntry)} → {price(row.liquidationNow)}
                  </td>
                  <td>{gone ? <span class="ll-mm-gone">Liquidated with the account</span> : 'Open'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </More>
    </section>
  );
}
