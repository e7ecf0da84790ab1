/** The zod schema for one glossary term in content/glossary.yaml. */
import { z } from 'zod';

export const glossaryTermSchema = z.object({
  /** The anchor on /glossary/ and the key lessons use in <Term id="…">. kebab-case. */
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case, like "maintenance-margin"'),
  term: z.string().min(2),
  /** One or two plain sentences. */
  definition: z.string().min(20).max(400),
  /** Other spellings a reader may meet ("PnL", "profit and loss"). */
  aliases: z.array(z.string()).default([]),
  /** Slugs of the lessons that use the term. */
  lessons: z.array(z.string()).default([]),
  /** Ids of related terms. */
  related: z.array(z.string()).default([]),
});

export type GlossaryTerm = z.infer<typeof glossaryTermSchema>;
