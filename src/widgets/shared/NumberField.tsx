/** A labelled number input that accepts anything typed and shows the model's message under it. */
import type { JSX } from 'preact';

export interface NumberFieldProps {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  /** Shown after the field: USDT, BTC, %, x, days… */
  unit?: string;
  error?: string | undefined;
  hint?: string;
  /** Adds a slider for quick exploration; the text field stays the exact input. */
  slider?: { min: number; max: number; step: number };
}

export function NumberField({ id, label, value, onInput, unit, error, hint, slider }: NumberFieldProps) {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const sliderValue = Number(value);
  const onText = (e: JSX.TargetedEvent<HTMLInputElement>) => onInput(e.currentTarget.value);
  return (
    <div class={`ll-field${error ? ' ll-field-invalid' : ''}`}>
      <label for={id}>{label}</label>
      <div class="ll-input-row">
        <input
          id={id}
          name={id}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          spellcheck={false}
          value={value}
          onInput={onText}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={describedBy}
        />
        {unit && (
          <span class="ll-unit" aria-hidden="true">
            {unit}
          </span>
        )}
      </div>
      {slider && (
        <input
          class="ll-slider"
          type="range"
          aria-label={`${label} slider`}
          min={slider.min}
          max={slider.max}
          step={slider.step}
          value={Number.isFinite(sliderValue) ? sliderValue : slider.min}
          onInput={onText}
        />
      )}
      {hint && (
        <p class="ll-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="ll-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
