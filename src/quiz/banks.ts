/**
 * The quiz banks of the content collection, checked against the lessons (file name, section anchors)
 * and trimmed to what the Quiz island and the progress page need.
 */
import { getCollection } from 'astro:content';
import type { ClientQuestion } from './model.ts';
import { withFacts } from './factText.ts';
import { workedSolution } from './worked.ts';

export interface QuizData {
  lesson: string;
  questions: ClientQuestion[];
  /** Heading id → heading text, for the sections the questions link to. */
  sections: Record<string, string>;
}

interface Heading {
  slug: string;
  text: string;
}

/** Every bank, keyed by lesson slug; a bank whose `lesson` differs from its file name fails the build. */
export async function getQuizBanks(): Promise<Map<string, ClientQuestion[]>> {
  const entries = await getCollection('quizzes');
  const banks = new Map<string, ClientQuestion[]>();
  for (const entry of entries) {
    if (entry.data.lesson !== entry.id) {
      throw new Error(
        `[leverage-lab] content/quizzes/${entry.id}.yaml: "lesson: ${entry.data.lesson}" must match the file name; ` +
          `name the file ${entry.data.lesson}.yaml or fix the slug.`,
      );
    }
    // The calc checks are for the build only.
    banks.set(
      entry.id,
      entry.data.questions.map((raw) => {
        // Regulatory facts are written as {fact:id} tokens and read from content/facts/ (src/quiz/factText.ts).
        const q = withFacts(raw);
        if (q.type !== 'numeric') return q;
        const { check: _check, values: _values, ...rest } = q;
        // The worked solution, the last hint, with calc's answer filled in (src/quiz/worked.ts).
        return {
          ...rest,
          worked: workedSolution(q),
          alternatives: rest.alternatives.map(({ check: _alt, ...a }) => a),
        };
      }),
    );
  }
  return banks;
}

/**
 * The quiz of a lesson, or undefined when it has none. Fails the build, naming the file and the
 * question, when a question links to a section the lesson does not have.
 */
export async function quizForLesson(slug: string, headings: readonly Heading[]): Promise<QuizData | undefined> {
  const questions = (await getQuizBanks()).get(slug);
  if (!questions) return undefined;
  const all = new Map(headings.map((h) => [h.slug, h.text]));
  const sections: Record<string, string> = {};
  for (const q of questions) {
    const title = all.get(q.section);
    if (title === undefined) {
      throw new Error(
        `[leverage-lab] content/quizzes/${slug}.yaml: question "${q.id}" links to section "#${q.section}", ` +
          `but the lesson has no heading with that id. Its headings are: ${[...all.keys()].join(', ')}.`,
      );
    }
    sections[q.section] = title;
  }
  return { lesson: slug, questions, sections };
}
