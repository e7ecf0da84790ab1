/** On a lesson page: marks the lesson read when its end scrolls into view, and says so. */
import { progress } from '../progress/browser.ts';
// Pages that use saved progress say so when it could not be read.
import './progress-notice.ts';

const end = document.getElementById('lesson-end');
const status = document.getElementById('lesson-status');
const slug = end?.dataset['lesson'];

function show(readAt: string | undefined): void {
  if (!status || !readAt) return;
  const when = new Date(readAt).toLocaleDateString('en-US', { dateStyle: 'medium' });
  status.textContent = `Marked as read on ${when}. Your progress is kept in this browser only.`;
}

if (end && slug) {
  show(progress.load().record.lessons[slug]?.readAt);
  const observer = new IntersectionObserver((entries) => {
    if (entries.some((e) => e.isIntersecting)) {
      show(progress.markLessonRead(slug).lessons[slug]?.readAt);
      observer.disconnect();
    }
  });
  observer.observe(end);
}
