/**
 * The one describer of each widget, by registry id: cards and oEmbed blockquotes get their words only from here.
 * src/embed/__tests__/describers.test.ts checks that every widget in the registry has one, and two named presets.
 */
import type { Describer } from './types.ts';
import { describePosition } from './position.ts';
import { describeRiskSizer } from './risk-sizer.ts';
import { describeCarryCost } from './carry-cost.ts';
import { describeLiquidation } from './liquidation.ts';
import { describeUsAccess } from './us-access.ts';
import { describeMarginModes } from './margin-modes.ts';
import { describeReplay } from './replay.ts';
import { describeLiquidationOdds } from './liquidation-odds.ts';
import { describeOrderFills } from './order-fills.ts';
import { describeTokenDecay } from './token-decay.ts';

export type { Describer, Description } from './types.ts';

export const describers: Readonly<Record<string, Describer>> = {
  position: describePosition,
  'risk-sizer': describeRiskSizer,
  'carry-cost': describeCarryCost,
  liquidation: describeLiquidation,
  'us-access': describeUsAccess,
  'margin-modes': describeMarginModes,
  replay: describeReplay,
  'liquidation-odds': describeLiquidationOdds,
  'order-fills': describeOrderFills,
  'token-decay': describeTokenDecay,
};
