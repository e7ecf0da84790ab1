/**
 * The leverage navigator's logic: answers in, the questions still relevant and an outcome out. It asks where the
 * reader lives first. In the US: eligible contract participant or not, and what that person can use (rules.ts). In
 * one of the eight other jurisdictions: the scope "world", whose outcome world.ts shapes from the fact collection once
 * the browser has loaded it (WorldPanel.tsx). Somewhere else: a plain "not covered". Pure; never throws.
 */
import type { Decimal as DecimalT } from '../../calc/index.ts';
import { readLooseNumber } from '../../input/number.ts';
import type { ModelOutcome } from '../shared/useWidget.ts';
import {
  rules as defaultRules,
  type FindingId,
  type Rules,
  type SourceRef,
  type Statement,
  type Verdict,
} from './rules.ts';
import type { UsAccessValues } from './params.ts';
import { JURISDICTION_NAMES, WORLD } from '../../facts/jurisdictions.ts';
import type { Jurisdiction } from '../../facts/schema.ts';

export type QuestionId = 'where' | 'kind' | 'amount' | 'hedging';
/** A jurisdiction outside the US that the course covers. */
export type WorldId = Exclude<Jurisdiction, 'us'>;
export type Where = 'us' | WorldId | 'other';

export type EcpStatus = 'unknown' | 'yes' | 'no' | 'maybe';

export interface ProductOutcome {
  id: string;
  title: string;
  short: string;
  verdict: Verdict;
  text: string;
  sources: SourceRef[];
  asOf: string;
}

export interface Outcome {
  /** The questions to show, in order: every relevant one answered so far, then the next. */
  questions: QuestionId[];
  /** The first relevant question without a usable answer; null once the result is complete. */
  next: QuestionId | null;
  /** Where the reader lives, from the answer (or, in an old link, from "us=yes|no"); empty when not answered. */
  where: Where | '';
  /** `world`: one of the eight jurisdictions; `not-us`: somewhere the course does not cover. */
  scope: 'unknown' | 'us' | 'not-us' | 'world';
  ecp: EcpStatus;
  finding: { id: FindingId } & Statement;
  /** What this person can use in the US; empty elsewhere. */
  products: ProductOutcome[];
  /** One sentence for the live region. */
  summary: string;
  /** A message per question whose answer cannot be read (only the amount can be mistyped). */
  errors: Partial<Record<QuestionId, string>>;
}

/** Words for each verdict, shown beside each product. */
export const VERDICT_LABELS: Record<Verdict, string> = {
  allowed: 'Open to you',
  'not-allowed': 'Closed to you',
  'ecp-only': 'Only for ECPs',
  depends: 'Narrow exceptions only',
};

/** An amount as typed ("$12,500,000", "5000000.50", "12500000 USD"): a non-negative Decimal, or a message. */
export function parseAmount(raw: string): { ok: true; value: DecimalT } | { ok: false; message: string } {
  const read = readLooseNumber(raw, { label: 'an amount in US dollars' });
  if (!read.ok) return { ok: false, message: 'Enter an amount in US dollars, like 2500000 or $2,500,000.' };
  if (read.value.isNegative()) return { ok: false, message: 'The amount cannot be negative.' };
  return { ok: true, value: read.value };
}

export const isWorld = (v: string): v is WorldId => (WORLD as readonly string[]).includes(v);

/** Where the answers say the reader lives: the `where` answer, else an old link's `us=yes` (US) or `us=no`. */
export function whereOf(answers: Pick<UsAccessValues, 'where' | 'us'>): Where | '' {
  if (answers.where !== '') return answers.where as Where;
  if (answers.us === 'yes') return 'us';
  if (answers.us === 'no') return 'other';
  return '';
}

/** Decides the outcome for a set of answers; unanswered or irrelevant answers are ignored. */
export function decide(answers: UsAccessValues, r: Rules = defaultRules): Outcome {
  const questions: QuestionId[] = ['where'];
  const errors: Partial<Record<QuestionId, string>> = {};
  const where = whereOf(answers);
  const finish = (next: QuestionId | null, scope: Outcome['scope'], ecp: EcpStatus, findingId: FindingId): Outcome => {
    const finding = { id: findingId, ...r.findings[findingId] };
    const products: ProductOutcome[] =
      scope === 'not-us' || scope === 'world'
        ? []
        : r.products.map((p) => {
            const s = ecp === 'yes' ? p.ecp : p.retail;
            return {
              id: p.id,
              title: p.title,
              short: p.short,
              verdict: s.verdict,
              text: s.text,
              sources: s.sources,
              asOf: s.asOf,
            };
          });
    // A jurisdiction's own outcome (world.ts) loads with its facts; until then the live region says so.
    const summary =
      scope === 'world' && isWorld(where)
        ? `Loading the rules for ${JURISDICTION_NAMES[where]}…`
        : summarize(scope, ecp, products);
    return { questions, next, where, scope, ecp, finding, products, summary, errors };
  };

  if (where === '') return finish('where', 'unknown', 'unknown', 'unknown');
  if (where === 'other') return finish(null, 'not-us', 'unknown', 'not-us');
  if (where !== 'us') return finish(null, 'world', 'unknown', 'world');

  questions.push('kind');
  if (answers.kind === '') return finish('kind', 'us', 'unknown', 'unknown');
  const entity = answers.kind === 'entity';

  questions.push('amount');
  if (answers.amount.trim() === '') return finish('amount', 'us', 'unknown', 'unknown');
  const amount = parseAmount(answers.amount);
  if (!amount.ok) {
    errors.amount = amount.message;
    return finish('amount', 'us', 'unknown', 'unknown');
  }
  const value = amount.value;
  const t = r.thresholds;

  if (!entity) {
    // "In excess of" $10,000,000 — or of $5,000,000 when hedging: exactly the threshold does not qualify.
    if (value.gt(t.individual)) return finish(null, 'us', 'yes', 'individual-over');
    if (!value.gt(t.individualHedging)) return finish(null, 'us', 'no', 'individual-not');
    questions.push('hedging');
    if (answers.hedging === '') return finish('hedging', 'us', 'unknown', 'unknown');
    return answers.hedging === 'yes'
      ? finish(null, 'us', 'yes', 'individual-hedging')
      : finish(null, 'us', 'no', 'individual-not');
  }

  if (value.gt(t.entityAssets)) return finish(null, 'us', 'yes', 'entity-assets');
  // Net worth is at most total assets, so an entity with no more than $1 million in total assets cannot have the
  // net worth "in excess of" $1 million that the hedging prong needs: no question left to ask.
  if (!value.gt(t.entityHedgingNetWorth)) return finish(null, 'us', 'no', 'entity-not');
  questions.push('hedging');
  if (answers.hedging === '') return finish('hedging', 'us', 'unknown', 'unknown');
  return answers.hedging === 'yes'
    ? finish(null, 'us', 'maybe', 'entity-maybe')
    : finish(null, 'us', 'no', 'entity-not');
}

function summarize(scope: Outcome['scope'], ecp: EcpStatus, products: ProductOutcome[]): string {
  if (scope === 'not-us') return 'The course does not cover where you live; check with your own financial regulator.';
  const lead =
    ecp === 'yes'
      ? 'Likely an eligible contract participant.'
      : ecp === 'no'
        ? 'Not an eligible contract participant, so treated as retail.'
        : ecp === 'maybe'
          ? 'Possibly an eligible contract participant; until confirmed, treated as retail.'
          : 'Until you answer, this shows what a US retail customer can use.';
  const parts = (Object.keys(VERDICT_LABELS) as Verdict[])
    .map((verdict) => {
      const names = products.filter((p) => p.verdict === verdict).map((p) => p.short);
      return names.length > 0 ? `${VERDICT_LABELS[verdict]}: ${names.join(' and ')}.` : '';
    })
    .filter(Boolean);
  return [lead, ...parts].join(' ');
}

/** The model in the shape `useWidget` expects: a mistyped amount is a field error, and the last outcome stays. */
export function computeUsAccess(values: UsAccessValues): ModelOutcome<Outcome> {
  const outcome = decide(values);
  if (outcome.errors.amount) return { ok: false, errors: { amount: outcome.errors.amount } };
  return { ok: true, value: outcome };
}
