/**
 * The embed message protocol (public API, version 1): what an embedded widget tells its host
 * page, and the one thing a host may tell it. Messages carry layout data only: the height, the id and secret the host
 * put in the frame's hash, and (Embedly's dialect) the frame's origin and path. Never the reader's inputs or the
 * frame's live address, so posting them with targetOrigin '*' leaks nothing.
 *
 * These zod schemas are the protocol's definition. The frame (messages.ts) checks messages with
 * small hand-written guards instead of shipping zod to every embed; the tests prove they agree.
 */
import * as z from 'zod/mini';

export { frameSrc, parseFrameHash, resizeMessages, isSetTheme, isWordpressReady } from './messages.ts';

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
