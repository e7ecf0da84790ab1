/**
 * The site's origin, a build setting: canonical URLs, the sitemap, the embed CSP, oEmbed files and snippets all name
 * it, so a build meant for deployment must be told it (SITE_URL) rather than fall back to localhost in silence. Only
 * the dev server (and `astro check`/`sync`, which publish nothing) may default to the local address.
 */
import type { AstroIntegration } from 'astro';

/** What `astro dev` serves on (package.json `start`). */
export const DEV_ORIGIN = 'http://localhost:4321';

export const MISSING_SITE_URL =
  '[leverage-lab] SITE_URL is not set. A build names its origin in canonical URLs, the sitemap, the embed CSP and ' +
  'the oEmbed files, so it must be told which one: SITE_URL=https://your.domain npm run build. For a local test ' +
  'build, name the local origin: SITE_URL=http://127.0.0.1:4321 npm run build (npm test does this).';

/**
 * The origin for an Astro command: SITE_URL when set (an absolute http(s) URL, reduced to its origin), else the dev
 * origin for commands that publish nothing; a build without it throws {@link MISSING_SITE_URL}.
 */
export function siteFor(command: 'dev' | 'build' | 'preview' | 'sync', siteUrl: string | undefined): string {
  const raw = siteUrl?.trim();
  if (!raw) {
    if (command === 'build') throw new Error(MISSING_SITE_URL);
    return DEV_ORIGIN;
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`[leverage-lab] SITE_URL “${raw}” is not an absolute URL: write it as https://your.domain`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`[leverage-lab] SITE_URL “${raw}” must start with https:// (or http:// for a local build)`);
  }
  if (url.pathname !== '/' || url.search || url.hash) {
    throw new Error(`[leverage-lab] SITE_URL “${raw}” must be an origin only (the site is served from its root)`);
  }
  return url.origin;
}

/** Sets `site` from SITE_URL for this command, or stops a build that has none. */
export function siteUrl(): AstroIntegration {
  return {
    name: 'leverage-lab:site-url',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        updateConfig({ site: siteFor(command, process.env['SITE_URL']) });
      },
    },
  };
}
