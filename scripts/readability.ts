/**
 * Readability check for the lessons: strips MDX down to the prose a reader sees, then reports the
 * word count and the Flesch reading ease of each content/lessons/*.mdx file.
 *
 * Run: node scripts/readability.ts   (exits 1 when a lesson scores below 50 or has fewer than
 * 1,200 or more than 2,500 words). Dependency-free on purpose: Node 22 runs it with type stripping.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The thresholds every lesson must meet. */
export const LIMITS = { minFlesch: 50, minWords: 1200, maxWords: 2500 } as const;

/** What a self-closing <Calc … /> becomes: a short number, read aloud as a few syllables. */
const CALC_TOKEN = '100';

/** A tag's attributes: quoted strings and {expressions} (one level of nested braces) may hold ">". */
const ATTRIBUTES = String.raw`(?:[^>"'{}]|"[^"]*"|'[^']*'|\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\})*`;

/** Tags that start a new block of prose. */
const BLOCK_TAGS = 'Callout|aside|div|p|section|figure|figcaption|details|summary|ul|ol|li|blockquote|h[1-6]|br|hr';

/** Abbreviations whose dots must not end a sentence. */
const ABBREVIATIONS: ReadonlyArray<[RegExp, string]> = [
  [/\be\.g\./gi, 'eg'],
  [/\bi\.e\./gi, 'ie'],
  [/\betc\./gi, 'etc'],
  [/\bvs\./gi, 'vs'],
  [/\bU\.S\./g, 'US'],
  [/\bNo\.(?=\s*\d)/g, 'No'],
];

/** Removes every block from a match of `open` to the first match of `close` (a global regex) after it. */
function removeBalanced(text: string, open: RegExp, close: RegExp): string {
  let out = text;
  for (;;) {
    const start = out.search(open);
    if (start === -1) return out;
    close.lastIndex = start;
    const end = close.exec(out);
    const stop = end ? end.index + end[0].length : out.length;
    out = `${out.slice(0, start)}\n\n${out.slice(stop)}`;
  }
}

/**
 * Reduces an MDX lesson to plain prose: no front matter, imports, exports, code, tables, JSX/HTML
 * tags or markdown syntax. The children of tags such as <Term> are kept, a <Callout>'s title is
 * kept as its own sentence, and a self-closing <Calc … /> becomes a short number. Blocks
 * (paragraphs, headings, list items) are separated by blank lines and end with a full stop.
 */
export function stripMdx(source: string): string {
  let text = source.replace(/\r\n?/g, '\n');

  // Front matter at the very top.
  text = text.replace(/^---\n[\s\S]*?\n---[ \t]*(\n|$)/, '');
  // Fenced code blocks, then inline code.
  text = text.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[ \t]*$/gm, '\n');
  text = text.replace(/`[^`\n]*`/g, '');
  // Comments: MDX expressions holding only a comment, and HTML comments.
  text = text.replace(/\{\/\*[\s\S]*?\*\/\}/g, '');
  text = text.replace(/<!--[\s\S]*?-->/g, '');
  // ESM lines: imports (possibly over several lines) and one-line exports.
  text = text.replace(/^import\b[^;'"]*?\bfrom\s*(['"])[^'"\n]*\1;?[ \t]*$/gm, '');
  text = text.replace(/^import\s*(['"])[^'"\n]*\1;?[ \t]*$/gm, '');
  text = text.replace(/^export\b.*$/gm, '');
  // HTML/JSX tables and markdown tables.
  text = removeBalanced(text, /<table\b/i, /<\/table\s*>/gi);
  text = text.replace(/^[ \t]*\|.*\|[ \t]*$/gm, '');
  // Calculated numbers.
  text = text.replace(/<Calc\b[\s\S]*?\/>/g, CALC_TOKEN);
  // A callout's title is read as a sentence of its own.
  text = text.replace(/<Callout\b[^>]*?\btitle=(["'])(.*?)\1[^>]*>/g, '\n\n$2\n\n');
  // Any other self-closing tag carries no prose. Paired tags keep their children: a block-level
  // tag becomes a paragraph break, an inline one (<Term>, <strong>) simply disappears.
  text = text.replace(new RegExp(`<[A-Za-z][\\w.:-]*\\b${ATTRIBUTES}\\/>`, 'g'), '');
  text = text.replace(new RegExp(`<\\/?(${BLOCK_TAGS})\\b${ATTRIBUTES}>`, 'g'), '\n\n');
  text = text.replace(new RegExp(`<\\/?[A-Za-z][\\w.:-]*\\b${ATTRIBUTES}>`, 'g'), '');
  text = text.replace(/<\/?>/g, '');
  // Leftover MDX expressions such as {' '}.
  text = text.replace(/\{[^{}\n]*\}/g, ' ');
  // Markdown syntax.
  text = text.replace(/!\[([^\]]*)\]\([^)]*\)/g, '');
  text = text.replace(/\[([^\]]+)\]\([^)]*\)/g, '$1');
  text = text.replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1');
  text = text.replace(/^\[[^\]]+\]:.*$/gm, '');
  text = text.replace(/(\*\*|__)(.+?)\1/g, '$2');
  text = text.replace(/(^|[\s(])[*_](\S(?:.*?\S)?)[*_](?=[\s).,;:!?]|$)/g, '$1$2');
  text = text.replace(/~~(.+?)~~/g, '$1');
  text = text.replace(/&nbsp;|&#160;/g, ' ');
  text = text.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
  text = text.replace(/&[a-z]+;|&#\d+;/g, ' ');

  const blocks: string[] = [];
  let paragraph: string[] = [];
  const flush = (): void => {
    if (paragraph.length > 0) blocks.push(paragraph.join(' '));
    paragraph = [];
  };
  for (const rawLine of text.split('\n')) {
    let line = rawLine.trim();
    if (line === '' || /^([-*_])(\s*\1){2,}$/.test(line)) {
      flush();
      continue;
    }
    line = line.replace(/^>\s?/, '').trim();
    const heading = /^#{1,6}\s+/.test(line);
    const item = /^([-*+]|\d+[.)])\s+/.test(line);
    line = line.replace(/^#{1,6}\s+/, '').replace(/^([-*+]|\d+[.)])\s+/, '');
    if (heading || item) {
      flush();
      blocks.push(line);
    } else {
      paragraph.push(line);
    }
  }
  flush();

  return blocks
    .map((block) => block.replace(/\s+/g, ' ').trim())
    .filter((block) => /[A-Za-z0-9]/.test(block))
    .map((block) => block.replace(/[:;,]$/, ''))
    .map((block) => (/[.!?]["')\]\u201d]*$/.test(block) ? block : `${block}.`))
    .join('\n\n');
}

/** The words of a text: whitespace-separated tokens holding a letter or digit, punctuation trimmed. */
export function words(text: string): string[] {
  return text
    .split(/[\s\u2013\u2014/]+/)
    .map((token) => token.replace(/^[^A-Za-z0-9$]+|[^A-Za-z0-9%]+$/g, ''))
    .filter((token) => /[A-Za-z0-9]/.test(token));
}

/** The number of sentences: runs of . ! or ? followed by a space or the end; at least 1 for any words. */
export function countSentences(text: string): number {
  let t = text;
  for (const [pattern, replacement] of ABBREVIATIONS) t = t.replace(pattern, replacement);
  const ends = t.match(/[.!?]+["')\]\u201d]*(?=\s|$)/g) ?? [];
  return Math.max(ends.length, words(t).length > 0 ? 1 : 0);
}

/** Words a rule of thumb gets wrong, with their syllable count. */
const SYLLABLE_EXCEPTIONS: Readonly<Record<string, number>> = {
  area: 3,
  being: 2,
  business: 2,
  create: 2,
  created: 3,
  every: 2,
  everyone: 3,
  idea: 3,
  ideas: 3,
  period: 3,
  periodic: 4,
  people: 2,
  ratio: 3,
  react: 2,
  real: 1,
  really: 2,
  science: 2,
  someone: 2,
  something: 2,
  sometimes: 2,
  whole: 1,
  whose: 1,
  whenever: 3,
  wednesday: 2,
};

/**
 * English syllables by rule of thumb: count vowel groups (y counts as a vowel except at the start),
 * after dropping a silent final "e", a silent "-es" and a silent "-ed", then add one where a vowel
 * pair is usually split ("ia", "io" after a consonant other than c, s, t or g, and "eo"). A token
 * with a digit counts as two syllables. Every word has at least one.
 */
export function countSyllables(word: string): number {
  if (/\d/.test(word)) return 2;
  let w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (w === '') return 0;
  const known = SYLLABLE_EXCEPTIONS[w];
  if (known !== undefined) return known;
  if (w.length <= 3) return 1;

  if (/[^aeiouy]es$/.test(w)) {
    // "-es" is voiced after sibilants (prices, changes, fixes, wishes), silent otherwise (trades).
    if (!/([sxzcg]|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  } else if (/[^aeiouy]ed$/.test(w)) {
    // "-ed" is voiced after t and d (wanted, traded), silent otherwise (moved, opened).
    if (!/[td]ed$/.test(w)) w = w.slice(0, -2);
  } else if (/[^aeiouy]e$/.test(w) && !/[^aeiouy]le$/.test(w)) {
    // Silent final e (trade, price, leverage), but "-le" after a consonant is a syllable (table).
    w = w.slice(0, -1);
  }

  const groups = w.replace(/^y/, '').match(/[aeiouy]+/g) ?? [];
  let count = groups.length;
  // Vowel pairs that are usually two syllables.
  count += (w.match(/[^cstg]i[ao]/g) ?? []).length;
  count += (w.match(/eo/g) ?? []).length;
  count += (w.match(/[^aeiou]ua/g) ?? []).length;
  // "-ing" after a vowel is its own syllable (going, paying, seeing).
  if (/[aeiouy]ing$/.test(w)) count += 1;
  return Math.max(1, count);
}

/** Word, sentence and syllable totals of plain text. */
export function textCounts(text: string): { words: number; sentences: number; syllables: number } {
  const list = words(text);
  const syllables = list.reduce((sum, w) => sum + countSyllables(w), 0);
  return { words: list.length, sentences: countSentences(text), syllables };
}

/**
 * Flesch reading ease of plain text: 206.835 − 1.015 × (words / sentences) − 84.6 × (syllables /
 * words). Higher is easier; 60–70 is plain English. Returns 0 for text with no words.
 */
export function fleschReadingEase(text: string): number {
  const { words: w, sentences, syllables } = textCounts(text);
  if (w === 0) return 0;
  return 206.835 - 1.015 * (w / sentences) - 84.6 * (syllables / w);
}

export interface LessonStats {
  words: number;
  sentences: number;
  syllables: number;
  flesch: number;
}

/** Readability statistics of one MDX lesson's source. */
export function lessonStats(source: string): LessonStats {
  const prose = stripMdx(source);
  return { ...textCounts(prose), flesch: fleschReadingEase(prose) };
}

/** Whether a lesson meets the course's readability and length limits. */
export function passes(stats: LessonStats): boolean {
  return stats.flesch >= LIMITS.minFlesch && stats.words >= LIMITS.minWords && stats.words <= LIMITS.maxWords;
}

function main(): void {
  const dir = resolve(fileURLToPath(new URL('../content/lessons/', import.meta.url)));
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .sort();
  if (files.length === 0) {
    console.log('No lessons found in content/lessons/.');
    return;
  }
  let failed = false;
  const rows = files.map((file) => {
    const stats = lessonStats(readFileSync(join(dir, file), 'utf8'));
    const ok = passes(stats);
    if (!ok) failed = true;
    return [file, String(stats.words), String(stats.sentences), stats.flesch.toFixed(1), ok ? 'ok' : 'FAIL'];
  });
  const header = ['lesson', 'words', 'sentences', 'flesch', 'status'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
  console.log(
    `\nLimits: Flesch reading ease >= ${LIMITS.minFlesch}; ${LIMITS.minWords}-${LIMITS.maxWords} words of prose.`,
  );
  if (failed) process.exitCode = 1;
}

const invokedAs = process.argv[1] ? resolve(process.argv[1]) : '';
if (invokedAs === fileURLToPath(import.meta.url)) main();
