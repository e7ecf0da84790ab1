/** The US access navigator's answers, as they appear in its URL (nothing else keeps them). */
import { enumParam, patternParam, type ParamsSpec } from '../shared/params.ts';

/** An amount in US dollars as people write it: digits, optional "$", thousands commas and cents. */
export const amountParam = patternParam(/^\$?\s*(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/);

const shape = {
  us: enumParam(['', 'yes', 'no'] as const),
  kind: enumParam(['', 'individual', 'entity'] as const),
  amount: amountParam,
  hedging: enumParam(['', 'yes', 'no'] as const),
};

/** Empty means "not answered yet". */
export const usAccessParams: ParamsSpec<typeof shape> = {
  shape,
  defaults: { us: '', kind: '', amount: '', hedging: '' },
  labels: {
    us: 'answer about being in the US',
    kind: 'answer about who is trading',
    amount: 'amount',
    hedging: 'answer about hedging',
  },
};

export type UsAccessValues = (typeof usAccessParams)['defaults'];
