/**
 * Order fills: the view. A real price window (last and mark prices), a position, and four closing orders; the model
 * and src/calc say which orders fill, where and when, and the view lists each outcome in words and in a table. The
 * window shown first travels in the server-rendered page as a JSON block (the replay's hydrate.ts format), others load
 * on demand with the replay's loader; no maths here.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { binder, LeverageField, MaintenanceRateField, NumberField, SelectField } from '../shared/fields.tsx';
import { Figure } from '../shared/Figure.tsx';
import { SideField } from '../shared/SideField.tsx';
import { LiveSummary, Notes } from '../shared/Notes.tsx';
import { useWidget } from '../shared/useWidget.ts';
import { sameSettings, useDeferredEngine } from '../shared/deferredEngine.ts';
import { FullToolLink, More } from '../shared/Compact.tsx';
import { serializeParams } from '../shared/params.ts';
import { formatMoney, formatMultiple, formatNumber, formatPrice, type DecimalLike } from '../../format/numbers.ts';
import { DATA_CREDIT, WINDOWS } from '../Replay/menu.ts';
import type { MarketWindow } from '../Replay/parseWindow.ts';
import { BLOCK_ATTRIBUTE, windowBlockText, windowFromBlock } from '../Replay/hydrate.ts';
import { loadWindow } from '../Replay/scenarios.ts';
import type { OrderFillsModelResult, OrderView } from './model.ts';
import { LOADING, orderFillsParams, type OrderFillsValues, type WindowId } from './params.ts';
import { serverFirst } from './serverFirst.ts';
import './order-fills.css';

export interface OrderFillsProps {
  /** Starting scenario; the URL's parameters override it on the tool page. */
  initial?: Partial<OrderFillsValues>;
  /** Mirror the inputs into the page URL (the tool page and embeds do). */
  syncUrl?: boolean;
  /** Makes ids unique when the widget appears more than once on a page. */
  idPrefix?: string;
  /** The embed layout: outcomes first, the table folded, a link to the full tool. */
  compact?: boolean;
}

const usdt = (d: DecimalLike, signed = false) => formatMoney(d, { unit: 'USDT', signed });
const price = (d: DecimalLike) => formatPrice(d, { unit: 'USDT' });

const WINDOW_OPTIONS = WINDOWS.map((w) => ({ value: w.id as WindowId, label: `${w.title} (hourly)` }));

/** The attribute of the first result's JSON block; its value is `<idPrefix>:<window id>`, as for the window's. */
const RESULT_ATTRIBUTE = 'data-order-fills-result';

/** The model and src/calc (with decimal.js): loaded after hydration, for every result after the first. */
type Engine = typeof import('./model.ts');

interface First {
  window: MarketWindow;
  result: OrderFillsModelResult;
  windowText: string;
  resultText: string;
}

export default function OrderFills({
  initial,
  syncUrl = true,
  idPrefix = 'order-fills',
  compact = false,
}: OrderFillsProps) {
  const start = { ...orderFillsParams.defaults, ...initial };
  const blockKey = `${idPrefix}:${start.window}`;
  // The first window and result: the server reads the file, runs the model and writes both into the page as JSON
  // blocks; the browser reads them back before hydrating, so neither price data nor calculation code rides in the
  // first scripts.
  const [first] = useState<First | null>(() => {
    if (import.meta.env.SSR) {
      const f = serverFirst(start);
      return f
        ? {
            ...f,
            windowText: windowBlockText(f.window),
            resultText: JSON.stringify(f.result).replace(/</g, '\\u003c'),
          }
        : null;
    }
    const windowText = document.querySelector(`script[${BLOCK_ATTRIBUTE}="${blockKey}"]`)?.textContent;
    const resultText = document.querySelector(`script[${RESULT_ATTRIBUTE}="${blockKey}"]`)?.textContent;
    if (!windowText || !resultText) return null;
    return {
      window: windowFromBlock(windowText),
      result: JSON.parse(resultText) as OrderFillsModelResult,
      windowText,
      resultText,
    };
  });
  const [windows, setWindows] = useState<Readonly<Record<string, MarketWindow>>>(() =>
    first ? { [first.window.id]: first.window } : {},
  );
  const {
    engine,
    failed: engineFailed,
    waiting,
  } = useDeferredEngine<Engine>(() => import('./model.ts'), {
    hasFirst: first !== null,
    syncUrl,
    shape: orderFillsParams.shape,
  });
  const compute = (v: OrderFillsValues) => {
    if (engine) return engine.computeOrderFills(v, windows);
    if (first && sameSettings(v, start)) return { ok: true as const, value: first.result };
    return { ok: false as const, errors: { [LOADING]: waiting } };
  };
  const inputs = useMemo(() => ({ windows, engine, engineFailed }), [windows, engine, engineFailed]);
  const w = useWidget(orderFillsParams, start, compute, { syncUrl, data: inputs, ready: engine !== null });
  const r = w.result;
  const bind = binder(w, idPrefix);
  const id = (k: string) => `${idPrefix}-${k}`;
  const chosen = w.values.window;
  useEffect(() => {
    if (!windows[chosen]) {
      void loadWindow(chosen).then((win) => setWindows((loaded) => ({ ...loaded, [win.id]: win })));
    }
  }, [chosen, windows]);
  const loading = w.errors[LOADING];

  // The embed layout keeps the entry and the margin in view and folds these behind a one-line summary.
  const pathAndSide = (
    <>
      <SelectField
        id={id('window')}
        label="Price path"
        value={chosen}
        options={WINDOW_OPTIONS}
        onChange={(value) => w.set('window', value)}
        error={w.errors['window']}
        hint={
          loading ? (
            <span role="status">{loading}</span>
          ) : (
            <>
              Hourly candles of Binance’s BTCUSDT perpetual, last and mark price. Data:{' '}
              <a href={DATA_CREDIT.url} rel="noopener noreferrer">
                {DATA_CREDIT.name}
              </a>{' '}
              (
              <a href={DATA_CREDIT.licenceUrl} rel="noopener noreferrer">
                {DATA_CREDIT.licence}
              </a>
              ).
            </>
          )
        }
      />
      <SideField name={id('side')} value={w.values.side} onChange={(v) => w.set('side', v)} />
    </>
  );
  const entryAndMargin = (
    <>
      <NumberField
        {...bind('entry')}
        label="Entry candle"
        hint={`The position opens at this candle’s close (1 to ${r.candleCount - 1}).`}
      />
      <NumberField {...bind('margin')} label="Margin" unit="USDT" />
    </>
  );
  const orderFields = (
    <>
      <LeverageField {...bind('leverage')} />
      <NumberField
        {...bind('stop')}
        label="Stop distance"
        unit="%"
        hint="How far against you the three stops trigger."
      />
      <NumberField
        {...bind('limit')}
        label="Stop-limit offset"
        unit="%"
        hint="How far past its trigger the stop-limit still accepts a fill."
      />
      <NumberField {...bind('tp')} label="Take-profit distance" unit="%" />
      <MaintenanceRateField {...bind('mmr')} />
    </>
  );
  // The outcomes in words are the key result: after the figures on the tool page. The embed layout puts one short
  // line per order first of all, and folds the full sentences with the table.
  const outcomes = (
    <ul class="ll-order-outcomes" data-testid="outcomes">
      {r.orders.map((o) => (
        <li key={o.id} data-testid={`outcome-${o.id}`} data-status={o.status}>
          {o.sentence}
        </li>
      ))}
      <li data-testid="outcome-liquidation">{r.liquidationText}</li>
    </ul>
  );
  const results = (
    <div class={`ll-results${w.stale ? ' ll-stale' : ''}`} aria-busy={w.stale ? 'true' : undefined}>
      <LiveSummary stale={w.stale} text={summary(r)} />
      {compact && loading && (
        <p class="ll-order-loading" role="status">
          {loading}
        </p>
      )}
      {compact && (
        <ul class="ll-order-outcomes" data-testid="brief-outcomes" data-key-result>
          {r.orders.map((o) => (
            <li key={o.id} data-testid={`brief-${o.id}`} data-status={o.status}>
              {brief(o)}
            </li>
          ))}
          <li data-testid="brief-liquidation">{briefLiquidation(r)}</li>
        </ul>
      )}
      <dl class="ll-figures">
        <Figure label="Entry" value={`${price(r.entryPrice)} (${r.entryTime})`} testId="entry-price" />
        <Figure label="Position" value={`${formatNumber(r.quantity, { digits: 6 })} BTC`} testId="quantity" />
        <Figure
          label="Liquidation price (mark)"
          value={r.liquidationPrice ? price(r.liquidationPrice) : 'none'}
          testId="liquidation-price"
          keyResult={!compact}
        />
      </dl>
      <More compact={compact} summary="Why, order by order, and a table">
        {outcomes}
        <OrderTable r={r} />
      </More>
      <p class="ll-hint">
        Each order is played on its own, as if it were the only one. Hourly candles hide the order of trades inside the
        hour: when one candle runs through a stop-limit’s trigger and its limit, the tool assumes the worst (the order
        was skipped). Fees are left out.
      </p>
    </div>
  );

  return (
    <div class={`ll-widget ll-widget-wide${compact ? ' ll-compact' : ''}`} data-widget="order-fills">
      {first && (
        <script
          type="application/json"
          {...{ [BLOCK_ATTRIBUTE]: blockKey }}
          dangerouslySetInnerHTML={{ __html: first.windowText }}
        />
      )}
      {first && (
        <script
          type="application/json"
          {...{ [RESULT_ATTRIBUTE]: blockKey }}
          dangerouslySetInnerHTML={{ __html: first.resultText }}
        />
      )}
      <Notes notes={w.notes} />
      <div class="ll-widget-grid">
        {compact && results}
        <form class="ll-fields" onSubmit={(e) => e.preventDefault()} aria-label="Order settings">
          {compact ? (
            <>
              {entryAndMargin}
              <More compact summary={settingsLine(r)}>
                {pathAndSide}
                {orderFields}
              </More>
            </>
          ) : (
            <>
              {pathAndSide}
              {entryAndMargin}
              {orderFields}
            </>
          )}
        </form>
        {!compact && results}
      </div>
      {compact && (
        <p class="ll-order-credit">
          Prices:{' '}
          <a href={DATA_CREDIT.url} rel="noopener noreferrer">
            {DATA_CREDIT.name}
          </a>
          ,{' '}
          <a href={DATA_CREDIT.licenceUrl} rel="noopener noreferrer">
            {DATA_CREDIT.licence}
          </a>
          . Fees left out.
        </p>
      )}
      {compact && <FullToolLink tool="order-fills" query={serializeParams(orderFillsParams, w.values)} />}
    </div>
  );
}

function OrderTable({ r }: { r: OrderFillsModelResult }) {
  const fill = (o: OrderView) =>
    o.fillPrice && o.fillCandle !== null ? `${price(o.fillPrice)}, candle ${o.fillCandle} (${o.fillTime})` : '–';
  return (
    <div class="table-wrap ll-order-table" tabIndex={0} role="region" aria-label="Order outcomes table">
      <table data-testid="orders-table">
        <caption>
          A {r.side} of {formatNumber(r.quantity, { digits: 6 })} BTC from {price(r.entryPrice)} on {r.entryTime}
        </caption>
        <thead>
          <tr>
            <th scope="col">Order</th>
            <th scope="col">Price</th>
            <th scope="col">Triggered</th>
            <th scope="col">Filled</th>
            <th scope="col">Slippage</th>
            <th scope="col">Realised PnL</th>
          </tr>
        </thead>
        <tbody>
          {r.orders.map((o) => (
            <tr key={o.id}>
              <th scope="row">{o.name}</th>
              <td>{o.levels}</td>
              <td>{o.triggerCandle === null ? 'no' : `candle ${o.triggerCandle} (${o.triggerTime})`}</td>
              <td>{fill(o)}</td>
              <td>{o.slippage ? price(o.slippage) : '–'}</td>
              <td>{o.pnl ? (o.closes ? usdt(o.pnl, true) : 'too late') : '–'}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">Liquidation, mark price</th>
            <td>{r.liquidationPrice ? price(r.liquidationPrice) : 'none'}</td>
            <td>{r.liquidation ? `candle ${r.liquidation.candle} (${r.liquidation.time})` : 'no'}</td>
            <td>{r.liquidation ? price(r.liquidation.price) : '–'}</td>
            <td>–</td>
            <td>{r.liquidation ? usdt(r.liquidation.pnl, true) : '–'}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}

/** One order's outcome in a short line, for the embed layout (the full sentence is folded below it). */
function brief(o: OrderView): string {
  const on = (candle: number | null, time: string | null) => (candle === null ? '' : ` on candle ${candle} (${time})`);
  if (o.status === 'not-triggered') return `${o.name} at ${o.levels}: never triggered.`;
  if (o.status === 'not-filled') {
    return `${o.name} at ${o.levels}: triggered${on(o.triggerCandle, o.triggerTime)}, never filled.`;
  }
  const fill = `${o.name}: filled at ${o.fillPrice ? price(o.fillPrice) : o.levels}${on(o.fillCandle, o.fillTime)}`;
  if (!o.closes) return `${fill}, too late: the position was liquidated first.`;
  return `${fill}. PnL ${o.pnl ? usdt(o.pnl, true) : '–'}.`;
}

/** The liquidation in a short line, for the embed layout. */
function briefLiquidation(r: OrderFillsModelResult): string {
  if (!r.liquidationPrice) return 'No liquidation price: the position cannot lose more than its margin.';
  const at = `Liquidation at ${price(r.liquidationPrice)} (mark price)`;
  return r.liquidation
    ? `${at}: reached on candle ${r.liquidation.candle} (${r.liquidation.time}).`
    : `${at}: never reached.`;
}

/** The folded settings in one line, from the result shown: "Settings: Black Thursday · long 10x · stop 7,541.47 …". */
function settingsLine(r: OrderFillsModelResult): string {
  const title = WINDOWS.find((win) => win.id === r.windowId)?.title.split(',')[0] ?? r.windowId;
  return (
    `Settings: ${title} · ${r.side} ${formatMultiple(r.leverage)} · stop ${formatNumber(r.stopPrice)} · ` +
    `take-profit ${formatNumber(r.takeProfitPrice)}`
  );
}

function summary(r: OrderFillsModelResult): string {
  const closers = r.orders.filter((o) => o.closes);
  const liq = r.liquidation ? ` The mark price reached the liquidation price on candle ${r.liquidation.candle}.` : '';
  return (
    `A ${r.side} at ${price(r.entryPrice)}: ${closers.length} of ${r.orders.length} orders would close it in time.` +
    liq
  );
}
