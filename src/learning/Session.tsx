/**
 * The /review/ and /check/ island: a short run of quiz questions, one at a time, with the quiz's own question card and
 * grading. Review draws questions tagged with the concepts that are due (review.ts `buildReview`); the course check
 * draws two from every lesson (`buildCheck`). Every checked answer is recorded as evidence; the end reports mastery
 * per concept and links each weak one to the section that teaches it. Nothing but the saved progress is read before
 * the reader starts; the grader and the question generators (src/calc) load when they press Start.
 */
import { useEffect, useState } from 'preact/hooks';
import { progress } from '../progress/browser.ts';
import type { ProgressRecord } from '../progress/record.ts';
import { QuestionCard } from '../quiz/Quiz.tsx';
import { randomSeed } from '../quiz/seed.ts';
import {
  anotherQuestion,
  checkWith,
  choose,
  hintCount,
  needsGrader,
  revealHint,
  startQuiz,
  typeAnswer,
  type ClientQuestion,
  type QuizState,
  type Resolved,
} from '../quiz/state.ts';
import type { ConceptView } from './conceptData.ts';
import { dueConcepts, nextDue } from './due.ts';
import { recordEvidence } from './evidence.ts';
import { MASTERY_LABELS, isWeak, masteryOf } from './mastery.ts';
import { buildCheck, buildReview, type Banks, type SessionItem } from './review.ts';

export interface SessionProps {
  mode: 'review' | 'check';
  banks: Banks;
  concepts: ConceptView[];
  /** Lesson slug → heading id → heading text, for the "Taught in" links. */
  sections: Record<string, Record<string, string>>;
}

type Grader = typeof import('../quiz/model.ts');

type Phase =
  | { kind: 'reading' }
  | { kind: 'empty'; next?: Date; started: boolean }
  | { kind: 'ready'; due: string[] }
  | { kind: 'loading' }
  | { kind: 'failed' }
  | { kind: 'running'; items: SessionItem[]; resolved: Resolved[]; state: QuizState; current: number; grader: Grader }
  | { kind: 'done'; items: SessionItem[]; state: QuizState; record: ProgressRecord; next?: Date };

const dateText = (d: Date) => d.toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' });
const STAYS = 'Your answers and review dates stay in this browser: there is no account, and nothing is sent anywhere.';

/** Brings the review cards up to date with the latest answers when some are not applied yet (loads ts-fsrs then). */
async function freshRecord(): Promise<ProgressRecord> {
  const { record } = progress.load();
  if (record.learning.scheduled >= record.learning.total) return record;
  const { catchUp } = await import('./schedule.ts');
  return catchUp(progress);
}

export default function Session({ mode, banks, concepts, sections }: SessionProps) {
  const [phase, setPhase] = useState<Phase>(mode === 'check' ? { kind: 'ready', due: [] } : { kind: 'reading' });

  useEffect(() => {
    if (mode !== 'review') return;
    freshRecord().then(
      (record) => {
        const now = new Date();
        const due = dueConcepts(record.learning.cards, now);
        if (due.length > 0) setPhase({ kind: 'ready', due });
        else setPhase({ kind: 'empty', next: nextDue(record.learning.cards, now), started: record.learning.total > 0 });
      },
      () => setPhase({ kind: 'failed' }),
    );
  }, [mode]);

  const start = (due: string[]) => {
    setPhase({ kind: 'loading' });
    import('../quiz/model.ts').then(
      (grader) => {
        const items = mode === 'review' ? buildReview(banks, due, randomSeed()) : buildCheck(banks, randomSeed());
        const resolved = items.map((i) => grader.resolve(i.question, i.seed));
        const state = startQuiz(
          items.map((i) => i.question),
          (_q, k) => items[k]?.seed ?? 0,
        );
        setPhase({ kind: 'running', items, resolved, state, current: 0, grader });
        focusQuestion(items[0]?.question);
      },
      () => setPhase({ kind: 'failed' }),
    );
  };

  if (phase.kind === 'reading') return <p class="muted">Reading your saved answers from this browser…</p>;
  if (phase.kind === 'loading') return <p class="muted">Preparing the questions…</p>;
  if (phase.kind === 'failed') {
    return (
      <p class="ll-error" role="alert">
        Part of this page did not load. Check your connection and reload the page.
      </p>
    );
  }
  if (phase.kind === 'empty') {
    return (
      <div class="ll-session-empty" data-testid="review-empty">
        <p>
          <strong>Nothing is due for review right now.</strong>{' '}
          {phase.next
            ? `Your next review is due on ${dateText(phase.next)}.`
            : phase.started
              ? ''
              : 'Answer the quiz at the end of a lesson first: the ideas it tests come back here a few days later.'}
        </p>
        <p>
          Meanwhile you can take the <a href="/check/">course check</a> or see your <a href="/progress/">progress</a>.
        </p>
        <p class="muted">{STAYS}</p>
      </div>
    );
  }
  if (phase.kind === 'ready') {
    const n = phase.due.length;
    return (
      <div class="ll-session-ready">
        {mode === 'review' ? (
          <p data-testid="review-due">
            {n === 1 ? '1 concept is' : `${n} concepts are`} due for review. A session has up to 10 questions from
            across the course; numeric ones get new numbers every time.
          </p>
        ) : (
          <p>
            Two questions from each of the twelve lessons, mixed, with new numbers every time. Take it whenever you
            like: at the end you see how well you know each idea and where to read up on the weak ones.
          </p>
        )}
        <p class="muted">{STAYS}</p>
        <button type="button" class="button-primary" onClick={() => start(phase.due)}>
          {mode === 'review' ? 'Start the review' : 'Start the course check'}
        </button>
      </div>
    );
  }
  if (phase.kind === 'done') return <Summary mode={mode} phase={phase} concepts={concepts} />;

  const { items, resolved, state, current, grader } = phase;
  const item = items[current];
  const q = item.question;
  const s = state.items[current];
  const r = resolved[current];
  if (!s) return null;
  const set = (next: Partial<Extract<Phase, { kind: 'running' }>>) => setPhase({ ...phase, ...next });

  const check = () => {
    const next = checkWith(state, current, q, r, needsGrader(q) ? grader.gradeTyped : null);
    set({ state: next });
    const f = next.items[current]?.feedback;
    if (f && (f.kind === 'choice' || f.kind === 'numeric')) {
      recordEvidence({
        itemId: item.itemId,
        concepts: q.concepts,
        correct: f.grade.correct,
        hintsUsed: next.items[current]?.hintsAtCheck ?? 0,
        hintsTotal: hintCount(r),
        kind: mode,
      });
    }
  };
  const another = () => {
    const seed = randomSeed();
    set({
      resolved: resolved.map((x, k) => (k === current ? grader.resolve(q, seed) : x)),
      state: anotherQuestion(state, current, seed),
    });
  };
  const last = current === items.length - 1;
  const advance = () => {
    if (!last) {
      set({ current: current + 1 });
      focusQuestion(items[current + 1]?.question);
      return;
    }
    void freshRecord().then(
      (record) => setPhase({ kind: 'done', items, state, record, next: nextDue(record.learning.cards, new Date()) }),
      () => setPhase({ kind: 'done', items, state, record: progress.load().record }),
    );
  };

  return (
    <section class="ll-quiz ll-session" aria-labelledby="session-where" data-session={mode}>
      {/* The card's legend shows the position; this announces each move to screen readers. */}
      <p id="session-where" class="visually-hidden" aria-live="polite">
        {mode === 'review' ? 'Review' : 'Course check'}: question {current + 1} of {items.length}
      </p>
      <div key={`${current}-${item.itemId}`}>
        <QuestionCard
          q={q}
          r={r}
          s={s}
          waiting={null}
          index={current}
          total={items.length}
          lesson={item.lesson}
          sectionTitle={sections[item.lesson]?.[q.section] ?? q.section}
          onChoose={(c, multiple, on) => set({ state: choose(state, current, c, multiple, on) })}
          onType={(text) => set({ state: typeAnswer(state, current, text) })}
          onHint={(available) => set({ state: revealHint(state, current, available) })}
          onCheck={check}
          onAnother={another}
        />
      </div>
      {s.first !== null && (
        <p class="ll-session-next">
          <button type="button" class="button-primary" onClick={advance} data-testid="session-next">
            {last ? 'See your results' : 'Next question'}
          </button>
        </p>
      )}
    </section>
  );
}

/** Moves focus to a question's first field once it is on screen. */
function focusQuestion(q: ClientQuestion | undefined): void {
  if (!q) return;
  requestAnimationFrame(() => document.querySelector<HTMLElement>(`#quiz-q-${q.id} input`)?.focus());
}

function Summary({
  mode,
  phase,
  concepts,
}: {
  mode: 'review' | 'check';
  phase: Extract<Phase, { kind: 'done' }>;
  concepts: ConceptView[];
}) {
  const { items, state, record, next } = phase;
  const right = state.items.filter((s) => s.first === true).length;
  const now = new Date();
  const touched = [...new Set(items.flatMap((i) => i.question.concepts))];
  const rows = concepts
    .filter((c) => touched.includes(c.id))
    .map((c) => ({ c, level: masteryOf(c.id, record.learning.evidence, now).level }));
  const weak = rows.filter((row) => isWeak(row.level));
  useEffect(() => {
    document.getElementById('session-result')?.focus();
  }, []);
  return (
    <section class="ll-session-result" aria-labelledby="session-result" data-testid="session-result">
      <h2 id="session-result" tabIndex={-1}>
        {mode === 'review' ? 'Review done' : 'Your course check'}
      </h2>
      <p>
        You got {right} of {items.length} right on the first try.
        {mode === 'review' && next ? ` Your next review is due on ${dateText(next)}.` : ''}
      </p>
      {weak.length > 0 && (
        <>
          <h3>Worth reading again</h3>
          <ul class="ll-weak" data-testid="weak-concepts">
            {weak.map(({ c, level }) => (
              <li key={c.id}>
                <a href={c.href}>{c.statement}</a> <span class="muted">({MASTERY_LABELS[level]})</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>Mastery of the ideas in this {mode === 'review' ? 'review' : 'check'}</h3>
      <ul class="ll-mastery-list">
        {rows.map(({ c, level }) => (
          <li key={c.id} data-concept={c.id} data-level={level}>
            <span class={`ll-level ll-level-${level}`}>{MASTERY_LABELS[level]}</span> {c.statement}
          </li>
        ))}
      </ul>
      <p>
        <a href="/progress/">See every concept on your progress page</a>.
      </p>
      <p class="muted">{STAYS}</p>
    </section>
  );
}
