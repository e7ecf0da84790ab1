/** Static oEmbed JSON: /oembed/<widget>.json, /oembed/<widget>/<preset>.json and /oembed/quiz/<lesson>.json. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { widgets } from '../../widgets/registry.ts';
import { presetsFor } from '../../embed/presets.ts';
import { oembedResponse, quizOembedResponse, type EmbedTarget } from '../../embed/oembed.ts';
import { getLessons } from '../../lessons/catalog.ts';
import { getEntry } from 'astro:content';

type Props = { widget: EmbedTarget } | { quiz: { slug: string; title: string } };

export const getStaticPaths = (async () => {
  const quizzes = [];
  for (const lesson of await getLessons()) {
    if (await getEntry('quizzes', lesson.slug)) {
      quizzes.push({
        params: { path: `quiz/${lesson.slug}` },
        props: { quiz: { slug: lesson.slug, title: lesson.entry.data.title } },
      });
    }
  }
  return [
    ...widgets.flatMap((w) => [
      { params: { path: w.id }, props: { widget: { widgetId: w.id } } },
      ...presetsFor(w.id).map((p) => ({
        params: { path: `${w.id}/${p.id}` },
        props: { widget: { widgetId: w.id, presetId: p.id } },
      })),
    ]),
    ...quizzes,
  ];
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => {
  // The build always has a site (src/build/site.ts); never fall back to a local address in a published file.
  if (!site) throw new Error('[leverage-lab] oEmbed needs the site origin (SITE_URL)');
  const origin = site;
  const p = props as Props;
  const body = 'quiz' in p ? quizOembedResponse(origin, p.quiz) : oembedResponse(origin, p.widget);
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
