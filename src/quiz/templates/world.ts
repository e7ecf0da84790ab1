/**
 * Question templates for lesson 11 (leverage rules outside the US): the largest position a legal leverage cap allows,
 * and where a retail CFD's margin close-out falls. The caps and the close-out level are read from the fact collection
 * (content/facts/); every figure comes from src/calc (positionFromMargin, liquidationPrice). Registered in
 * src/quiz/generators.ts.
 */
import { Decimal, liquidationPrice, positionFromMargin } from '../../calc/index.ts';
import { formatMoney } from '../../format/numbers.ts';
import { fact } from '../../facts/data.ts';
import { JURISDICTION_NAMES } from '../../facts/jurisdictions.ts';
import { leverageText } from '../../facts/format.ts';
import type { Jurisdiction } from '../../facts/schema.ts';
import { D, fixed, type Pick, type Template } from './kit.ts';
import { asOfNote } from '../factText.ts';

const usd = (v: Decimal | string) => formatMoney(D(v), { unit: 'USD', digits: 0 });

/** Each drawable place: the fact that sets its cap, the product in words, and how the cap is written there. */
const CAPPED: Record<string, { id: string; product: string; style: 'ratio' | 'multiple' }> = {
  eu: { id: 'eu-cfd', product: 'a crypto CFD', style: 'ratio' },
  au: { id: 'au-cfd', product: 'a crypto CFD', style: 'ratio' },
  jp: { id: 'jp-derivatives', product: 'crypto margin trading', style: 'multiple' },
  ca: { id: 'ca-futures', product: 'crypto futures through a dealer', style: 'multiple' },
};
const placeOf = (pick: Pick) => {
  const where = pick('where');
  const place = CAPPED[where];
  if (!place) throw new Error(`no capped product for "${where}"`);
  const f = fact(place.id);
  if (f.maxLeverage === null) throw new Error(`fact ${f.id} has no cap`);
  return { ...place, fact: f, name: JURISDICTION_NAMES[where as Jurisdiction], cap: f.maxLeverage };
};
const the = (name: string) => (/^(EU|United)/.test(name) ? `the ${name.replace(' / EEA', '')}` : name);

export const worldTemplates = {
  'capped-position': {
    title: 'The largest position a legal leverage cap allows for a given margin',
    ranges: { where: ['eu', 'au', 'jp', 'ca'], margin: { min: 500, max: 20000, step: 500 } },
    make(pick) {
      const p = placeOf(pick);
      const margin = pick('margin');
      const capText = leverageText(p.fact, p.style);
      const { notional } = positionFromMargin({ margin, leverage: p.cap, price: 50000 });
      const offshore = positionFromMargin({ margin, leverage: 10, price: 50000 }).notional;
      return {
        prompt:
          `You live in ${the(p.name)}, where a retail client may use at most ${capText}${asOfNote(p.fact)} on ${p.product}. ` +
          `You put up ${usd(margin)} of margin. What is the largest bitcoin position you may open, in USD?`,
        answer: fixed(notional, 2),
        display: usd(notional),
        tolerance: '1',
        unit: 'USD',
        hints: [
          'The cap is the most the position may be worth, as a multiple of your margin.',
          'Position = margin × leverage.',
        ],
        solution: [
          `A cap of ${capText} means the position may be worth at most ${p.cap} times the margin.`,
          `${usd(margin)} × ${p.cap} = ${usd(notional)}.`,
        ],
        traps: [
          {
            answer: fixed(offshore, 2),
            tolerance: '1',
            explanation: 'That is 10x, an offshore figure. The legal cap for retail here is far lower.',
          },
          {
            answer: fixed(D(margin), 2),
            tolerance: '1',
            explanation: 'That is no leverage at all. The cap lets you hold a position worth more than your margin.',
          },
        ],
      };
    },
  },
  'cfd-close-out': {
    title: 'Where a retail CFD at the legal cap is closed out (margin close-out at half the required margin)',
    ranges: { where: ['eu', 'au'], side: ['long', 'short'], entry: { min: 20000, max: 100000, step: 500 } },
    make(pick) {
      const p = placeOf(pick);
      const side = pick('side');
      if (side !== 'long' && side !== 'short') throw new Error(`side must be long or short, not "${side}"`);
      const entry = pick('entry');
      const closeOut = p.fact.marginCloseOut;
      if (!closeOut) throw new Error(`fact ${p.fact.id} has no close-out level`);
      // The close-out as a maintenance rate on the entry value: closeOut % of the initial margin, which is 1/cap.
      const rate = D(closeOut).div(100).div(p.cap);
      const input = {
        side,
        quantity: 1,
        entryPrice: entry,
        marginMode: 'isolated',
        leverage: p.cap,
        maintenanceMarginRate: rate,
        maintenanceBasis: 'entry',
      } as const;
      const r = liquidationPrice(input);
      const mirror = liquidationPrice({ ...input, side: side === 'long' ? 'short' : 'long' });
      if (!r.price || !r.bankruptcyPrice || !mirror.price) throw new Error('no close-out price');
      const capText = leverageText(p.fact, p.style);
      const move = side === 'long' ? 'fall' : 'rise';
      return {
        prompt:
          `In ${the(p.name)} you open a retail crypto CFD at the ${capText} cap: a ${side} on bitcoin at ${usd(entry)}. ` +
          `The firm must close it when the margin left falls to ${closeOut}%${asOfNote(p.fact)} of the required margin. ` +
          `Ignoring fees, at what bitcoin price is it closed, in USD?`,
        answer: fixed(r.price, 2),
        display: usd(r.price),
        tolerance: fixed(r.price.times('0.001'), 2),
        unit: 'USD',
        hints: [
          `At ${capText} the margin is half the position's value.`,
          `Half of that margin is a quarter of the position's value: the price can ${move} by a quarter before the close-out.`,
        ],
        solution: [
          `Margin: half of ${usd(entry)} per bitcoin. The close-out comes when the loss has used up ${100 - Number(closeOut)}% of it, a quarter of the entry price.`,
          `So the ${side} is closed at ${usd(r.price)}.`,
        ],
        traps: [
          {
            answer: fixed(r.bankruptcyPrice, 2),
            tolerance: fixed(r.price.times('0.001'), 2),
            explanation:
              'That is where the whole margin is gone. The close-out rule acts earlier, with half the margin left.',
          },
          {
            answer: fixed(mirror.price, 2),
            tolerance: fixed(r.price.times('0.001'), 2),
            explanation: `Wrong side: a ${side} loses when the price ${move}s.`,
          },
        ],
      };
    },
  },
} satisfies Record<string, Template>;
