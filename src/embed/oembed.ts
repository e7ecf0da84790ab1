/**
 * oEmbed (https://oembed.com, type "rich") for each widget's default scenario and each named preset,
 * generated as static JSON at build time. The html is a blockquote that reads as the scenario in
 * words, a link, and the iframe, which is all WordPress keeps for an unknown provider.
 */
import { embedHeight, quizCard, widgetById } from '../widgets/registry.ts';
import { presetsFor } from './presets.ts';
import { cardFor } from './cards.ts';
import { escapeHtml } from './html.ts';

export const OEMBED_WIDTH = 720;

export interface EmbedTarget {
  widgetId: string;
  presetId?: string;
}

/** Paths of the embed page, its oEmbed JSON and its card for a widget or preset. */
export function embedPaths({ widgetId, presetId }: EmbedTarget) {
  const tail = presetId ? `${widgetId}/${presetId}` : widgetId;
  return {
    embed: `/embed/v1/${tail}/`,
    oembed: `/oembed/${tail}.json`,
    card: `/cards/${tail}.png`,
    tool: `/tools/${widgetId}/`,
  };
}

/**
 * The height an oEmbed answer declares for a frame OEMBED_WIDTH wide: the measured embed height at that width (the
 * registry's), within WordPress's 1000 px clamp, nudged off a 4:3 or 16:9 ratio, which WordPress's editor crops
 * (see embeds.md 3.10).
 */
export function declaredHeight(measured: number): number {
  const height = Math.min(measured, 1000);
  const cropped = height * 4 === OEMBED_WIDTH * 3 || height * 16 === OEMBED_WIDTH * 9;
  return cropped ? height + 1 : height;
}

export function oembedResponse(site: URL, target: EmbedTarget) {
  const widget = widgetById(target.widgetId);
  if (!widget) throw new Error(`[leverage-lab] oEmbed: no widget "${target.widgetId}"`);
  const preset = target.presetId ? presetsFor(widget.id).find((p) => p.id === target.presetId) : undefined;
  if (target.presetId && !preset) throw new Error(`[leverage-lab] oEmbed: no preset "${target.presetId}"`);
  const paths = embedPaths(target);
  const query = new URLSearchParams(preset?.params ?? {}).toString();
  const toolUrl = new URL(`${paths.tool}${query ? `?${query}` : ''}`, site).href;
  const embedUrl = new URL(paths.embed, site).href;
  const title = `${preset?.title ?? widget.title} (Leverage Lab)`;
  const card = cardFor(widget.id, preset?.params ?? {}, preset?.title);
  const height = declaredHeight(embedHeight(widget, OEMBED_WIDTH));
  return {
    version: '1.0',
    type: 'rich',
    provider_name: 'Leverage Lab',
    provider_url: new URL('/', site).href,
    title,
    width: OEMBED_WIDTH,
    height,
    cache_age: 86400,
    thumbnail_url: new URL(paths.card, site).href,
    thumbnail_width: 1200,
    thumbnail_height: 630,
    html:
      `<blockquote><p>${escapeHtml(card.scenario)}</p><a href="${escapeHtml(toolUrl)}">${escapeHtml(title)}</a></blockquote>` +
      `<iframe src="${escapeHtml(embedUrl)}" width="${OEMBED_WIDTH}" height="${height}" title="${escapeHtml(title)}" frameborder="0"></iframe>`,
  };
}

/** oEmbed for a lesson's quiz card at /embed/v1/quiz/<lesson>/. */
export function quizOembedResponse(site: URL, lesson: { slug: string; title: string }) {
  const title = `Quiz: ${lesson.title} (Leverage Lab)`;
  const embedUrl = new URL(`/embed/v1/quiz/${lesson.slug}/`, site).href;
  const lessonUrl = new URL(`/lessons/${lesson.slug}/`, site).href;
  const height = declaredHeight(embedHeight(quizCard, OEMBED_WIDTH));
  return {
    version: '1.0',
    type: 'rich',
    provider_name: 'Leverage Lab',
    provider_url: new URL('/', site).href,
    title,
    width: OEMBED_WIDTH,
    height,
    cache_age: 86400,
    html:
      `<blockquote><p>${escapeHtml(`A short quiz on “${lesson.title}”, with an explanation for every answer.`)}</p><a href="${escapeHtml(lessonUrl)}">${escapeHtml(title)}</a></blockquote>` +
      `<iframe src="${escapeHtml(embedUrl)}" width="${OEMBED_WIDTH}" height="${height}" title="${escapeHtml(title)}" frameborder="0"></iframe>`,
  };
}
