/** On the course home: shows each lesson's state from the reader's saved progress. */
import { progress } from '../progress/browser.ts';
// Pages that use saved progress say so when it could not be read.
import './progress-notice.ts';
import { PASS_SCORE } from '../progress/record.ts';

const { record } = progress.load();
for (const item of document.querySelectorAll<HTMLElement>('[data-lesson-slug]')) {
  const slug = item.dataset['lessonSlug'] ?? '';
  const mark = item.querySelector<HTMLElement>('.lesson-mark');
  const read = record.lessons[slug];
  const quiz = record.quizzes[slug];
  const state = quiz && quiz.best >= PASS_SCORE ? 'passed' : read ? 'read' : 'not-started';
  item.dataset['state'] = state;
  if (mark) {
    mark.textContent = state === 'passed' ? 'Quiz passed' : state === 'read' ? 'Read' : 'Not started';
  }
}
