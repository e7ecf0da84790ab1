/**
 * The only module that imports chart.js. It is loaded on demand by <LazyChart> when a chart
 * scrolls into view, and registers just the parts our charts use (not chart.js/auto).
 */
import {
  Chart,
  LineController,
  LineElement,
  PointElement,
  LinearScale,
  CategoryScale,
  BarController,
  BarElement,
  Tooltip,
  Legend,
  Filler,
  type ChartConfiguration,
  type Plugin,
} from 'chart.js';
import type { ChartSpec } from './chartSpec.ts';

Chart.register(
  LineController,
  LineElement,
  PointElement,
  LinearScale,
  CategoryScale,
  BarController,
  BarElement,
  Tooltip,
  Legend,
  Filler,
);

function token(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

const PALETTE = ['--accent', '--bad', '--good', '--warn', '--fg-muted'];

/** Vertical marker lines (entry, break-even, liquidation…) drawn over a line chart. */
const markerPlugin: Plugin<'line'> = {
  id: 'llMarkers',
  afterDatasetsDraw(chart, _args, options) {
    const markers = (options as { markers?: ChartSpec['markers'] }).markers ?? [];
    const { ctx, chartArea, scales } = chart;
    const x = scales['x'];
    if (!x) return;
    ctx.save();
    markers.forEach((m, i) => {
      const px = x.getPixelForValue(m.x);
      if (px < chartArea.left || px > chartArea.right) return;
      const color = token(m.color ?? '--fg-muted', '#555');
      ctx.strokeStyle = color;
      ctx.fillStyle = color;
      ctx.setLineDash([4, 4]);
      ctx.beginPath();
      ctx.moveTo(px, chartArea.top);
      ctx.lineTo(px, chartArea.bottom);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.font = '12px system-ui, sans-serif';
      ctx.textAlign = px > (chartArea.left + chartArea.right) / 2 ? 'right' : 'left';
      ctx.fillText(m.label, px + (ctx.textAlign === 'right' ? -4 : 4), chartArea.top + 12 + (i % 3) * 14);
    });
    ctx.restore();
  },
};

function toConfig(spec: ChartSpec): ChartConfiguration {
  const fg = token('--fg', '#1b1d21');
  const grid = token('--border', '#d5d8de');
  const datasets = spec.series.map((s, i) => {
    const color = token(s.color ?? PALETTE[i % PALETTE.length] ?? '--accent', '#1f5fbf');
    return {
      label: s.label,
      data: spec.kind === 'bar' ? s.points.map((p) => p.y) : s.points.map((p) => ({ x: p.x, y: p.y })),
      borderColor: color,
      backgroundColor: spec.kind === 'bar' ? color : 'transparent',
      pointRadius: 0,
      borderWidth: 2,
      tension: 0,
    };
  });
  return {
    type: spec.kind,
    data: {
      labels: spec.kind === 'bar' ? (spec.series[0]?.points.map((p) => String(p.x)) ?? []) : [],
      datasets,
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      interaction: { mode: 'nearest', intersect: false },
      scales: {
        x: {
          type: spec.kind === 'bar' ? 'category' : 'linear',
          title: { display: true, text: spec.xLabel, color: fg },
          ticks: { color: fg, maxTicksLimit: 6 },
          grid: { color: grid },
        },
        y: {
          title: { display: true, text: spec.yLabel, color: fg },
          ticks: { color: fg, maxTicksLimit: 6 },
          grid: { color: grid },
        },
      },
      plugins: {
        legend: { labels: { color: fg } },
        // @ts-expect-error: our own plugin's options are not in chart.js's types.
        llMarkers: { markers: spec.markers ?? [] },
      },
    },
    plugins: spec.kind === 'line' ? [markerPlugin] : [],
  };
}

/**
 * Draws a chart into a canvas, and again with the new colours when the theme changes; returns `update` (redraw it
 * from a new spec) and `destroy` (remove it).
 */
export function mountChart(
  canvas: HTMLCanvasElement,
  spec: ChartSpec,
): { update(next: ChartSpec): void; destroy(): void } {
  let current = spec;
  let chart = new Chart(canvas, toConfig(spec));
  const draw = (next: ChartSpec) => {
    current = next;
    chart.destroy();
    chart = new Chart(canvas, toConfig(next));
  };
  const redraw = () => draw(current);
  const mo = new MutationObserver(redraw);
  mo.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  const mq = matchMedia('(prefers-color-scheme: dark)');
  mq.addEventListener('change', redraw);
  return {
    update: draw,
    destroy() {
      mo.disconnect();
      mq.removeEventListener('change', redraw);
      chart.destroy();
    },
  };
}
