/**
 * A practice run as a link: the window id and the reader's actions, in a compact text the page's first load can read
 * without the calculation code. Numbers travel as the plain decimal strings the model wrote; decoding is strict and
 * all-or-nothing (a damaged link opens a fresh run with a note, never half a run).
 *
 * Format of `a`: actions joined by `~`, fields by `_`:
 * `12_o_l_i_1000_10_41000_m_35000_l` (open at step 12: long, isolated, margin, leverage, stop price and trigger
 * (l = last, m = mark), take-profit price and trigger; empty price = none), `20_c` (close), `15_a_500` / `15_r_200`
 * (add or remove margin), `15_s_<stop>_<trigger>_<tp>_<trigger>` (replace the stop and take-profit). With a long and a
 * short open, close, margin and order actions end in `_l` or `_s` for the position they act on (`20_c_s`).
 */

export type Trigger = 'last' | 'mark';
export type Side = 'long' | 'short';

/** A position's exit orders as the page keeps them: canonical decimal prices, '' for "none". */
export interface RawExitOrders {
  stop: string;
  stopTrigger: Trigger;
  tp: string;
  tpTrigger: Trigger;
}

/** An action as the page keeps it: canonical decimal strings, '' for "none". */
export type RawAction =
  | ({
      step: number;
      type: 'open';
      side: 'long' | 'short';
      mode: 'isolated' | 'cross';
      margin: string;
      leverage: string;
    } & RawExitOrders)
  /** `side` names the position when a long and a short are open; without it, the only open position. */
  | { step: number; type: 'close'; side?: Side }
  | { step: number; type: 'addMargin' | 'removeMargin'; amount: string; side?: Side }
  | ({ step: number; type: 'setOrders'; side?: Side } & RawExitOrders);

export const MAX_SHARED_ACTIONS = 500;
const MAX_TEXT = 20_000;
const NUMBER = /^\d{1,12}(?:\.\d{1,12})?$/;
const STEP = /^\d{1,4}$/;

const trig = (t: Trigger) => (t === 'mark' ? 'm' : 'l');
/** A trailing `_l` / `_s` names the position an action is for (links from before two positions have none). */
const sideCode = (side: Side | undefined) => (side ? `_${side[0]}` : '');
const readSide = (code: string | undefined): Side | null => (code === 'l' ? 'long' : code === 's' ? 'short' : null);

/** The `a` parameter for a list of actions. */
export function encodeActions(actions: readonly RawAction[]): string {
  return actions
    .map((a) => {
      switch (a.type) {
        case 'open':
          return [
            a.step,
            'o',
            a.side[0],
            a.mode[0],
            a.margin,
            a.leverage,
            a.stop,
            trig(a.stopTrigger),
            a.tp,
            trig(a.tpTrigger),
          ].join('_');
        case 'close':
          return `${a.step}_c${sideCode(a.side)}`;
        case 'addMargin':
        case 'removeMargin':
          return `${a.step}_${a.type === 'addMargin' ? 'a' : 'r'}_${a.amount}${sideCode(a.side)}`;
        case 'setOrders':
          return [a.step, 's', a.stop, trig(a.stopTrigger), a.tp, trig(a.tpTrigger)].join('_') + sideCode(a.side);
      }
    })
    .join('~');
}

const readTrigger = (t: string | undefined): Trigger | null => (t === 'l' ? 'last' : t === 'm' ? 'mark' : null);
const num = (x: string | undefined) => x !== undefined && NUMBER.test(x);
const optNum = (x: string | undefined) => x === '' || num(x);

/** Reads the `a` parameter; null when anything in it is not an action this format writes. Steps must not decrease. */
export function decodeActions(text: string): RawAction[] | null {
  if (text === '') return [];
  if (text.length > MAX_TEXT) return null;
  const parts = text.split('~');
  if (parts.length > MAX_SHARED_ACTIONS) return null;
  const out: RawAction[] = [];
  let previous = 0;
  for (const part of parts) {
    const f = part.split('_');
    if (!STEP.test(f[0] ?? '')) return null;
    const step = Number(f[0]);
    if (step < previous) return null;
    previous = step;
    const code = f[1];
    if (code === 'o' && f.length === 10) {
      const side = f[2] === 'l' ? 'long' : f[2] === 's' ? 'short' : null;
      const mode = f[3] === 'i' ? 'isolated' : f[3] === 'c' ? 'cross' : null;
      const st = readTrigger(f[7]);
      const tt = readTrigger(f[9]);
      if (!side || !mode || !st || !tt || !num(f[4]) || !num(f[5]) || !optNum(f[6]) || !optNum(f[8])) return null;
      out.push({
        step,
        type: 'open',
        side,
        mode,
        margin: f[4],
        leverage: f[5],
        stop: f[6],
        stopTrigger: st,
        tp: f[8],
        tpTrigger: tt,
      });
    } else if (code === 'c' && (f.length === 2 || f.length === 3)) {
      const side = readSide(f[2]);
      if (f.length === 3 && !side) return null;
      out.push(side ? { step, type: 'close', side } : { step, type: 'close' });
    } else if ((code === 'a' || code === 'r') && (f.length === 3 || f.length === 4) && num(f[2])) {
      const side = readSide(f[3]);
      if (f.length === 4 && !side) return null;
      const type = code === 'a' ? 'addMargin' : 'removeMargin';
      out.push(side ? { step, type, amount: f[2], side } : { step, type, amount: f[2] });
    } else if (code === 's' && (f.length === 6 || f.length === 7)) {
      const st = readTrigger(f[3]);
      const tt = readTrigger(f[5]);
      const side = readSide(f[6]);
      if (!st || !tt || !optNum(f[2]) || !optNum(f[4]) || (f.length === 7 && !side)) return null;
      const orders = { step, type: 'setOrders' as const, stop: f[2], stopTrigger: st, tp: f[4], tpTrigger: tt };
      out.push(side ? { ...orders, side } : orders);
    } else {
      return null;
    }
  }
  return out;
}
