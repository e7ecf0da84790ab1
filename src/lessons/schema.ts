/** The zod schema every lesson's front matter must satisfy; types are derived from it. */
import { z } from 'zod';

/** A date written as YYYY-MM-DD, the day a fact or page was checked. YAML reads such dates as
 *  Date objects, so those are turned back into the same YYYY-MM-DD string. */
export const isoDateSchema = z.preprocess(
  (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : v),
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written as YYYY-MM-DD')
    .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'is not a real calendar date'),
);

/** One cited source: primary sources (statute, regulator, exchange's own page) come first in a lesson. */
export const sourceSchema = z.object({
  title: z.string().min(3),
  url: z.url({ protocol: /^https$/, error: 'must be an https:// address' }),
  publisher: z.string().min(2),
  asOf: isoDateSchema,
  primary: z.boolean().default(false),
});

export const lessonFrontmatterSchema = z.object({
  /** Shown as the page heading and in the course list. */
  title: z.string().min(3).max(90),
  /** One sentence for the course list, search results and meta description. */
  description: z.string().min(40).max(200),
  /** What the reader can do after the lesson; shown at the top. */
  objectives: z.array(z.string().min(10)).min(2).max(6),
  /** Reading plus widget time, in minutes, as a beginner would take it. */
  minutes: z.number().int().min(3).max(60),
  /** Shown at the end of the lesson. */
  takeaways: z.array(z.string().min(10)).min(3).max(7),
  sources: z.array(sourceSchema).min(1),
  /** Drafts are built nowhere. */
  draft: z.boolean().default(false),
  /** The last time the lesson's facts were checked. */
  updated: isoDateSchema,
});

export type LessonFrontmatter = z.infer<typeof lessonFrontmatterSchema>;
export type LessonSource = z.infer<typeof sourceSchema>;
