import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chartSvg } from '../serverChartSvg.ts';

test('a line series is drawn to scale in the plot area, with its marker, colour classes and escaped labels', () => {
  const svg = chartSvg({
    kind: 'line',
    xLabel: 'Exit price <USDT>',
    yLabel: 'PnL',
    series: [
      {
        label: 'PnL',
        color: '--accent',
        points: [
          { x: 0, y: 0 },
          { x: 10, y: 10 },
        ],
      },
    ],
    markers: [{ x: 5, label: 'Entry & exit', color: '--bad' }],
  });
  // Plot area: x from 56 to 640 − 12 = 628 (572 wide), y from 12 to 260 − 30 = 230 (218 high).
  // (0, 0) is the bottom-left corner (56, 230); (10, 10) the top-right (628, 12).
  assert.match(svg, /<path class="ll-svg-line ll-c-accent" d="M56\.0 230\.0L628\.0 12\.0"\/>/);
  // x = 5 is half way: 56 + 572 / 2 = 342.
  assert.match(svg, /<path class="ll-svg-marker ll-c-bad" d="M342\.0 12V230"\/>/);
  assert.match(svg, />Entry &amp; exit</);
  assert.match(svg, />Exit price &lt;USDT&gt;</);
  assert.doesNotMatch(svg, /style=/);
});

test('bars stand on zero, one band per category; an empty chart draws nothing', () => {
  const svg = chartSvg({
    kind: 'bar',
    xLabel: 'Leverage',
    yLabel: 'Percent',
    series: [
      {
        label: 'Loss',
        color: '--bad',
        points: [
          { x: 2, y: 1 },
          { x: 10, y: 2 },
        ],
      },
    ],
  });
  // Two bands of 572 / 2 = 286; one series: bar width 286 × 0.8 = 228.8, starting 28.6 into its band.
  // y runs from 0 to 2: a value of 1 is 109 px high (218 / 2), its top at 230 − 109 = 121.
  assert.match(svg, /<rect class="ll-c-bad" x="84\.6" y="121\.0" width="228\.8" height="109\.0"\/>/);
  assert.match(svg, /<rect class="ll-c-bad" x="370\.6" y="12\.0" width="228\.8" height="218\.0"\/>/);
  assert.equal(chartSvg({ kind: 'line', xLabel: '', yLabel: '', series: [] }), '');
});
