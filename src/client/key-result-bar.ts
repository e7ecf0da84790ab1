/**
 * On a phone, a tool's fields fill the first screen and its result comes after them. This bar keeps the widget's key
 * result (the figure marked `data-key-result`, the same one embeds keep in view) at the bottom of the screen while the
 * real one is still below the screen, and follows it as the reader changes a field; a tap scrolls to the full results. It copies
 * text the widget already shows: no calculation here. Wider screens never show it (CSS, global.css).
 */

const KEY_RESULT = '[data-key-result]';

function start(): void {
  const widget = document.querySelector<HTMLElement>('main [data-widget]');
  if (!widget?.querySelector(KEY_RESULT)) return;
  // A button, not a link: the figure has no id in the page's HTML, so a fragment link would point nowhere.
  const bar = document.createElement('button');
  bar.type = 'button';
  bar.className = 'key-result-bar';
  bar.hidden = true;
  bar.setAttribute('data-testid', 'key-result-bar');
  document.body.append(bar);

  let source: HTMLElement | null = null;
  // Shown only while the real figure is below the screen (not once the reader has scrolled past it).
  let below = false;
  const seen = new IntersectionObserver((entries) => {
    for (const e of entries)
      below = !e.isIntersecting && e.boundingClientRect.top > (e.rootBounds?.bottom ?? innerHeight);
    bar.hidden = !below || bar.textContent === '';
  });
  // The island re-renders its figures (and may replace the element): copy the text after every change.
  const copy = () => {
    const now = widget.querySelector<HTMLElement>(KEY_RESULT);
    if (!now) return;
    if (now !== source) {
      if (source) seen.unobserve(source);
      source = now;
      seen.observe(now);
    }
    const label = now.querySelector('dt')?.textContent?.trim() ?? '';
    const value = now.querySelector('dd')?.textContent?.trim() ?? now.textContent?.trim() ?? '';
    bar.textContent = label ? `${label}: ${value}` : value;
    bar.hidden = !below || bar.textContent === '';
  };
  bar.addEventListener('click', () => source?.scrollIntoView({ block: 'center' }));
  copy();
  new MutationObserver(copy).observe(widget, { subtree: true, childList: true, characterData: true });
}

start();

// A module, so its names stay its own.
export {};
