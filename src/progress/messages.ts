/** What the reader is told when saved progress had to be set aside. Loaded only when that happens. */
import type { ProgressProblem } from './record.ts';

export const problemMessages: Record<ProgressProblem, string> = {
  corrupt:
    'Your saved progress on this device could not be read, so Leverage Lab started a fresh record. A copy of the old data was kept aside.',
  'future-version':
    'Your saved progress was written by a newer version of Leverage Lab, which this page cannot read. It is left untouched: nothing you do here is saved over it, and the newer version will find it as it was.',
  foreign:
    'The saved progress on this device is not in a format Leverage Lab knows. It was kept aside and a fresh record started.',
  'learning-corrupt':
    'Your saved answers and review schedule on this device could not be read, so they start afresh. A copy of the old data was kept aside; the lessons you read and your quiz results are kept.',
};
