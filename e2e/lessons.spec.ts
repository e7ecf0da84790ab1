/**
 * Every lesson: its parts render, its worked numbers are the ones a person gets by hand, its terms and sources resolve.
 *
 * The figures are checked against values worked out here, by hand, never by calling src/calc: each expected text has
 * its arithmetic and its source beside it. A figure is found by the `data-figure` id its <Calc> (or <TierTable>)
 * emits, so prose edits around it do not break the test; the US lesson has no <Calc> figures and is checked through
 * its carry-cost calculator's `data-testid` fields instead. Formulas cited as "calc-api" are those of
 * shared/design/calc-api.md (the project's contract), which follow the venue documents named there.
 */
import { test, expect, sitemapPaths } from './fixtures.ts';
import { DIAGRAM_FIGURES, checkDiagrams } from './diagrams.ts';

const lessons = sitemapPaths().filter((p) => p.startsWith('/lessons/'));

test('all twelve lessons are published', () => {
  expect(lessons).toHaveLength(12);
  // Every lesson with diagram figures worked by hand is one of them (a mistyped path would skip its checks).
  for (const path of Object.keys(DIAGRAM_FIGURES)) expect(lessons).toContain(path);
});

/** Figure id → the exact text the page must show. */
type Figures = Record<string, string>;

/**
 * Hand-worked figures per lesson, at least five each. Sources: calc-api (formulas); Binance USDⓈ-M liquidation
 * formula, https://www.binance.com/fr/support/faq/b3c689c1f50a44cabb3a84e663b81d93 ("Binance liq"); Binance margin
 * interest, https://www.binance.com/en/support/articles/360030157812 ("Binance interest"); Kraken margin fees,
 * https://support.kraken.com/articles/206161568 ("Kraken fees"); Kraken margin level,
 * https://support.kraken.com/hc/en-us/articles/203325763-Margin-call-level-and-margin-liquidation-level; Binance margin
 * level, https://binance.com/en/support/faq/binance-margin-level-and-margin-call-360030493931; Binance BTCUSDT tier
 * table of 18 March 2021, https://www.binance.com/tr/support/announcement/86cf9aa472574b8cb2e05bb751c2a9a6
 * ("Binance tiers 2021").
 */
const FIGURES: Record<string, Figures> = {
  '/lessons/what-leverage-is/': {
    // calc-api positionFromMargin: notional = margin × leverage = 1,000 × 10 = 10,000.
    'position-size': '$10,000',
    // quantity = notional / price = 10,000 / 50,000 = 0.2 BTC; with no leverage 1,000 / 50,000 = 0.02.
    'position-btc': '0.2',
    'spot-btc': '0.02',
    // calc-api pnl (linear long): 0.2 × (52,500 − 50,000) = +500.
    'pnl-rise': '+$500',
    // calc-api roe: PnL / initial margin = 500 / (0.2 × 50,000 / 10 = 1,000) = +50 %.
    'roe-rise': '+50%',
    // Fall to 47,500: 0.2 × (47,500 − 50,000) = −500; −500 / 1,000 = −50 %.
    'roe-fall': '-50%',
    // percentMove: (52,500 − 50,000) / 50,000 = +5 %.
    'spot-return': '+5%',
    // calc-api tradingFee: notional × rate = 10,000 × 0.0005 = 5.00.
    'open-fee': '$5.00',
    // Binance liq, isolated long: bankruptcy = entry × (1 − 1/L) = 50,000 × 0.9 = 45,000;
    // liquidation = 45,000 / (1 − 0.005) = 45,226.13 (shown to the dollar); fall 1 − 45,226.13 / 50,000 = 9.5477 %.
    'bankruptcy-price': '$45,000',
    'liquidation-price': '$45,226',
    'liquidation-fall': '9.55%',
    // 100x row: 50,000 × (1 − 1/100) / 0.995 = 49,500 / 0.995 = 49,748.74.
    'ladder-100x-liquidation-price': '$49,749',
  },
  '/lessons/spot-margin/': {
    // Binance interest: one hour at borrowing (13:59) and one at each HH:00 passed (14:00): 2 hours.
    'binance-two-minute-hours': '2',
    // 4,000 × 0.001 % × 2 = 0.08.
    'binance-two-minute-interest': '$0.08',
    // Borrowed on the hour for 720 h: 720 hours × 4,000 × 0.00001 = 28.80.
    'binance-30-day-interest': '$28.80',
    // Kraken fees: opening fee + a rollover at 4 h and 8 h = 3 charges × 10,000 × 0.025 % = 3 × 2.50 = 7.50.
    'kraken-10h-charges': '3',
    'kraken-10h-cost': '$7.50',
    // 720 h: opening + rollovers at 4, 8, …, 716 h (179) = 180 charges × 2.50 = 450.
    'kraken-30d-charges': '180',
    'kraken-30d-cost': '$450',
    // Kraken margin level = equity / used margin; used margin = 0.2 × 50,000 / 5 = 2,000.
    // Call at 80 %: 2,000 + 0.2 × (P − 50,000) = 1,600 → P = 48,000, a fall of 2,000 / 50,000 = 4 %.
    'kraken-margin-call-price': '$48,000',
    'kraken-margin-call-fall': '4%',
    // Sale at 40 %: 2,000 + 0.2 × (P − 50,000) = 800 → P = 44,000, a fall of 12 %, a loss of 0.2 × 6,000 = 1,200.
    'kraken-sale-price': '$44,000',
    'kraken-sale-fall': '12%',
    'kraken-sale-loss': '$1,200',
    // Binance spot margin: leverage = 0.1 × 60,000 / 2,000 = 3x; liquidation at assets / debts = 1.1:
    // 0.1 × P = 1.1 × 4,000 → P = 44,000, a fall of 16,000 / 60,000 = 26.666… %.
    'binance-leverage': '3x',
    'binance-liquidation-price': '$44,000',
    'binance-liquidation-fall': '26.67%',
  },
  '/lessons/futures-and-perpetuals/': {
    // calc-api fundingPayment: 0.2 × 50,000 × 0.0001 = 1.00 per funding time.
    'funding-payment': '$1.00',
    // calc-api fundingRate: F = P + clamp(0.01 % − P, ±0.05 %).
    // P = 0.03 %: 0.03 + (−0.02) = 0.01 %; P = 0.2 %: 0.2 + (−0.05) = 0.15 %; P = −0.1 %: −0.1 + 0.05 = −0.05 %.
    'funding-rate-small-premium': '0.01%',
    'funding-rate-large-premium': '0.15%',
    'funding-rate-discount': '-0.05%',
    // calc-api fundingOverTime: floor(720 / 8) = 90 payments × 1.00 = 90; hourly: 720 × 1.00 = 720;
    // 0.00125 % hourly: 720 × 0.2 × 50,000 × 0.0000125 = 720 × 0.125 = 90.
    'funding-30d-payments': '90',
    'funding-30d-total': '$90',
    'funding-30d-hourly-total': '$720',
    'funding-30d-matched-hourly-total': '$90',
    // CME about 35 % initial margin: 1 / 0.35 = 2.857x, to one decimal 2.9x.
    'cme-launch-leverage': '2.9x',
    // Binance tiers 2021: tier 1 is 0–50,000 USDT at 0.40 % and 125x; tier 3 is 250,000–1,000,000 at 1.00 % and 50x.
    'binance-btcusdt-tier-1-cap': '$50,000',
    'binance-btcusdt-tier-1-rate': '0.4%',
    'binance-btcusdt-tier-1-leverage': '125x',
    'binance-btcusdt-tier-3-floor': '$250,000',
    'binance-btcusdt-tier-3-cap': '$1,000,000',
    'binance-btcusdt-tier-3-rate': '1%',
    'binance-btcusdt-tier-3-leverage': '50x',
  },
  '/lessons/liquidation/': {
    // calc-api maintenanceMargin: 0.2 × 50,000 × 0.005 = 50.
    'maintenance-at-entry': '$50',
    // Binance liq: long 50,000 × 0.9 / 0.995 = 45,226.1306…; bankruptcy 45,000;
    // short 50,000 × (1 + 1/10) / (1 + 0.005) = 55,000 / 1.005 = 54,726.3681…; bankruptcy 55,000.
    'liquidation-price': '$45,226.13',
    'bankruptcy-price': '$45,000',
    'short-liquidation-price': '$54,726.37',
    'short-bankruptcy-price': '$55,000',
    // calc-api close fee in the requirement (0.06 % of the notional at P): 1,000 + 0.2 × (P − 50,000) =
    // 0.2 × P × (0.005 + 0.0006) → 0.2P − 0.00112P = 9,000 → P = 9,000 / 0.19888 = 45,253.419…
    'liquidation-price-close-fee': '$45,253.42',
    // Binance tiers 2021, tier 4 (1,000,000–10,000,000, 2.5 %): amount = 50,000 × 0.001 + 250,000 × 0.005 +
    // 1,000,000 × 0.015 = 16,300; 40 BTC × 50,000 = 2,000,000 × 0.025 − 16,300 = 33,700.
    'tier4-maintenance-margin': '$33,700',
    // Review E5, a maximum rounds down: the stop at 45,000 fires first while 50,000 × (1 − 1/L) / 0.995 ≤ 45,000,
    // i.e. 1/L ≥ 1 − 0.8955 = 0.1045, L ≤ 9.5694: shown 9.5x (9.6x puts liquidation at 45,016.75, above the stop).
    'max-leverage-for-stop': '9.5x',
  },
  '/lessons/isolated-vs-cross/': {
    // Isolated 10x long, 0.5 %: 60,000 × 0.9 / 0.995 = 54,271.36; fall 9.5477 %.
    'btc-isolated-price': '$54,271',
    'btc-isolated-fall': '9.55%',
    // 2 ETH × (2,700 − 3,000) = −600.
    'eth-loss-2700': '$600',
    // Cross (calc-api identity): 3,000 + ETH PnL − ETH maintenance (2 × mark × 0.005) + 0.1 × (P − 60,000) = 0.1 × P × 0.005,
    // so 0.0995 × P = 6,000 − 3,000 − ETH PnL + ETH maintenance:
    // ETH 3,000: (3,000 + 30) / 0.0995 = 30,452.26; 2,700: (3,000 + 600 + 27) / 0.0995 = 36,452.26;
    // 2,400: (3,000 + 1,200 + 24) / 0.0995 = 42,452.26; 2,100: (3,000 + 1,800 + 21) / 0.0995 = 48,452.26.
    'btc-cross-eth-3000': '$30,452',
    'btc-cross-eth-2700': '$36,452',
    'btc-cross-eth-2400': '$42,452',
    'btc-cross-eth-2100': '$48,452',
    // Bitcoin alone on the wallet: 3,000 + 0.1 × (P − 60,000) = 0.0005 × P → P = 3,000 / 0.0995 = 30,150.75,
    // whatever the leverage setting.
    'btc-cross-alone-5x': '$30,151',
    'btc-cross-alone-20x': '$30,151',
  },
  '/lessons/orders-and-positions/': {
    // calc-api notional: 0.2 × 50,000 = 10,000; effective leverage 10,000 / 1,000 of margin = 10x.
    'position-value': '$10,000',
    'leverage-10x': '10x',
    // calc-api tradingFee on the $10,000 position (0.2 × 50,000): maker 0.02 % = 2.00, taker 0.05 % = 5.00.
    'maker-fee': '$2.00',
    'taker-fee': '$5.00',
    // calc-api pnl: half the position, 0.1 × (52,000 − 50,000) = +200, realised.
    'half-realised': '+$200',
    // The other half, still open at 52,000: the same 0.1 × 2,000 = +200, unrealised.
    'half-unrealised': '+$200',
    // calc-api roe: a stop 5 % below entry at 10x, 0.2 × (47,500 − 50,000) = −500 on 1,000 of margin = −50 %.
    'stop-5pct-margin': '50%',
    // Stop at 48,000: 0.2 × (48,000 − 50,000) = −400; filled at 47,200 after a gap: 0.2 × (−2,800) = −560.
    'stop-planned-loss': '-$400',
    'stop-gap-loss': '-$560',
    // Binance liq, isolated long with margin M: M + 0.2 × (P − 50,000) = 0.005 × 0.2 × P, so P = (10,000 − M) / 0.199.
    // M = 1,000: 9,000 / 0.199 = 45,226.13; M = 1,500: 8,500 / 0.199 = 42,713.567…; M = 2,000: 8,000 / 0.199 =
    // 40,201.005…; M = 500 (the same as 20x): 9,500 / 0.199 = 47,738.693…
    'liquidation-10x': '$45,226.13',
    'liquidation-plus-500': '$42,713.57',
    'liquidation-plus-1000': '$40,201.01',
    'liquidation-minus-500': '$47,738.69',
    'liquidation-20x': '$47,738.69',
    // Effective leverage with 500 of margin left: 10,000 / 500 = 20x.
    'leverage-minus-500': '20x',
  },
  '/lessons/risk-management/': {
    // calc-api riskPositionSize: risk = 5,000 × 1 % = 50; loss per unit = 60,000 − 57,000 = 3,000;
    // quantity = 50 / 3,000 = 0.016666… (5 decimals 0.01667); notional = 0.016666… × 60,000 = 1,000.
    'risk-1pct': '$50',
    'loss-per-btc': '$3,000',
    'size-btc': '0.01667',
    'size-usd': '$1,000',
    // With fees: 3,000 + 0.0005 × 60,000 + 0.0005 × 57,000 = 3,058.50; quantity 50 / 3,058.5 = 0.0163479…
    'loss-per-btc-fees': '$3,058.50',
    'size-btc-fees': '0.01635',
    // Review E5: 1/L ≥ 1 − 0.95 × 0.995 = 0.05475 → L ≤ 18.2648, shown 18.2x;
    // 1 % buffer (liquidation ≤ 56,400): 1/L ≥ 1 − 0.94 × 0.995 = 0.0647 → L ≤ 15.456, shown 15.4x;
    // stop 59,400: 1/L ≥ 1 − 0.99 × 0.995 = 0.01495 → L ≤ 66.89, shown 66.8x.
    'max-leverage-stop': '18.2x',
    'max-leverage-stop-buffer': '15.4x',
    'max-leverage-close-stop': '66.8x',
    // 20x isolated long: 60,000 × 0.95 / 0.995 = 57,286.43.
    'liquidation-price-20x': '$57,286',
    // calc-api riskReward: reward / risk = 6,000 / 3,000 = 2; break-even win rate 1 / (1 + 2) = 33.33 %.
    'reward-to-risk': '2',
    'break-even-win-rate': '33.3%',
    // calc-api breakEvenPrice (long): 60,000 × (1 + 0.0005) / (1 − 0.0005) = 60,060.03; with 90 fundings of 0.01 %:
    // 60,000 × (1 + 0.0005 + 0.009) / 0.9995 = 60,600.30.
    'break-even-fees': '$60,060',
    'break-even-fees-funding': '$60,600',
    // Longest run of losses in 100 fair trades (Schilling, "The Longest Run of Heads", College Math. J. 21(3), 1990):
    // P(run ≥ 6) ≈ 0.546, P(run ≥ 7) ≈ 0.318.
    'streak-6': '55%',
    'streak-7': '32%',
    // 1 − 0.99⁶ = 1 − 0.941480149401 = 5.85 %; 1 − 0.9⁶ = 1 − 0.531441 = 46.86 %.
    'six-losses-1pct': '5.9%',
    'six-losses-10pct': '46.9%',
    // Halving: 0.9⁶ = 0.531 > 0.5 ≥ 0.9⁷ = 0.478 → 7; ln 0.5 / ln 0.99 = 68.97 → 69.
    'halve-10pct': '7',
    'halve-1pct': '69',
    // √(50² + 50² + 2ρ·50·50): ρ = 1 → 100; ρ = 0.8 → √9,000 = 94.87; ρ = 0 → √5,000 = 70.71.
    'combined-risk-1': '$100',
    'combined-risk-08': '$95',
    'combined-risk-0': '$71',
  },
  '/lessons/when-the-venue-is-the-risk/': {
    // Cascade, clusters at 4/6/8/10/12 % of $1M: 1 % per million → 4 % + 1 % × 1 = 5 % (6 % not reached);
    // 2 % per million → 4 → 6 → 8 → 10 → 12 → 4 % + 2 % × 5 = 14 %, of which 10 % from the liquidations.
    'cascade-deep': '5%',
    'cascade-thin': '14%',
    'cascade-thin-added': '10%',
    // Bybit bankruptcy price (long): 60,000 × (1 − 1/10) = 54,000.
    'bankruptcy-10x': '$54,000',
    // Fill at 53,000: shortfall 1 × (54,000 − 53,000) = 1,000; fund 400 pays 400; 600 left for ADL.
    shortfall: '$1,000',
    'shortfall-socialised': '$600',
    // Binance liq, isolated 10x long: 60,000 × 0.9 / 0.995 = 54,271.36.
    'liquidation-10x': '$54,271',
    // Calm fill at 54,200: surplus 1 × (54,200 − 54,000) = 200 to the fund. Fund of 400 pays 400 of the 1,000 gap;
    // with a fund of 5,000 the whole 1,000 is paid and 0 is left to socialise.
    'calm-surplus': '$200',
    'fund-pays': '$400',
    'deep-fund-socialised': '$0',
    // calc-api roe: stop 5 % below at 10x, 1 × (57,000 − 60,000) = −3,000 on 6,000 of margin = −50 %.
    'replay-stop-margin': '50%',
  },
  '/lessons/coin-margined-and-other-products/': {
    // calc-api pnl (inverse long, Bybit "What is Inverse Contract?"): 10,000 × (1/50,000 − 1/60,000) = 0.2 − 0.16667
    // = 0.0333 BTC; to 40,000: 10,000 × (1/50,000 − 1/40,000) = 0.2 − 0.25 = −0.05 BTC.
    'inverse-pnl-up': '0.0333',
    'inverse-pnl-down': '0.05',
    // 1 BTC behind a 1x long of USD 60,000 at 60,000, price 45,000 (a 25 % fall): PnL 1 − 60,000/45,000 = −1/3 BTC;
    // equity 2/3 × 45,000 = 30,000, half of the 60,000 it started at. A 1x short: 4/3 × 45,000 = 60,000.
    'btc-fall': '25%',
    'coin-long-usd': '$30,000',
    'coin-long-change': '50%',
    'coin-short-usd': '$60,000',
    // The common-mistake callout repeats the fall and the loss: 25 % and 50 %.
    'mistake-fall': '25%',
    'mistake-change': '50%',
    // Binance COIN-M isolated: P = E × L(m + s)/(1 + sL), m = 0.005: long 60,000 × 10 × 1.005 / 11 = 54,818.18, a fall
    // of 1 − 10.05/11 = 8.636 %; short 60,000 × 10 × 0.995 / 9 = 66,333.33, a rise of 9.95/9 − 1 = 10.556 %;
    // 1x long 60,000 × 1.005 / 2 = 30,150.
    'inverse-long-10x': '$54,818',
    'inverse-long-10x-fall': '8.64%',
    'inverse-short-10x': '$66,333',
    'inverse-short-10x-rise': '10.56%',
    'inverse-long-1x': '$30,150',
    // 1x fall: 1 − 30,150 / 60,000 = 0.4975 = 49.75 %.
    'inverse-long-1x-fall': '49.75%',
    // USDT-margined (Binance liq), 10x: long 60,000 × 0.9 / 0.995 = 54,271.36, a fall of 1 − 0.9 / 0.995 = 9.5477 %;
    // short 60,000 × 1.1 / 1.005 = 65,671.64, a rise of 1.1 / 1.005 − 1 = 9.4527 %.
    'linear-long-10x-fall': '9.55%',
    'linear-short-10x-rise': '9.45%',
    // Effective leverage 10,000 / 4,000 = 2.5x; free margin 4,000 − 2,000 (Kraken); after the loss 9,000 / 3,000 = 3x.
    'effective-leverage': '2.5x',
    'free-margin': '$2,000',
    'effective-leverage-after': '3x',
    // Used margin 0.2 × 50,000 / 5 = 2,000; the loss 0.2 × (45,000 − 50,000) = −1,000; free margin after 3,000 − 2,000.
    'used-margin': '$2,000',
    'account-loss': '$1,000',
    'free-margin-after': '$1,000',
    // Daily reset (Cheng and Madhavan 2009): 100 × 1.3 × 0.7 = 91; at 1x 100 × 1.1 × 0.9 = 99; 2x trend 100 × 1.1³.
    'token-3x-updown': '91',
    'token-1x-updown': '99',
    'token-2x-trend': '133.1',
    // 3x after the first day: 100 × 1.3 = 130; 2x up and down: 100 × 1.2 × 0.8 = 96; the 2x trend's gain 133.1 / 100 − 1
    // = 33.1 %; bitcoin over three days of +5 %: 1.05³ = 1.157625, a rise of 15.7625 %.
    'token-3x-up': '130',
    'token-2x-updown': '96',
    'token-2x-trend-gain': '33.1%',
    'trend-underlying': '15.76%',
    // Ten days of ±5 %: bitcoin 0.9975^5 = 0.987562, a 1.24 % fall; fixed 3x long 3 × 1.2438 % = 3.73 %; the 3x token
    // 0.9775^5 = 0.892450, a 10.76 % loss.
    'choppy-underlying': '1.24%',
    'choppy-fixed': '3.73%',
    'choppy-token': '10.76%',
    // Call on 0.1 BTC, premium 3,000: 0.1 × 3,000 = 300 paid; at 70,000: 0.1 × 10,000 − 300 = 700.
    'call-max-loss': '$300',
    'call-profit': '$700',
    // At 40,000 the call expires worthless: −300, the premium; 0.1 BTC held: 0.1 × (40,000 − 60,000) = −2,000;
    // break-even at expiry 60,000 + 3,000 = 63,000.
    'call-loss-down': '$300',
    'hold-loss-down': '$2,000',
    'call-break-even': '$63,000',
    // CME Micro Bitcoin (0.1 BTC): 0.1 × (60,000 − 57,000) = 300 of variation margin; Reg T 10,000 / 5,000 = 2x.
    'micro-day': '$300',
    'reg-t-leverage': '2x',
  },
  '/lessons/should-you-use-leverage/': {
    // Gain to recover a loss x: 1 / (1 − x) − 1: 1/0.9 − 1 = 11.11 %; 1/0.75 − 1 = 33.33 %; 1/0.5 − 1 = 100 %; 1/0.1 − 1 = 900 %.
    'recover-10': '11.1%',
    'recover-25': '33.3%',
    'recover-50': '100%',
    'recover-90': '900%',
    // Binance liq: 2x fall 1 − 0.5 / 0.995 = 49.749 %; 10x fall 1 − 0.9 / 0.995 = 9.5477 %.
    'liquidation-fall-2x': '49.75%',
    'liquidation-fall-10x': '9.55%',
    // Hedge: 0.5 × 60,000 = 30,000; margin at 2x 15,000; coins lose 0.5 × 12,000 = 6,000;
    // funding received: floor(720 / 8) = 90 × 0.5 × 60,000 × 0.0001 = 270;
    // 2x short liquidation: 60,000 × (1 + 1/2) / (1 + 0.005) = 89,552.24.
    'hedge-holding': '$30,000',
    'hedge-margin': '$15,000',
    'hedge-coins-fall': '$6,000',
    'hedge-funding': '+$270',
    'hedge-short-liquidation-price': '$89,552',
  },
  '/lessons/rules-outside-the-us/': {
    // $1,000 of margin from $50,000: 2:1 (EU CFD cap) and 2x (Japan) give 1,000 × 2 = 2,000 (0.04 BTC); 10x offshore
    // gives 10,000 (0.2 BTC), leverage 10,000 / 1,000 = 10x. The fall to 44,000: −6,000 / 50,000 = −12 %.
    'eu-position': '$2,000',
    'jp-position': '$2,000',
    'offshore-position': '$10,000',
    'offshore-leverage': '10x',
    'the-fall': '12%',
    // Loss at 2:1: 0.04 × 6,000 = 240. EU close-out at 50 % of the 1,000 margin: a loss of 500 = 0.04 × 12,500, so
    // 37,500, a fall of 25 %; from 44,000 another 6,500 / 44,000 = 14.77 %.
    'capped-loss': '$240',
    'eu-close-out': '$37,500',
    'eu-close-out-fall': '25%',
    'eu-room-left': '14.8%',
    // Japan 2x, margin gone: 1,000 / 0.04 = 25,000 below entry, so 25,000; from 44,000: 19,000 / 44,000 = 43.18 %.
    'jp-bankruptcy': '$25,000',
    'jp-room-left': '43.2%',
    // Binance liq, 10x: 50,000 × 0.9 / 0.995 = 45,226.13, a fall of 9.5477 %; loss at 44,000: 0.2 × 6,000 = 1,200.
    'offshore-liquidation': '$45,226',
    'offshore-liquidation-fall': '9.55%',
    'offshore-loss': '$1,200',
  },
};

/**
 * The US lesson teaches law, not arithmetic: its shown figures are those of its carry-cost calculator, a 5x long of
 * 10,000 USDT from 60,000 held 30 days with funding of 0.00125 % every hour, 0.5 % maintenance and 0.0005 % an hour of
 * borrowing (the scenario the lesson's tag sets). `data-testid` → text the field must contain.
 */
const US_CARRY: Figures = {
  // Margin = size / leverage = 10,000 / 5 = 2,000.
  margin: '2,000.00 USDT',
  // calc-api fundingOverTime: floor(720 h / 1 h) = 720 payments × 10,000 × 0.0000125 = 720 × 0.125 = 90.
  payments: '720',
  'funding-total': '90.00 USDT',
  // Binance liq, 5x long: 60,000 × (1 − 1/5) / (1 − 0.005) = 48,000 / 0.995 = 48,241.206…
  'liq-start': '48,241.21 USDT',
  // Margin after funding: 2,000 − 90 = 1,910.
  'margin-after': '1,910.00 USDT',
  // Spot margin: borrow size − margin = 8,000 for 720 started hours × 0.000005 = 8,000 × 0.0036 = 28.80.
  principal: '8,000.00 USDT',
  'borrow-interest': '28.80 USDT',
};

test('every lesson is in the hand-worked figure table', () => {
  for (const path of lessons) {
    if (path === '/lessons/us-regulation/') continue;
    expect(Object.keys(FIGURES[path] ?? {}).length, path).toBeGreaterThanOrEqual(5);
  }
  expect(Object.keys(US_CARRY).length).toBeGreaterThanOrEqual(5);
});

// One page load per lesson, four checks in steps (the suite stays under ten minutes).
for (const path of lessons) {
  test(`${path}: its standard parts, its worked figures, its glossary terms, its source links and its diagrams`, async ({
    page,
    request,
  }) => {
    await page.goto(path);
    await test.step('objectives, takeaways, dated sources, a common mistake and at least two interactive elements', async () => {
      await expect(page.getByRole('heading', { name: 'In this lesson you will learn to' })).toBeVisible();
      expect(await page.locator('.objectives li').count()).toBeGreaterThanOrEqual(2);
      expect(await page.locator('.takeaways li').count()).toBeGreaterThanOrEqual(3);
      const sources = page.locator('.sources li');
      expect(await sources.count()).toBeGreaterThanOrEqual(1);
      for (const item of await sources.all()) {
        await expect(item).toContainText(/As of [A-Z][a-z]{2} \d{1,2}, \d{4}\./);
      }
      await expect(page.locator('.callout-mistake').first()).toBeVisible();
      await expect(page.locator('.not-advice')).toBeVisible();
      // Widgets and reactive prose are islands; the quiz is counted apart.
      const interactive = page.locator('astro-island:not(:has([data-quiz]))');
      expect(await interactive.count()).toBeGreaterThanOrEqual(2);
      await expect(page.locator('[data-quiz]')).toHaveCount(1);
    });

    await test.step('the worked figures are the ones worked by hand', async () => {
      if (path === '/lessons/us-regulation/') {
        // The calculator is the island holding the fields named with the lesson's idPrefix, "l7carry".
        const carry = page.locator('.lesson-body astro-island').filter({ has: page.locator('[id^="l7carry-"]') });
        await expect(carry).toHaveCount(1);
        for (const [testId, text] of Object.entries(US_CARRY)) {
          await expect(carry.locator(`[data-testid="${testId}"]`), testId).toContainText(text);
        }
      } else {
        for (const [id, text] of Object.entries(FIGURES[path] ?? {})) {
          const figure = page.locator(`.lesson-body [data-figure="${id}"]`);
          await expect(figure, `data-figure="${id}" appears once`).toHaveCount(1);
          await expect(figure, `data-figure="${id}"`).toHaveText(text);
        }
      }
      // No figure on the page shows a broken number.
      for (const text of await page.locator('.lesson-body .calc').allTextContents()) {
        expect(text).not.toMatch(/NaN|Infinity|undefined/);
      }
    });

    await test.step('glossary terms resolve and external sources are well-formed https links', async () => {
      const terms = await page.$$eval('.lesson-body a[data-term]', (as) => as.map((a) => a.getAttribute('data-term')));
      expect(terms.length).toBeGreaterThan(0);
      const glossary = await (await request.get('/glossary/')).text();
      for (const id of new Set(terms)) expect(glossary, `term ${id}`).toContain(`id="${id}"`);
      // Each term shows its definition on keyboard focus.
      const first = page.locator('.lesson-body a[data-term]').first();
      await first.focus();
      await expect(page.locator(`#${await first.getAttribute('aria-describedby')}`)).toBeVisible();
      const external = await page.$$eval('article a[href^="http"]', (as) =>
        as.map((a) => (a as HTMLAnchorElement).href),
      );
      for (const href of external) {
        const url = new URL(href);
        if (url.hostname === '127.0.0.1') continue;
        expect(url.protocol, href).toBe('https:');
        expect(url.hostname, href).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i);
      }
    });

    // Last: it leaves the page at 320 px wide.
    await test.step('a diagram with a title, a description and a caption, its numbers worked by hand, that fits 320 px', () =>
      checkDiagrams(page, path));
  });
}
