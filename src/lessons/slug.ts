/** Lesson files are named NN-slug.mdx: the number orders the course, the rest is the URL. */
export interface LessonName {
  order: number;
  slug: string;
}

export function parseLessonId(id: string): LessonName {
  const match = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$/.exec(id);
  if (!match) {
    throw new Error(
      `[leverage-lab] content/lessons/${id}.mdx: a lesson file must be named NN-slug.mdx, like 01-what-leverage-is.mdx`,
    );
  }
  return { order: Number(match[1]), slug: match[2] };
}
