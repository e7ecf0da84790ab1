/** The one progress store of a page, shared by every script on it, so bad data is reported once. */
import { ProgressStore, browserStorage } from './store.ts';

export const progress = new ProgressStore(browserStorage());
