/**
 * A chart that costs no chart.js until the reader uses the page: the server draws it as SVG first (serverChartSvg.ts,
 * the same data), and chart.js is fetched only once the chart is in view and the reader has interacted with the page
 * (a press, a key, a wheel or a touch), so a page in view at load fetches no chart code. The canvas has an accessible
 * name that summarises it, and a toggle shows the same data as a table.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ChartSpec, ChartTable } from './chartSpec.ts';
import { chartSvg } from './serverChartSvg.ts';
import './chart-svg.css';

type Mounted = { update(next: ChartSpec): void; destroy(): void };

export interface LazyChartProps {
  id: string;
  /** One sentence that says what the chart shows and its key point. */
  summary: string;
  spec: ChartSpec;
  table: ChartTable;
  height?: number;
}

/** What counts as the reader's first interaction with the page. */
const INTERACTIONS = ['pointerdown', 'keydown', 'focusin', 'input', 'change', 'wheel', 'touchstart'];

/**
 * Calls `go` once, at the reader's first interaction with the page (a press, a key, a focus, an input, a wheel or a
 * touch):
 * what a widget needs only once the reader acts (chart.js, calculation code for a changed input) waits for it, so a
 * page in view fetches little before then (scripts/js-budget.ts gates it). Returns a function that stops waiting.
 */
export function afterInteraction(go: () => void): () => void {
  const once = () => {
    stop();
    go();
  };
  const stop = () => {
    for (const type of INTERACTIONS) removeEventListener(type, once, true);
  };
  for (const type of INTERACTIONS) addEventListener(type, once, { capture: true, passive: true });
  return stop;
}

export function LazyChart({ id, summary, spec, table, height = 260 }: LazyChartProps) {
  const box = useRef<HTMLElement>(null);
  const frame = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Mounted | null>(null);
  // The server's drawing; in the browser the markup is already in the page (hydration keeps it), never rebuilt.
  const [svg] = useState(() => (import.meta.env.SSR ? chartSvg(spec) : ''));
  const [firstSpec] = useState(() => JSON.stringify(spec));
  const [ready, setReady] = useState(false);
  const [mounted, setMounted] = useState(false);
  const [failed, setFailed] = useState(false);
  const [showTable, setShowTable] = useState(false);

  useEffect(() => {
    const el = box.current;
    if (!el) return undefined;
    let stop = () => {};
    const io = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      io.disconnect();
      stop = afterInteraction(() => setReady(true));
    });
    io.observe(el);
    return () => {
      io.disconnect();
      stop();
    };
  }, []);

  useEffect(() => {
    if (!ready || !canvas.current) return;
    if (chart.current) {
      chart.current.update(spec);
      return;
    }
    let cancelled = false;
    import('./chartRuntime.ts')
      .then(({ mountChart }) => {
        if (cancelled || !canvas.current) return;
        chart.current = mountChart(canvas.current, spec);
        setMounted(true);
      })
      .catch(() => setFailed(true));
    return () => {
      cancelled = true;
    };
  }, [ready, spec]);

  useEffect(() => () => chart.current?.destroy(), []);

  // Set through the CSSOM, not a style attribute: embed pages forbid inline styles.
  useEffect(() => {
    if (frame.current) frame.current.style.height = `${height}px`;
  }, [height]);

  // The server's drawing shows the first scenario only: once the inputs change it gives way to the summary.
  const sketch = !mounted && !failed && (
    <div
      class="ll-chart-svg"
      aria-hidden="true"
      hidden={JSON.stringify(spec) !== firstSpec}
      dangerouslySetInnerHTML={{ __html: svg }}
    />
  );
  return (
    <figure class="ll-chart" ref={box}>
      <div class="ll-chart-canvas" ref={frame} hidden={showTable}>
        <canvas ref={canvas} role="img" aria-label={summary} id={`${id}-canvas`}>
          {summary}
        </canvas>
        {sketch}
        {!mounted && !failed && <p class="ll-chart-wait">The chart is drawn once you use the page.</p>}
        {failed && <p class="ll-error">The chart could not be loaded. The table below has the same numbers.</p>}
      </div>
      <figcaption class="ll-chart-caption">
        <span>{summary}</span>
        <button
          type="button"
          class="ll-link-button"
          aria-expanded={showTable}
          aria-controls={`${id}-table`}
          onClick={() => setShowTable((s) => !s)}
        >
          {showTable ? 'Show as chart' : 'Show as table'}
        </button>
      </figcaption>
      <div
        class="table-wrap"
        id={`${id}-table`}
        hidden={!showTable && !failed}
        role="region"
        aria-label={table.caption}
        tabIndex={0}
      >
        <table>
          <caption>{table.caption}</caption>
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th scope="col" key={c}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((r, i) => (
              <tr key={i}>{r.map((cell, j) => (j === 0 ? <th scope="row">{cell}</th> : <td>{cell}</td>))}</tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
