/** What the /review/ and /check/ islands get from the build: every quiz question, the concepts and the section titles. */
import { render } from 'astro:content';
import { getLessons } from '../lessons/catalog.ts';
import { getQuizBanks } from '../quiz/banks.ts';
import type { ClientQuestion } from '../quiz/state.ts';
import { getConcepts, type ConceptView } from './conceptData.ts';

export interface SessionData {
  banks: Record<string, ClientQuestion[]>;
  concepts: ConceptView[];
  sections: Record<string, Record<string, string>>;
}

export async function getSessionData(): Promise<SessionData> {
  const banks = await getQuizBanks();
  const sections: Record<string, Record<string, string>> = {};
  const out: Record<string, ClientQuestion[]> = {};
  for (const lesson of await getLessons()) {
    const questions = banks.get(lesson.slug);
    if (!questions) continue;
    const { headings } = await render(lesson.entry);
    const titles = new Map(headings.map((h) => [h.slug, h.text]));
    sections[lesson.slug] = Object.fromEntries(questions.map((q) => [q.section, titles.get(q.section) ?? q.section]));
    out[lesson.slug] = questions;
  }
  return { banks: out, concepts: await getConcepts(), sections };
}
