/** A group of radio buttons in a fieldset with a legend (WCAG H71), for long/short and similar. */
export interface ChoiceFieldProps<T extends string> {
  name: string;
  legend: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
}

export function ChoiceField<T extends string>({ name, legend, value, options, onChange }: ChoiceFieldProps<T>) {
  return (
    <fieldset class="ll-choice">
      <legend>{legend}</legend>
      <div class="ll-choice-options">
        {options.map((o) => (
          <label key={o.value}>
            <input
              type="radio"
              name={name}
              value={o.value}
              checked={value === o.value}
              onChange={() => onChange(o.value)}
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
