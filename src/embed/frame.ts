/**
 * Inside an embed frame: applies the theme, reports the page height to the host (ours,
 * WordPress's and Embedly's dialects, once per frame and only on change), answers WordPress's
 * "ready", accepts a validated set-theme from the parent, and keeps the attribution link on the
 * full tool with the reader's current scenario. Uses no storage: sandboxed frames have none.
 * Nothing but the height leaves the frame: no message carries the reader's inputs or the frame's
 * live address (the page mirrors the scenario into its own URL as the reader types).
 */
import { isSetTheme, isWordpressReady, parseFrameHash, resizeMessages } from './messages.ts';

const hash = parseFrameHash(location.hash);
const parentWindow = window.parent === window ? null : window.parent;
let lastHeight = 0;
let scheduled = false;

function post(message: unknown): void {
  // Layout data only: safe to send to whichever page framed us.
  parentWindow?.postMessage(message, '*');
}

function report(force = false): void {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (!force && Math.abs(height - lastHeight) < 2) return;
  lastHeight = height;
  const m = resizeMessages(height, hash, location.href);
  post(m.ours);
  if (m.wordpress) post(m.wordpress);
  post(m.embedly);
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  requestAnimationFrame(() => {
    scheduled = false;
    report();
  });
}

function applyTheme(theme: string | null): void {
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset['theme'] = theme;
  else delete document.documentElement.dataset['theme'];
}

if (parentWindow) {
  new ResizeObserver(schedule).observe(document.body);
  post({ source: 'leveragelab', v: 1, type: 'ready', id: hash.id });
  // The first report goes out at once: frames the browser throttles may not run animation frames.
  report();
  addEventListener('load', () => report());
  addEventListener('message', (event: MessageEvent) => {
    if (event.source !== parentWindow) return;
    if (isSetTheme(event.data)) {
      applyTheme(event.data.theme);
      return;
    }
    if (isWordpressReady(event.data, hash.secret)) report(true);
  });
}

// The attribution opens the full tool with the reader's scenario (the widget announces each state; the tool page
// validates the query itself). A click is the reader's choice, in a new tab; nothing is posted to the host.
for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-carry-query]')) {
  // As the server wrote it: the tool, with a preset's settings. This, never the reader's scenario, is what a message
  // may carry.
  const published = link.href;
  addEventListener('leveragelab:state', (event: Event) => {
    const query = (event as CustomEvent<{ query?: unknown }>).detail.query;
    if (typeof query !== 'string') return;
    const url = new URL(published);
    url.search = query;
    url.searchParams.delete('theme');
    link.href = url.href;
  });
  // WordPress frames allow no popups; its host script opens links on our host from this message.
  if (hash.secret) {
    const secret = hash.secret;
    link.addEventListener('click', () => post({ message: 'link', value: published, secret }));
  }
}
