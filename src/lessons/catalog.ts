/** The published lessons in course order, with their slug, number and reading time. */
import { getCollection, type CollectionEntry } from 'astro:content';
import { parseLessonId } from './slug.ts';
import { readingMinutes } from './readingTime.ts';
import { courseOutline } from './outline.ts';

export interface Lesson {
  entry: CollectionEntry<'lessons'>;
  slug: string;
  order: number;
  readingMinutes: number;
}

export async function getLessons(): Promise<Lesson[]> {
  const entries = await getCollection('lessons', ({ data }) => !data.draft);
  const lessons = entries.map((entry) => {
    const { order, slug } = parseLessonId(entry.id);
    if (!courseOutline.some((p) => p.slug === slug)) {
      throw new Error(`[leverage-lab] content/lessons/${entry.id}.mdx: "${slug}" is not in src/lessons/outline.ts.`);
    }
    return { entry, slug, order, readingMinutes: readingMinutes(entry.body ?? '') };
  });
  return lessons.sort((a, b) => a.order - b.order);
}
