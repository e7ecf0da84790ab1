/**
 * A widget whose first result the server rendered loads its calculation code (model, src/calc, decimal.js) later: at
 * the reader's first interaction, or at once when the page's address asks for settings the server did not render.
 * Until then only the server's settings have a result; any other shows a plain "loading" line, or says the code did
 * not load. Four widgets share this (liquidation, replay, order fills, token decay).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { afterInteraction } from './LazyChart.tsx';
import { hasParams } from './linkParams.ts';

export const ENGINE_WAIT = 'Loading the calculator…';
export const ENGINE_FAILED =
  'The calculator did not load, so the result cannot change. Check your connection and reload the page.';

export interface DeferredEngine<E> {
  /** The loaded module, or null until it arrives. */
  engine: E | null;
  failed: boolean;
  /** What to show in place of a result until then. */
  waiting: string;
}

/**
 * Loads `load()` (a literal `import('./model.ts')` at the call site, so the bundler keeps it in its own chunk) after
 * hydration: at once when there is no server result (`hasFirst` false) or the address sets one of the widget's
 * parameters (`shape`, with `syncUrl`), otherwise at the first interaction.
 */
export function useDeferredEngine<E>(
  load: () => Promise<E>,
  { hasFirst, syncUrl, shape }: { hasFirst: boolean; syncUrl: boolean; shape: object },
): DeferredEngine<E> {
  const [engine, setEngine] = useState<E | null>(null);
  const [failed, setFailed] = useState(false);
  // Read once, at mount: the page's first settings decide when to load.
  const start = useRef({ load, now: () => !hasFirst || (syncUrl && hasParams(shape)) });
  useEffect(() => {
    const { load: loadEngine, now } = start.current;
    const go = () =>
      void loadEngine().then(
        (module) => setEngine(() => module),
        () => setFailed(true),
      );
    if (now()) go();
    else return afterInteraction(go);
    return undefined;
  }, []);
  return { engine, failed, waiting: failed ? ENGINE_FAILED : ENGINE_WAIT };
}

/** Whether `values` are the settings the server rendered, `start` (the only ones with a result before the engine). */
export function sameSettings<V extends object>(values: V, start: V): boolean {
  return (Object.keys(start) as (keyof V)[]).every((k) => values[k] === start[k]);
}
