/** One result in a widget's list of figures: a label and a value, coloured when it is a gain or a loss. */
export interface FigureProps {
  label: string;
  value: string;
  testId: string;
  /** 'good' for gains, 'bad' for losses or warnings; omitted for neutral figures. */
  tone?: 'good' | 'bad' | undefined;
}

export function Figure({ label, value, testId, tone }: FigureProps) {
  return (
    <div class={tone ? `ll-${tone}` : ''}>
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </div>
  );
}

/** The tone of a signed amount: positive is good, negative bad, zero neutral. */
export function toneOf(amount: { isNeg(): boolean; isZero(): boolean }): FigureProps['tone'] {
  return amount.isZero() ? undefined : amount.isNeg() ? 'bad' : 'good';
}
