/**
 * Image fallback for platforms that take no HTML (Substack, Medium): a 1200×630 PNG per widget
 * scenario with the scenario in words and its key numbers, computed by the calculation module
 * from the scenario's URL values, rendered from SVG at build time.
 */
import sharp from 'sharp';
import { widgetById } from '../widgets/registry.ts';
import { describers } from './describers/index.ts';
import { escapeHtml } from './html.ts';

export interface Card {
  title: string;
  /** The scenario in one sentence, with its key numbers. */
  scenario: string;
  /** Key numbers as label and value. */
  figures: [string, string][];
}

/**
 * The card's text limits, so that nothing is cut off or runs into the figures: title lines, title and scenario lines
 * together, and their widths in characters.
 */
export const CARD_TEXT = { titleLines: 2, titleWidth: 36, textLines: 6, scenarioWidth: 68 } as const;

/**
 * The card of a scenario: the widget's one describer (src/embed/describers/) reads the scenario's URL values, the
 * widget's defaults filled in, through the widget's model. A widget without a describer is an error, not a stub.
 */
export function cardFor(widgetId: string, params: Record<string, string>, title?: string): Card {
  const widget = widgetById(widgetId);
  if (!widget) throw new Error(`[leverage-lab] no widget "${widgetId}"`);
  const describe = describers[widgetId];
  if (!describe) throw new Error(`[leverage-lab] no describer for widget "${widgetId}" in src/embed/describers/`);
  const values = { ...widget.params.defaults, ...params } as Record<string, string>;
  const { sentence, figures } = describe(values);
  return { title: title ?? widget.title, scenario: sentence, figures };
}

/** Breaks text into lines of at most `width` characters, on spaces. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && (line + ' ' + word).length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

export function cardSvg(card: Card): string {
  const font = "font-family=\"'DejaVu Sans', 'Liberation Sans', Arial, sans-serif\"";
  const title = wrap(card.title, CARD_TEXT.titleWidth).slice(0, CARD_TEXT.titleLines);
  const scenario = wrap(card.scenario, CARD_TEXT.scenarioWidth).slice(0, CARD_TEXT.textLines - title.length);
  let y = 150;
  const parts = [
    `<rect width="1200" height="630" fill="#111317"/>`,
    `<rect x="70" y="60" width="44" height="44" rx="10" fill="#7aa7f0"/>`,
    `<text x="130" y="93" ${font} font-size="30" font-weight="700" fill="#e7e9ed">Leverage Lab</text>`,
  ];
  for (const t of title) {
    y += 62;
    parts.push(`<text x="70" y="${y}" ${font} font-size="52" font-weight="700" fill="#ffffff">${escapeHtml(t)}</text>`);
  }
  y += 16;
  for (const s of scenario) {
    y += 36;
    parts.push(`<text x="70" y="${y}" ${font} font-size="26" fill="#a9b0bb">${escapeHtml(s)}</text>`);
  }
  const figures = card.figures.slice(0, 3);
  figures.forEach(([label, value], i) => {
    const x = 70 + i * 370;
    parts.push(`<text x="${x}" y="500" ${font} font-size="24" fill="#a9b0bb">${escapeHtml(label)}</text>`);
    // A long value (a verdict in words) gets a smaller size so that it stays inside its third of the card.
    const size = value.length > 15 ? 26 : 36;
    parts.push(
      `<text x="${x}" y="545" ${font} font-size="${size}" font-weight="700" fill="#e7e9ed">${escapeHtml(value)}</text>`,
    );
  });
  parts.push(
    `<text x="70" y="600" ${font} font-size="20" fill="#a9b0bb">Educational, not financial advice · open the live calculator to change the numbers</text>`,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630">${parts.join('')}</svg>`;
}

export async function cardPng(card: Card): Promise<Buffer> {
  return sharp(Buffer.from(cardSvg(card)))
    .png()
    .toBuffer();
}
