/**
 * "Predict, then reveal" (issue 17): the reader commits to a guess (an option, or a number on a slider with a
 * matching field), locks it, and sees calc's answer beside it with one sentence on the gap. "Just show me" reveals
 * without a guess. Everything shown was computed at build (components/mdx/Predict.astro); the view only shows it.
 * A locked guess is kept in this browser as evidence for the concepts it names (src/learning/evidence.ts).
 */
import { useRef, useState } from 'preact/hooks';
import { formatValue, type FormatSpec } from '../format/numbers.ts';
import { recordEvidence } from './evidence.ts';
import {
  lockGuess,
  setGuess,
  skipGuess,
  startPredict,
  typeGuess,
  type PredictionKey,
  type PredictState,
} from './predictModel.ts';

export interface PredictProps {
  /** The lesson slug and the prediction's id: evidence is kept as `predict-<lesson>-<id>`. */
  lesson: string;
  id: string;
  /** Concept ids from content/concepts.yaml. */
  concepts: string[];
  question: string;
  /** The slider's range and calc's answer, or the options and the right one. */
  spec: PredictionKey;
  /** The number kind: what the slider sets ("Liquidation price, USD"). */
  label?: string;
  /** How a guess and the answer are shown. */
  format?: FormatSpec;
  /** calc's answer as shown ("$45,226.13"), or the right option's text. */
  answerText: string;
  /** How far off still counts, as shown ("within $250"). */
  toleranceText?: string;
  /** The one sentence on the gap, its figures already filled in by calc. */
  gap: string;
}

export default function Predict(props: PredictProps) {
  const { lesson, id, concepts, question, spec: pk, label, format, answerText, toleranceText, gap } = props;
  const [state, setState] = useState<PredictState>(() => startPredict(pk));
  const [error, setError] = useState<string | null>(null);
  const result = useRef<HTMLDivElement>(null);
  const base = `predict-${lesson}-${id}`;
  const show = (value: number) => (format ? formatValue(String(value), format) : String(value));

  const reveal = (next: PredictState) => {
    setState(next);
    setError(null);
    // The inputs go away: keep the reader's place on the result.
    requestAnimationFrame(() => result.current?.focus());
  };
  const lock = () => {
    if (state.phase !== 'guessing') return;
    if (state.guess === null) {
      setError('Choose an answer first, or use “Just show me”.');
      return;
    }
    if (state.error) {
      setError(state.error);
      return;
    }
    const next = lockGuess(state, pk);
    if (next.phase === 'revealed' && next.guess !== null && next.correct !== null) {
      recordEvidence({
        itemId: base,
        concepts,
        correct: next.correct,
        hintsUsed: 0,
        hintsTotal: 0,
        kind: 'prediction',
        guess: pk.kind === 'choice' ? (pk.options[next.guess] ?? '') : String(next.guess),
      });
    }
    reveal(next);
  };

  const guessText =
    state.phase === 'revealed' && state.guess !== null
      ? pk.kind === 'choice'
        ? `“${pk.options[state.guess] ?? ''}”`
        : show(state.guess)
      : null;

  return (
    <section class="ll-predict" id={base} data-predict={id} aria-labelledby={`${base}-q`}>
      <p class="ll-predict-tag">Predict, then reveal</p>
      <p class="ll-predict-q" id={`${base}-q`}>
        {question}
      </p>
      {state.phase === 'guessing' && (
        <div class="ll-predict-guess">
          {pk.kind === 'choice' ? (
            <fieldset class="ll-predict-options" aria-describedby={error ? `${base}-error` : undefined}>
              <legend class="visually-hidden">Your guess</legend>
              {pk.options.map((text, k) => (
                <label key={k} class="ll-predict-option">
                  <input
                    type="radio"
                    name={base}
                    value={String(k)}
                    checked={state.guess === k}
                    onChange={() => setState((s) => setGuess(s, k))}
                  />
                  <span>{text}</span>
                </label>
              ))}
            </fieldset>
          ) : (
            <div class="ll-predict-number">
              <label for={`${base}-slider`}>{label ?? 'Your guess'}</label>
              <input
                id={`${base}-slider`}
                type="range"
                min={pk.min}
                max={pk.max}
                step={pk.step}
                value={state.guess ?? pk.start}
                aria-valuetext={show(state.guess ?? pk.start)}
                onInput={(e) => setState((s) => setGuess(s, Number(e.currentTarget.value)))}
              />
              <div class="ll-predict-field">
                <label for={`${base}-field`}>Or type your guess</label>
                <input
                  id={`${base}-field`}
                  type="text"
                  inputMode="decimal"
                  autoComplete="off"
                  maxLength={24}
                  value={state.text}
                  aria-invalid={state.error ? 'true' : undefined}
                  aria-describedby={state.error || error ? `${base}-error` : undefined}
                  onInput={(e) => setState((s) => typeGuess(s, pk, e.currentTarget.value, show))}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') {
                      e.preventDefault();
                      lock();
                    }
                  }}
                />
              </div>
            </div>
          )}
          {(error ?? state.error) && (
            <p class="ll-error" id={`${base}-error`}>
              {error ?? state.error}
            </p>
          )}
          <div class="ll-predict-actions">
            <button type="button" class="button-primary" onClick={lock}>
              Lock in my guess
            </button>
            <button type="button" onClick={() => reveal(skipGuess(state))}>
              Just show me
            </button>
          </div>
        </div>
      )}
      <div class="ll-predict-result" ref={result} tabIndex={-1} aria-live="polite">
        {state.phase === 'revealed' && (
          <>
            <dl class="ll-predict-compare">
              <div>
                <dt>Your guess</dt>
                <dd data-testid="predict-guess">{guessText ?? 'none'}</dd>
              </div>
              <div>
                <dt>The answer</dt>
                <dd data-testid="predict-answer">{answerText}</dd>
              </div>
            </dl>
            <p class="ll-predict-gap">
              {state.correct === true && (
                <strong>{pk.kind === 'number' && toleranceText ? `Close: ${toleranceText}. ` : 'Right. '}</strong>
              )}
              {state.correct === false && <strong>Not quite. </strong>}
              {gap}
            </p>
          </>
        )}
      </div>
    </section>
  );
}
