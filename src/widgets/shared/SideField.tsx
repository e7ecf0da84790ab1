/** Long or short, and USDT- or coin-margined: the choices almost every widget starts with. */
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

const CONTRACTS = [
  { value: 'linear', label: 'USDT-margined' },
  { value: 'inverse', label: 'Coin-margined' },
] as const;

export function ContractField({
  name,
  value,
  onChange,
}: {
  name: string;
  value: string;
  onChange: (contract: 'linear' | 'inverse') => void;
}) {
  return (
    <ChoiceField
      name={name}
      legend="Contract"
      value={value === 'inverse' ? 'inverse' : 'linear'}
      options={CONTRACTS}
      onChange={onChange}
    />
  );
}
