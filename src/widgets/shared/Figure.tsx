/** One result in a widget's list of figures: a label and a value, coloured when it is a gain or a loss. */
export interface FigureProps {
  label: string;
  value: string;
  testId: string;
  /** 'good' for gains, 'bad' for losses or warnings; omitted for neutral figures. */
  tone?: 'good' | 'bad' | undefined;
  /** The widget's key result: the embed layout keeps it in the first screen (e2e/embed-fit.spec.ts looks for it). */
  keyResult?: boolean;
}

export function Figure({ label, value, testId, tone, keyResult }: FigureProps) {
  return (
    <div class={tone ? `ll-${tone}` : ''} data-key-result={keyResult ? '' : undefined}>
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </div>
  );
}

/** The tone of a signed amount: positive is good, negative bad, zero neutral. */
export function toneOf(amount: { isNeg(): boolean; isZero(): boolean }): FigureProps['tone'] {
  return amount.isZero() ? undefined : amount.isNeg() ? 'bad' : 'good';
}
