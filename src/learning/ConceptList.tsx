/** Each concept's mastery level, with a link to where it is taught (the /progress/ page and the lesson end). */
import type { EvidenceEntry } from '../progress/record.ts';
import type { ConceptView } from './conceptData.ts';
import { MASTERY_LABELS, masteryOf } from './mastery.ts';

export interface ConceptListProps {
  concepts: readonly ConceptView[];
  evidence: readonly EvidenceEntry[];
  now: Date;
}

export default function ConceptList({ concepts, evidence, now }: ConceptListProps) {
  return (
    <ul class="ll-mastery-list" data-testid="concept-mastery">
      {concepts.map((c) => {
        const level = masteryOf(c.id, evidence, now).level;
        return (
          <li key={c.id} data-concept={c.id} data-level={level}>
            <span class={`ll-level ll-level-${level}`}>{MASTERY_LABELS[level]}</span>
            <a href={c.href}>{c.statement}</a>
          </li>
        );
      })}
    </ul>
  );
}
