/** Static oEmbed JSON: /oembed/<widget>.json and /oembed/<widget>/<preset>.json. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { widgets } from '../../widgets/registry.ts';
import { presetsFor } from '../../embed/presets.ts';
import { oembedResponse, type EmbedTarget } from '../../embed/oembed.ts';

export const getStaticPaths = (() =>
  widgets.flatMap((w) => [
    { params: { path: w.id }, props: { widgetId: w.id } },
    ...presetsFor(w.id).map((p) => ({
      params: { path: `${w.id}/${p.id}` },
      props: { widgetId: w.id, presetId: p.id },
    })),
  ])) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => {
  const body = oembedResponse(site ?? new URL('http://127.0.0.1:4321'), props as EmbedTarget);
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
