/**
 * The first drawing of a chart, as SVG markup written on the server (LazyChart renders it only under
 * `import.meta.env.SSR`; as a server*.ts module the browser bundle drops it, see astro.config.mjs). It shows the same
 * data as the chart.js chart that replaces it once the reader uses the widget, so a page can show its chart without
 * fetching chart.js before any interaction. Colours are classes (embed pages forbid inline styles).
 */
import type { ChartSpec } from './chartSpec.ts';

const W = 640;
const H = 260;
const PAD = { left: 56, right: 12, top: 12, bottom: 30 };
const PALETTE = ['--accent', '--bad', '--good', '--warn', '--fg-muted'];

/** "--bad" → "ll-c-bad": the class that colours a line, bar or marker with that token. */
const colourClass = (token: string | undefined, i: number) =>
  `ll-c-${(token ?? PALETTE[i % PALETTE.length] ?? '--accent').replace(/^--/, '')}`;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Short tick text: 54271.36 → "54,271", 0.5 → "0.5". */
const tick = (v: number) =>
  new Intl.NumberFormat('en-US', { maximumFractionDigits: Math.abs(v) >= 100 ? 0 : 2 }).format(v);

/** The SVG markup of a line or bar chart: its series, vertical markers, the axes' ends and their titles. */
export function chartSvg(spec: ChartSpec): string {
  const points = spec.series.flatMap((s) => s.points);
  if (points.length === 0) return '';
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const bar = spec.kind === 'bar';
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  const y0 = Math.min(...ys, ...(bar ? [0] : []));
  const y1 = Math.max(...ys, ...(bar ? [0] : []));
  const iw = W - PAD.left - PAD.right;
  const ih = H - PAD.top - PAD.bottom;
  const sy = (y: number) => PAD.top + (y1 === y0 ? ih / 2 : ((y1 - y) / (y1 - y0)) * ih);
  const parts: string[] = [];
  // Axes and the zero line.
  parts.push(`<path class="ll-svg-axis" d="M${PAD.left} ${PAD.top}V${H - PAD.bottom}H${W - PAD.right}"/>`);
  if (y0 < 0 && y1 > 0) parts.push(`<path class="ll-svg-grid" d="M${PAD.left} ${sy(0)}H${W - PAD.right}"/>`);
  if (bar) {
    const cats = spec.series[0]?.points.map((p) => p.x) ?? [];
    const band = iw / Math.max(cats.length, 1);
    const bw = (band * 0.8) / spec.series.length;
    spec.series.forEach((s, i) =>
      s.points.forEach((p, j) => {
        const top = sy(Math.max(p.y, 0));
        const h = Math.abs(sy(p.y) - sy(0));
        const x = PAD.left + j * band + band * 0.1 + i * bw;
        parts.push(
          `<rect class="${colourClass(s.color, i)}" x="${x.toFixed(1)}" y="${top.toFixed(1)}" width="${bw.toFixed(1)}" height="${h.toFixed(1)}"/>`,
        );
      }),
    );
    cats.forEach((c, j) =>
      parts.push(
        `<text class="ll-svg-text" x="${(PAD.left + (j + 0.5) * band).toFixed(1)}" y="${H - PAD.bottom + 14}" text-anchor="middle">${esc(tick(c))}</text>`,
      ),
    );
  } else {
    const sx = (x: number) => PAD.left + (x1 === x0 ? iw / 2 : ((x - x0) / (x1 - x0)) * iw);
    spec.series.forEach((s, i) => {
      const d = s.points.map((p, k) => `${k === 0 ? 'M' : 'L'}${sx(p.x).toFixed(1)} ${sy(p.y).toFixed(1)}`).join('');
      parts.push(`<path class="ll-svg-line ${colourClass(s.color, i)}" d="${d}"/>`);
    });
    (spec.markers ?? []).forEach((m, i) => {
      if (m.x < x0 || m.x > x1) return;
      const x = sx(m.x).toFixed(1);
      parts.push(
        `<path class="ll-svg-marker ${colourClass(m.color ?? '--fg-muted', i)}" d="M${x} ${PAD.top}V${H - PAD.bottom}"/>`,
      );
      parts.push(
        `<text class="ll-svg-label ${colourClass(m.color ?? '--fg-muted', i)}" x="${x}" y="${PAD.top + 12 + (i % 3) * 14}" dx="4">${esc(m.label)}</text>`,
      );
    });
    parts.push(`<text class="ll-svg-text" x="${PAD.left}" y="${H - PAD.bottom + 14}">${esc(tick(x0))}</text>`);
    parts.push(
      `<text class="ll-svg-text" x="${W - PAD.right}" y="${H - PAD.bottom + 14}" text-anchor="end">${esc(tick(x1))}</text>`,
    );
  }
  parts.push(
    `<text class="ll-svg-text" x="${PAD.left - 4}" y="${PAD.top + 10}" text-anchor="end">${esc(tick(y1))}</text>`,
  );
  parts.push(
    `<text class="ll-svg-text" x="${PAD.left - 4}" y="${H - PAD.bottom}" text-anchor="end">${esc(tick(y0))}</text>`,
  );
  parts.push(
    `<text class="ll-svg-text" x="${PAD.left + iw / 2}" y="${H - 2}" text-anchor="middle">${esc(spec.xLabel)}</text>`,
  );
  parts.push(`<text class="ll-svg-text" x="${PAD.left}" y="${PAD.top - 2}" dx="4" dy="10">${esc(spec.yLabel)}</text>`);
  return `<svg viewBox="0 0 ${W} ${H}" focusable="false">${parts.join('')}</svg>`;
}
