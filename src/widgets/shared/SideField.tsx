/** Long or short, the choice almost every widget starts with. */
import { ChoiceField } from './ChoiceField.tsx';

const SIDES = [
  { value: 'long', label: 'Long' },
  { value: 'short', label: 'Short' },
] as const;

export function SideField({
  name,
  value,
  onChange,
  legend = 'Side',
}: {
  name: string;
  value: string;
  onChange: (side: 'long' | 'short') => void;
  legend?: string;
}) {
  return (
    <ChoiceField
      name={name}
      legend={legend}
      value={value === 'short' ? 'short' : 'long'}
      options={SIDES}
      onChange={onChange}
    />
  );
}
