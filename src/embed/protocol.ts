/**
 * The embed message protocol (public API, version 1): what an embedded widget tells its host
 * page, and the one thing a host may tell it. Messages carry layout data only, never the
 * reader's inputs, so posting them with targetOrigin '*' leaks nothing.
 */
import * as z from 'zod/mini';

/** Frame heights are clamped to this range by the loader. */
export const MIN_HEIGHT = 120;
export const MAX_HEIGHT = 4000;

/** An embed instance id, from `#id=…` in the frame URL: short, plain characters only. */
export const instanceIdSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,40}$/));

/** Frame → host: our own dialect. */
export const resizeMessageSchema = z.object({
  source: z.literal('leveragelab'),
  v: z.literal(1),
  type: z.literal('resize'),
  id: instanceIdSchema,
  height: z.number().check(z.positive(), z.lte(100_000)),
});

export const readyMessageSchema = z.object({
  source: z.literal('leveragelab'),
  v: z.literal(1),
  type: z.literal('ready'),
  id: instanceIdSchema,
});

/** Host → frame: the only message a frame accepts. */
export const setThemeMessageSchema = z.object({
  source: z.literal('leveragelab'),
  v: z.literal(1),
  type: z.literal('set-theme'),
  theme: z.enum(['light', 'dark']),
});

/** WordPress's embed protocol (wp-embed.js): the height, echoing the secret from `#?secret=`. */
export const wordpressHeightSchema = z.object({
  message: z.literal('height'),
  value: z.number().check(z.positive()),
  secret: z.string().check(z.regex(/^[A-Za-z0-9]{10}$/)),
});

/** WordPress tells the frame it is listening; the frame answers with its height again. */
export const wordpressReadySchema = z.object({
  message: z.literal('ready'),
  secret: z.string().check(z.regex(/^[A-Za-z0-9]{10}$/)),
});

export type ResizeMessage = z.infer<typeof resizeMessageSchema>;
export type ReadyMessage = z.infer<typeof readyMessageSchema>;
export type SetThemeMessage = z.infer<typeof setThemeMessageSchema>;
export type WordpressHeight = z.infer<typeof wordpressHeightSchema>;

/** Reads `#id=…&?secret=…` style hashes: the instance id and WordPress's 10-character secret. */
export function parseFrameHash(hash: string): { id: string; secret: string | null } {
  const id = /(?:^#|[&?])id=([A-Za-z0-9_-]{1,40})(?:&|$)/.exec(hash)?.[1] ?? 'embed';
  const secret = /secret=([A-Za-z0-9]{10})(?:&|$)/.exec(hash)?.[1] ?? null;
  return { id, secret };
}

/** The three messages a frame posts for one height. */
export function resizeMessages(
  height: number,
  hash: { id: string; secret: string | null },
  href: string,
): { ours: ResizeMessage; wordpress: WordpressHeight | null; embedly: string } {
  const h = Math.ceil(height);
  return {
    ours: { source: 'leveragelab', v: 1, type: 'resize', id: hash.id, height: h },
    wordpress: hash.secret ? { message: 'height', value: h, secret: hash.secret } : null,
    embedly: JSON.stringify({ context: 'iframe.resize', src: href, height: h }),
  };
}

/** The height the loader applies: whole pixels, clamped. */
export function clampHeight(height: number): number {
  return Math.min(Math.max(Math.ceil(height), MIN_HEIGHT), MAX_HEIGHT);
}
