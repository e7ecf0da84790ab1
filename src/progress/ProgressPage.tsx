/** The /progress/ page island: lessons read, quiz scores, what to review, export, import and reset. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { progress } from './browser.ts';
import { PASS_SCORE, type ProgressRecord } from './record.ts';
import { MAX_IMPORT_BYTES, describeRecord, exportFileName, exportRecord, parseImport } from './transfer.ts';
import { ARENA_WINDOWS } from '../widgets/PracticeArena/missions.ts';
import ConceptList from '../learning/ConceptList.tsx';
import type { ConceptView } from '../learning/conceptData.ts';
import { dueConcepts } from '../learning/due.ts';

export interface LessonSummary {
  slug: string;
  order: number;
  title: string;
  /** The lesson's quiz questions, for the review list; empty when it has no quiz. */
  questions: { id: string; number: number; concept: string; section: string; sectionTitle: string }[];
}

const percent = (x: number) => `${Math.round(x * 100)}%`;
const dateText = (iso: string) => new Date(iso).toLocaleDateString('en-US', { dateStyle: 'medium' });
/** Each practice-arena mission's sentence, by id. */
const MISSIONS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.values(ARENA_WINDOWS).flatMap((w) => w.missions.map((m) => [m.id, m.text])),
);
const copy = (r: ProgressRecord): ProgressRecord => JSON.parse(JSON.stringify(r)) as ProgressRecord;

export default function ProgressPage({
  lessons,
  concepts = [],
}: {
  lessons: LessonSummary[];
  concepts?: ConceptView[];
}) {
  const [record, setRecord] = useState<ProgressRecord | null>(null);
  const [persistent, setPersistent] = useState(true);
  const [readOnly, setReadOnly] = useState(false);
  const [status, setStatus] = useState('');
  const [importError, setImportError] = useState('');
  const [candidate, setCandidate] = useState<{ name: string; record: ProgressRecord } | null>(null);
  const [confirmReset, setConfirmReset] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const resetButton = useRef<HTMLButtonElement>(null);
  const confirmBox = useRef<HTMLDivElement>(null);
  const importBox = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const loaded = progress.load();
    setRecord(copy(loaded.record));
    setPersistent(loaded.persistent);
    setReadOnly(loaded.readOnly);
  }, []);
  // Move focus into a confirmation when it opens, so keyboard and screen-reader users land on it.
  useEffect(() => {
    if (confirmReset) confirmBox.current?.focus();
  }, [confirmReset]);
  useEffect(() => {
    if (candidate) importBox.current?.focus();
  }, [candidate]);

  if (!record) {
    return (
      <p class="ll-progress-loading">
        Your progress is read from this browser when the page has loaded. It needs JavaScript to show.
      </p>
    );
  }

  const download = () => {
    const now = new Date();
    const blob = new Blob([exportRecord(progress.load().record, now)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = exportFileName(now);
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    setStatus(`Downloaded ${a.download}: ${describeRecord(record)}.`);
  };

  const pickFile = async (e: JSX.TargetedEvent<HTMLInputElement>) => {
    const file = e.currentTarget.files?.[0];
    setCandidate(null);
    setImportError('');
    setStatus('');
    if (!file) return;
    const result =
      file.size > MAX_IMPORT_BYTES
        ? ({
            ok: false,
            reason: 'The file is far larger than any Leverage Lab progress file, so it is not one.',
          } as const)
        : await file.text().then(parseImport, () => ({ ok: false, reason: 'The file could not be read.' }) as const);
    if (result.ok) setCandidate({ name: file.name, record: result.record });
    else {
      setImportError(result.reason);
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  const applyImport = () => {
    if (!candidate) return;
    const next = progress.replace(candidate.record);
    setRecord(copy(next));
    setCandidate(null);
    if (fileInput.current) fileInput.current.value = '';
    setStatus(`Imported ${candidate.name}: ${describeRecord(next)}.`);
    fileInput.current?.focus();
  };

  const cancelImport = () => {
    setCandidate(null);
    if (fileInput.current) fileInput.current.value = '';
    setStatus('Import cancelled. Your progress has not changed.');
    fileInput.current?.focus();
  };

  const reset = () => {
    setRecord(copy(progress.reset()));
    setConfirmReset(false);
    setStatus('Your progress was reset: no lessons read, no quiz scores.');
    resetButton.current?.focus();
  };

  const cancelReset = () => {
    setConfirmReset(false);
    resetButton.current?.focus();
  };

  const review = lessons
    .map((l) => {
      const missed = new Set(record.quizzes[l.slug]?.missed ?? []);
      return { lesson: l, questions: l.questions.filter((q) => missed.has(q.id)) };
    })
    .filter((x) => x.questions.length > 0);

  return (
    <div class="ll-progress" data-ready="true">
      {readOnly && (
        <p class="notice">
          This browser holds progress saved by a newer version of Leverage Lab, which this page cannot read. It is left
          untouched, so what you do here lasts only for this visit.
        </p>
      )}
      {!persistent && !readOnly && (
        <p class="notice">
          This browser is not letting Leverage Lab save anything (private browsing or blocked storage), so your progress
          lasts only for this visit. Download it below before you leave if you want to keep it.
        </p>
      )}

      <section aria-labelledby="progress-lessons">
        <h2 id="progress-lessons">Lessons</h2>
        <ul class="ll-progress-lessons">
          {lessons.map((l) => {
            const read = record.lessons[l.slug];
            const quiz = record.quizzes[l.slug];
            return (
              <li key={l.slug} data-progress-lesson={l.slug}>
                <a href={`/lessons/${l.slug}/`}>
                  {l.order}. {l.title}
                </a>
                <span class="ll-progress-facts">
                  <span data-testid="read">{read ? `Read on ${dateText(read.readAt)}` : 'Not read yet'}</span>
                  <span data-testid="quiz">
                    {quiz
                      ? `Quiz: best ${percent(quiz.best)} after ${quiz.attempts} ${quiz.attempts === 1 ? 'attempt' : 'attempts'}${quiz.best >= PASS_SCORE ? ', passed' : ', not passed yet'}`
                      : l.questions.length > 0
                        ? 'Quiz not taken yet'
                        : 'No quiz for this lesson yet'}
                  </span>
                </span>
              </li>
            );
          })}
        </ul>
      </section>

      <section aria-labelledby="progress-review">
        <h2 id="progress-review">Review what you missed</h2>
        {review.length === 0 ? (
          <p>
            Nothing to review. Questions you miss on your latest try of a quiz will be listed here, with the part of the
            lesson that explains them.
          </p>
        ) : (
          review.map(({ lesson, questions }) => (
            <div key={lesson.slug} class="ll-progress-review" data-review={lesson.slug}>
              <h3>{lesson.title}</h3>
              <ul>
                {questions.map((q) => (
                  <li key={q.id}>
                    {q.concept}{' '}
                    <span class="ll-quiz-links">
                      <a href={`/lessons/${lesson.slug}/#quiz-q-${q.id}`}>Question {q.number}</a> ·{' '}
                      <a href={`/lessons/${lesson.slug}/#${q.section}`}>Read “{q.sectionTitle}”</a>
                    </span>
                  </li>
                ))}
              </ul>
            </div>
          ))
        )}
      </section>

      {concepts.length > 0 && (
        <section aria-labelledby="progress-concepts">
          <h2 id="progress-concepts">Ideas you know</h2>
          <p>
            Each idea of the course, from Not started to Mastered. A level rises with right first answers to different
            questions and falls with mistakes and with long breaks.{' '}
            <span data-testid="progress-due">
              {(() => {
                const due = dueConcepts(record.learning.cards, new Date()).length;
                return due === 0
                  ? 'Nothing is due for review right now.'
                  : `${due === 1 ? '1 idea is' : `${due} ideas are`} due for review.`;
              })()}
            </span>{' '}
            <a href="/review/">Review</a> · <a href="/check/">Take the course check</a>
          </p>
          <ConceptList concepts={concepts} evidence={record.learning.evidence} now={new Date()} />
        </section>
      )}

      {Object.keys(record.arena).length > 0 && (
        <section aria-labelledby="progress-arena">
          <h2 id="progress-arena">Practice arena</h2>
          <ul class="ll-progress-lessons">
            {Object.entries(record.arena).map(([id, a]) => (
              <li key={id} data-progress-mission={id}>
                <a href="/practice/">{MISSIONS[id] ?? id}</a>
                <span class="ll-progress-facts">
                  {a.passed ? 'Done' : 'Not done yet'}: best finish {percent(a.best)} of the account after {a.runs}{' '}
                  {a.runs === 1 ? 'run' : 'runs'}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="progress-transfer">
        <h2 id="progress-transfer">Keep a copy or move it</h2>
        <p>
          Your progress lives only in this browser. Download it as a file to keep a copy, or to load it into another
          browser with the import below.
        </p>
        <p>
          <button type="button" onClick={download}>
            Download my progress (JSON)
          </button>
        </p>
        <div class="ll-field">
          <label for="progress-import">Import a progress file</label>
          <input
            id="progress-import"
            ref={fileInput}
            type="file"
            accept=".json,application/json"
            onChange={(e) => void pickFile(e)}
            aria-describedby={importError ? 'progress-import-error' : undefined}
          />
        </div>
        <div role="alert">
          {importError && (
            <p class="ll-error" id="progress-import-error">
              This file was not imported: {importError} Your progress has not changed.
            </p>
          )}
        </div>
        {candidate && (
          <div
            class="ll-progress-confirm"
            role="group"
            aria-labelledby="progress-import-question"
            ref={importBox}
            tabIndex={-1}
          >
            <p id="progress-import-question">
              “{candidate.name}” holds {describeRecord(candidate.record)}. Importing it replaces what this browser has
              now ({describeRecord(record)}).
            </p>
            <button type="button" class="button-primary" onClick={applyImport}>
              Replace my progress with this file
            </button>{' '}
            <button type="button" onClick={cancelImport}>
              Cancel
            </button>
          </div>
        )}
      </section>

      <section aria-labelledby="progress-reset">
        <h2 id="progress-reset">Start over</h2>
        <p>
          <button type="button" ref={resetButton} onClick={() => setConfirmReset(true)} aria-expanded={confirmReset}>
            Reset my progress…
          </button>
        </p>
        {confirmReset && (
          <div
            class="ll-progress-confirm"
            role="group"
            aria-labelledby="progress-reset-question"
            ref={confirmBox}
            tabIndex={-1}
          >
            <p id="progress-reset-question">
              Delete every lesson mark and quiz score kept in this browser? This cannot be undone: download a copy first
              if you may want it back.
            </p>
            <button type="button" class="ll-danger" onClick={reset}>
              Yes, delete my progress
            </button>{' '}
            <button type="button" onClick={cancelReset}>
              Cancel
            </button>
          </div>
        )}
      </section>

      <p class="ll-progress-status" role="status">
        {status}
      </p>
    </div>
  );
}
