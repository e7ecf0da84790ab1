/**
 * The concept collection (content/concepts.yaml): the ideas the course teaches, one entry each.
 * Quiz questions and predictions name the concepts they test; mastery and spaced review count per concept.
 */
import { z } from 'zod';

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** A lesson section that teaches a concept: the lesson slug and a heading id of that lesson. */
export const taughtSchema = z.object({
  lesson: z.string().regex(KEBAB, 'must be a lesson slug, like "liquidation"'),
  section: z.string().regex(KEBAB, 'must be a heading id, like "the-mark-price-decides"'),
});

/** One concept. */
export const conceptSchema = z.object({
  /** Unique, kebab-case; quiz banks name it in `concepts:`, saved progress keys mastery by it. */
  id: z.string().regex(KEBAB, 'must be kebab-case, like "cross-not-safer"').max(60),
  /** The idea in one line. */
  statement: z
    .string()
    .min(10)
    .max(200)
    .refine((s) => !s.includes('\n'), 'must be one line'),
  /** Where the course teaches it; the first entry is the one a weak concept links to. */
  taught: z.array(taughtSchema).min(1),
});

export type Concept = z.output<typeof conceptSchema>;
export type Taught = z.output<typeof taughtSchema>;

/** The least number of concepts the course must name. */
export const MIN_CONCEPTS = 30;

/** The whole file: a list of concepts with unique ids, at least {@link MIN_CONCEPTS}. */
export const conceptListSchema = z
  .array(conceptSchema)
  .min(MIN_CONCEPTS, `the course needs at least ${MIN_CONCEPTS} concepts`)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((c, i) => {
      if (seen.has(c.id)) {
        ctx.addIssue({ code: 'custom', message: `concept id "${c.id}" is used twice`, path: [i, 'id'] });
      }
      seen.add(c.id);
    });
  });

/** The link to the section that teaches a concept: /lessons/<slug>/#<section>. */
export function taughtHref(t: Taught): string {
  return `/lessons/${t.lesson}/#${t.section}`;
}
