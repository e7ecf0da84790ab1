/**
 * Readability check for the lessons: the prose a reader sees, taken from the lesson's syntax tree as Astro's own MDX
 * compiler (satteri) parses it, with every number turned into the words a reader says aloud; then its word count and
 * Flesch reading ease (the `flesch` formula, syllables by `syllable`, words and sentences by the ICU segmenter).
 *
 * Run: node scripts/readability.ts   (exits 1 when a lesson scores below LIMITS.minFlesch or has fewer than
 * LIMITS.minWords or more than LIMITS.maxWords words).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { mdxToMdast, type MdastNode } from 'satteri';
import { syllable } from 'syllable';
import { flesch } from 'flesch';
import { toCardinal, toCurrency, toOrdinal } from 'n2words/en-US';
import { figureText, type ShownFigure } from '../src/lessons/figures.ts';

/**
 * The thresholds every lesson must meet. Flesch 50 is the line between "fairly difficult" and "plain" English; with
 * figures read as said aloud the lessons score about 60–85 (67–87 when every figure counted as "100").
 */
export const LIMITS = { minFlesch: 50, minWords: 1200, maxWords: 2500 } as const;

/** An MDX JSX element of the tree (flow or text). */
type JsxNode = MdastNode & {
  name: string | null;
  attributes: { type: string; name?: string; value?: string | { value: string } | null }[];
};

/** How a lesson renders one `<Calc>`: the text the reader sees in its place. */
export type FigureText = (attributes: Record<string, unknown>) => string;

/** Block-level containers whose text is not read as prose: tables, code, front matter, imports, widgets. */
const SKIPPED = new Set(['yaml', 'toml', 'mdxjsEsm', 'code', 'html', 'table', 'definition', 'mdxFlowExpression']);
const SKIPPED_JSX = new Set(['table', 'WideTable']);

/**
 * The attributes of a JSX element: plain strings as they are, a bare name as `true`, `{…}` expressions evaluated with
 * `scope` in reach (the lesson's own code, which the build runs too).
 */
export function attributesOf(node: JsxNode, scope: Record<string, unknown> = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const a of node.attributes) {
    if (a.type !== 'mdxJsxAttribute' || !a.name) continue;
    const v = a.value;
    if (v === null || v === undefined) out[a.name] = true;
    else if (typeof v === 'string') out[a.name] = v;
    // The expression is a lesson's own attribute (`input={tenXLong}`, `digits={1}`): evaluated against the lesson's
    // named scenario values, it gives the figure the page shows. Only the project's own MDX ever reaches this.
    // eslint-disable-next-line @typescript-eslint/no-implied-eval, @typescript-eslint/no-unsafe-call
    else out[a.name] = new Function(...Object.keys(scope), `return (${v.value});`)(...Object.values(scope));
  }
  return out;
}

/**
 * The prose blocks of an MDX lesson, in reading order: headings, paragraphs, list items, and each callout's title as a
 * sentence of its own. Inline elements (`<Term>`, bold, links) keep their text; `<Calc>` becomes `figure(...)`; tables,
 * code, widgets, imports and front matter are left out. Every block ends with a full stop unless it has its own.
 */
export function proseBlocks(source: string, figure: (node: JsxNode) => string): string[] {
  const tree = mdxToMdast(source, { position: false });
  const blocks: string[] = [];
  const inline = (node: MdastNode): string => {
    const n = node as MdastNode & { value?: string; children?: MdastNode[] };
    switch (n.type) {
      case 'text':
        return n.value ?? '';
      case 'break':
        return ' ';
      case 'inlineCode':
      case 'image':
      case 'footnoteReference':
        return '';
      case 'mdxTextExpression':
        // {' '} and the like: a space or a literal string.
        return /^\s*(['"])(.*)\1\s*$/.exec(n.value ?? '')?.[2] ?? ' ';
      case 'mdxJsxTextElement':
        if ((n as JsxNode).name === 'Calc') return figure(n);
        return (n.children ?? []).map(inline).join('');
      default:
        return (n.children ?? []).map(inline).join('');
    }
  };
  const flow = (node: MdastNode): void => {
    const n = node as MdastNode & { children?: MdastNode[] };
    if (SKIPPED.has(n.type)) return;
    if (n.type === 'paragraph' || n.type === 'heading') {
      blocks.push(inline(n));
      return;
    }
    if (n.type === 'mdxJsxFlowElement') {
      const el = n as JsxNode;
      if (SKIPPED_JSX.has(el.name ?? '')) return;
      if (el.name === 'Calc') {
        blocks.push(figure(el));
        return;
      }
      const title = el.attributes.find((a) => a.name === 'title')?.value;
      if (el.name === 'Callout' && typeof title === 'string') blocks.push(title);
    }
    for (const child of n.children ?? []) flow(child);
  };
  flow(tree);
  return blocks
    .map((b) => b.replace(/\s+/g, ' ').trim())
    .filter((b) => /[A-Za-z0-9]/.test(b))
    .map((b) => b.replace(/[:;,]$/, ''))
    .map((b) => (/[.!?]["')\]\u201d\u2019]*$/.test(b) ? b : `${b}.`));
}

/** A number as digits with optional grouping commas and decimals. */
const NUMBER = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const SPOKEN = new RegExp(String.raw`(?:(?<!\w)([-\u2212+]))?(\$)?(${NUMBER})(%|x\b|\u00d7|(?:st|nd|rd|th)\b)?`, 'g');

/**
 * Text with every number written as a reader says it: "$45,016.75" is "forty-five thousand sixteen dollars and
 * seventy-five cents", "9.5%" is "nine point five percent", "10x" is "ten times", "−3" is "minus three", "2nd" is
 * "second".
 */
export function spoken(text: string): string {
  return text.replace(SPOKEN, (_m, sign?: string, dollar?: string, digits?: string, suffix?: string) => {
    const value = (digits ?? '').replace(/,/g, '');
    let said: string;
    if (suffix && /^(st|nd|rd|th)$/.test(suffix)) said = toOrdinal(value);
    else if (dollar) said = toCurrency(value);
    else said = toCardinal(value);
    if (suffix === '%') said += ' percent';
    else if (suffix === 'x' || suffix === '\u00d7') said += ' times';
    const before = sign === '+' ? 'plus ' : sign ? 'minus ' : '';
    return `${before}${said}`;
  });
}

const WORDS = new Intl.Segmenter('en', { granularity: 'word' });
const SENTENCES = new Intl.Segmenter('en', { granularity: 'sentence' });

/** The words of plain text (Unicode word segmentation: "It's" and "e.g" are one word each, "stop-loss" two). */
export function words(text: string): string[] {
  return [...WORDS.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment);
}

/** The sentences of plain text that hold a word (Unicode sentence segmentation: "e.g." or "0.5" end none). */
export function countSentences(text: string): number {
  return [...SENTENCES.segment(text)].filter((s) => words(s.segment).length > 0).length;
}

/** Syllables of one word; an initialism (BTC, USDT, CFTC) is read letter by letter, and "W" has three. */
export function syllables(word: string): number {
  if (/^[A-Z]{2,5}s?$/.test(word)) return [...word.replace(/s$/, '')].reduce((n, c) => n + (c === 'W' ? 3 : 1), 0);
  return syllable(word);
}

export interface LessonStats {
  /** Words as written: "$45,016.75" is one. The length limits count these. */
  words: number;
  /** Words as said aloud: "$45,016.75" is ten. Flesch counts these. */
  spokenWords: number;
  sentences: number;
  syllables: number;
  flesch: number;
}

/** The counts of prose blocks and their Flesch reading ease, numbers read as said aloud. */
export function textStats(blocks: string[]): LessonStats {
  const stats = { words: 0, spokenWords: 0, sentences: 0, syllables: 0 };
  for (const block of blocks) {
    stats.words += words(block).length;
    stats.sentences += countSentences(block);
    for (const word of words(spoken(block))) {
      stats.spokenWords += 1;
      stats.syllables += syllables(word);
    }
  }
  const { spokenWords: word, sentences: sentence, syllables: syllable } = stats;
  return { ...stats, flesch: word === 0 ? 0 : flesch({ sentence, word, syllable }) };
}

/**
 * The lesson's named imports from TypeScript modules (calc constants such as BINANCE_BTCUSDT), so `<Calc input={…}>`
 * expressions can be evaluated as the build evaluates them. Component imports (.astro) are not needed.
 */
export async function lessonScope(source: string, file: string): Promise<Record<string, unknown>> {
  const scope: Record<string, unknown> = {};
  const load = async (spec: string) =>
    (await import(new URL(spec, pathToFileURL(file)).href)) as Record<string, unknown>;
  for (const m of source.matchAll(/^import\s*\{([^}]*)\}\s*from\s*(['"])([^'"]+\.ts)\2/gm)) {
    const mod = await load(m[3]);
    for (const part of m[1].split(',')) {
      const [name, local] = part.trim().split(/\s+as\s+/);
      if (name) scope[(local ?? name).trim()] = mod[name.trim()];
    }
  }
  for (const m of source.matchAll(/^import\s*\*\s*as\s+(\w+)\s+from\s*(['"])([^'"]+\.ts)\2/gm)) {
    scope[m[1]] = await load(m[3]);
  }
  return scope;
}

/** The text a `<Calc>` shows, from its props: the one function Calc.astro renders with (src/lessons/figures.ts). */
export function calcFigure(props: Record<string, unknown>): string {
  return figureText(props as unknown as ShownFigure);
}

/**
 * Readability statistics of one MDX lesson's source: `figure` says what a `<Calc>` reads as, `scope` holds the names
 * its `{…}` attributes may use.
 */
export function lessonStats(source: string, figure: FigureText, scope: Record<string, unknown> = {}): LessonStats {
  return textStats(proseBlocks(source, (node) => figure(attributesOf(node, scope))));
}

/** Readability statistics of a lesson file, its `<Calc>` figures computed by calc as the build computes them. */
export async function lessonFileStats(file: string): Promise<LessonStats> {
  const source = readFileSync(file, 'utf8');
  return lessonStats(source, calcFigure, await lessonScope(source, file));
}

/** Whether a lesson meets the course's readability and length limits. */
export function passes(stats: LessonStats): boolean {
  return stats.flesch >= LIMITS.minFlesch && stats.words >= LIMITS.minWords && stats.words <= LIMITS.maxWords;
}

async function main(): Promise<void> {
  const dir = resolve(fileURLToPath(new URL('../content/lessons/', import.meta.url)));
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .sort();
  if (files.length === 0) {
    console.log('No lessons found in content/lessons/.');
    return;
  }
  let failed = false;
  const rows: string[][] = [];
  for (const file of files) {
    const stats = await lessonFileStats(join(dir, file));
    const ok = passes(stats);
    if (!ok) failed = true;
    const counts = [stats.words, stats.spokenWords, stats.sentences].map(String);
    rows.push([file, ...counts, stats.flesch.toFixed(1), ok ? 'ok' : 'FAIL']);
  }
  const header = ['lesson', 'words', 'spoken', 'sentences', 'flesch', 'status'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
  console.log(
    `\nLimits: Flesch reading ease >= ${LIMITS.minFlesch}, numbers read as the words a reader says ("spoken");` +
      ` ${LIMITS.minWords}-${LIMITS.maxWords} words of prose as written.`,
  );
  if (failed) process.exitCode = 1;
}

const invokedAs = process.argv[1] ? resolve(process.argv[1]) : '';
if (invokedAs === fileURLToPath(import.meta.url)) await main();
