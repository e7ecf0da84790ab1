/** Notes about a link's settings that were ignored or replaced by defaults. */
export function Notes({ notes }: { notes: string[] }) {
  if (notes.length === 0) return null;
  return (
    <div class="ll-notes" role="status">
      <p class="ll-notes-title">Some settings in this link were not used:</p>
      <ul>
        {notes.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
    </div>
  );
}

/** The one-sentence summary screen readers hear when results change. */
export function LiveSummary({ text, stale }: { text: string; stale: boolean }) {
  return (
    <p class="ll-summary" aria-live="polite" aria-atomic="true">
      {stale ? 'Fix the highlighted field to update the results. ' : ''}
      {text}
    </p>
  );
}
