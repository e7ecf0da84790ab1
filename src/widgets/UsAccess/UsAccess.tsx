/** US access navigator: the view. Plain questions in, what that person can use out; the logic is in model.ts. */
import { ChoiceField } from '../shared/ChoiceField.tsx';
import { binder, NumberField } from '../shared/fields.tsx';
import { LiveSummary, Notes } from '../shared/Notes.tsx';
import { useWidget } from '../shared/useWidget.ts';
import { computeUsAccess, VERDICT_LABELS, type EcpStatus, type Outcome } from './model.ts';
import { usAccessParams, type UsAccessValues } from './params.ts';
import { rules, type SourceRef } from './rules.ts';

export interface UsAccessProps {
  /** Starting answers; on the tool page the URL's answers replace them. */
  initial?: Partial<UsAccessValues>;
  /** Keep the answers in the page address (the tool page does); nothing else ever stores them. */
  syncUrl?: boolean;
  /** Makes ids unique when the navigator appears more than once on a page. */
  idPrefix?: string;
}

/** Answers that depend on an earlier one: changing the earlier answer clears them. */
const LATER: Record<'us' | 'kind', (keyof UsAccessValues)[]> = {
  us: ['kind', 'amount', 'hedging'],
  kind: ['amount', 'hedging'],
};

const ECP_LABELS: Record<EcpStatus, string> = {
  unknown: 'Not answered yet.',
  yes: 'Eligible contract participant: likely yes.',
  no: 'Eligible contract participant: no.',
  maybe: 'Eligible contract participant: possibly.',
};

export default function UsAccess({ initial, syncUrl = true, idPrefix = 'usa' }: UsAccessProps) {
  const start = { ...usAccessParams.defaults, ...initial };
  const w = useWidget(usAccessParams, start, computeUsAccess, { syncUrl });
  const o = w.result;
  const id = (k: string) => `${idPrefix}-${k}`;
  const bind = binder(w, idPrefix);
  const entity = w.values.kind === 'entity';
  const answer = (key: 'us' | 'kind' | 'hedging', value: string) => {
    const patch: Partial<UsAccessValues> = { [key]: value };
    if (key !== 'hedging' && w.values[key] !== value) for (const later of LATER[key]) patch[later] = '';
    w.setMany(patch);
  };
  const shows = (q: Outcome['questions'][number]) =>
    o.questions.includes(q) || (q === 'amount' && !!w.errors['amount']);

  return (
    <div class="ll-widget ll-widget-wide ll-usa" data-widget="us-access">
      <Notes notes={w.notes} />
      <div class="ll-widget-grid">
        <form class="ll-usa-questions" onSubmit={(e) => e.preventDefault()} aria-label="Your situation">
          <ChoiceField
            name={id('us')}
            legend="Are you a US person, or trading from the US?"
            value={w.values.us}
            options={[
              { value: 'yes', label: 'Yes' },
              { value: 'no', label: 'No' },
            ]}
            onChange={(v) => answer('us', v)}
          />
          {shows('kind') && (
            <ChoiceField
              name={id('kind')}
              legend="Who would trade?"
              value={w.values.kind}
              options={[
                { value: 'individual', label: 'Me, as an individual' },
                { value: 'entity', label: 'A company, trust or other entity' },
              ]}
              onChange={(v) => answer('kind', v)}
            />
          )}
          {shows('amount') && (
            <NumberField
              {...bind('amount')}
              label={entity ? 'The entity’s total assets' : 'Amount you have invested on a discretionary basis'}
              unit="USD"
              hint={
                entity
                  ? 'Everything the entity owns, in US dollars. A round figure is enough.'
                  : 'Investments you decide on yourself, such as shares, funds and coins; not your home and not your net worth. A round figure is enough.'
              }
            />
          )}
          {shows('hedging') && (
            <ChoiceField
              name={id('hedging')}
              legend={
                entity
                  ? 'Would the entity trade to hedge risks of its business?'
                  : 'Would you trade to manage the risk of something you own or owe?'
              }
              value={w.values.hedging}
              options={[
                { value: 'yes', label: 'Yes, to hedge' },
                { value: 'no', label: 'No' },
              ]}
              onChange={(v) => answer('hedging', v)}
            />
          )}
          <p class="ll-hint">
            Your answers are not stored or sent anywhere.{syncUrl ? ' They stay only in this page’s address.' : ''}
          </p>
        </form>

        <section
          class={`ll-results ll-usa-outcome${w.stale ? ' ll-stale' : ''}`}
          aria-label="What you can use"
          aria-busy={w.stale ? 'true' : undefined}
        >
          <LiveSummary stale={w.stale} text={o.summary} />
          <div class="ll-usa-finding" data-testid="finding" data-finding={o.finding.id} data-ecp={o.ecp}>
            <p>
              {o.scope !== 'not-us' && o.ecp !== 'unknown' && <strong>{ECP_LABELS[o.ecp]} </strong>}
              {o.finding.text}
            </p>
            <Sources sources={o.finding.sources} asOf={o.finding.asOf} />
          </div>
          {o.products.length > 0 && (
            <ul class="ll-usa-products">
              {o.products.map((p) => (
                <li
                  key={p.id}
                  class={`ll-usa-product ll-usa-${p.verdict}`}
                  data-product={p.id}
                  data-verdict={p.verdict}
                >
                  <p class="ll-usa-verdict">{VERDICT_LABELS[p.verdict]}</p>
                  <p class="ll-usa-title">{p.title}</p>
                  <p>{p.text}</p>
                  <Sources sources={p.sources} asOf={p.asOf} />
                </li>
              ))}
            </ul>
          )}
          <p class="ll-usa-disclaimer" data-testid="disclaimer">
            <strong>Not legal advice.</strong> {rules.disclaimer}
          </p>
        </section>
      </div>
    </div>
  );
}

const dateText = (iso: string) =>
  new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-US', { dateStyle: 'medium', timeZone: 'UTC' });

function Sources({ sources, asOf }: { sources: SourceRef[]; asOf: string }) {
  return (
    <p class="ll-usa-sources">
      {sources.length === 1 ? 'Source: ' : 'Sources: '}
      {sources.map((s, i) => (
        <span key={s.url}>
          {i > 0 ? '; ' : ''}
          <a href={s.url} rel="noopener">
            {s.title}
          </a>{' '}
          ({s.publisher}, <time datetime={s.date}>{dateText(s.date)}</time>)
        </span>
      ))}
      . As of <time datetime={asOf}>{dateText(asOf)}</time>.
    </p>
  );
}
