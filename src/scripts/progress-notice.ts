/** On every page: tells the reader, once, when saved progress was unreadable and set aside. */
import { progress } from '../progress/browser.ts';
import { problemMessages } from '../progress/record.ts';

const result = progress.load();
const notice = document.getElementById('progress-notice');
if (result.problem && notice) {
  notice.textContent = problemMessages[result.problem];
  notice.hidden = false;
}
