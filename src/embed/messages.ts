/**
 * The embed messages as the frame builds and checks them, without zod (see protocol.ts for the
 * schemas these guards implement).
 */
import type { ResizeMessage, SetThemeMessage, WordpressHeight } from './protocol.ts';

const SECRET = /^[A-Za-z0-9]{10}$/;
const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

/** Host → frame: `{ source: "leveragelab", v: 1, type: "set-theme", theme: "light" | "dark" }`. */
export function isSetTheme(data: unknown): data is SetThemeMessage {
  return (
    isRecord(data) &&
    data['source'] === 'leveragelab' &&
    data['v'] === 1 &&
    data['type'] === 'set-theme' &&
    (data['theme'] === 'light' || data['theme'] === 'dark')
  );
}

/** WordPress's `{ message: "ready", secret }`, for this frame's secret. */
export function isWordpressReady(data: unknown, secret: string | null): boolean {
  return (
    isRecord(data) &&
    data['message'] === 'ready' &&
    typeof data['secret'] === 'string' &&
    SECRET.test(data['secret']) &&
    data['secret'] === secret
  );
}

/** Reads `#id=…&?secret=…` style hashes: the instance id and WordPress's 10-character secret. */
export function parseFrameHash(hash: string): { id: string; secret: string | null } {
  const id = /(?:^#|[&?])id=([A-Za-z0-9_-]{1,40})(?:&|$)/.exec(hash)?.[1] ?? 'embed';
  const secret = /secret=([A-Za-z0-9]{10})(?:&|$)/.exec(hash)?.[1] ?? null;
  return { id, secret };
}

/**
 * The frame's address as a message may carry it: origin and path only. The query holds the scenario, which the page
 * mirrors as the reader types, and the hash WordPress's secret; neither is sent.
 */
export function frameSrc(href: string): string {
  const url = new URL(href);
  return `${url.origin}${url.pathname}`;
}

/** The three messages a frame posts for one height: the height, the host's own id and secret, nothing else. */
export function resizeMessages(
  height: number,
  hash: { id: string; secret: string | null },
  href: string,
): { ours: ResizeMessage; wordpress: WordpressHeight | null; embedly: string } {
  const h = Math.ceil(height);
  return {
    ours: { source: 'leveragelab', v: 1, type: 'resize', id: hash.id, height: h },
    wordpress: hash.secret ? { message: 'height', value: h, secret: hash.secret } : null,
    embedly: JSON.stringify({ context: 'iframe.resize', src: frameSrc(href), height: h }),
  };
}
