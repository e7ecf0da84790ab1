/** Leverage navigator: the view. Where you live (and, in the US, a few plain questions) in; what you can use out. The logic is in model.ts. */
import { ChoiceField } from '../shared/ChoiceField.tsx';
import { binder, NumberField } from '../shared/fields.tsx';
import { LiveSummary, Notes } from '../shared/Notes.tsx';
import { useWidget } from '../shared/useWidget.ts';
import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { FullToolLink, More } from '../shared/Compact.tsx';
import { serializeParams } from '../shared/params.ts';
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
  /**
   * The embed layout (components/WidgetIsland.astro): the outcome first, answered questions folded to one line with
   * a "Change" button, the explanations and sources behind "More".
   */
  compact?: boolean;
}

/** Answers that depend on an earlier one: changing the earlier answer clears them. */
const LATER: Record<'where' | 'kind', (keyof UsAccessValues)[]> = {
  where: ['kind', 'amount', 'hedging'],
  kind: ['amount', 'hedging'],
};

const WHERE_OPTIONS = [
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
] as const;
const KIND_OPTIONS = [
  { value: 'individual', label: 'Me, as an individual' },
  { value: 'entity', label: 'A company, trust or other entity' },
] as const;
const HEDGING_OPTIONS = [
  { value: 'yes', label: 'Yes, to hedge' },
  { value: 'no', label: 'No' },
] as const;
/** The questions answered with a choice: in the embed layout they fold to one line once answered. */
type Question = 'where' | 'kind' | 'hedging';
const labelOf = (options: readonly { value: string; label: string }[], value: string) =>
  options.find((o) => o.value === value)?.label ?? value;

const ECP_LABELS: Record<EcpStatus, string> = {
  unknown: 'Not answered yet.',
  yes: 'Eligible contract participant: likely yes.',
  no: 'Eligible contract participant: no.',
  maybe: 'Eligible contract participant: possibly.',
};

export default function UsAccess({ initial, syncUrl = true, idPrefix = 'usa', compact = false }: UsAccessProps) {
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
  // Embed layout: the question being answered stays open (the next one, one the reader chose to change, or one that
  // holds the focus, so arrow keys in a radio group do not fold it away); the others show as one line.
  const [open, setOpen] = useState<Question | null>(null);
  const openId = compact && open ? id(`q-${open}`) : null;
  // "Change" opens a question and moves the focus to its choice (before the focus-out check below runs).
  useLayoutEffect(() => {
    const group = openId ? document.getElementById(openId) : null;
    if (group && !group.contains(document.activeElement))
      group.querySelector<HTMLInputElement>('input:checked, input')?.focus();
  }, [openId]);
  const folded = (q: Question) => compact && q !== o.next && q !== open && !!(q === 'where' ? where : w.values[q]);
  const question = (q: Question, legend: string, answerText: string, field: ComponentChildren) =>
    !compact ? (
      field
    ) : (
      <div
        id={id(`q-${q}`)}
        class="ll-usa-q"
        onFocusIn={() => setOpen(q)}
        onFocusOut={(e) => {
          // Checked once the focus has settled: the "Change" button leaving the page must not fold the question.
          const group = e.currentTarget;
          setTimeout(() => {
            if (!group.contains(document.activeElement)) setOpen((cur) => (cur === q ? null : cur));
          }, 0);
        }}
      >
        {folded(q) ? (
          <p class="ll-usa-answered">
            <span>
              {legend} <strong>{answerText}</strong>
            </span>
            <button type="button" class="ll-link-button" aria-label={`Change: ${legend}`} onClick={() => setOpen(q)}>
              Change
            </button>
          </p>
        ) : (
          field
        )}
      </div>
    );

  const findingText =
    o.scope === 'world' && !world
      ? loadFailed
        ? 'The rules for this place could not be loaded. Reload the page, or read the table in the lesson “Leverage rules outside the US”.'
        : 'Loading the rules for this place…'
      : o.finding.text;
  const lookFor = o.scope === 'not-us' && (
    <ul class="ll-usa-lookfor" data-testid="look-for">
      <li>Find your country’s financial regulator and search its register for the firm’s exact legal name.</li>
      <li>Check whether the firm is licensed for derivatives or margin, not only for buying coins.</li>
      <li>Look for a leverage cap for retail clients, negative balance protection and a margin close-out rule.</li>
      <li>Read the venue’s terms: if they exclude where you live, using it through a VPN breaks them.</li>
    </ul>
  );
  const sources = o.scope !== 'world' && <Sources sources={o.finding.sources} asOf={o.finding.asOf} />;
  const fullProducts = o.products.length > 0 && (
    <ul class="ll-usa-products">
      {o.products.map((p) => (
        <li
          key={p.id}
          class={`ll-usa-product ll-usa-${p.verdict}`}
          data-product={compact ? undefined : p.id}
          data-verdict={compact ? undefined : p.verdict}
        >
          <p class="ll-usa-verdict">{VERDICT_LABELS[p.verdict]}</p>
          <p class="ll-usa-title">{p.title}</p>
          <p>{p.text}</p>
          <Sources sources={p.sources} asOf={p.asOf} />
        </li>
      ))}
    </ul>
  );
  const ecpLabel = o.scope === 'us' && o.ecp !== 'unknown' && <strong>{ECP_LABELS[o.ecp]} </strong>;

  const results = (
    <section
      class={`ll-results ll-usa-outcome${w.stale ? ' ll-stale' : ''}`}
      aria-label="What you can use"
      aria-busy={w.stale ? 'true' : undefined}
    >
      <LiveSummary stale={w.stale} text={summary} />
      {compact ? (
        <>
          {/* The key result: what applies, one line per product; why, and the sources, are one click away. */}
          <div
            class="ll-usa-finding"
            data-testid="finding"
            data-finding={o.finding.id}
            data-ecp={o.ecp}
            data-key-result
          >
            <p>{world ? <strong>{world.name}: what a retail client may use.</strong> : ecpLabel || findingText}</p>
            {o.products.length > 0 && (
              <ul class="ll-usa-products ll-usa-short">
                {o.products.map((p) => (
                  <li
                    key={p.id}
                    class={`ll-usa-product ll-usa-${p.verdict}`}
                    data-product={p.id}
                    data-verdict={p.verdict}
                  >
                    <span class="ll-usa-verdict">{VERDICT_LABELS[p.verdict]}:</span> {p.short}
                  </li>
                ))}
              </ul>
            )}
            {worldWhere && panel && <panel.WorldShort where={worldWhere} />}
          </div>
          {(o.scope !== 'world' || (worldWhere && panel)) && (
            <More
              compact
              summary={o.scope === 'not-us' ? 'What to check, with the source' : 'Why, with sources and dates'}
            >
              {(world || ecpLabel) && <p>{o.finding.text}</p>}
              {lookFor}
              {sources}
              {fullProducts}
              {worldWhere && panel && <panel.WorldList where={worldWhere} />}
            </More>
          )}
          <p class="ll-usa-disclaimer" data-testid="disclaimer">
            <strong>Not legal advice.</strong> Rules change often: check with a lawyer before you rely on it.
          </p>
        </>
      ) : (
        <>
          <div class="ll-usa-finding" data-testid="finding" data-finding={o.finding.id} data-ecp={o.ecp}>
            <p>
              {ecpLabel}
              {world && <strong>{world.name}. </strong>}
              {findingText}
            </p>
            {lookFor}
            {sources}
          </div>
          {worldWhere && panel && <panel.WorldList where={worldWhere} />}
          {fullProducts}
          <p class="ll-usa-disclaimer" data-testid="disclaimer">
            <strong>Not legal advice.</strong> {rules.disclaimer}
          </p>
        </>
      )}
    </section>
  );

  return (
    <div class={`ll-widget ll-widget-wide ll-usa${compact ? ' ll-compact' : ''}`} data-widget="us-access">
      <Notes notes={w.notes} />
      <div class="ll-widget-grid">
        {compact && results}
        <form class="ll-usa-questions" onSubmit={(e) => e.preventDefault()} aria-label="Your situation">
          {question(
            'where',
            'Where:',
            labelOf(WHERE_OPTIONS, where),
            <ChoiceField
              name={id('where')}
              legend="Where do you live, or trade from?"
              value={where}
              options={WHERE_OPTIONS}
              onChange={(v) => answer('where', v)}
            />,
          )}
          {shows('kind') &&
            question(
              'kind',
              'Who trades:',
              labelOf(KIND_OPTIONS, w.values.kind),
              <ChoiceField
                name={id('kind')}
                legend="Who would trade?"
                value={w.values.kind}
                options={KIND_OPTIONS}
                onChange={(v) => answer('kind', v)}
              />,
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
          {shows('hedging') &&
            question(
              'hedging',
              'To hedge:',
              labelOf(HEDGING_OPTIONS, w.values.hedging),
              <ChoiceField
                name={id('hedging')}
                legend={
                  entity
                    ? 'Would the entity trade to hedge risks of its business?'
                    : 'Would you trade to manage the risk of something you own or owe?'
                }
                value={w.values.hedging}
                options={HEDGING_OPTIONS}
                onChange={(v) => answer('hedging', v)}
              />,
            )}
          <p class="ll-hint">
            Your answers are not stored or sent anywhere.{syncUrl ? ' They stay only in this page’s address.' : ''}
          </p>
        </form>
        {!compact && results}
      </div>
      {compact && <FullToolLink tool="us-access" query={serializeParams(usAccessParams, w.values)} />}
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
