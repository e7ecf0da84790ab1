/**
 * The search page: loads the Pagefind index (built next to the site, so it works offline) only
 * when there is something to look for, and lists matching lessons with an excerpt.
 */
export {}; // a module, so its names stay out of the global scope (window.status)

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string };
}
interface Pagefind {
  init(): Promise<void>;
  search(query: string): Promise<{ results: { data(): Promise<PagefindResultData> }[] }>;
}

const form = document.getElementById('search-page-form') as HTMLFormElement | null;
const input = document.getElementById('search-page-q') as HTMLInputElement | null;
const status = document.getElementById('search-status');
const list = document.getElementById('search-results');
let pagefind: Promise<Pagefind> | undefined;

function load(): Promise<Pagefind> {
  // A runtime path, not a bundled import: the index only exists in the built site.
  const url = '/pagefind/pagefind.js';
  pagefind ??= (import(/* @vite-ignore */ url) as Promise<Pagefind>).then(async (p) => {
    await p.init();
    return p;
  });
  return pagefind;
}

/** Pagefind excerpts are HTML with <mark>; keep only text and the marks. */
function safeExcerpt(html: string): DocumentFragment {
  const doc = new DOMParser().parseFromString(`<p>${html}</p>`, 'text/html');
  const frag = document.createDocumentFragment();
  for (const node of Array.from(doc.body.firstChild?.childNodes ?? [])) {
    if (node.nodeName === 'MARK') {
      const m = document.createElement('mark');
      m.textContent = node.textContent;
      frag.append(m);
    } else frag.append(document.createTextNode(node.textContent ?? ''));
  }
  return frag;
}

async function run(query: string): Promise<void> {
  if (!status || !list) return;
  list.replaceChildren();
  const q = query.trim();
  if (!q) {
    status.textContent = 'Type a word and press Search.';
    return;
  }
  status.textContent = 'Searching…';
  try {
    const p = await load();
    const found = await p.search(q);
    const data = await Promise.all(found.results.slice(0, 20).map((r) => r.data()));
    status.textContent =
      data.length === 0
        ? `No lesson mentions “${q}”. Try a shorter or different word.`
        : `${data.length} lesson${data.length === 1 ? '' : 's'} found for “${q}”.`;
    for (const d of data) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = d.url;
      a.textContent = d.meta.title ?? d.url;
      const p2 = document.createElement('p');
      p2.append(safeExcerpt(d.excerpt));
      li.append(a, p2);
      list.append(li);
    }
  } catch {
    status.textContent = 'The search index could not be loaded. It is created when the site is built (npm run build).';
  }
}

if (form && input) {
  const q = new URLSearchParams(location.search).get('q') ?? '';
  input.value = q;
  if (q) void run(q);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const url = new URL(location.href);
    url.searchParams.set('q', input.value);
    history.replaceState(null, '', url);
    void run(input.value);
  });
}
