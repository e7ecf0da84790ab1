/**
 * The embed configurator: turns the widget's current scenario (from its URL state) and the chosen
 * look into the exact embed URL, previews that URL, writes the four snippets, and warns when the
 * chosen height would make readers scroll inside the frame at 360 px wide.
 */
import { escapeHtml } from '../embed/html.ts';

const root = document.getElementById('configurator');
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T | null;

interface PresetInfo {
  id: string;
  title: string;
  query: string;
}

if (root) {
  const widget = root.dataset['widget'] ?? '';
  const title = `${root.dataset['title'] ?? 'Widget'} (Leverage Lab)`;
  const site = root.dataset['site'] ?? location.origin;
  const integrity = root.dataset['integrity'] ?? '';
  const presets = JSON.parse(root.dataset['presets'] ?? '[]') as PresetInfo[];
  const widthInput = $<HTMLInputElement>('cfg-width');
  const heightInput = $<HTMLInputElement>('cfg-height');
  const follow = $<HTMLInputElement>('cfg-follow');
  const presetSelect = $<HTMLSelectElement>('cfg-preset');
  const preview = $<HTMLIFrameElement>('cfg-preview');
  const measure = $<HTMLIFrameElement>('cfg-measure');
  const errors = $<HTMLElement>('cfg-errors');
  const warning = $<HTMLElement>('cfg-height-warning');
  const copied = $<HTMLElement>('cfg-copied');
  let scenario = location.search.replace(/^\?/, '');
  let measured = 0;
  let previewTimer: ReturnType<typeof setTimeout> | undefined;

  const theme = () => document.querySelector<HTMLInputElement>('input[name="theme"]:checked')?.value ?? 'auto';

  /** A whole number of pixels within a sane range, or null with a message. */
  function pixels(input: HTMLInputElement | null, label: string, min: number, max: number): number | null {
    const text = input?.value.trim() ?? '';
    const n = Number(text);
    if (!/^\d{2,5}$/.test(text) || n < min || n > max) {
      if (errors) errors.textContent = `${label} must be a whole number of pixels from ${min} to ${max}.`;
      input?.setAttribute('aria-invalid', 'true');
      return null;
    }
    input?.removeAttribute('aria-invalid');
    return n;
  }

  function embedUrl(): string {
    const query = new URLSearchParams(scenario);
    if (theme() !== 'auto') query.set('theme', theme());
    const q = query.toString();
    return `${site}/embed/v1/${widget}/${q ? `?${q}` : ''}`;
  }

  function update(): void {
    if (errors) errors.textContent = '';
    const width = pixels(widthInput, 'The largest width', 320, 2000);
    const height = pixels(heightInput, 'The height', 200, 4000);
    if (width === null || height === null) return;
    const url = embedUrl();
    const style = `border:0;width:100%;max-width:${width}px;display:block;margin:1.5em auto;`;
    const attrs = `src="${escapeHtml(url)}" title="${escapeHtml(title)}" width="100%" height="${height}" style="${style}" loading="lazy" referrerpolicy="no-referrer" sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"`;
    const set = (id: string, text: string) => {
      const el = $<HTMLTextAreaElement>(id);
      if (el) el.value = text;
    };
    set('snip-iframe', `<iframe ${attrs}></iframe>`);
    set(
      'snip-loader',
      `<iframe data-leveragelab${follow?.checked ? ' data-follow-theme' : ''} ${attrs}></iframe>\n<script async src="${site}/embed/v1/loader.js" integrity="${integrity}" crossorigin="anonymous"></script>`,
    );
    const preset = presets.find((p) => p.id === presetSelect?.value);
    const presetPath = preset ? `${widget}/${preset.id}` : widget;
    set('snip-link', `${site}/embed/v1/${presetPath}/`);
    const toolUrl = `${site}/tools/${widget}/${preset?.query ? `?${preset.query}` : ''}`;
    const alt = `${preset?.title ?? title}: open the live calculator`;
    set(
      'snip-image',
      `<a href="${escapeHtml(toolUrl)}"><img src="${site}/cards/${presetPath}.png" alt="${escapeHtml(alt)}" width="600" height="315"></a>`,
    );
    const img = $<HTMLImageElement>('snip-image-preview');
    if (img) img.src = `/cards/${presetPath}.png`;
    if (preview) {
      preview.style.maxWidth = `${width}px`;
      preview.height = String(height);
      clearTimeout(previewTimer);
      // Wait for typing to pause before reloading the preview.
      previewTimer = setTimeout(() => {
        if (preview.src !== url) preview.src = url;
        if (measure) measure.src = `${url}#id=measure`;
      }, 400);
    }
    warn(height);
  }

  function warn(height: number): void {
    if (!warning) return;
    if (measured > height) {
      warning.hidden = false;
      warning.textContent = `At 360 px wide this widget is ${measured} px tall, so with a height of ${height} px readers without the loader would scroll inside the frame. Use at least ${measured} px, or add the loader.`;
    } else {
      warning.hidden = true;
      warning.textContent = '';
    }
  }

  addEventListener('message', (event: MessageEvent) => {
    if (!measure || event.source !== measure.contentWindow) return;
    const d = event.data as { source?: unknown; v?: unknown; type?: unknown; height?: unknown } | null;
    if (
      d &&
      d.source === 'leveragelab' &&
      d.v === 1 &&
      d.type === 'resize' &&
      typeof d.height === 'number' &&
      Number.isFinite(d.height)
    ) {
      measured = Math.ceil(d.height);
      const h = Number(heightInput?.value);
      if (Number.isFinite(h)) warn(h);
    }
  });

  addEventListener('leveragelab:state', (event: Event) => {
    const query = (event as CustomEvent<{ query: string }>).detail.query.replace(/^\?/, '');
    if (query !== scenario) {
      scenario = query;
      update();
    }
  });
  document.getElementById('cfg-form')?.addEventListener('input', update);
  document.getElementById('cfg-form')?.addEventListener('change', update);
  presetSelect?.addEventListener('change', update);

  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
    button.addEventListener('click', () => void copy(button));
  }

  /** Copies the snippet a button names, or selects it for the reader to copy when the clipboard is refused. */
  async function copy(button: HTMLButtonElement): Promise<void> {
    const area = $<HTMLTextAreaElement>(button.dataset['copy'] ?? '');
    if (!area) return;
    try {
      await navigator.clipboard.writeText(area.value);
      if (copied) copied.textContent = 'Copied to the clipboard.';
    } catch {
      area.select();
      if (copied) copied.textContent = 'Select the text and copy it with Ctrl+C (or ⌘C).';
    }
  }
  update();
}
