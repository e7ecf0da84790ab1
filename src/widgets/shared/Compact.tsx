/**
 * The embed layout's two parts (a widget gets `compact` from the embed page, through components/WidgetIsland.astro):
 * secondary parts folded behind a disclosure, and a link to the full tool that carries the scenario. On tool pages
 * and in lessons (`compact` false) <More> renders its children as they are, so there is one view, not two.
 */
import type { ComponentChildren } from 'preact';

export interface MoreProps {
  compact: boolean;
  /** What the disclosure holds, e.g. "The formula, step by step". */
  summary: string;
  children: ComponentChildren;
}

/** Folds `children` behind a closed <details> in the embed layout; renders them as they are otherwise. */
export function More({ compact, summary, children }: MoreProps) {
  if (!compact) return <>{children}</>;
  return (
    <details class="ll-more">
      <summary>{summary}</summary>
      <div class="ll-more-body">{children}</div>
    </details>
  );
}

export interface FullToolLinkProps {
  /** The widget's id in the registry: the link goes to /tools/<tool>/. */
  tool: string;
  /** The scenario as a query string (serializeParams of the current values), '' for the defaults. */
  query: string;
}

/**
 * "Open the full tool" with this scenario, in a new tab. Relative, so inside a frame it resolves against our own
 * origin; `data-carry-query` lets the frame script (src/embed/frame.ts) hand it to WordPress, whose frames allow no
 * popups.
 */
export function FullToolLink({ tool, query }: FullToolLinkProps) {
  return (
    <p class="ll-full-tool">
      <a href={`/tools/${tool}/${query}`} target="_blank" rel="noopener" data-carry-query>
        Open the full tool ↗
      </a>
    </p>
  );
}
