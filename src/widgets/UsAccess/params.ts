/** The leverage navigator's answers (where you live, then for the US who trades and how much), as they appear in its URL (nothing else keeps them). */
import { enumParam, patternParam, type ParamsSpec } from '../shared/params.ts';

/** An amount in US dollars as people write it: digits, optional "$", thousands commas and cents. */
export const amountParam = patternParam(/^\$?\s*(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/);

/** Where the reader lives: the US, one of the eight other jurisdictions the course covers, or somewhere else. */
export const WHERE_VALUES = ['', 'us', 'eu', 'uk', 'jp', 'au', 'sg', 'ca', 'hk', 'kr', 'other'] as const;

const shape = {
  where: enumParam(WHERE_VALUES),
  /** The first version's question ("in the US?"): kept so old links still open the US path (yes) or "elsewhere" (no). */
  us: enumParam(['', 'yes', 'no'] as const),
  kind: enumParam(['', 'individual', 'entity'] as const),
  amount: amountParam,
  hedging: enumParam(['', 'yes', 'no'] as const),
};

/** Empty means "not answered yet". */
export const usAccessParams: ParamsSpec<typeof shape> = {
  shape,
  defaults: { where: '', us: '', kind: '', amount: '', hedging: '' },
  labels: {
    where: 'answer about where you live',
    us: 'answer about being in the US',
    kind: 'answer about who is trading',
    amount: 'amount',
    hedging: 'answer about hedging',
  },
};

export type UsAccessValues = (typeof usAccessParams)['defaults'];
