/**
 * The concept collection at build time, checked against the quiz banks (an unknown concept id fails the build) and
 * trimmed to what islands need.
 */
import { getCollection } from 'astro:content';
import { getQuizBanks } from '../quiz/banks.ts';
import { taughtHref, type Concept } from './concepts.ts';

/** A concept as islands get it: id, statement and the link to the section that teaches it first. */
export interface ConceptView {
  id: string;
  statement: string;
  /** /lessons/<slug>/#<section> */
  href: string;
  /** Lesson slugs that teach it, in the file's order. */
  lessons: string[];
}

/** Every concept, in the file's order. Fails the build when a quiz question names an id that is not in the file. */
export async function getConcepts(): Promise<ConceptView[]> {
  // Cast: the collection's generated types exist only after `astro sync`.
  const entries = (await getCollection('concepts' as Parameters<typeof getCollection>[0])) as unknown as {
    data: Concept;
  }[];
  const concepts: Concept[] = entries.map((e) => e.data);
  const known = new Set(concepts.map((c) => c.id));
  for (const [lesson, questions] of await getQuizBanks()) {
    for (const q of questions) {
      for (const id of q.concepts) {
        if (!known.has(id)) {
          throw new Error(
            `[leverage-lab] content/quizzes/${lesson}.yaml: question "${q.id}" names concept "${id}", which is not in content/concepts.yaml.`,
          );
        }
      }
    }
  }
  return concepts.map((c) => ({
    id: c.id,
    statement: c.statement,
    href: taughtHref(c.taught[0]),
    lessons: [...new Set(c.taught.map((t) => t.lesson))],
  }));
}

/** The concepts a lesson teaches or quizzes, in the file's order. */
export async function conceptsOfLesson(lesson: string): Promise<ConceptView[]> {
  const quizzed = new Set(((await getQuizBanks()).get(lesson) ?? []).flatMap((q) => q.concepts));
  return (await getConcepts()).filter((c) => c.lessons.includes(lesson) || quizzed.has(c.id));
}
