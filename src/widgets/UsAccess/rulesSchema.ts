/**
 * The zod schema of the navigator's US rules (rules.ts) and the types derived from it. The data is checked
 * against it at build time (the tool page) and in the unit tests, not in the browser, where zod's
 * weight would break the JavaScript budget.
 */
import * as z from 'zod/mini';

const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written as YYYY-MM-DD'));

export const sourceRefSchema = z.object({
  title: z.string().check(z.minLength(3)),
  publisher: z.string().check(z.minLength(2)),
  url: z.string().check(z.regex(/^https:\/\/[^\s]+$/, 'must be an https:// address')),
  /** When the source was published or the event it reports happened. */
  date: isoDate,
});

/** What a reader may do with one kind of product. */
export const verdictSchema = z.enum(['allowed', 'not-allowed', 'ecp-only', 'depends']);

const statementSchema = z.object({
  text: z.string().check(z.minLength(20)),
  sources: z.array(sourceRefSchema).check(z.minLength(1)),
  /** The date this statement was last checked against its sources. */
  asOf: isoDate,
});

const productSchema = z.object({
  id: z.string().check(z.regex(/^[a-z-]+$/)),
  title: z.string().check(z.minLength(10)),
  /** A few words for the one-sentence summary. */
  short: z.string().check(z.minLength(5)),
  retail: z.extend(statementSchema, { verdict: verdictSchema }),
  ecp: z.extend(statementSchema, { verdict: verdictSchema }),
});

export const rulesSchema = z.object({
  /** The day the course's fact check was done; every statement says it is true as of then. */
  checkedOn: isoDate,
  thresholds: z.object({
    /** Individuals: amounts invested on a discretionary basis must be in excess of this… */
    individual: z.string().check(z.regex(/^\d+$/)),
    /** …or in excess of this when the trade manages the risk of an asset or liability of theirs. */
    individualHedging: z.string().check(z.regex(/^\d+$/)),
    /** Entities: total assets in excess of this. */
    entityAssets: z.string().check(z.regex(/^\d+$/)),
    /** Entities that hedge business risk: net worth in excess of this. */
    entityHedgingNetWorth: z.string().check(z.regex(/^\d+$/)),
  }),
  findings: z.record(
    z.enum([
      'individual-over',
      'individual-hedging',
      'individual-not',
      'entity-assets',
      'entity-maybe',
      'entity-not',
      'not-us',
      'world',
      'unknown',
    ]),
    statementSchema,
  ),
  products: z.array(productSchema).check(z.minLength(1)),
  disclaimer: z.string().check(z.minLength(20)),
});

export type SourceRef = z.infer<typeof sourceRefSchema>;
export type Verdict = z.infer<typeof verdictSchema>;
export type Statement = z.infer<typeof statementSchema>;
export type Product = z.infer<typeof productSchema>;
export type Rules = z.infer<typeof rulesSchema>;
export type FindingId = keyof Rules['findings'];
