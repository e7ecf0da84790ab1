/**
 * The content loader of the `facts` collection: one entry per fact of content/facts/*.json, checked by the fact
 * schema (the collection's `schema`), so a malformed fact fails the build.
 */
import type { Loader } from 'astro/loaders';
import { facts } from './data.ts';

export function factsLoader(): Loader {
  return {
    name: 'leverage-lab-facts',
    load: async (context) => {
      const { store } = context;
      store.clear();
      const seen = new Set<string>();
      for (const f of facts) {
        if (seen.has(f.id)) throw new Error(`[leverage-lab] two regulatory facts share the id "${f.id}".`);
        seen.add(f.id);
        const data = await context.parseData({ id: f.id, data: { ...f } });
        store.set({ id: f.id, data });
      }
    },
  };
}
