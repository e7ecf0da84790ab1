/**
 * Every generated question, 2,500 seeds per template: the answer of each convention the course teaches is graded
 * right, every trap is graded wrong, the text reads naturally, and rates and leverage are realistic.
 *
 * The oracle is independent of the generators and of src/calc: the inputs are read back from the prompt as a reader
 * sees it, and each convention's formula is written out below in plain number arithmetic, with its source.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { TEMPLATE_IDS, generate, type GeneratedQuestion, type RangeSpec, type TemplateId } from '../generators.ts';
import { gradeNumeric } from '../grade.ts';
import { generatedNumeric, firstSeed } from '../model.ts';
import { quizBankSchema } from '../schema.ts';

// 2,500 draws a template, spread over the seed range; 10,000 took 22 s of the unit run on our machines.
const SEEDS = 2_500;
/** Spread over the 32-bit range (Knuth's multiplicative hash), not only small seeds. */
const seedAt = (i: number) => Math.imul(i + 1, 2654435761) >>> 0;

/** "41,500.00" → 41500. */
const num = (s: string | undefined) => Number((s ?? 'NaN').replace(/,/g, ''));

interface Expected {
  /** Convention → answer, each of which must be graded right. */
  taught: Record<string, number>;
  /** Mistake → value, each of which must be graded wrong. */
  wrong: Record<string, number>;
  /** How many decimals a reader would type. */
  digits: number;
}

/** Reads a prompt with `pattern`, failing with the prompt when it does not match. */
function read(g: GeneratedQuestion, pattern: RegExp): RegExpExecArray {
  const m = pattern.exec(g.prompt);
  assert.ok(m, `${g.template} seed ${g.seed}: the prompt does not read as expected: ${g.prompt}`);
  return m;
}

/** The answers of every taught convention and of the classic mistakes, from the prompt alone. */
function expected(g: GeneratedQuestion): Expected {
  switch (g.template as TemplateId) {
    case 'isolated-liquidation': {
      const m = read(
        g,
        /isolated (long|short) on bitcoin at ([\d,.]+) USDT, posting ([\d,.]+) USDT of margin at ([\d.]+)x leverage\. (?:The maintenance margin rate is ([\d.]+)%\.|The platform liquidates it when your equity \(margin plus unrealised PnL\) falls to the maintenance margin, ([\d.]+)% of the position's value (at entry|at the current price)\.) Ignoring fees and funding, at what price is the position liquidated\?$/,
      );
      const long = m[1] === 'long';
      const E = num(m[2]);
      const L = num(m[4]);
      const mm = num(m[5] ?? m[6]) / 100;
      const s = long ? 1 : -1;
      // Binance USDⓈ-M, isolated, one-way: LP = (WB − side·q·EP) / (q·MMR − side·q) with WB = q·EP/L, so
      // long E(1 − 1/L)/(1 − m), short E(1 + 1/L)/(1 + m).
      // https://www.binance.com/fr/support/faq/b3c689c1f50a44cabb3a84e663b81d93
      const binance = (E * (1 - s / L)) / (1 - s * mm);
      // Bybit, isolated: long LP = EP − (IM − MM)/q, short LP = EP + (IM − MM)/q, IM = q·EP/L, MM = q·EP·MMR, so
      // E(1 − 1/L + m) and E(1 + 1/L − m). Lesson 4's estimate, a move of 1/L − m from entry, is the same price.
      // https://www.kbybit.com/en/help-center/article/Liquidation-Price-Calculation-under-Isolated-Mode-Unified-Trading-Account
      const bybit = E * (1 - s * (1 / L - mm));
      const taught: Record<string, number> =
        m[7] === 'at entry'
          ? { 'entry basis (stated)': bybit }
          : m[7] === 'at the current price'
            ? { 'liquidation-price basis (stated)': binance }
            : { 'Binance, at the liquidation price': binance, 'Bybit, at entry (lesson 4 estimate)': bybit };
      const wrong: Record<string, number> = {
        // Where equity reaches zero: a move of 1/L.
        bankruptcy: E * (1 - s / L),
        // The other side's liquidation price, under either convention.
        'wrong side, Binance': (E * (1 + s / L)) / (1 + s * mm),
        'wrong side, Bybit': E * (1 + s * (1 / L - mm)),
      };
      return { taught, wrong, digits: 2 };
    }
    case 'broker-margin': {
      const m = read(
        g,
        /^You want to hold an? ([\d.]+) BTC long in bitcoin futures on a US-regulated exchange, at ([\d,]+) USD a bitcoin\. The clearinghouse asks for ([\d.]+)% of the position's value as initial margin, and your broker \(the FCM\) asks for (?:no more than that|([\d.]+) times the clearinghouse's amount)\. How much margin must you post, in USD\?$/,
      );
      const value = num(m[1]) * num(m[2]);
      const clearing = num(m[3]) / 100;
      const multiplier = m[4] === undefined ? 1 : num(m[4]);
      // Margin = the clearinghouse requirement × the FCM multiplier (Coinbase, "Trading derivatives", lesson 7).
      const margin = value * clearing * multiplier;
      // US-realistic leverage (review Q3): CME about 35 % at launch, about 2.9x; Kalshi's BTCPERP example about 5.9x
      // (shared/source/facts.md, decision tree branch A). Nothing near the 25x–50x of offshore venues.
      const leverage = value / margin;
      assert.ok(leverage >= 1.5 && leverage <= 6, `${g.seed}: ${leverage}x is not a US-realistic leverage`);
      return {
        taught: { 'clearinghouse × broker': margin },
        wrong: multiplier === 1 ? {} : { 'clearinghouse minimum alone': value * clearing },
        digits: 2,
      };
    }
    case 'leveraged-roe': {
      const m = read(
        g,
        /^You open a (long|short) at ([\d,.]+) USDT with ([\d.]+)x leverage\. The price (rises|falls) ([\d.]+)% to ([\d,.]+) USDT and you close the trade\. Ignoring fees, what is your return on the margin you posted \(ROE: profit or loss ÷ initial margin\), in percent\? Give a loss as a negative number\.$/,
      );
      const gain = (m[1] === 'long') === (m[4] === 'rises') ? 1 : -1;
      const move = num(m[5]);
      // ROE = PnL ÷ initial margin = (signed move × notional) ÷ (notional / L) = signed move × L (lesson 1).
      return {
        taught: { 'ROE on initial margin': gain * move * num(m[3]) },
        wrong: { 'the price move itself': gain * move },
        digits: 2,
      };
    }
    case 'fixed-position-pnl': {
      const m = read(
        g,
        /^You hold an? ([\d.]+) BTC (long|short), opened at ([\d,.]+) USDT with ([\d.]+)x leverage\. The price moves to ([\d,.]+) USDT\. Ignoring fees, what is your profit or loss in USDT\? Give a loss as a negative number\.$/,
      );
      // PnL = side × quantity × (exit − entry) (lesson 1, "What leverage does not change").
      const result = (m[2] === 'long' ? 1 : -1) * num(m[1]) * (num(m[5]) - num(m[3]));
      return {
        taught: { 'quantity × price change': result },
        wrong: { 'times the leverage': result * num(m[4]) },
        digits: 2,
      };
    }
    case 'position-size': {
      const m = read(
        g,
        /^You post ([\d,.]+) USDT of margin at ([\d.]+)x leverage to go long bitcoin at ([\d,.]+) USDT\. How many bitcoin does your position hold\?$/,
      );
      // Quantity = margin × leverage ÷ price (lesson 1, "Your money and your exposure").
      const margin = num(m[1]);
      const price = num(m[3]);
      return {
        taught: { 'margin × leverage ÷ price': (margin * num(m[2])) / price },
        wrong: num(m[2]) === 1 ? {} : { 'margin alone ÷ price': margin / price },
        digits: 6,
      };
    }
    case 'funding-cost': {
      const m = read(
        g,
        /^You hold an? ([\d.]+) BTC (long|short) perpetual for (\d+) hours?\. The mark price stays at ([\d,.]+) USDT and the funding rate is (-?[\d.]+)% every (?:(\d+) hours|hour)\. What is your total funding, in USDT\? Give money you pay as a negative number\.$/,
      );
      const rate = num(m[5]) / 100;
      const interval = m[6] === undefined ? 1 : num(m[6]);
      // Realistic rates (review Q4): 0.01 % per 8 hours is 0.00125 % an hour (lesson 3, "What funding costs over
      // time"; Hyperliquid pays its 0.01 %-per-8-hours interest hourly, at one eighth). Keep every draw within
      // 0.005 % an hour, four times that default, so no question teaches 0.01 % an hour as normal.
      const hourly = Math.abs(rate) / interval;
      assert.ok(hourly > 0 && hourly <= 0.00005 + 1e-15, `${g.seed}: ${m[5]}% every ${interval} h is not realistic`);
      // Payments at each whole interval within the holding period; longs pay a positive rate (lesson 3).
      const payments = Math.floor(num(m[3]) / interval);
      const total = (m[2] === 'long' ? -1 : 1) * num(m[1]) * num(m[4]) * rate * payments;
      const miscount = interval === 8 ? total * 8 : (total * interval) / 8;
      return {
        taught: { 'size × rate × payments': total },
        wrong: { 'wrong direction': -total, 'wrong number of payments': miscount },
        digits: 2,
      };
    }
    case 'venue-shortfall': {
      const m = read(
        g,
        /^An? ([\d.]+) BTC isolated (long|short) has a bankruptcy price of ([\d,.]+) USDT\. In a crash the venue's closing order fills at ([\d,.]+) USDT, (below|above) that price\. The insurance fund holds ([\d,.]+) USDT\. How much of the loss is left for the venue to cover by auto-deleveraging, in USDT\?$/,
      );
      // Lesson 9: shortfall = quantity × how far the fill went past the bankruptcy price; the insurance fund pays
      // first, ADL the rest (Binance ADL FAQ 360033525471).
      assert.equal(m[5], m[2] === 'long' ? 'below' : 'above', `${g.seed}: the fill must be on the losing side`);
      const shortfall = num(m[1]) * Math.abs(num(m[3]) - num(m[4]));
      const fund = num(m[6]);
      const left = Math.max(0, shortfall - fund);
      return {
        taught: { 'shortfall minus the insurance fund': left },
        wrong: fund > 0 && shortfall > 0 ? { 'the whole shortfall, ignoring the fund': shortfall } : {},
        digits: 2,
      };
    }
    case 'venue-cascade': {
      const m = read(
        g,
        /^Longs sit in five clusters of 1,000,000 USDT each, liquidated 4%, 6%, 8%, 10% and 12% below the price\. News knocks the price down ([\d.]+)%\. Each 1,000,000 USDT of forced selling pushes it down a further ([\d.]+)% of the starting price\. When the cascade stops, how far below the starting price is the price, in percent\?$/,
      );
      // Lesson 9: repeat "drop = news + impact × clusters reached" until no new cluster is reached.
      const shock = num(m[1]);
      const impact = num(m[2]);
      let drop = shock;
      for (let reached = -1; ;) {
        const now = [4, 6, 8, 10, 12].filter((level) => level <= drop + 1e-9).length;
        if (now === reached) break;
        reached = now;
        drop = shock + impact * now;
      }
      return {
        taught: { 'the drop after every round of forced selling': drop },
        wrong: drop === shock ? {} : { 'the news drop alone': shock },
        digits: 2,
      };
    }
    case 'token-up-down': {
      const m = read(
        g,
        /^A ([\d.]+)x leveraged token that rebalances every day is worth \$100\. Bitcoin rises ([\d.]+)% one day and falls ([\d.]+)% the next, and this pair of days happens (once|(\d+) times in a row)\. Ignoring fees, what is the token worth at the end, in USD\?$/,
      );
      // Lesson 8: a daily-rebalanced token keeps (1 + L·x)(1 − L·x) of its value per up-and-down pair (Cheng and
      // Madhavan 2009; FINRA Notice 09-31); a position held without rebalancing moves L × the price's total move.
      const L = num(m[1]);
      const x = num(m[2]) / 100;
      assert.equal(m[2], m[3], `${g.seed}: the up and down moves must be equal`);
      const n = m[5] === undefined ? 1 : num(m[5]);
      const token = 100 * ((1 + L * x) * (1 - L * x)) ** n;
      const held = 100 * (1 + L * ((1 - x * x) ** n - 1));
      return {
        taught: { 'compounded daily: (1 + Lx)(1 − Lx) per pair': token },
        wrong: { 'back to the start': 100, 'L × the total move (no rebalancing)': held },
        digits: 2,
      };
    }
    case 'inverse-pnl': {
      const m = read(
        g,
        /^You open a coin-margined BTCUSD (long|short) of ([\d,.]+) USD face value at ([\d,.]+) USD and close it at ([\d,.]+) USD\. What is your profit or loss in BTC \(negative for a loss\)\?$/,
      );
      // Bybit inverse contracts: long PnL = contract value × (1/entry − 1/exit), in coin; a short's is the opposite.
      // https://www.bybit.com/en/help-center/article/What-is-Inverse-Contract
      const s = m[1] === 'long' ? 1 : -1;
      const F = num(m[2]);
      const E = num(m[3]);
      const X = num(m[4]);
      const coin = s * F * (1 / E - 1 / X);
      return {
        taught: { 'face × (1/entry − 1/exit)': coin },
        wrong: { 'the wrong sign': -coin, 'the dollar PnL of a linear contract': (s * F * (X - E)) / E },
        digits: 6,
      };
    }
    case 'capped-position': {
      const m = read(
        g,
        /^You live in .+, where a retail client may use at most (\d+)(?::1|x)\u00a0\(as of \w{3} \d{1,2}, \d{4}\) on .+\. You put up ([\d,]+) USD of margin\. What is the largest bitcoin position you may open, in USD\?$/,
      );
      // Lesson 11: position = margin × cap (world-facts.md: 2:1 CFDs in the EU and Australia, 2x in Japan and Canada).
      const margin = num(m[2]);
      return { taught: { 'margin × cap': margin * num(m[1]) }, wrong: { '10x offshore': margin * 10 }, digits: 0 };
    }
    case 'cfd-close-out': {
      const m = read(
        g,
        /^In .+ you open a retail crypto CFD at the (\d+):1 cap: a (long|short) on bitcoin at ([\d,]+) USD\. The firm must close it when the margin left falls to (\d+)%\u00a0\(as of \w{3} \d{1,2}, \d{4}\) of the required margin\. Ignoring fees, at what bitcoin price is it closed, in USD\?$/,
      );
      // Lesson 11: margin E/L; closed when the loss reaches (1 − c) of it, a move of (1 − c)/L against the position.
      const L = num(m[1]);
      const E = num(m[3]);
      const c = num(m[4]) / 100;
      const s = m[2] === 'long' ? -1 : 1;
      return {
        taught: { 'close-out at the stated share of margin': E * (1 + (s * (1 - c)) / L) },
        wrong: { 'all the margin gone': E * (1 + s / L) },
        digits: 0,
      };
    }
    case 'orders-margin-added': {
      const m = read(
        g,
        /^You hold an isolated (long|short) of ([\d.]+) BTC from ([\d,.]+) USDT at (\d+)x, so its margin is ([\d,.]+) USDT and it would be liquidated at ([\d,.]+) USDT\. The maintenance rate is 0\.5%\. You add ([\d,.]+) USDT of margin\. What is the new liquidation price, in USDT\?$/,
      );
      // Lesson 6: isolated equity M + s·q·(P − E) falls to the maintenance margin. Binance measures it at the
      // liquidation price, m·q·P: P = (q·E − s·M) / (q·(1 − s·m)); Bybit at entry, m·q·E: P = E − s·M/q + s·m·E.
      // https://www.binance.com/fr/support/faq/b3c689c1f50a44cabb3a84e663b81d93 ;
      // https://www.kbybit.com/en/help-center/article/Liquidation-Price-Calculation-under-Isolated-Mode-Unified-Trading-Account
      const s = m[1] === 'long' ? 1 : -1;
      const q = num(m[2]);
      const E = num(m[3]);
      const M = num(m[5]) + num(m[7]);
      const mm = 0.005;
      return {
        taught: {
          'maintenance at the liquidation price (Binance)': (q * E - s * M) / (q * (1 - s * mm)),
          'maintenance at entry (Bybit)': E - (s * M) / q + s * mm * E,
        },
        wrong: { 'the liquidation price before adding margin': num(m[6]) },
        digits: 2,
      };
    }
    case 'orders-stop-gap': {
      const m = read(
        g,
        /^You are (long|short) ([\d.]+) BTC from ([\d,.]+) USDT with a stop-market order at ([\d,.]+) USDT\. The price (?:drops|jumps) straight past the stop, and the market order fills at ([\d,.]+) USDT\. Ignoring fees, how much do you lose on the trade, in USDT\?$/,
      );
      // Lesson 6: a stop-market order fills where the market is; the loss is q × |fill − entry| (linear PnL).
      const q = num(m[2]);
      const E = num(m[3]);
      return {
        taught: { 'quantity × distance from entry to the fill': q * Math.abs(num(m[5]) - E) },
        wrong: { 'the loss at the stop price': q * Math.abs(num(m[4]) - E) },
        digits: 2,
      };
    }
    default:
      throw new Error(`no independent oracle for the template "${g.template}": add one`);
  }
}

/** Phrases a careful editor would not let through (first as one pattern, which is fast, then one by one). */
const UNNATURAL: [RegExp, string][] = [
  [/undefined|NaN|Infinity|null|\[object/, 'a missing value'],
  [/\b1 (?:hours|payments|days|contracts)\b/, 'a plural after 1'],
  [/every 1 hour/, '"every 1 hour" for "every hour"'],
  [/\ba (?:8|1[18](?![\d]))/, '"a" before a figure read with a vowel ("an 8%")'],
  [/\ban (?!8|1[18](?!\d))\d/, '"an" before a figure read with a consonant'],
  [/ {2}| [.,;:?](?!\d)/, 'stray spaces'],
];

const ANY_UNNATURAL = new RegExp(UNNATURAL.map(([p]) => `(?:${p.source})`).join('|'));

function checkText(g: GeneratedQuestion): void {
  const texts = [
    g.prompt,
    g.display,
    g.method ?? '',
    ...g.hints,
    ...g.solution,
    ...g.traps.map((t) => t.explanation),
    ...g.alternatives.flatMap((a) => [a.display, a.method]),
  ];
  for (const text of texts) {
    if (!ANY_UNNATURAL.test(text)) continue;
    for (const [pattern, what] of UNNATURAL) {
      assert.doesNotMatch(text, pattern, `${g.template} seed ${g.seed}, ${what}: “${text}”`);
    }
  }
}

/** How a reader would type a value: to the digits shown, and for prices also in whole units. */
function typings(value: number, digits: number): string[] {
  const out = [value.toFixed(digits)];
  if (digits === 2 && Math.abs(value) >= 1000) out.push(value.toFixed(0));
  return out;
}

function checkDraw(g: GeneratedQuestion): void {
  checkText(g);
  const key = generatedNumeric(g).key;
  const { taught, wrong, digits } = expected(g);
  for (const [convention, value] of Object.entries(taught)) {
    for (const typed of typings(value, digits)) {
      const graded = gradeNumeric(key, typed);
      assert.ok(
        graded.ok && graded.grade.correct,
        `${g.template} seed ${g.seed}: ${convention} gives ${typed}, graded wrong (${g.prompt})`,
      );
    }
  }
  const mistakes = [...Object.entries(wrong), ...g.traps.map((t) => [`trap ${t.answer}`, Number(t.answer)] as const)];
  for (const [mistake, value] of mistakes) {
    const graded = gradeNumeric(key, value.toFixed(digits));
    assert.ok(
      graded.ok && !graded.grade.correct,
      `${g.template} seed ${g.seed}: the mistake "${mistake}" (${value.toFixed(digits)}) is graded right (${g.prompt})`,
    );
  }
}

for (const template of TEMPLATE_IDS) {
  test(`"${template}": ${SEEDS.toLocaleString('en-US')} seeds, every taught convention right, every trap wrong, natural text`, () => {
    for (let i = 0; i < SEEDS; i++) checkDraw(generate(template, seedAt(i)));
  });
}

test('a liquidation question that states its rule accepts that rule, and names the other when it is told apart', () => {
  for (const basis of ['liquidation', 'entry'] as const) {
    const ranges: Record<string, RangeSpec> = { basis: [basis], leverage: [2, 3, 5, 10, 20, 25] };
    let named = 0;
    for (let i = 0; i < 500; i++) {
      const g = generate('isolated-liquidation', seedAt(i), ranges);
      checkDraw(g);
      assert.equal(g.alternatives.length, 0, 'a stated rule has one answer');
      // The other convention's answer, from the formulas above: right only when it lies within the tolerance;
      // otherwise wrong, and named as the other venue's rule when it is clearly apart (over 0.15 % of the price).
      const { taught, wrong } = expected(g);
      const stated = Object.values(taught)[0];
      const m = /(long|short) on bitcoin at ([\d,.]+) USDT.* at ([\d.]+)x leverage.*?([\d.]+)% of the position/.exec(
        g.prompt,
      );
      assert.ok(m && wrong['bankruptcy'] !== undefined);
      const [E, L, mm, s] = [num(m[2]), num(m[3]), num(m[4]) / 100, m[1] === 'long' ? 1 : -1];
      const otherValue = basis === 'liquidation' ? E * (1 - s * (1 / L - mm)) : (E * (1 - s / L)) / (1 - s * mm);
      const graded = gradeNumeric(generatedNumeric(g).key, otherValue.toFixed(2));
      assert.ok(graded.ok);
      const gap = Math.abs(otherValue - stated);
      // (A gap within a cent of the tolerance itself depends on rounding to cents, and is left out.)
      if (Math.abs(gap - Number(g.tolerance)) > 0.01) {
        assert.equal(graded.grade.correct, gap < Number(g.tolerance), `seed ${g.seed}: gap ${gap}`);
      }
      if (gap > stated * 0.0015 + 0.01) {
        assert.match(graded.grade.note ?? '', basis === 'liquidation' ? /as Bybit does/ : /as Binance does/);
        named++;
      }
    }
    assert.ok(named > 50, `the other rule was named only ${named} times`);
  }
});

test('every generated question of every bank, with its own ranges, passes the same checks', () => {
  const dir = new URL('../../../content/quizzes/', import.meta.url);
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
    const bank = quizBankSchema.parse(parse(readFileSync(new URL(file, dir), 'utf8')));
    for (const q of bank.questions) {
      if (q.type !== 'generated') continue;
      const ranges = q.ranges as Record<string, RangeSpec>;
      checkDraw(generate(q.template, firstSeed(bank.lesson, q), ranges));
      for (let i = 0; i < 100; i++) checkDraw(generate(q.template, seedAt(i), ranges));
    }
  }
});
