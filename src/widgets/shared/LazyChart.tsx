/**
 * A chart that costs nothing until it is seen: chart.js is fetched only when the chart scrolls
 * into view. The canvas has an accessible name that summarises it, and a toggle shows the same
 * data as a table.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ChartSpec, ChartTable } from './chartSpec.ts';

type Mounted = { update(next: ChartSpec): void; destroy(): void };

export interface LazyChartProps {
  id: string;
  /** One sentence that says what the chart shows and its key point. */
  summary: string;
  spec: ChartSpec;
  table: ChartTable;
  height?: number;
}

export function LazyChart({ id, summary, spec, table, height = 260 }: LazyChartProps) {
  const box = useRef<HTMLElement>(null);
  const frame = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Mounted | null>(null);
  const [visible, setVisible] = useState(false);
  const [failed, setFailed] = useState(false);
  const [showTable, setShowTable] = useState(false);

  useEffect(() => {
    const el = box.current;
    if (!el) return undefined;
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        setVisible(true);
        io.disconnect();
      }
    });
    io.observe(el);
    return () => io.disconnect();
  }, []);

  useEffect(() => {
    if (!visible || !canvas.current) return;
    if (chart.current) {
      chart.current.update(spec);
      return;
    }
    let cancelled = false;
    import('./chartRuntime.ts')
      .then(({ mountChart }) => {
        if (!cancelled && canvas.current) chart.current = mountChart(canvas.current, spec);
      })
      .catch(() => setFailed(true));
    return () => {
      cancelled = true;
    };
  }, [visible, spec]);

  // Redraw with the new colours when the theme changes.
  useEffect(() => {
    const redraw = () => chart.current?.update(spec);
    const mo = new MutationObserver(redraw);
    mo.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    const mq = matchMedia('(prefers-color-scheme: dark)');
    mq.addEventListener('change', redraw);
    return () => {
      mo.disconnect();
      mq.removeEventListener('change', redraw);
    };
  }, [spec]);

  useEffect(() => () => chart.current?.destroy(), []);

  // Set through the CSSOM, not a style attribute: embed pages forbid inline styles.
  useEffect(() => {
    if (frame.current) frame.current.style.height = `${height}px`;
  }, [height]);

  return (
    <figure class="ll-chart" ref={box}>
      <div class="ll-chart-canvas" ref={frame} hidden={showTable}>
        <canvas ref={canvas} role="img" aria-label={summary} id={`${id}-canvas`}>
          {summary}
        </canvas>
        {!visible && <p class="ll-chart-wait">The chart loads when you scroll to it.</p>}
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
