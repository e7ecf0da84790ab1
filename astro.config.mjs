// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import sitemap from '@astrojs/sitemap';
import { securityHeaders } from './src/build/securityHeaders.ts';
import { siteUrl } from './src/build/site.ts';

// The canonical origin comes from SITE_URL (src/build/site.ts): a build without it stops; `astro dev` uses localhost.

// OUT_DIR and CACHE_DIR let several builds run side by side (parallel work on one machine).
export default defineConfig({
  outDir: process.env.OUT_DIR ?? './dist',
  cacheDir: process.env.CACHE_DIR ?? './node_modules/.astro',
  output: 'static',
  trailingSlash: 'always',
  integrations: [
    siteUrl(),
    mdx(),
    preact(),
    securityHeaders(),
    // Embed pages are noindex and 404 is not a page to list.
    sitemap({ filter: (page) => !/^\/(404\/?$|embed\/)/.test(new URL(page).pathname) }),
  ],
  // Embed pages run under a strict CSP: stylesheets as files, never inline <style>.
  build: { inlineStylesheets: 'never' },
  vite: {
    build: {
      rolldownOptions: {
        // src/calc is pure by rule, so a page's bundle keeps only the calculations its widgets use,
        // even though every widget imports them through the one public index.
        // Modules named server*.ts serve the server render only (Replay.tsx calls them under import.meta.env.SSR): as
        // side-effect-free modules the browser bundle drops them, and the model and calc code they import with them.
        treeshake: {
          moduleSideEffects: (id) =>
            !/[\\/]src[\\/]calc[\\/]/.test(id) && !/[\\/]src[\\/]widgets[\\/]\w+[\\/]server[A-Z]\w*\.ts$/.test(id),
        },
        // Chunks by what loads together, so a page pays fewer gzip headers and less import/export glue: Preact's core,
        // hooks and JSX runtime (every island); the dynamic-import helper and the decimal-free input limits (islands
        // whose first render needs no calculation code share them, so they stay out of the groups below); the shared
        // widget view (fields, URL state, notes, figures, lazy chart, formatting); and the calculation core (decimal.js,
        // its clone, errors, validation, the input reader), which the quiz and the replay load only on demand. A group
        // also takes its members' imports, hence the priorities: the higher groups claim the shared leaves first.
        output: {
          codeSplitting: {
            groups: [
              { name: 'preact', test: /[\\/]node_modules[\\/]preact[\\/]/, priority: 100 },
              { name: 'preload-helper', test: /preload-helper/, priority: 90 },
              { name: 'limits', test: /[\\/]src[\\/](input[\\/]limits|calc[\\/]numberPattern)\.ts$/, priority: 80 },
              {
                name: 'widget-ui',
                test: /[\\/]src[\\/](widgets[\\/]shared[\\/](fields|params|useWidget|Notes|ChoiceField|SideField|Figure|LazyChart|Compact)\.tsx?|format[\\/]numbers\.ts)$/,
                priority: 70,
              },
              {
                name: 'calc-core',
                test: /[\\/](node_modules[\\/]decimal\.js[\\/]|src[\\/]calc[\\/](decimal|errors|validate)\.ts$|src[\\/]input[\\/](number|outcome)\.ts$)/,
                priority: 60,
              },
            ],
          },
        },
      },
    },
  },
  devToolbar: { enabled: false },
});
