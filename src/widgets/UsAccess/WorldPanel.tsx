/**
 * The navigator's answer outside the US, loaded on demand with the eight jurisdictions' facts so the navigator's first
 * load stays within the JavaScript budget: the list of what retail may use, with leverage, rule, sources and dates.
 */
import { WORLD_FACTS } from '../../facts/worldData.ts';
import { GRADE_WORDS, factDate } from '../../facts/format.ts';
import type { FactSource } from '../../facts/schema.ts';
import type { WorldId } from './model.ts';
import { worldOutcome, worldSummary, type WorldItem } from './world.ts';

const dateText = factDate;

const WORLD_CLASS: Record<WorldItem['verdict'], string> = {
  allowed: 'allowed',
  capped: 'allowed',
  banned: 'not-allowed',
  'professional-only': 'ecp-only',
  depends: 'depends',
  unclear: 'depends',
};

/** The outcome for one jurisdiction: its name, its one-sentence summary and its list. */
export function worldResult(where: WorldId) {
  const world = worldOutcome(where, WORLD_FACTS[where]);
  return { world, summary: worldSummary(world) };
}

export function WorldList({ where }: { where: WorldId }) {
  const { world } = worldResult(where);
  return (
    <ul class="ll-usa-products" data-jurisdiction={world.jurisdiction}>
      {world.items.map((item) => (
        <WorldRow key={item.id} item={item} />
      ))}
    </ul>
  );
}

/** One product kind where the reader lives: verdict, leverage, rule, sources with their grade, and the dates. */
function WorldRow({ item }: { item: WorldItem }) {
  return (
    <li
      class={`ll-usa-product ll-usa-${item.unsettled ? 'depends' : WORLD_CLASS[item.verdict]}`}
      data-fact={item.id}
      data-verdict={item.unsettled ? 'unclear' : item.verdict}
    >
      <p class="ll-usa-verdict">{item.verdictLabel}</p>
      <p class="ll-usa-title">
        {item.product}: {item.title}
      </p>
      <p data-testid="leverage">
        Most leverage for retail: <strong>{item.leverage}</strong>
      </p>
      <p>{item.text}</p>
      {(item.marginCloseOut || item.negativeBalanceProtection) && (
        <p>
          {item.marginCloseOut && `Margin close-out at ${item.marginCloseOut}% of the required margin. `}
          {item.negativeBalanceProtection && 'Negative balance protection: you cannot lose more than the account.'}
        </p>
      )}
      {item.professional && (
        <p>
          <em>If you are classed as a professional or accredited client:</em> {item.professional}
        </p>
      )}
      <p class="ll-usa-rule">
        Rule: {item.instrument}. Regulator: {item.regulator}.
        {item.effective && (
          <>
            {' '}
            In effect from <time datetime={item.effective}>{dateText(item.effective)}</time>.
          </>
        )}
        {item.expires && (
          <>
            {' '}
            Expires <time datetime={item.expires}>{dateText(item.expires)}</time> unless renewed.
          </>
        )}
      </p>
      {item.unclear && (
        <p class="ll-usa-unclear">
          {item.unsettled ? 'Unclear: ' : 'Open point: '}
          {item.unclear}
        </p>
      )}
      <WorldSources sources={item.sources} confidence={item.confidence} asOf={item.asOf} reviewBy={item.reviewBy} />
    </li>
  );
}

function WorldSources(props: { sources: FactSource[]; confidence: string; asOf: string; reviewBy: string }) {
  const { sources, confidence, asOf, reviewBy } = props;
  return (
    <p class="ll-usa-sources">
      {sources.length === 1 ? 'Source: ' : 'Sources: '}
      {sources.map((s, i) => (
        <span key={s.url}>
          {i > 0 ? '; ' : ''}
          <a href={s.url} rel="noopener">
            {s.title}
          </a>{' '}
          ({s.publisher}, <time datetime={s.date}>{dateText(s.date)}</time>, {GRADE_WORDS[s.grade]} source)
        </span>
      ))}
      . Confidence: {confidence}. Review by <time datetime={reviewBy}>{dateText(reviewBy)}</time>. As of{' '}
      <time datetime={asOf}>{dateText(asOf)}</time>.
    </p>
  );
}

/** The embed layout's key result: one line per product kind, its verdict and the most leverage retail may use. */
export function WorldShort({ where }: { where: WorldId }) {
  const { world } = worldResult(where);
  return (
    <ul class="ll-usa-products ll-usa-short" data-jurisdiction={world.jurisdiction}>
      {world.items.map((item) => (
        <li
          key={item.id}
          class={`ll-usa-product ll-usa-${item.unsettled ? 'depends' : WORLD_CLASS[item.verdict]}`}
          data-verdict={item.unsettled ? 'unclear' : item.verdict}
        >
          <span class="ll-usa-verdict">{item.verdictLabel}:</span> {item.product}, most leverage {item.leverage}
        </li>
      ))}
    </ul>
  );
}
