/** How a text may type a fact's date, for the tests that refuse dates typed by hand (lessons, quiz banks, glossary). */

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** One way of typing a date: the pattern that finds it, and an example of what it finds. */
export interface DateForm {
  pattern: RegExp;
  example: string;
}

/**
 * The ways text can type a fact's date: "21 July 2010", "July 21, 2010" or "Jul 21, 2010" (as <Fact> itself writes it),
 * and the bare month "July 2010" when no day comes before it ("since December 2025"; "4 December 2025" is another day).
 */
export function dateForms(iso: string): DateForm[] {
  const [y, m, d] = iso.split('-').map(Number);
  const month = MONTHS[m - 1];
  const short = month.slice(0, 3);
  return [
    { pattern: new RegExp(`\\b0?${d}(st|nd|rd|th)? ${month},? ${y}\\b`), example: `${d} ${month} ${y}` },
    {
      pattern: new RegExp(`\\b(${month}|${short}\\.?) 0?${d}(st|nd|rd|th)?,? ${y}\\b`),
      example: `${short} ${d}, ${y}`,
    },
    { pattern: new RegExp(`(?<!\\d )\\b${month},? ${y}\\b`), example: `${month} ${y}` },
  ];
}
