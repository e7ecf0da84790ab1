/**
 * What the lesson diagrams share: the numbers they print (always from src/calc through the same call-by-name path
 * that `<Calc>` uses, src/lessons/figures.ts) and plain pixel scaling. No money maths happens here: a figure is
 * computed by calc and turned into a Number only to place it on the drawing.
 */
import { figureText, figureValue, type ShownFigure } from '../../lessons/figures.ts';
import { formatValue, type DecimalLike, type FormatSpec } from '../../format/numbers.ts';

/** The text a diagram prints for a calc figure: exactly what `<Calc>` would show for the same props. */
export function shown(figure: ShownFigure): string {
  return figureText(figure);
}

/** A calc figure as a plain Number, for placing it on the drawing (never for further money maths). */
export function position(figure: Omit<ShownFigure, 'format'>): number {
  return figureValue(figure).toNumber();
}

/** An input the lesson's scenario names (an entry or stop price), printed with the shared formatter. */
export function inputText(value: DecimalLike, spec: FormatSpec): string {
  return formatValue(typeof value === 'number' ? String(value) : value, spec);
}

/** An input (a number, a decimal string or a Decimal) as a plain Number, only to place it on the drawing. */
export function plain(value: DecimalLike): number {
  return Number(typeof value === 'object' ? value.toFixed() : value);
}

/** Linear map of `value` from the domain [d0, d1] onto the drawing's range [r0, r1]. */
export function scale(value: number, [d0, d1]: [number, number], [r0, r1]: [number, number]): number {
  return r0 + ((value - d0) / (d1 - d0)) * (r1 - r0);
}

/** The points of a small filled arrowhead whose tip is at (x, y), pointing `to` ('down', 'up', 'left', 'right'). */
export function arrowHead(x: number, y: number, to: 'down' | 'up' | 'left' | 'right', size = 8): string {
  const h = size / 2;
  const points: Record<typeof to, [number, number][]> = {
    down: [
      [x, y],
      [x - h, y - size],
      [x + h, y - size],
    ],
    up: [
      [x, y],
      [x - h, y + size],
      [x + h, y + size],
    ],
    left: [
      [x, y],
      [x + size, y - h],
      [x + size, y + h],
    ],
    right: [
      [x, y],
      [x - size, y - h],
      [x - size, y + h],
    ],
  };
  return points[to].map(([px, py]) => `${px},${py}`).join(' ');
}
