/**
 * The end of a lesson: how well the reader knows the lesson's concepts, and how many concepts are due for review
 * across the course. Reads saved progress only; the review scheduler loads only when new answers wait to be applied.
 */
import { useEffect, useState } from 'preact/hooks';
import { progress } from '../progress/browser.ts';
import type { ProgressRecord } from '../progress/record.ts';
import ConceptList from './ConceptList.tsx';
import type { ConceptView } from './conceptData.ts';
import { dueConcepts } from './due.ts';

export default function LessonMastery({ concepts }: { concepts: ConceptView[] }) {
  const [record, setRecord] = useState<ProgressRecord | null>(null);
  useEffect(() => {
    const read = () => {
      const { record: r } = progress.load();
      if (r.learning.scheduled >= r.learning.total) {
        setRecord(JSON.parse(JSON.stringify(r)) as ProgressRecord);
        return;
      }
      void import('./schedule.ts').then(
        (s) => setRecord(JSON.parse(JSON.stringify(s.catchUp(progress))) as ProgressRecord),
        () => setRecord(r),
      );
    };
    read();
    // Answers given in the quiz above update the summary.
    const again = () => read();
    document.addEventListener('ll-evidence', again);
    return () => document.removeEventListener('ll-evidence', again);
  }, []);

  const now = new Date();
  const due = record ? dueConcepts(record.learning.cards, now).length : 0;
  return (
    <section class="ll-lesson-mastery" aria-labelledby="lesson-mastery-title" data-testid="lesson-mastery">
      <h2 id="lesson-mastery-title">How well you know this lesson’s ideas</h2>
      {!record ? (
        <p class="muted">Read from this browser when the page has loaded.</p>
      ) : (
        <>
          <ConceptList concepts={concepts} evidence={record.learning.evidence} now={now} />
          <p data-testid="lesson-due">
            {due === 0
              ? 'Nothing is due for review right now.'
              : `${due === 1 ? '1 concept is' : `${due} concepts are`} due for review across the course.`}{' '}
            <a href="/review/">Go to review</a> · <a href="/check/">Take the course check</a> ·{' '}
            <a href="/progress/">All your progress</a>
          </p>
        </>
      )}
    </section>
  );
}
