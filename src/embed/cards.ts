/**
 * Image fallback for platforms that take no HTML (Substack, Medium): a 1200×630 PNG per widget
 * scenario with the scenario in words and its key numbers, computed by the calculation module
 * from the scenario's URL values, rendered from SVG at build time.
 */
import sharp from 'sharp';
import { widgetById } from '../widgets/registry.ts';
import { liquidationPrice, netPnl, positionFromMargin, shareOf } from '../calc/index.ts';
import { readNumber, readPercent } from '../input/number.ts';
import { formatMoney, formatMultiple, formatPercent, formatPrice } from '../format/numbers.ts';
import { escapeHtml } from './html.ts';

export interface Card {
  title: string;
  /** The scenario in words. */
  scenario: string;
  /** Key numbers as label and value. */
  figures: [string, string][];
}

type Describe = (values: Record<string, string>) => Omit<Card, 'title'>;

/**
 * Widgets with their own description; others fall back to their settings in words. A describer reads the scenario's
 * URL values with the input module and asks calc for each figure, as the widget does; it imports no widget code.
 */
const describers: Record<string, Describe> = {
  position: (v) => {
    const side = v['side'] === 'short' ? 'short' : 'long';
    const contract = v['contract'] === 'inverse' ? 'inverse' : 'linear';
    const unit = contract === 'linear' ? 'USDT' : 'BTC';
    const read = (field: string, label: string) => readNumber(v[field] ?? '', field, { label, min: 0, minOpen: true });
    const margin = read('margin', 'margin');
    const leverage = read('leverage', 'leverage');
    const entry = read('entry', 'entry price');
    const exit = read('exit', 'exit price');
    const feeRate = readPercent(v['fee'] ?? '', 'fee', { label: 'trading fee', min: 0, max: 1 });
    const mmr = readPercent(v['mmr'] ?? '', 'mmr', { label: 'maintenance margin rate', min: 0, max: 50 });
    const { notional, quantity } = positionFromMargin({ contract, margin, leverage, price: entry });
    const trade = { side, contract, quantity, entryPrice: entry } as const;
    const { net } = netPnl({ ...trade, exitPrice: exit, openFeeRate: feeRate, closeFeeRate: feeRate });
    const liquidation = liquidationPrice({
      ...trade,
      marginMode: 'isolated',
      leverage,
      maintenanceMarginRate: mmr,
    }).price;
    return {
      scenario: `A ${formatMultiple(leverage)} ${side} of ${formatMoney(notional, { unit })} on ${formatMoney(margin, { unit })} of margin, from ${formatPrice(entry)} to ${formatPrice(exit)}.`,
      figures: [
        ['PnL after fees', formatMoney(net, { unit, signed: true })],
        ['Return on margin', formatPercent(shareOf({ part: net, whole: margin }), { signed: true })],
        ['Liquidation price', liquidation ? formatPrice(liquidation) : 'none'],
      ],
    };
  },
};

export function cardFor(widgetId: string, params: Record<string, string>, title?: string): Card {
  const widget = widgetById(widgetId);
  if (!widget) throw new Error(`[leverage-lab] no widget "${widgetId}"`);
  const values = { ...widget.params.defaults, ...params } as Record<string, string>;
  const describe = describers[widgetId];
  if (describe) return { title: title ?? widget.title, ...describe(values) };
  const labels = widget.params.labels as Record<string, string>;
  const settings = Object.keys(values)
    .slice(0, 6)
    .map((k) => [labels[k] ?? k, values[k] ?? ''] as [string, string]);
  return { title: title ?? widget.title, scenario: widget.description, figures: settings };
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
  const title = wrap(card.title, 36).slice(0, 2);
  const scenario = wrap(card.scenario, 60).slice(0, 3);
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
    y += 40;
    parts.push(`<text x="70" y="${y}" ${font} font-size="28" fill="#a9b0bb">${escapeHtml(s)}</text>`);
  }
  const figures = card.figures.slice(0, 3);
  figures.forEach(([label, value], i) => {
    const x = 70 + i * 370;
    parts.push(`<text x="${x}" y="500" ${font} font-size="24" fill="#a9b0bb">${escapeHtml(label)}</text>`);
    parts.push(
      `<text x="${x}" y="545" ${font} font-size="36" font-weight="700" fill="#e7e9ed">${escapeHtml(value)}</text>`,
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
