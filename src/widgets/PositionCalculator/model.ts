/**
 * Position and PnL: margin and leverage give the position; entry and exit give PnL, ROE and the
 * return on the whole account, net of fees; and the same position at other leverages shows that
 * leverage changes the margin and the ROE, never the PnL per dollar of price move.
 */
import {
  Decimal,
  bankruptcyPrice,
  breakEvenPrice,
  liquidationPrice,
  pnl,
  positionFromMargin,
  roe,
  tradingFee,
  CalcInputError,
  toDecimal,
} from '../../calc/index.ts';
import type { Decimal as DecimalT } from '../../calc/index.ts';
import { collectErrors } from '../../input/outcome.ts';
import { percentToFraction } from '../shared/percent.ts';
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

export function computePosition(v: PositionValues): ModelOutcome<PositionResult> {
  return collectErrors(() => {
    const side = v.side === 'short' ? 'short' : 'long';
    const contract = v.contract === 'inverse' ? 'inverse' : 'linear';
    const feeRate = percentToFraction(v.fee, 'fee', 'trading fee', 1);
    const mmr = percentToFraction(v.mmr, 'mmr', 'maintenance margin rate', 50);
    const { notional, quantity } = positionFromMargin({
      contract,
      margin: v.margin,
      leverage: v.leverage,
      price: v.entry,
    });
    const trade = { side, contract, quantity, entryPrice: v.entry } as const;
    const gross = pnl({ ...trade, exitPrice: v.exit });
    const fees = tradingFee({ contract, quantity, price: v.entry, feeRate }).plus(
      tradingFee({ contract, quantity, price: v.exit, feeRate }),
    );
    const margin = new Decimal(v.margin);
    const netPnl = gross.minus(fees);
    const account = toDecimal(v.account, 'account');
    if (account.lt(margin)) {
      throw new CalcInputError(
        'account',
        'inconsistent',
        'The whole account must be at least as large as the margin you put up.',
      );
    }
    const liq = liquidationPrice({
      ...trade,
      marginMode: 'isolated',
      leverage: v.leverage,
      maintenanceMarginRate: mmr,
    });
    const bankrupt = bankruptcyPrice({
      ...trade,
      marginMode: 'isolated',
      leverage: v.leverage,
      maintenanceMarginRate: mmr,
    });
    const entry = new Decimal(v.entry);
    const sameSize = COMPARE_LEVERAGES.map((leverage) => ({
      leverage,
      margin: notional.div(leverage),
      pnl: gross,
      roe: roe({ ...trade, exitPrice: v.exit, leverage }),
    }));
    return {
      side,
      contract,
      moneyUnit: contract === 'linear' ? 'USDT' : 'BTC',
      quantityUnit: contract === 'linear' ? 'BTC' : 'USD',
      margin,
      leverage: new Decimal(v.leverage),
      entry,
      exit: new Decimal(v.exit),
      notional,
      quantity,
      pnl: gross,
      fees,
      netPnl,
      roe: gross.div(margin),
      netRoe: netPnl.div(margin),
      accountReturn: netPnl.div(account),
      breakEven: breakEvenPrice({ side, entryPrice: entry, openFeeRate: feeRate, closeFeeRate: feeRate }),
      liquidation: liq.price,
      bankruptcy: bankrupt,
      sameSize,
      curve: pnlCurve(side, contract, quantity, entry, new Decimal(v.leverage), new Decimal(v.exit)),
    };
  }, fieldFor);
}

/** 41 prices from well past the bankruptcy price to as far on the winning side (and past the exit). */
function pnlCurve(
  side: 'long' | 'short',
  contract: 'linear' | 'inverse',
  quantity: DecimalT,
  entry: DecimalT,
  leverage: DecimalT,
  exit: DecimalT,
): CurvePoint[] {
  const span = Decimal.max(entry.div(leverage).times(1.6), exit.minus(entry).abs().times(1.2));
  const low = Decimal.max(entry.minus(span), entry.times(0.01));
  const high = entry.plus(span);
  const step = high.minus(low).div(40);
  const points: CurvePoint[] = [];
  for (let i = 0; i <= 40; i++) {
    const price = low.plus(step.times(i));
    points.push({ price, pnl: pnl({ side, contract, quantity, entryPrice: entry, exitPrice: price }) });
  }
  return points;
}
