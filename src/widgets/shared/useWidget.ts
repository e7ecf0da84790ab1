/**
 * The state machine every calculator shares: raw input strings in, a model's result or field
 * errors out. The last good result stays on screen (marked stale) while an input is being fixed,
 * and the state is mirrored into the URL so a link reproduces the scenario.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { parseParams, serializeParams, type ParamShape, type ParamValues, type ParamsSpec } from './params.ts';

import type { FieldErrors, Outcome } from '../../calc/index.ts';

/** What a widget's model returns for a set of inputs: the one value-or-field-errors shape. */
export type ModelOutcome<R> = Outcome<R>;

export interface WidgetState<S extends ParamShape, R> {
  values: ParamValues<S>;
  set: (key: keyof S, value: string) => void;
  setMany: (patch: Partial<ParamValues<S>>) => void;
  /** Field errors for the current inputs, keyed by parameter. */
  errors: FieldErrors;
  /** The latest good result; `stale` when the current inputs have errors. */
  result: R;
  stale: boolean;
  /** Notes about the link's parameters that were ignored or replaced. */
  notes: string[];
}

export interface UseWidgetOptions {
  /** Mirror the state into the page URL (off for several copies of one widget on a page). */
  syncUrl?: boolean;
  /**
   * Data the model reads besides the values (candles loaded after the first paint): a new value recomputes the result
   * without touching the values or the URL.
   */
  data?: unknown;
  /**
   * Whether `compute` is the widget's model yet (default true). A widget whose calculation code loads after hydration
   * passes false until it has arrived, with a `compute` that answers the server-rendered values only: the link's
   * parameters are read, checked and mirrored once it is true.
   */
  ready?: boolean;
}

/**
 * @param initial The state rendered on the server (the defaults, or an embed's parameters).
 * @param compute The widget's model: pure, never throws for bad input.
 */
export function useWidget<S extends ParamShape, R>(
  spec: ParamsSpec<S>,
  initial: ParamValues<S>,
  compute: (values: ParamValues<S>) => ModelOutcome<R>,
  { syncUrl = true, data, ready = true }: UseWidgetOptions = {},
): WidgetState<S, R> {
  const [values, setValues] = useState<ParamValues<S>>(initial);
  const [notes, setNotes] = useState<string[]>([]);
  const outcome = useMemo(() => compute(values), [values, data]);
  const lastGood = useRef<R | undefined>(undefined);
  if (outcome.ok) lastGood.current = outcome.value;

  // Whether the link's parameters have been read: the URL is not written before, or it would lose them.
  const urlRead = useRef(false);
  // The values of the latest render, for the effect below (a reader may type while the model loads).
  const latest = useRef(values);
  latest.current = values;

  // On the client, the link's parameters replace the server-rendered defaults (once the model is here to check them).
  useEffect(() => {
    if (!syncUrl || !ready || urlRead.current) return;
    urlRead.current = true;
    const parsed = parseParams(spec, location.search);
    // The values shown so far: the server's, or what the reader changed while the model was on its way.
    const merged = { ...latest.current, ...pick(parsed.values, parsed.fromUrl) };
    const check = compute(merged);
    const extra: string[] = [];
    if (!check.ok) {
      // A value that parses but the calculation refuses (1e999, a stop on the wrong side) is reset too.
      for (const key of parsed.fromUrl) {
        if (check.errors[key as string]) {
          extra.push(
            `The link’s ${spec.labels[key]} “${String(merged[key]).slice(0, 24)}” could not be used (${check.errors[key as string]}), so the default is shown.`,
          );
          merged[key] = spec.defaults[key] as (typeof merged)[typeof key];
        }
      }
    }
    // Only the link's settings are applied: a change the reader makes meanwhile is kept.
    const fromLink = pick(merged, parsed.fromUrl);
    setValues((current) => ({ ...current, ...fromLink }));
    setNotes([...parsed.notes, ...extra]);
  }, [ready]);

  useEffect(() => {
    if (!syncUrl || !urlRead.current) return;
    const query = serializeParams(spec, values);
    if (query !== location.search && !(query === '' && location.search === '?')) {
      history.replaceState(history.state, '', `${location.pathname}${query}${location.hash}`);
    }
    // The embed configurator listens, to build snippets for exactly this scenario.
    dispatchEvent(new CustomEvent('leveragelab:state', { detail: { query } }));
  }, [values]);

  const fallback = lastGood.current;
  if (fallback === undefined) {
    // Only possible if the defaults themselves were invalid: a programming error, not reader input.
    throw new Error('[leverage-lab] widget defaults do not produce a result');
  }
  return {
    values,
    set: (key, value) => setValues((v) => ({ ...v, [key]: value })),
    setMany: (patch) => setValues((v) => ({ ...v, ...patch })),
    errors: outcome.ok ? {} : outcome.errors,
    result: fallback,
    stale: !outcome.ok,
    notes,
  };
}

function pick<T extends object, K extends keyof T>(obj: T, keys: K[]): Partial<T> {
  const out: Partial<T> = {};
  for (const k of keys) out[k] = obj[k];
  return out;
}
