/**
 * The zod schema of one regulatory fact (content/facts/*.json): where it applies, which kind of product, what a
 * retail person may use and at what leverage, the rule and the regulator behind it, its sources with their grade, how
 * sure the course is, and the dates it was checked ("as of") and must be checked again ("review by").
 *
 * The schema runs at build time (the `facts` content collection, src/content.config.ts) and in the unit tests, never
 * in the browser: the navigator imports the plain data (src/facts/data.ts) and its types only.
 */
import { z } from 'zod';

/** A calendar date written as YYYY-MM-DD. */
export const factDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written as YYYY-MM-DD')
  .refine((s) => {
    const t = Date.parse(`${s}T00:00:00Z`);
    // Date.parse rolls 30 February over into March: a real date reads back as itself.
    return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === s;
  }, 'is not a real calendar date');

/** Jurisdictions the course covers with solid sources, plus the US. */
export const JURISDICTIONS = ['us', 'eu', 'uk', 'jp', 'au', 'sg', 'ca', 'hk', 'kr'] as const;
export const jurisdictionSchema = z.enum(JURISDICTIONS);

/**
 * The kind of product a fact is about. The three kinds regulators treat apart: `cfd` (an over-the-counter contract
 * for difference, or a crypto "margin" product that works like one), `futures` (exchange-listed futures and
 * perpetual-style futures) and `spot-margin` (borrowing to buy or short the coin itself, including a platform's
 * credit). The US also has the `securities` route and `offshore` venues; `threshold` and `rule` facts carry a number
 * or a rule that is not about one product.
 */
export const PRODUCT_KINDS = ['cfd', 'futures', 'spot-margin', 'securities', 'offshore', 'threshold', 'rule'] as const;
export const productKindSchema = z.enum(PRODUCT_KINDS);

/** What a person may do: `capped` is allowed with a maximum leverage; `unclear` is not settled by the sources. */
export const VERDICTS = ['allowed', 'capped', 'banned', 'professional-only', 'depends', 'unclear'] as const;
export const verdictSchema = z.enum(VERDICTS);

/** Source grades of the fact base: primary, good secondary, weak, or a cited address nobody could open. */
export const GRADES = ['P', 'S', 'W', 'unseen'] as const;
export const gradeSchema = z.enum(GRADES);

export const CONFIDENCES = ['high', 'medium', 'low', 'unverified'] as const;
export const confidenceSchema = z.enum(CONFIDENCES);

export const factSourceSchema = z.object({
  title: z.string().min(3),
  publisher: z.string().min(2),
  url: z.string().regex(/^https:\/\/[^\s]+$/, 'must be an https:// address'),
  /** When the source was published, or the date of the event it reports. */
  date: factDateSchema,
  grade: gradeSchema,
});

const statementSchema = z.object({
  verdict: verdictSchema,
  /** Plain words for a beginner: what this person may use. */
  text: z.string().min(20),
});

/** A number the fact states: the amount as a decimal string, its unit, and how a page writes it. */
const valueSchema = z.object({
  amount: z.string().regex(/^\d+(\.\d+)?$/, 'must be a plain decimal number'),
  /** `count` is a plain number of things, such as the tests a client must meet. */
  unit: z.enum(['USD', 'percent', 'days', 'x', 'count']),
  text: z.string().min(1),
});

export const factSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens'),
    jurisdiction: jurisdictionSchema,
    product: productKindSchema,
    /** A short name for the fact, as a table row or a list item shows it. */
    title: z.string().min(5),
    /** What a retail (non-professional) person may use. Required except for threshold and rule facts. */
    retail: statementSchema.optional(),
    /** What a professional client, accredited investor or eligible contract participant gets instead. */
    professional: statementSchema.optional(),
    /** The highest leverage retail may use, as a multiple ("2" for 2:1 or 2x); null when no cap applies or is known. */
    maxLeverage: z
      .string()
      .regex(/^\d+(\.\d+)?$/)
      .nullable(),
    /** The number the fact states, when it is not a leverage cap (a threshold, a penalty, a percentage). */
    value: valueSchema.optional(),
    /** The firm must close positions when the account's margin falls to this share of the required margin, in %. */
    marginCloseOut: z
      .string()
      .regex(/^\d+(\.\d+)?$/)
      .optional(),
    /** Whether retail cannot lose more than the money in the account (negative balance protection). */
    negativeBalanceProtection: z.boolean().optional(),
    /** The legal instrument(s) that set the rule. */
    instrument: z.string().min(5),
    regulator: z.string().min(2),
    /** When the rule took effect; null when it is not one rule with a start date. */
    effective: factDateSchema.nullable(),
    /** When the rule lapses unless renewed. */
    expires: factDateSchema.optional(),
    /** Primary sources first, then secondary, weak and unseen ones. */
    sources: z.array(factSourceSchema).min(1),
    confidence: confidenceSchema,
    /** What is not settled; required for low or unverified facts and for an "unclear" verdict. */
    unclear: z.string().min(20).optional(),
    /** The day the fact was last checked against its sources. */
    asOf: factDateSchema,
    /** The day by which it must be checked again (`npm run facts` lists the ones past it). */
    reviewBy: factDateSchema,
  })
  .superRefine((f, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (f.reviewBy <= f.asOf) issue('reviewBy', 'must come after the "as of" date');
    if (f.expires && f.reviewBy > f.expires) issue('reviewBy', 'must come before the rule expires');
    const order = f.sources.map((s) => GRADES.indexOf(s.grade));
    if (order.some((g, i) => i > 0 && g < order[i - 1])) {
      issue('sources', 'must list primary sources first, then secondary, weak and unseen ones');
    }
    if (f.product === 'threshold') {
      if (!f.value && !f.retail) issue('value', 'a threshold fact needs a value or a statement');
    } else if (f.product === 'rule') {
      // A rule may be known by its number, by what it lets retail do, or only by the day it took effect.
      if (!f.value && !f.retail && !f.effective) {
        issue('value', 'a rule fact needs a value, a statement or the date it took effect');
      }
    } else if (!f.retail) {
      issue('retail', 'a product fact must say what retail may use');
    }
    if (f.retail?.verdict === 'capped' && f.maxLeverage === null) issue('maxLeverage', 'a cap needs its maximum');
    const shaky = f.confidence === 'low' || f.confidence === 'unverified';
    if (shaky && f.retail && f.retail.verdict !== 'unclear') {
      issue('retail', 'a low-confidence or unverified fact is shown as unclear, never as settled');
    }
    if ((shaky || f.retail?.verdict === 'unclear') && !f.unclear) issue('unclear', 'say what is not settled');
    if (f.confidence === 'high' && !f.sources.some((s) => s.grade === 'P' || s.grade === 'S')) {
      issue('confidence', 'high confidence needs a primary or good secondary source');
    }
  });

export type Fact = z.infer<typeof factSchema>;
export type FactSource = z.infer<typeof factSourceSchema>;
export type Jurisdiction = z.infer<typeof jurisdictionSchema>;
export type ProductKind = z.infer<typeof productKindSchema>;
export type FactVerdict = z.infer<typeof verdictSchema>;
export type Confidence = z.infer<typeof confidenceSchema>;
export type Grade = z.infer<typeof gradeSchema>;
