/**
 * The quiz's link to the learning loop: a hook that records every checked answer of a lesson quiz as evidence
 * (kind "quiz", item "<lesson>/<question id>", hints shown at the check).
 */
import { useEffect, useRef } from 'preact/hooks';
import { recordEvidence } from './evidence.ts';
import { hintCount, type ClientQuestion, type QuizState, type Resolved } from '../quiz/state.ts';

/** Records each new check in `state` once; a new attempt starts counting afresh. */
export function useQuizEvidence(
  lesson: string,
  questions: readonly ClientQuestion[],
  state: QuizState,
  resolved: readonly Resolved[],
): void {
  const seen = useRef<{ attempt: number; checks: number[] }>({ attempt: state.attempt, checks: [] });
  useEffect(() => {
    if (seen.current.attempt !== state.attempt) seen.current = { attempt: state.attempt, checks: [] };
    state.items.forEach((s, i) => {
      const before = seen.current.checks[i] ?? 0;
      seen.current.checks[i] = s.checks;
      const q = questions[i];
      const f = s.feedback;
      if (!q || s.checks <= before || !f || (f.kind !== 'choice' && f.kind !== 'numeric')) return;
      const r = resolved[i];
      recordEvidence({
        itemId: `${lesson}/${q.id}`,
        concepts: q.concepts,
        correct: f.grade.correct,
        hintsUsed: s.hintsAtCheck,
        hintsTotal: r ? hintCount(r) : 0,
        kind: 'quiz',
      });
    });
  }, [state, lesson, questions, resolved]);
}
