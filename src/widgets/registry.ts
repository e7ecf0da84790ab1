/**
 * Every widget the site offers, in one list: its id (the /tools/<id>/ and embed path), title,
 * URL parameters with defaults, and the height an embed starts at. Pages and the embed layer
 * read this list; nothing else decides which widgets exist.
 */
import { positionParams } from './PositionCalculator/params.ts';
import type { ParamsSpec, ParamShape } from './shared/params.ts';

export interface WidgetEntry<S extends ParamShape = ParamShape> {
  id: string;
  title: string;
  /** One sentence for lists and meta descriptions. */
  description: string;
  /** A few short paragraphs for the tool page. */
  intro: string[];
  params: ParamsSpec<S>;
  /** Starting height of an embed frame, in CSS pixels, before it reports its own. */
  defaultHeight: number;
  /** The lesson that teaches with it. */
  lesson?: string;
}

export const widgets: readonly WidgetEntry[] = [
  {
    id: 'position',
    title: 'Position and PnL calculator',
    description:
      'See how margin and leverage set a position’s size, and what a price move does to its PnL, ROE and your whole account.',
    intro: [
      'Enter the margin you put up and the leverage you choose: the calculator shows the position that buys, then what an exit price would do to it, after trading fees.',
      'The table under the chart keeps the position the same and changes only the leverage. The PnL stays put; only the margin you tie up, and so the return on it, changes. That is the one thing leverage really does.',
    ],
    params: positionParams as unknown as ParamsSpec<ParamShape>,
    defaultHeight: 1180,
    lesson: 'what-leverage-is',
  },
];

export function widgetById(id: string): WidgetEntry | undefined {
  return widgets.find((w) => w.id === id);
}
