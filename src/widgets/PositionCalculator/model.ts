/**
 * Position and PnL: margin and leverage give the position; entry and exit give PnL, ROE and the
 * return on the whole account, net of fees; and the same position at other leverages shows that
 * leverage changes the margin and the ROE, never the PnL per dollar of price move.
 */
import {
  CalcInputError,
  DEFAULT_MAX_LEVERAGE,
  bankruptcyPrice,
  breakEvenPrice,
  initialMargin,
  liquidationPrice,
  netPnl,
  percentMove,
  pnlCurve,
  positionFromMargin,
  roe,
  shareOf,
} from '../../calc/index.ts';
import type { Decimal as DecimalT } from '../../calc/index.ts';
import { readNumber, readPercent } from '../../input/number.ts';
import { collectErrors } from '../../input/outcome.ts';
import type { ModelOutcome } from '../shared/useWidget.ts';
import type { PositionValues } from './params.ts';

export interface LeverageRow {
  leverage: number;
  margin: DecimalT;
  pnl: DecimalT;
  roe: DecimalT;
}

export interface CurvePoint {
  price: DecimalT;
  pnl: DecimalT;
}

export interface PositionResult {
  side: 'long' | 'short';
  contract: 'linear' | 'inverse';
  /** Quote currency for linear (USDT), the coin for inverse (BTC). */
  moneyUnit: string;
  /** Base units (BTC) for linear, USD face value for inverse. */
  quantityUnit: string;
  margin: DecimalT;
  leverage: DecimalT;
  entry: DecimalT;
  exit: DecimalT;
  /** Price move from entry to exit, as a signed fraction (0.05 = a 5 % rise). */
  move: DecimalT;
  notional: DecimalT;
  quantity: DecimalT;
  pnl: DecimalT;
  fees: DecimalT;
  netPnl: DecimalT;
  roe: DecimalT;
  netRoe: DecimalT;
  accountReturn: DecimalT;
  breakEven: DecimalT;
  liquidation: DecimalT | null;
  bankruptcy: DecimalT | null;
  /** The same quantity at other leverages: PnL stays, margin and ROE change. */
  sameSize: LeverageRow[];
  /** PnL at prices across the interesting range, for the chart. */
  curve: CurvePoint[];
}

const FIELD: Record<string, keyof PositionValues> = {
  margin: 'margin',
  leverage: 'leverage',
  entryPrice: 'entry',
  price: 'entry',
  exitPrice: 'exit',
  feeRate: 'fee',
  openFeeRate: 'fee',
  closeFeeRate: 'fee',
  maintenanceMarginRate: 'mmr',
  balance: 'account',
  account: 'account',
};
const fieldFor = (f: string): string => FIELD[f] ?? f;

const COMPARE_LEVERAGES = [1, 2, 5, 10, 20, 50];

const positiveNumber = (raw: string, field: string, label: string): DecimalT =>
  readNumber(raw, field, { label, min: 0, minOpen: true });

export function computePosition(v: PositionValues): ModelOutcome<PositionResult> {
  return collectErrors(() => {
    const side = v.side === 'short' ? 'short' : 'long';
    const contract = v.contract === 'inverse' ? 'inverse' : 'linear';
    const margin = positiveNumber(v.margin, 'margin', 'margin');
    const leverage = readNumber(v.leverage, 'leverage', { label: 'leverage', min: 1, max: DEFAULT_MAX_LEVERAGE });
    const entry = positiveNumber(v.entry, 'entry', 'entry price');
    const exit = positiveNumber(v.exit, 'exit', 'exit price');
    const feeRate = readPercent(v.fee, 'fee', { label: 'trading fee', min: 0, max: 1 });
    const mmr = readPercent(v.mmr, 'mmr', { label: 'maintenance margin rate', min: 0, max: 50 });
    const account = positiveNumber(v.account, 'account', 'whole account');
    const { notional, quantity } = positionFromMargin({ contract, margin, leverage, price: entry });
    const trade = { side, contract, quantity, entryPrice: entry } as const;
    const result = netPnl({ ...trade, exitPrice: exit, openFeeRate: feeRate, closeFeeRate: feeRate });
    if (account.lt(margin)) {
      throw new CalcInputError(
        'account',
        'inconsistent',
        'The whole account must be at least as large as the margin you put up.',
      );
    }
    const isolated = { ...trade, marginMode: 'isolated', leverage, maintenanceMarginRate: mmr } as const;
    const liq = liquidationPrice(isolated);
    const sameSize = COMPARE_LEVERAGES.map((rowLeverage) => ({
      leverage: rowLeverage,
      margin: initialMargin({ contract, quantity, price: entry, leverage: rowLeverage }),
      pnl: result.pnl,
      roe: roe({ ...trade, exitPrice: exit, leverage: rowLeverage }),
    }));
    return {
      side,
      contract,
      moneyUnit: contract === 'linear' ? 'USDT' : 'BTC',
      quantityUnit: contract === 'linear' ? 'BTC' : 'USD',
      margin,
      leverage,
      entry,
      exit,
      move: percentMove({ from: entry, to: exit }),
      notional,
      quantity,
      pnl: result.pnl,
      fees: result.fees,
      netPnl: result.net,
      roe: shareOf({ part: result.pnl, whole: margin }),
      netRoe: shareOf({ part: result.net, whole: margin }),
      accountReturn: shareOf({ part: result.net, whole: account }),
      breakEven: breakEvenPrice({ side, entryPrice: entry, openFeeRate: feeRate, closeFeeRate: feeRate }),
      liquidation: liq.price,
      bankruptcy: bankruptcyPrice(isolated),
      sameSize,
      curve: pnlCurve({ ...trade, exitPrice: exit, leverage }),
    };
  }, fieldFor);
}
