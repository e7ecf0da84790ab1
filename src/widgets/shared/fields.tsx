/**
 * The form fields every widget uses: a labelled number input (with an optional slider), a drop-down, the shared
 * label/hint/error shell that wires them for screen readers, and helpers that tie a field to a widget parameter.
 */
import type { ComponentChildren, JSX } from 'preact';
import { MAX_INPUT_LENGTH } from '../../input/limits.ts';
import type { ParamShape } from './params.ts';
import type { WidgetState } from './useWidget.ts';

export interface FieldShellProps {
  id: string;
  label: string;
  hint?: ComponentChildren;
  error?: string | undefined;
  /** Extra classes for the wrapper (layout spans). */
  class?: string;
  /** The control; it should set `aria-describedby` from {@link describedBy}. */
  children: ComponentChildren;
}

/** The ids of the hint and error paragraphs that describe control `id`, or undefined with neither. */
export function describedBy(id: string, hint: unknown, error: string | undefined): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

/** The markup every labelled control shares: label, control, hint and error. */
export function FieldShell({ id, label, hint, error, class: extra, children }: FieldShellProps) {
  return (
    <div class={`ll-field${extra ? ` ${extra}` : ''}${error ? ' ll-field-invalid' : ''}`}>
      <label for={id}>{label}</label>
      {children}
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

/** A labelled number input that accepts anything typed and shows the model's message under it. */
export function NumberField({ id, label, value, onInput, unit, error, hint, slider }: NumberFieldProps) {
  const sliderValue = Number(value);
  const onText = (e: JSX.TargetedEvent<HTMLInputElement>) => onInput(e.currentTarget.value);
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <div class="ll-input-row">
        <input
          id={id}
          name={id}
          type="text"
          inputMode="decimal"
          maxLength={MAX_INPUT_LENGTH}
          autoComplete="off"
          spellcheck={false}
          value={value}
          onInput={onText}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={describedBy(id, hint, error)}
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
    </FieldShell>
  );
}

export interface SelectFieldProps<T extends string> {
  id: string;
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
  error?: string | undefined;
  hint?: ComponentChildren;
  class?: string;
}

/** A labelled drop-down with an optional hint and the model's error, wired like NumberField. */
export function SelectField<T extends string>({ id, options, value, onChange, ...shell }: SelectFieldProps<T>) {
  const onSelect = (e: JSX.TargetedEvent<HTMLSelectElement>) => onChange(e.currentTarget.value as T);
  return (
    <FieldShell id={id} {...shell}>
      <select
        id={id}
        name={id}
        value={value}
        onChange={onSelect}
        aria-invalid={shell.error ? 'true' : undefined}
        aria-describedby={describedBy(id, shell.hint, shell.error)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/** The props that tie a field to one parameter: its id, value, error and setter. */
export interface BoundField {
  id: string;
  value: string;
  error: string | undefined;
  onInput: (value: string) => void;
}

/**
 * Returns `bind(key)`, the props of the field for parameter `key`; ids carry the widget's prefix so several copies of
 * a widget can share a page.
 */
export function binder<S extends ParamShape>(w: WidgetState<S, unknown>, idPrefix: string) {
  return (key: keyof S & string): BoundField => ({
    id: `${idPrefix}-${key}`,
    value: w.values[key],
    error: w.errors[key],
    onInput: (value) => w.set(key, value),
  });
}

/** Leverage with a slider from 1 to `max` (125, the highest any preset venue offers, unless the widget says less). */
export function LeverageField({ max = 125, ...field }: BoundField & { max?: number; hint?: string }) {
  return <NumberField {...field} label="Leverage" unit="x" slider={{ min: 1, max, step: 1 }} />;
}

/** The maintenance margin rate, typed in percent. */
export function MaintenanceRateField(field: BoundField & { hint?: string }) {
  return <NumberField {...field} label="Maintenance margin rate" unit="%" />;
}
