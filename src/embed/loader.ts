/**
 * The host-page loader, served as /embed/v1/loader.js (versioned, immutable, no dependencies, no
 * network). It sizes every iframe[data-leveragelab] from the height its frame reports, and, for
 * frames marked data-follow-theme, passes the host page's light or dark theme on live.
 * Messages are trusted only from our own frames: matched by event.source, origin ours or "null"
 * (sandboxed frames have an opaque origin), every field checked. A reported height is applied in whole pixels,
 * clamped to 120–4000 px: this is the one height clamp of the embeds (src/embed/__tests__/loader.test.ts runs it).
 */
(() => {
  const script = document.currentScript as HTMLScriptElement | null;
  const ORIGIN = script?.src ? new URL(script.src).origin : location.origin;
  const MIN_HEIGHT = 120;
  const MAX_HEIGHT = 4000;
  const clampHeight = (h: number): number => Math.min(Math.max(Math.ceil(h), MIN_HEIGHT), MAX_HEIGHT);
  const frames = new Map<Window, HTMLIFrameElement>();

  const ours = (f: HTMLIFrameElement): boolean => {
    try {
      const u = new URL(f.src);
      return u.origin === ORIGIN && u.pathname.startsWith('/embed/');
    } catch {
      return false;
    }
  };

  const scan = (): void => {
    document.querySelectorAll<HTMLIFrameElement>('iframe[data-leveragelab]').forEach((f) => {
      if (f.contentWindow && ours(f)) frames.set(f.contentWindow, f);
    });
  };

  const hostTheme = (): 'light' | 'dark' => {
    const root = document.documentElement;
    const marked = `${root.className} ${root.getAttribute('data-theme') ?? ''} ${document.body?.className ?? ''}`;
    if (/\bdark\b/.test(marked)) return 'dark';
    if (/\blight\b/.test(marked)) return 'light';
    return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  };

  const sendTheme = (f: HTMLIFrameElement): void => {
    if (f.hasAttribute('data-follow-theme')) {
      f.contentWindow?.postMessage({ source: 'leveragelab', v: 1, type: 'set-theme', theme: hostTheme() }, '*');
    }
  };

  addEventListener('message', (e: MessageEvent) => {
    if (!e.source) return;
    let f = frames.get(e.source as Window);
    if (!f) {
      scan();
      f = frames.get(e.source as Window);
    }
    if (!f) return;
    if (e.origin !== ORIGIN && e.origin !== 'null') return;
    const d = e.data as Record<string, unknown> | null;
    if (typeof d !== 'object' || d === null || d['source'] !== 'leveragelab' || d['v'] !== 1) return;
    if (d['type'] === 'resize') {
      const h = d['height'];
      if (typeof h !== 'number' || !Number.isFinite(h) || h <= 0) return;
      f.style.height = `${clampHeight(h)}px`;
    } else if (d['type'] === 'ready') {
      sendTheme(f);
    }
  });

  const followAll = (): void => frames.forEach(sendTheme);
  new MutationObserver(followAll).observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['class', 'data-theme'],
  });
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', followAll);
  scan();
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan);
})();
