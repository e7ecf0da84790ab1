/** The home page's review line: "3 concepts are due for review", linking to /review/. Hidden when nothing is due. */
import { progress } from '../progress/browser.ts';
import type { ProgressRecord } from '../progress/record.ts';
import { dueConcepts } from './due.ts';

function show(record: ProgressRecord): void {
  const box = document.getElementById('review-due');
  if (!box) return;
  const due = dueConcepts(record.learning.cards, new Date()).length;
  if (due === 0) return;
  const text = document.createElement('span');
  text.textContent = `${due === 1 ? '1 concept is' : `${due} concepts are`} due for review. `;
  const link = document.createElement('a');
  link.href = '/review/';
  link.textContent = 'Review now';
  box.replaceChildren(text, link);
  box.hidden = false;
}

const { record } = progress.load();
if (record.learning.scheduled >= record.learning.total) show(record);
else
  void import('./schedule.ts').then(
    (s) => show(s.catchUp(progress)),
    () => show(record),
  );
