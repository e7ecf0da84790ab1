/**
 * The practice arena's link format, model and mission data, on the shipped windows. Expected values are worked by
 * hand from the rows named in each test (content/market-data/crash-windows/).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { decodeActions, encodeActions, type RawAction } from '../share.ts';
import {
  quarterBars,
  readMarginChange,
  readOrders,
  readTicket,
  showArena,
  showDebrief,
  showMissions,
  stepAt,
  type TicketInput,
} from '../model.ts';
import { parseArenaCsv, parseQuarterCsv } from '../data.ts';
import { ARENA_WINDOWS } from '../missions.ts';

const DIR = new URL('../../../../content/market-data/crash-windows/', import.meta.url);
const menu = JSON.parse(
  readFileSync(new URL('../../../../content/scenarios/windows.json', import.meta.url), 'utf8'),
) as {
  windows: { id: string; file: string }[];
};
const bars = (id: string) =>
  parseArenaCsv(readFileSync(new URL(menu.windows.find((w) => w.id === id)?.file ?? '', DIR), 'utf8'));
const TICKET: TicketInput = {
  side: 'short',
  mode: 'isolated',
  margin: '1000',
  leverage: '4',
  stop: '',
  stopTrigger: 'last',
  tp: '',
  tpTrigger: 'last',
};

test('every window has a start inside its file, and every mission’s hours are candles of that window', () => {
  assert.deepEqual(Object.keys(ARENA_WINDOWS).sort(), menu.windows.map((w) => w.id).sort());
  for (const w of menu.windows) {
    const b = bars(w.id);
    const spec = ARENA_WINDOWS[w.id];
    const start = stepAt(b, spec.start);
    assert.ok(start > 0 && start < b.length - 24, `${w.id} starts at ${start}`);
    assert.ok(spec.missions.length >= 1 && spec.missions.length <= 2);
    for (const m of spec.missions) {
      assert.match(m.id, /^[a-z0-9-]{1,80}$/);
      if (m.hold) {
        const from = stepAt(b, m.hold.from);
        const to = stepAt(b, m.hold.to);
        assert.ok(from > start && to >= from, `${m.id}: ${from}–${to} after ${start}`);
      }
    }
  }
});

test('the 15-minute file reads as 384 quarter-hour candles', () => {
  const q = parseQuarterCsv(readFileSync(new URL('w5_2025-10-10_perp_15m.csv', DIR), 'utf8'));
  assert.equal(q.length, 384);
  assert.equal(q[0]?.label, '2025-10-09 00:00 UTC');
});

test('a link round-trips every kind of action, and anything else is refused whole', () => {
  const actions: RawAction[] = [
    {
      step: 15,
      type: 'open',
      side: 'short',
      mode: 'cross',
      margin: '1000',
      leverage: '4',
      stop: '41000.5',
      stopTrigger: 'mark',
      tp: '',
      tpTrigger: 'last',
    },
    { step: 20, type: 'setOrders', stop: '', stopTrigger: 'last', tp: '30000', tpTrigger: 'mark' },
    { step: 21, type: 'addMargin', amount: '250' },
    { step: 21, type: 'removeMargin', amount: '0.5' },
    { step: 30, type: 'close' },
    // With a long and a short open, actions name their position.
    { step: 31, type: 'close', side: 'short' },
    { step: 32, type: 'addMargin', amount: '10', side: 'long' },
    { step: 33, type: 'setOrders', stop: '100', stopTrigger: 'mark', tp: '', tpTrigger: 'last', side: 'long' },
  ];
  assert.equal(encodeActions(actions.slice(5)), '31_c_s~32_a_10_l~33_s_100_m__l_l');
  assert.deepEqual(decodeActions(encodeActions(actions)), actions);
  for (const bad of [
    '12_o_x',
    '12_c~11_c',
    'abc',
    '12_a_-5',
    '12_a_1e999',
    '12_z',
    '12_o_l_i_1000_10__q__l',
    '12_c_x',
    '12_a_5_q',
    '12_s_1_l_2_l_z',
    `1_c${'~1_c'.repeat(600)}`,
  ]) {
    assert.equal(decodeActions(bad), null, bad);
  }
  fc.assert(
    fc.property(fc.string({ maxLength: 60 }), (text) => {
      const out = decodeActions(text);
      // Whatever it reads must encode back to the same text.
      if (out !== null && text !== '') assert.equal(encodeActions(out), text);
    }),
  );
});

test('the ticket reads its numbers and names every bad field at once', () => {
  const ok = readTicket(TICKET, 15);
  assert.ok(ok.ok);
  assert.deepEqual(ok.value, {
    step: 15,
    type: 'open',
    side: 'short',
    mode: 'isolated',
    margin: '1000',
    leverage: '4',
    stop: '',
    stopTrigger: 'last',
    tp: '',
    tpTrigger: 'last',
  });
  // Each exit order keeps its own price and trigger (typed with spaces and a trailing zero, kept canonical).
  const withOrders = readTicket({ ...TICKET, stop: ' 36000.50 ', stopTrigger: 'mark', tp: '30000' }, 15);
  assert.ok(withOrders.ok);
  assert.deepEqual(
    [
      withOrders.value.type === 'open' && withOrders.value.stop,
      withOrders.value.type === 'open' && withOrders.value.tp,
    ],
    ['36000.5', '30000'],
  );
  assert.deepEqual(readOrders({ stop: '', stopTrigger: 'last', tp: '31000', tpTrigger: 'mark' }, 20, 'short'), {
    ok: true,
    value: {
      step: 20,
      type: 'setOrders',
      stop: '',
      stopTrigger: 'last',
      tp: '31000',
      tpTrigger: 'mark',
      side: 'short',
    },
  });
  const bad = readTicket({ ...TICKET, margin: 'abc', leverage: '0', stop: '-5', tp: '1e999' }, 15);
  assert.ok(!bad.ok);
  assert.deepEqual(Object.keys(bad.errors).sort(), ['leverage', 'margin', 'stop', 'tp']);
  for (const message of Object.values(bad.errors)) assert.match(message, /^[A-Z].*\.$/);
  assert.equal(readMarginChange('addMargin', '', 16).ok, false);
});

test('July 2021: a 4x short from 15:00 survives the 01:00 squeeze on the mark price and passes its mission', () => {
  const b = bars('btc-2021-07');
  const start = stepAt(b, ARENA_WINDOWS['btc-2021-07'].start);
  const open = readTicket(TICKET, start + 1);
  assert.ok(open.ok);
  const actions = [open.value];
  // By hand: fill 34,092.27 × 0.9995 = 34,075.223865; liquidation 1.25 × 34,075.223865 / 1.004 = 42,424.33.
  const atOpen = showArena(b, start, actions, start + 1);
  assert.equal(atOpen.positions[0]?.liquidation, '42,424.33');
  const end = showArena(b, start, actions, b.length - 1);
  assert.equal(end.finished, true);
  assert.equal(end.liquidated, false);
  const squeeze = end.log.find((l) => l.kind === 'nearMiss');
  assert.equal(squeeze?.time, '2021-07-26 01:00 UTC');
  assert.match(squeeze?.text ?? '', /last price reached 48,168\.60.*mark price only reached 39,744\.81/);
  const [mission] = showMissions(b, start, actions, ARENA_WINDOWS['btc-2021-07'].missions);
  assert.equal(mission?.passed, true);
  const debrief = showDebrief(b, start, actions);
  assert.ok(debrief);
  assert.equal(debrief.rows.length, 7);
  assert.ok(debrief.rows.every((r) => r.lesson.href.startsWith('/lessons/')));
});

test('Black Thursday: a 10x long opened at 01:00 on 12 March is liquidated at 10:00, on the mark price', () => {
  const b = bars('btc-2020-03');
  const start = stepAt(b, ARENA_WINDOWS['btc-2020-03'].start);
  const open = readTicket({ ...TICKET, side: 'long', leverage: '10' }, start + 1);
  assert.ok(open.ok);
  // By hand: fill 7,919.57 × 1.0005 = 7,923.529785; q = 10,000 / 7,923.529785; liquidation (tier 0.4 %)
  // 1,000 + q (P − E) = 0.004 q P → P = 0.9 E / 0.996 = 7,159.82. Funding at 08:00 (0.01 % × q × 7,386.61 = 0.93)
  // takes the margin to 999.07, so P = (q E − 999.07) / (0.996 q) = 7,160.56. The mark low at 10:00 is 5,620.86.
  const end = showArena(b, start, [open.value], b.length - 1);
  const liq = end.log.find((l) => l.kind === 'liquidation');
  assert.equal(liq?.time, '2020-03-12 10:00 UTC');
  assert.match(
    liq?.text ?? '',
    /^Mark price 7,160\.56: your 10x long was liquidated; you lost 999\.07 USDT\. The last price touched 3,621\.81 16 hours later/,
  );
});

test('10 October 2025 at 15-minute steps: a 10x long from 20:00 is liquidated at 21:15, not just "in the 21:00 hour"', () => {
  const hourly = bars('btc-2025-10');
  const q = quarterBars(hourly, parseQuarterCsv(readFileSync(new URL('w5_2025-10-10_perp_15m.csv', DIR), 'utf8')));
  assert.equal(q.length, 384);
  assert.equal(q[0]?.spotClose, null);
  const start = stepAt(q, ARENA_WINDOWS['btc-2025-10'].start);
  const open = readTicket({ ...TICKET, side: 'long', leverage: '10' }, stepAt(q, '2025-10-10T20:00Z'));
  assert.ok(open.ok);
  // By hand: fill 116,605.2 × 1.0005 = 116,663.5026; q = 10,000 / fill; Binance tier 1 (0.4 %) at 10,000 notional:
  // P = 0.9 × 116,663.5026 / 0.996 = 105,418.83. The 21:00 hour's mark low is 101,877.69; its quarters' last lows are
  // 109,069.0 (21:00), 101,516.5 (21:15, the hour's low), 108,668.3, 111,233.6. So the hour's mark low goes to the 21:15
  // quarter, and the 21:00 quarter's mark low is its last low 109,069.0 (inside the hour's mark range): above 105,418.83.
  const end = showArena(q, start, [open.value], q.length - 1);
  assert.equal(end.stepLabel, '15 minutes');
  assert.equal(end.spotPrice, null);
  const liq = end.log.find((l) => l.kind === 'liquidation');
  assert.equal(liq?.time, '2025-10-10 21:15 UTC');
  assert.match(
    liq?.text ?? '',
    /^Mark price 105,418\.83: your 10x long was liquidated; you lost 1,000\.00 USDT\. The last price touched 101,516\.50 within the same 15 minutes/,
  );
  // Hourly, the same trade is liquidated in the 21:00 hour.
  const hourlyEnd = showArena(
    hourly,
    stepAt(hourly, ARENA_WINDOWS['btc-2025-10'].start),
    [{ ...open.value, step: stepAt(hourly, '2025-10-10T20:00Z') }],
    hourly.length - 1,
  );
  assert.equal(hourlyEnd.log.find((l) => l.kind === 'liquidation')?.time, '2025-10-10 21:00 UTC');
  // The missions' hours are whole hours at 15-minute steps too: holding through 20:00–22:00 means to 22:45.
  const [hold] = showMissions(q, start, [open.value], ARENA_WINDOWS['btc-2025-10'].missions);
  assert.equal(hold?.passed, false);
});

test('a long and a short in cross share one liquidation, shown on both, and actions on one name it', () => {
  const b = bars('btc-2021-07');
  const start = stepAt(b, ARENA_WINDOWS['btc-2021-07'].start);
  const long = readTicket({ ...TICKET, side: 'long', mode: 'cross', margin: '2000', leverage: '10' }, start + 1);
  const short = readTicket({ ...TICKET, side: 'short', mode: 'cross', margin: '1000', leverage: '10' }, start + 1);
  assert.ok(long.ok && short.ok);
  const shown = showArena(b, start, [long.value, short.value], start + 1);
  assert.equal(shown.positions.length, 2);
  assert.equal(shown.sharedLiquidation, true);
  assert.equal(shown.positions[0]?.liquidation, shown.positions[1]?.liquidation);
  const change = readOrders({ stop: '30000', stopTrigger: 'mark', tp: '', tpTrigger: 'last' }, start + 2, 'long');
  assert.ok(change.ok);
  assert.equal(change.value.type === 'setOrders' && change.value.side, 'long');
  const margin = readMarginChange('addMargin', '5', start + 2, 'short');
  assert.ok(margin.ok);
  assert.deepEqual(margin.value, { step: start + 2, type: 'addMargin', amount: '5', side: 'short' });
});
