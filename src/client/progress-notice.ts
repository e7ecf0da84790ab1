/** On pages that use saved progress: tells the reader, once, when it was unreadable and set aside. */
import { progress } from '../progress/browser.ts';

const result = progress.load();
const notice = document.getElementById('progress-notice');
if (result.problem && notice) {
  const problem = result.problem;
  // The wording is fetched only in the rare case it is needed.
  void import('../progress/messages.ts').then(({ problemMessages }) => {
    notice.textContent = problemMessages[problem];
    notice.hidden = false;
  });
}
