/** /cards/<widget>.png and /cards/<widget>/<preset>.png: the image fallback, made at build time. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { widgets } from '../../widgets/registry.ts';
import { presetsFor } from '../../embed/presets.ts';
import { cardFor, cardPng } from '../../embed/cards.ts';

export const getStaticPaths = (() =>
  widgets.flatMap((w) => [
    { params: { card: w.id }, props: { widget: w.id, params: {}, title: undefined } },
    ...presetsFor(w.id).map((p) => ({
      params: { card: `${w.id}/${p.id}` },
      props: { widget: w.id, params: p.params, title: p.title },
    })),
  ])) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { widget, params, title } = props as { widget: string; params: Record<string, string>; title?: string };
  const png = await cardPng(cardFor(widget, params, title));
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
