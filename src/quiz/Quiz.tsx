/**
 * The quiz at the end of a lesson: the view. State lives in state.ts. Every question's first draw is resolved on the
 * server (model.ts) and arrives as a prop, so the first render needs no calculation code; numeric grading and new
 * draws (model.ts with grade.ts, generators.ts and src/calc) load on demand, when a reader checks a number, draws
 * another question or starts a new attempt.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { progress } from '../progress/browser.ts';
import { PASS_SCORE } from '../progress/record.ts';
import { MAX_INPUT_LENGTH } from '../input/limits.ts';
import { randomSeed } from './seed.ts';
import { useQuizEvidence } from '../learning/quizEvidence.ts';
import {
  anotherQuestion,
  answeredCount,
  attemptResult,
  checkWith,
  choose,
  firstSeed,
  hintCount,
  needsGrader,
  revealHint,
  sawWorkedSolution,
  startQuiz,
  typeAnswer,
  unavailable,
  type ClientQuestion,
  type QuestionState,
  type Resolved,
} from './state.ts';

export interface QuizProps {
  lesson: string;
  questions: ClientQuestion[];
  /**
   * Each question's first draw, resolved on the server (model.ts `resolve` with `firstSeed`): the prompt, and for
   * numeric and generated questions the key, hints and solution. Null for choice questions, whose prompt is the bank's.
   */
  first: (Resolved | null)[];
  /** Heading id → text of the lesson sections the questions link to. */
  sections: Record<string, string>;
  /**
   * The card layout of embeds: one question at a time with "Previous" and "Next", so the card fits a 1000 px frame
   * (e2e/embed-fit.spec.ts). Lessons show every question.
   */
  compact?: boolean;
}

type Grader = typeof import('./model.ts');
let grader: Grader | null = null;
let loading: Promise<Grader> | null = null;
/** The numeric grader and the question generators, loaded once, when first needed; a failed load is tried again. */
function loadGrader(): Promise<Grader> {
  loading ??= import('./model.ts').then(
    (m) => (grader = m),
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}
/** Starts loading the grader ahead of a check (a reader about to type a number); a failure shows on the check. */
const warmGrader = () => void loadGrader().catch(() => undefined);

/** Runs `then` with the grader, at once when it is here; `failed` when it cannot load. */
function withGrader(then: (g: Grader) => void, failed: () => void): void {
  if (grader) then(grader);
  else loadGrader().then(then, failed);
}

const NOT_LOADED = 'part of the quiz did not load. Check your connection and try again, or reload the page.';
/** What the feedback says while a number is checked or new numbers are drawn, before the grader arrives. */
const WAITING = { check: 'Checking your answer…', another: 'Drawing new numbers…' } as const;
type Waiting = keyof typeof WAITING;

const percent = (x: number) => `${Math.round(x * 100)}%`;
/** "within ± 45.23 USDT", or "from 18.16 x up to 18.26 x" as it stands. */
const within = (margin: string) => (margin.startsWith('from ') ? margin : `within ${margin}`);

export default function Quiz({ lesson, questions, first, sections, compact = false }: QuizProps) {
  // The question the card shows (compact only).
  const [current, setCurrent] = useState(0);
  const [state, setState] = useState(() => startQuiz(questions, (q) => firstSeed(lesson, q)));
  // What each question shows for its current seed; replaced together with the seed ("Try another", a new attempt).
  const [resolved, setResolved] = useState<Resolved[]>(() =>
    questions.map((q, i) => first[i] ?? { prompt: 'prompt' in q ? q.prompt : '' }),
  );
  const resolvedRef = useRef(resolved);
  resolvedRef.current = resolved;
  // Questions waiting for the grader, by index.
  const [waiting, setWaiting] = useState<Readonly<Record<number, Waiting>>>({});
  const [restartError, setRestartError] = useState(false);
  const result = attemptResult(state, questions);
  useQuizEvidence(lesson, questions, state, resolved);
  const [saved, setSaved] = useState<{ best: number; attempts: number } | null>(null);
  const [recorded, setRecorded] = useState<{ attempt: number; persistent: boolean } | null>(null);

  useEffect(() => {
    const quiz = progress.load().record.quizzes[lesson];
    if (quiz) setSaved({ best: quiz.best, attempts: quiz.attempts });
  }, [lesson]);

  useEffect(() => {
    if (!result || recorded?.attempt === state.attempt) return;
    const record = progress.recordQuizAttempt(lesson, result.score, result.missed);
    const quiz = record.quizzes[lesson];
    if (quiz) setSaved({ best: quiz.best, attempts: quiz.attempts });
    setRecorded({ attempt: state.attempt, persistent: progress.load().persistent });
  }, [result, recorded, state.attempt, lesson]);

  const wait = (i: number, what: Waiting | null) =>
    setWaiting((w) => {
      const next = { ...w };
      if (what) next[i] = what;
      else delete next[i];
      return next;
    });

  /** Runs `then` with the grader for question `i`, saying so while it loads and why when it cannot. */
  const gradeLater = (i: number, what: Waiting, then: (g: Grader) => void) => {
    if (waiting[i]) return;
    if (!grader) wait(i, what);
    withGrader(
      (g) => {
        wait(i, null);
        then(g);
      },
      () => {
        wait(i, null);
        const message =
          what === 'check' ? `Your answer was not checked: ${NOT_LOADED}` : `No new question: ${NOT_LOADED}`;
        setState((st) => unavailable(st, i, message));
      },
    );
  };

  const check = (i: number, q: ClientQuestion) => {
    if (!needsGrader(q)) {
      setState((st) => checkWith(st, i, q, resolvedRef.current[i], null));
      return;
    }
    gradeLater(i, 'check', (g) => setState((st) => checkWith(st, i, q, resolvedRef.current[i], g.gradeTyped)));
  };

  const another = (i: number, q: ClientQuestion) => {
    const seed = randomSeed();
    gradeLater(i, 'another', (g) => {
      const next = g.resolve(q, seed);
      setResolved((rs) => rs.map((r, k) => (k === i ? next : r)));
      setState((st) => anotherQuestion(st, i, seed));
    });
  };

  const restart = () => {
    const seeds = questions.map((q) => (q.type === 'generated' ? randomSeed() : 0));
    const begin = (g: Grader | null) => {
      setRestartError(false);
      if (g)
        setResolved((rs) => questions.map((q, i) => (q.type === 'generated' ? g.resolve(q, seeds[i] ?? 0) : rs[i])));
      setState(startQuiz(questions, (_q, i) => seeds[i] ?? 0, state.attempt + 1));
      setCurrent(0);
      const firstQ = questions[0];
      if (firstQ)
        requestAnimationFrame(() => document.querySelector<HTMLElement>(`#quiz-q-${firstQ.id} input`)?.focus());
    };
    if (questions.some((q) => q.type === 'generated')) withGrader(begin, () => setRestartError(true));
    else begin(null);
  };

  const done = answeredCount(state);
  const position = (id: string) => questions.findIndex((q) => q.id === id) + 1;

  return (
    <section
      class={`ll-quiz${compact ? ' ll-quiz-compact' : ''}`}
      aria-labelledby="quiz-title"
      data-quiz={lesson}
      data-pagefind-ignore="all"
    >
      <h2 id="quiz-title">Check your understanding</h2>
      <p>
        {questions.length} questions. Your first answer to each one counts toward your score; after that you can change
        it and check again as often as you like. You pass with {percent(PASS_SCORE)}.
      </p>
      {saved && (
        <p class="ll-quiz-saved muted" data-testid="quiz-best">
          Your best so far: {percent(saved.best)} after {saved.attempts} {saved.attempts === 1 ? 'attempt' : 'attempts'}
          .
        </p>
      )}
      <ol class="ll-quiz-list">
        {questions.map((q, i) => (
          <li key={`${state.attempt}-${q.id}`} data-quiz-question={i} hidden={compact && i !== current}>
            <QuestionCard
              q={q}
              r={resolved[i]}
              s={state.items[i]}
              waiting={waiting[i] ? WAITING[waiting[i]] : null}
              index={i}
              total={questions.length}
              lesson={lesson}
              sectionTitle={sections[q.section] ?? q.section}
              onChoose={(c, multiple, on) => setState((st) => choose(st, i, c, multiple, on))}
              onType={(text) => setState((st) => typeAnswer(st, i, text))}
              onHint={(available) => setState((st) => revealHint(st, i, available))}
              onCheck={() => check(i, q)}
              onAnother={() => another(i, q)}
            />
          </li>
        ))}
      </ol>
      {compact && (
        <nav class="ll-quiz-nav" aria-label="Questions">
          <button type="button" onClick={() => setCurrent((c) => c - 1)} disabled={current === 0}>
            <span aria-hidden="true">← </span>Previous question
          </button>
          <span class="ll-quiz-where" aria-live="polite">
            {current + 1} of {questions.length}
          </span>
          <button type="button" onClick={() => setCurrent((c) => c + 1)} disabled={current >= questions.length - 1}>
            Next question<span aria-hidden="true"> →</span>
          </button>
        </nav>
      )}

      <div class="ll-quiz-end">
        <div aria-live="polite" aria-atomic="true">
          {result && (
            <p class="ll-quiz-score" data-testid="quiz-score">
              You got {result.right} of {result.total} right on the first try ({percent(result.score)}).{' '}
              {result.score >= PASS_SCORE
                ? 'You passed the quiz.'
                : `You need ${percent(PASS_SCORE)} to pass: review the points below and try again.`}
            </p>
          )}
        </div>
        {!result && (
          <p class="muted">
            Check every question to see your result: {done} of {questions.length} answered.
          </p>
        )}
        {result && (
          <section class="ll-quiz-result" aria-labelledby="quiz-result-title">
            <h3 id="quiz-result-title">Your result</h3>
            {result.missed.length === 0 ? (
              <p>You answered every question right the first time.</p>
            ) : (
              <>
                <p>What to review:</p>
                <ul class="ll-quiz-missed">
                  {result.missed.map((id) => {
                    const q = questions.find((x) => x.id === id) as ClientQuestion;
                    return (
                      <li key={id}>
                        {q.concept}{' '}
                        <span class="ll-quiz-links">
                          <a href={`#quiz-q-${id}`} onClick={() => setCurrent(position(id) - 1)}>
                            Question {position(id)}
                          </a>{' '}
                          · <a href={`/lessons/${lesson}/#${q.section}`}>Read “{sections[q.section] ?? q.section}”</a>
                        </span>
                      </li>
                    );
                  })}
                </ul>
              </>
            )}
            <p>
              {recorded && !recorded.persistent
                ? 'Your browser is not letting this site save progress, so this result lasts for this visit only. '
                : 'Your score is saved in this browser only. '}
              <a href="/progress/">See all your progress</a>
            </p>
            <button type="button" onClick={restart}>
              Try the quiz again
            </button>
            <div aria-live="polite">
              {restartError && <p class="ll-error">A new attempt did not start: {NOT_LOADED}</p>}
            </div>
          </section>
        )}
      </div>
    </section>
  );
}

interface CardProps {
  q: ClientQuestion;
  r: Resolved;
  s: QuestionState;
  /** What the feedback says while the grader loads for this question, or null. */
  waiting: string | null;
  index: number;
  total: number;
  lesson: string;
  sectionTitle: string;
  onChoose: (choice: number, multiple: boolean, on: boolean) => void;
  onType: (text: string) => void;
  onHint: (available: number) => void;
  onCheck: () => void;
  onAnother: () => void;
}

/** One question with its answer field, hints and feedback (also used one at a time by /review/ and /check/). */
export function QuestionCard({
  q,
  r,
  s,
  waiting,
  index,
  total,
  lesson,
  sectionTitle,
  onChoose,
  onType,
  onHint,
  onCheck,
  onAnother,
}: CardProps) {
  const base = `quiz-${q.id}`;
  // No form submission at all: embeds run in sandboxes without allow-forms, which block it.
  const submit = (e: JSX.TargetedEvent<HTMLFormElement>) => e.preventDefault();
  const enterChecks = (e: JSX.TargetedKeyboardEvent<HTMLFormElement>) => {
    if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT') {
      e.preventDefault();
      onCheck();
    }
  };
  const hints = r.numeric?.hints ?? [];
  const worked = r.numeric?.solution ?? [];
  const totalHints = hintCount(r);
  const invalid = s.feedback?.kind === 'invalid';
  const describedBy =
    [r.numeric ? `${base}-unit` : '', invalid ? `${base}-feedback` : ''].filter(Boolean).join(' ') || undefined;

  return (
    <form
      id={`quiz-q-${q.id}`}
      class="ll-quiz-q"
      onSubmit={submit}
      onKeyDown={enterChecks}
      noValidate
      data-question={q.id}
      data-seed={q.type === 'generated' ? s.seed : undefined}
    >
      <fieldset>
        <legend>
          <span class="ll-quiz-num">
            Question {index + 1} of {total}
          </span>{' '}
          <span class="ll-quiz-prompt">{r.prompt}</span>
          {q.type === 'multiple' && <span class="ll-quiz-how"> Choose every answer that applies.</span>}
        </legend>
        {(q.type === 'single' || q.type === 'multiple') && (
          <div class="ll-quiz-choices">
            {q.choices.map((c, k) => (
              <label key={k} class="ll-quiz-choice">
                <input
                  type={q.type === 'single' ? 'radio' : 'checkbox'}
                  name={base}
                  value={String(k)}
                  checked={s.selected.includes(k)}
                  onChange={(e) => onChoose(k, q.type === 'multiple', e.currentTarget.checked)}
                  aria-describedby={invalid ? `${base}-feedback` : undefined}
                />
                <span>{c.text}</span>
              </label>
            ))}
          </div>
        )}
        {r.numeric && (
          <div class="ll-field ll-quiz-answer">
            <label for={`${base}-answer`}>Your answer</label>
            <div class="ll-input-row">
              <input
                id={`${base}-answer`}
                type="text"
                inputMode="decimal"
                autoComplete="off"
                spellcheck={false}
                maxLength={MAX_INPUT_LENGTH}
                value={s.text}
                onInput={(e) => onType(e.currentTarget.value)}
                onFocus={warmGrader}
                aria-invalid={invalid ? 'true' : undefined}
                aria-describedby={describedBy}
              />
              <span class="ll-unit" id={`${base}-unit`}>
                {r.numeric.key.unit === '%' ? 'percent (%)' : r.numeric.key.unit}
              </span>
            </div>
          </div>
        )}
      </fieldset>

      <div class="ll-quiz-actions">
        <button type="button" class="button-primary" onClick={onCheck}>
          Check
        </button>
        {totalHints > 0 && s.hints < totalHints && (
          <button type="button" onClick={() => onHint(totalHints)}>
            {s.hints === totalHints - 1 && worked.length > 0
              ? 'Show the worked solution'
              : s.hints === 0
                ? 'Show a hint'
                : 'Show the next hint'}{' '}
            ({s.hints + 1} of {totalHints})
          </button>
        )}
        {q.type === 'generated' && (
          <button type="button" onClick={onAnother}>
            Try another
          </button>
        )}
      </div>

      {totalHints > 0 && (
        <ol class="ll-quiz-hints" aria-live="polite" aria-label="Hints">
          {hints.slice(0, s.hints).map((h, k) => (
            <li key={k}>{h}</li>
          ))}
          {worked.length > 0 && s.hints >= totalHints && (
            <li class="ll-quiz-worked" data-testid="quiz-worked">
              <strong>Worked solution:</strong>{' '}
              {worked.length === 1 ? (
                worked[0]
              ) : (
                <ol class="ll-steps">
                  {worked.map((step, k) => (
                    <li key={k}>{step}</li>
                  ))}
                </ol>
              )}
            </li>
          )}
        </ol>
      )}

      <div class="ll-quiz-feedback" id={`${base}-feedback`} aria-live="polite">
        {waiting ? (
          <p class="ll-hint">{waiting}</p>
        ) : (
          <Feedback q={q} r={r} s={s} lesson={lesson} sectionTitle={sectionTitle} />
        )}
      </div>
    </form>
  );
}

function Feedback({
  q,
  r,
  s,
  lesson,
  sectionTitle,
}: {
  q: ClientQuestion;
  r: Resolved;
  s: QuestionState;
  lesson: string;
  sectionTitle: string;
}) {
  const f = s.feedback;
  if (!f) return null;
  if (f.kind === 'invalid') return <p class="ll-error">{f.message}</p>;
  if (f.kind === 'new') return <p>{f.message}</p>;
  if (f.kind === 'unavailable') return <p class="ll-error">{f.message}</p>;
  const correct = f.grade.correct;
  const verdict = (
    <p class={`ll-quiz-verdict ${correct ? 'll-quiz-right' : 'll-quiz-wrong'}`}>
      {correct ? 'Correct.' : 'Not quite.'}
    </p>
  );
  const counted =
    s.checks > 1 ? (
      <p class="ll-hint">Your score keeps your first answer, which was {s.first ? 'right' : 'not right'}.</p>
    ) : null;
  const notMastered =
    correct && sawWorkedSolution(s, r) ? (
      <p class="ll-quiz-not-mastered" data-testid="quiz-not-mastered">
        Right, but you had opened the worked solution first, so this answer does not count as mastered. Try it again
        later without the hints.
      </p>
    ) : null;
  const read = (
    <p class="ll-hint">
      Taught in <a href={`/lessons/${lesson}/#${q.section}`}>{sectionTitle}</a>.
    </p>
  );

  if (f.kind === 'choice' && (q.type === 'single' || q.type === 'multiple')) {
    const picked = new Set(f.selected);
    if (q.type === 'single') {
      const chosen = q.choices[f.selected[0] ?? -1];
      const right = q.choices.find((c) => c.correct);
      return (
        <>
          {verdict}
          {chosen && !chosen.correct && (
            <p>
              You chose “{chosen.text}” {chosen.explanation}
            </p>
          )}
          {right && (
            <p>
              {correct ? '' : `The answer is “${right.text}” `}
              {right.explanation}
            </p>
          )}
          {q.explanation && <p>{q.explanation}</p>}
          {counted}
          {read}
        </>
      );
    }
    return (
      <>
        {verdict}
        <ul class="ll-quiz-review">
          {q.choices.map((c, k) => {
            const status = c.correct
              ? picked.has(k)
                ? 'You chose this, rightly.'
                : 'You missed this one: it applies.'
              : picked.has(k)
                ? 'You chose this, but it does not apply.'
                : 'Rightly left out.';
            return (
              <li key={k}>
                <strong>{c.text}</strong> {status} {c.explanation}
              </li>
            );
          })}
        </ul>
        {q.explanation && <p>{q.explanation}</p>}
        {counted}
        {read}
      </>
    );
  }

  if (f.kind === 'numeric' && r.numeric) {
    const n = r.numeric;
    const g = f.grade;
    const explanation = q.type === 'numeric' || q.type === 'generated' ? q.explanation : undefined;
    return (
      <>
        {verdict}
        {correct && g.method && n.alternatives.length > 0 && <p>That is the answer with {g.method}.</p>}
        {!correct && (
          <p>
            You answered {f.shown}, which is too {g.direction === 'high' ? 'high' : 'low'}.{g.note ? ` ${g.note}` : ''}
          </p>
        )}
        <p>
          The answer is {n.display}
          {n.alternatives.length > 0 && n.method ? ` with ${n.method}` : ''}
          {n.margin ? ` (answers ${within(n.margin)} count as right)` : ''}.
        </p>
        {n.alternatives.map((a, k) => (
          <p key={k}>
            {a.display} is right too, with {a.method}
            {a.margin ? ` (answers ${within(a.margin)})` : ''}.
          </p>
        ))}
        {notMastered}
        {explanation && <p>{explanation}</p>}
        {q.type === 'generated' && n.solution.length > 0 && (
          <>
            <p class="ll-quiz-solution-title">Worked solution:</p>
            <ol class="ll-steps">
              {n.solution.map((step, k) => (
                <li key={k}>{step}</li>
              ))}
            </ol>
          </>
        )}
        {counted}
        {read}
      </>
    );
  }
  return null;
}
