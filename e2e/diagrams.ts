/**
 * The lesson diagrams (src/components/diagrams/): every lesson has at least one server-rendered SVG figure with a text
 * alternative, it fits a 320 px phone with readable labels (axe runs over every lesson, diagrams included, in both
 * themes in e2e/pages.spec.ts), and the numbers it shows are the ones a person gets by hand (arithmetic beside each,
 * formulas from shared/design/calc-api.md as in e2e/lessons.spec.ts; never from calling src/calc).
 * e2e/lessons.spec.ts runs `checkDiagrams` in the same page load as the lesson's other checks.
 */
import { expect, type Page } from '@playwright/test';

/** Diagram figure id (`data-figure` on an SVG text) → the text it must show, worked by hand. */
export const DIAGRAM_FIGURES: Record<string, Record<string, string>> = {
  '/lessons/what-leverage-is/': {
    // positionFromMargin: notional = margin × leverage = 1,000 × 10 = 10,000; with no leverage 1,000 × 1 = 1,000.
    'dg-position-size': '$10,000 position',
    'dg-spot-size': '$1,000',
  },
  '/lessons/spot-margin/': {
    // Kraken margin level = equity / used margin; used = 0.2 × 50,000 / 5 = 2,000, equity = 2,000 + 0.2 × (P − 50,000).
    // At entry 2,000 / 2,000 = 100 %. Call at 80 %: 2,000 + 0.2(P − 50,000) = 1,600 → P = 50,000 − 400 / 0.2 = 48,000.
    // Sale at 40 %: 2,000 + 0.2(P − 50,000) = 800 → P = 50,000 − 1,200 / 0.2 = 44,000.
    'dg-start-level': '100%',
    'dg-call-price': '$48,000',
    'dg-sale-price': '$44,000',
  },
  '/lessons/futures-and-perpetuals/': {
    // fundingPayment = size × mark × rate = 0.2 × 50,000 × 0.0001 = $1.00, on the $10,000 position.
    'dg-funding-payment': '0.01% of $10,000 = $1.00',
  },
  '/lessons/liquidation/': {
    // Binance isolated long, maintenance on the liquidation-price notional ("Binance liq"): margin 0.2 × 50,000 / 10
    // = 1,000; 1,000 + 0.2 × (P − 50,000) = 0.005 × 0.2 × P → 0.199 P = 9,000 → P = 45,226.13 → $45,226.
    'dg-liquidation-price': '$45,226',
    // Bankruptcy: margin used up, 1,000 + 0.2 (P − 50,000) = 0 → P = 45,000.
    'dg-bankruptcy-price': '$45,000',
    // Fall to liquidation: 45,226.13 / 50,000 − 1 = −9.5477 % → 9.55%.
    'dg-liquidation-fall': '9.55% fall',
  },
  '/lessons/isolated-vs-cross/': {
    // initialMargin at 10x: 0.1 × 60,000 / 10 = 600 and 2 × 3,000 / 10 = 600; the cross wallet is the lesson's $3,000.
    'dg-btc-margin': '$600',
    'dg-eth-margin': '$600',
    'dg-cross-wallet': '$3,000',
  },
  '/lessons/orders-and-positions/': {
    // The stop-market order fills at the first trade after the gap, the lesson's $47,200.
    'dg-gap-fill': '$47,200',
  },
  '/lessons/risk-management/': {
    // Isolated long of 1 BTC from 60,000, 0.5 % maintenance on the liquidation notional. 10x: margin 6,000;
    // 6,000 + (P − 60,000) = 0.005 P → 0.995 P = 54,000 → P = 54,271.36. 20x: margin 3,000; 0.995 P = 57,000 → 57,286.43.
    'dg-liq-10x': 'Liq. $54,271',
    'dg-liq-20x': 'Liq. $57,286',
  },
  '/lessons/coin-margined-and-other-products/': {
    // Inverse long, face $60,000, 60,000 → 45,000: PnL = 60,000 × (1/60,000 − 1/45,000) = 1 − 4/3 = −1/3 BTC;
    // equity 1 − 1/3 = 2/3 BTC × 45,000 = $30,000, against $60,000 at the start: −50 %.
    'dg-coin-long-usd': '$30,000',
    'dg-coin-long-loss': '−50%',
  },
  '/lessons/when-the-venue-is-the-risk/': {
    // Bankruptcy 60,000 × (1 − 1/10) = 54,000; fill 53,000 on 1 BTC → gap 1,000; the fund's 400 pays first;
    // 1,000 − 400 = 600 is left for ADL.
    'dg-cascade-gap': '4. Gap past bankruptcy: $1,000',
    'dg-cascade-fund': '5. Insurance fund pays $400',
    'dg-cascade-socialised': '6. ADL or socialised loss: $600',
  },
  '/lessons/should-you-use-leverage/': {
    // Gain to recover = 1 / (1 − loss) − 1: 1/0.9 − 1 = 11.1 %; 1/0.75 − 1 = 33.3 %; 1/0.5 − 1 = 100 %; 1/0.1 − 1 = 900 %.
    'dg-recovery-0': 'need +11.1%',
    'dg-recovery-1': 'need +33.3%',
    'dg-recovery-2': 'need +100%',
    'dg-recovery-3': 'need +900%',
  },
};

/** Checks the diagrams of the lesson open in `page` at `path`; leaves the page at 320 px wide. */
export async function checkDiagrams(page: Page, path: string): Promise<void> {
  for (const [id, text] of Object.entries(DIAGRAM_FIGURES[path] ?? {})) {
    await expect(page.locator(`figure.diagram [data-figure="${id}"]`), id).toHaveText(text);
  }
  const figures = page.locator('figure.diagram');
  expect(await figures.count()).toBeGreaterThanOrEqual(1);
  for (const figure of await figures.all()) {
    const svg = figure.locator('svg[role="img"]');
    await expect(svg).toHaveCount(1);
    const title = (await svg.locator('title').textContent())?.trim() ?? '';
    const desc = (await svg.locator('desc').textContent())?.trim() ?? '';
    expect(title.length, 'title').toBeGreaterThan(10);
    expect(desc.length, 'desc').toBeGreaterThan(80);
    // The accessible name and description are the title and the desc.
    await expect(svg).toHaveAccessibleName(title);
    await expect(svg).toHaveAccessibleDescription(desc);
    await expect(figure.locator('figcaption')).toHaveText(/\S{3}/);
    // Server-rendered: no script and no island inside.
    await expect(figure.locator('script, astro-island')).toHaveCount(0);
  }
  await page.setViewportSize({ width: 320, height: 700 });
  for (const figure of await figures.all()) {
    const box = await figure.boundingBox();
    expect(box?.width ?? 999, 'diagram width at 320 px').toBeLessThanOrEqual(320);
    // The smallest label as drawn: its font size times the SVG's scale (rendered width / viewBox width).
    const smallest = await figure.locator('svg').evaluate((svg: SVGSVGElement) => {
      const scaleBy = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      const sizes = [...svg.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize));
      return Math.min(...sizes) * scaleBy;
    });
    expect(smallest, 'smallest label in px at 320 px').toBeGreaterThanOrEqual(11);
  }
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth), { message: `${path} at 320 px` })
    .toBeLessThanOrEqual(320);
}
