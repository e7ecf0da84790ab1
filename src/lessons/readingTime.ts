/** Reading time from a lesson's MDX source: words of prose at a beginner's pace. */

/** Words per minute for careful reading of new material (slower than the usual 238 for fiction). */
export const WORDS_PER_MINUTE = 200;

/** Counts words of prose: front matter, imports, tags and markdown syntax do not count. */
export function proseWordCount(mdx: string): number {
  const text = mdx
    .replace(/^---[\s\S]*?---/, ' ')
    // Imports may span lines (`import {\n  a,\n  b,\n} from '…';`); exports are one line.
    .replace(/^\s*import\b[^;'"]*?\bfrom\s*(['"])[^'"\n]*\1;?[ \t]*$/gm, ' ')
    .replace(/^\s*(import|export)\s.*$/gm, ' ')
    .replace(/<Calc\b[^>]*\/>/g, ' 0 ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/[#>*_`|[\]()-]/g, ' ');
  return text.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)).length;
}

/** Whole minutes, at least 1. */
export function readingMinutes(mdx: string): number {
  return Math.max(1, Math.round(proseWordCount(mdx) / WORDS_PER_MINUTE));
}
