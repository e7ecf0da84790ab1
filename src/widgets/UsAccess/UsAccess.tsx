/** Leverage navigator: the view. Where you live (and, in the US, a few plain questions) in; what you can use out. The logic is in model.ts. */
import { ChoiceField } from '../shared/ChoiceField.tsx';
import { binder, NumberField } from '../shared/fields.tsx';
import { LiveSummary, Notes } from '../shared/Notes.tsx';
import { useWidget } from '../shared/useWidget.ts';
import { useEffect, useState } from 'preact/hooks';
import { computeUsAccess, isWorld, VERDICT_LABELS, whereOf, type EcpStatus, type Outcome } from './model.ts';
import { factDate } from '../../facts/format.ts';
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
const LATER: Record<'where' | 'kind', (keyof UsAccessValues)[]> = {
  where: ['kind', 'amount', 'hedging'],
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
  const where = whereOf(w.values);
  // The eight jurisdictions' facts load only once a reader picks one (they would break the page's JavaScript budget).
  const [panel, setPanel] = useState<typeof import('./WorldPanel.tsx') | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  useEffect(() => {
    if (!isWorld(where) || panel) return;
    import('./WorldPanel.tsx').then((m) => setPanel(m)).catch(() => setLoadFailed(true));
  }, [where, panel]);
  const worldWhere = o.scope === 'world' && isWorld(where) && panel ? where : null;
  const result = worldWhere && panel ? panel.worldResult(worldWhere) : null;
  const world = result?.world ?? null;
  const summary = result?.summary ?? o.summary;
  const answer = (key: 'where' | 'kind' | 'hedging', value: string) => {
    const patch: Partial<UsAccessValues> = { [key]: value };
    const before = key === 'where' ? where : w.values[key];
    if (key === 'where') patch.us = '';
    if (key !== 'hedging' && before !== value) for (const later of LATER[key]) patch[later] = '';
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
            name={id('where')}
            legend="Where do you live, or trade from?"
            value={where}
            options={[
              { value: 'us', label: 'United States' },
              { value: 'eu', label: 'EU or EEA country' },
              { value: 'uk', label: 'United Kingdom' },
              { value: 'jp', label: 'Japan' },
              { value: 'au', label: 'Australia' },
              { value: 'sg', label: 'Singapore' },
              { value: 'ca', label: 'Canada' },
              { value: 'hk', label: 'Hong Kong' },
              { value: 'kr', label: 'South Korea' },
              { value: 'other', label: 'Somewhere else' },
            ]}
            onChange={(v) => answer('where', v)}
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
          <LiveSummary stale={w.stale} text={summary} />
          <div class="ll-usa-finding" data-testid="finding" data-finding={o.finding.id} data-ecp={o.ecp}>
            <p>
              {o.scope === 'us' && o.ecp !== 'unknown' && <strong>{ECP_LABELS[o.ecp]} </strong>}
              {world && <strong>{world.name}. </strong>}
              {o.scope === 'world' && !world
                ? loadFailed
                  ? 'The rules for this place could not be loaded. Reload the page, or read the table in the lesson “Leverage rules outside the US”.'
                  : 'Loading the rules for this place…'
                : o.finding.text}
            </p>
            {o.scope === 'not-us' && (
              <ul class="ll-usa-lookfor" data-testid="look-for">
                <li>
                  Find your country’s financial regulator and search its register for the firm’s exact legal name.
                </li>
                <li>Check whether the firm is licensed for derivatives or margin, not only for buying coins.</li>
                <li>
                  Look for a leverage cap for retail clients, negative balance protection and a margin close-out rule.
                </li>
                <li>Read the venue’s terms: if they exclude where you live, using it through a VPN breaks them.</li>
              </ul>
            )}
            {o.scope !== 'world' && <Sources sources={o.finding.sources} asOf={o.finding.asOf} />}
          </div>
          {worldWhere && panel && <panel.WorldList where={worldWhere} />}
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

const dateText = factDate;

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
