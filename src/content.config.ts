/** Content collections: lessons (MDX), glossary and quiz banks live in the top-level content/ folder. */
import { defineCollection } from 'astro:content';
import { glob, file } from 'astro/loaders';
import { lessonFrontmatterSchema } from './lessons/schema.ts';
import { glossaryTermSchema } from './glossary/schema.ts';
import { quizBankSchema } from './quiz/schema.ts';
import { factSchema } from './facts/schema.ts';
import { factsLoader } from './facts/loader.ts';
import { conceptSchema } from './learning/concepts.ts';

const lessons = defineCollection({
  loader: glob({ pattern: '[0-9][0-9]-*.mdx', base: './content/lessons' }),
  schema: lessonFrontmatterSchema,
});

const glossary = defineCollection({
  loader: file('./content/glossary.yaml'),
  schema: glossaryTermSchema,
});

const quizzes = defineCollection({
  loader: glob({ pattern: '*.yaml', base: './content/quizzes' }),
  schema: quizBankSchema,
});

/** Regulatory facts (content/facts/*.json), one entry per fact: the one home of every rule the site states. */
const facts = defineCollection({ loader: factsLoader(), schema: factSchema });

/** The ideas the course teaches (content/concepts.yaml); quiz questions name them, mastery and review count by them. */
const concepts = defineCollection({ loader: file('./content/concepts.yaml'), schema: conceptSchema });

export const collections = { lessons, glossary, quizzes, facts, concepts };
