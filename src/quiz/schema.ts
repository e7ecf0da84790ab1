/**
 * The zod schema of a quiz bank (content/quizzes/<lesson-slug>.yaml), checked at build. Every
 * problem it finds names the question, so a bad bank fails the build with the file and question.
 */
import { z } from 'zod';
import * as calc from '../calc/index.ts';
import { figureValue } from '../lessons/figures.ts';
import { TEMPLATE_IDS, generate, templateRanges, type TemplateId } from './generators.ts';
import { matches, toleranceFor } from './grade.ts';

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** How many seeds each generated question is tried with at build; the unit tests try many more. */
const BUILD_SEEDS = 25;

/** The minimum mix of questions in a lesson's bank. */
export const BANK_MINIMUMS = { questions: 8, numeric: 3, generated: 2 } as const;

const idSchema = z
  .string()
  .regex(KEBAB, 'must be kebab-case, like "same-position-same-pnl"')
  .max(60, 'must be at most 60 characters');

/** A number written in YAML as a number or as a decimal string; kept as an exact decimal string. */
const decimalSchema = z
  .union([
    z.number().refine(Number.isFinite, 'must be a finite number'),
    z.string().regex(/^-?\d+(\.\d+)?$/, 'must be a decimal number, like 45226.13'),
  ])
  .transform((v) => new calc.Decimal(v).toFixed());

const choiceSchema = z.object({
  text: z.string().min(1),
  /** Mark the right choice(s) with `correct: true`. */
  correct: z.boolean().default(false),
  /** Why this choice is right, or what choosing it misunderstands. */
  explanation: z.string().min(10),
});

const common = {
  /** Unique in the bank; used in links (#quiz-q-<id>) and in saved progress. */
  id: idSchema,
  /** What the question tests, in a few words; shown in "review what you missed". */
  concept: z.string().min(5).max(160),
  /** The id of the lesson heading that teaches it (checked against the lesson at build). */
  section: idSchema,
  /** The concepts it tests: ids in content/concepts.yaml (src/learning/__tests__/concepts.test.ts checks they exist). */
  concepts: z.array(idSchema).min(1, 'must name at least one concept from content/concepts.yaml'),
};

/** The question, as a scenario: "what happens if", not recall of wording. (Generated questions get theirs from the template.) */
const promptSchema = z.string().min(10);

const singleSchema = z.object({
  ...common,
  type: z.literal('single'),
  prompt: promptSchema,
  choices: z.array(choiceSchema).min(2).max(8),
  /** Said after any answer, under the choice explanations. */
  explanation: z.string().min(10).optional(),
});

const multipleSchema = singleSchema.extend({ type: z.literal('multiple') });

const trapSchema = z.object({
  /** A common wrong answer… */
  answer: decimalSchema,
  /** …matched within this absolute tolerance (default: the question's)… */
  tolerance: z.number().optional(),
  /** …and what it misunderstands. */
  explanation: z.string().min(10),
});

const checkSchema = z.object({
  /** An export of src/calc. */
  fn: z.string(),
  input: z.record(z.string(), z.unknown()),
  /** Dot path into the result, as in <Calc pick>. */
  pick: z.string().optional(),
  abs: z.boolean().default(false),
  /** Multiplies the result: 100 turns a fraction into the percent the question asks for. */
  scale: z.number().default(1),
});

/** A figure of a worked solution: a calc call, and how it is shown. */
const workedValueSchema = checkSchema.extend({
  unit: z.string().min(1).max(12),
  digits: z.number().int().min(0).max(8).default(2),
});

/** The answer another convention taught in the course gives (a liquidation price measured at entry, as on Bybit). */
const alternativeSchema = z.object({
  answer: decimalSchema,
  /** Absolute tolerance in `unit` (default: the question's). */
  tolerance: z.number().optional(),
  /** Relative tolerance (default: the question's). */
  toleranceRelative: z.number().optional(),
  /** The unit of this answer when it differs from the question's (USD for an amount asked in "$ million"). */
  unit: z.string().min(1).max(12).optional(),
  /** The convention, as feedback names it after "with": "the maintenance margin measured at entry, as Bybit does". */
  method: z.string().min(10),
  /** The calc call that gives this answer; the build fails when they disagree. */
  check: checkSchema.optional(),
  /** For an answer that is the same fact in another unit: where it comes from. */
  fact: z.string().min(10).optional(),
});

const numericSchema = z.object({
  ...common,
  type: z.literal('numeric'),
  prompt: promptSchema,
  answer: decimalSchema,
  /** Absolute tolerance in `unit`; zero or more. */
  tolerance: z.number().optional(),
  /** Tolerance as a fraction of the answer; the larger of the two applies. */
  toleranceRelative: z.number().optional(),
  /** The convention the answer follows; required when there are alternatives, so feedback can name each. */
  method: z.string().min(10).optional(),
  /** Answers of the other conventions the course teaches for this figure; each is graded right. */
  alternatives: z.array(alternativeSchema).default([]),
  /** The answer is a maximum (the highest safe leverage): only answers at or below it count, since a maximum rounds toward safety. */
  maximum: z.boolean().default(false),
  /** Shown next to the answer field: USDT, BTC, %… */
  unit: z.string().min(1).max(12),
  /** Steps toward the method, revealed one at a time; the worked solution comes after them as the last hint. */
  hints: z.array(z.string().min(5)).default([]),
  /**
   * The worked solution, the last hint (src/quiz/worked.ts): `{answer}` is filled at build with the answer as the
   * question's `check` computes it, and `{name}` with the named `values`. Without it the explanation is used,
   * followed by calc's answer.
   */
  worked: z.string().min(10).optional(),
  /** Figures the worked solution reads as `{name}`: calc calls, shown in `unit` to `digits` places (default 2). */
  values: z.record(z.string().regex(/^[a-z][a-zA-Z0-9]*$/), workedValueSchema).optional(),
  /** Why the answer is what it is; shown after any answer. */
  explanation: z.string().min(10),
  traps: z.array(trapSchema).default([]),
  /** The calc call that gives the answer; the build fails when they disagree. */
  check: checkSchema.optional(),
  /** For an answer that is a fact, not a calculation (a legal threshold): where it comes from. */
  fact: z.string().min(10).optional(),
});

const rangeSchema = z.union([
  z.object({ min: z.number(), max: z.number(), step: z.number() }),
  z.array(z.union([z.number(), z.string()])).min(1),
]);

const generatedSchema = z.object({
  ...common,
  type: z.literal('generated'),
  /** A template in src/quiz/generators.ts. */
  template: z.enum(TEMPLATE_IDS as [TemplateId, ...TemplateId[]]),
  /** Narrows or replaces the template's default ranges. */
  ranges: z.record(z.string(), rangeSchema).default({}),
  /** The first draw's seed; by default one derived from the lesson and question id. */
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1)
    .optional(),
  /** Said after any answer, above the worked solution. */
  explanation: z.string().min(10).optional(),
});

export const questionSchema = z.discriminatedUnion('type', [
  singleSchema,
  multipleSchema,
  numericSchema,
  generatedSchema,
]);

export type Question = z.output<typeof questionSchema>;
export type ChoiceQuestion = z.output<typeof singleSchema> | z.output<typeof multipleSchema>;
export type NumericQuestion = z.output<typeof numericSchema>;
export type GeneratedQuestionSpec = z.output<typeof generatedSchema>;

/** What a `check` computes, in the question's unit. */
export function checkedValue(check: z.output<typeof checkSchema>): calc.Decimal {
  return figureValue(check).times(check.scale);
}

function decimalPlaces(s: string): number {
  return s.includes('.') ? s.split('.')[1].length : 0;
}

type Ctx = { addIssue: (issue: { code: 'custom'; message: string; path: (string | number)[] }) => void };

function checkQuestion(q: Question, i: number, ctx: Ctx): void {
  const where = `Question "${q.id}"`;
  const issue = (message: string, ...path: (string | number)[]) =>
    ctx.addIssue({ code: 'custom', message: `${where}: ${message}`, path: ['questions', i, ...path] });

  if (q.type === 'single' || q.type === 'multiple') {
    const correct = q.choices.filter((c) => c.correct).length;
    if (q.type === 'single' && correct !== 1) {
      issue(`a single-choice question needs exactly one choice with "correct: true"; it has ${correct}.`, 'choices');
    }
    if (q.type === 'multiple' && correct < 1) {
      issue('a multiple-choice question needs at least one choice with "correct: true"; it has none.', 'choices');
    }
    const texts = q.choices.map((c) => c.text.trim().toLowerCase());
    if (new Set(texts).size !== texts.length) issue('two choices have the same text.', 'choices');
  }

  if (q.type === 'numeric') {
    if (q.tolerance !== undefined && !(q.tolerance >= 0)) {
      issue(`the tolerance must be zero or more; it is ${q.tolerance}.`, 'tolerance');
    }
    if (q.toleranceRelative !== undefined && !(q.toleranceRelative >= 0)) {
      issue(`the relative tolerance must be zero or more; it is ${q.toleranceRelative}.`, 'toleranceRelative');
    }
    q.traps.forEach((t, k) => {
      if (t.tolerance !== undefined && !(t.tolerance >= 0)) {
        issue(`the tolerance of trap ${k + 1} must be zero or more; it is ${t.tolerance}.`, 'traps', k, 'tolerance');
      }
    });
    const checkAnswer = (answer: string, check: z.output<typeof checkSchema>, ...path: (string | number)[]) => {
      let computed: calc.Decimal;
      try {
        computed = checkedValue(check);
      } catch (error) {
        issue(`its check could not be computed: ${(error as Error).message}`, ...path, 'check');
        return;
      }
      const rounded = computed.toDecimalPlaces(decimalPlaces(answer));
      if (!rounded.eq(answer)) {
        issue(
          `the answer ${answer} does not match src/calc: ${check.fn} gives ${computed.toSignificantDigits(12).toFixed()}, ` +
            `which is ${rounded.toFixed()} to the answer's ${decimalPlaces(answer)} decimal places.`,
          ...path,
          'answer',
        );
      }
    };
    if (q.check) checkAnswer(q.answer, q.check);
    // The worked solution (the last hint) shows calc's answer and reads only figures it names (src/quiz/worked.ts).
    if (q.worked !== undefined) {
      if (!q.worked.includes('{answer}'))
        issue('its worked solution must show {answer}, the answer calc gives.', 'worked');
      for (const m of q.worked.matchAll(/\{([a-zA-Z]\w*)\}/g)) {
        if (m[1] !== 'answer' && !(q.values && m[1] in q.values)) {
          issue(`its worked solution reads {${m[1]}}, which is not one of its "values".`, 'worked');
        }
      }
    }
    for (const [name, v] of Object.entries(q.values ?? {})) {
      try {
        checkedValue(v);
      } catch (error) {
        issue(`its value "${name}" could not be computed: ${(error as Error).message}`, 'values', name);
      }
    }
    q.alternatives.forEach((a, k) => {
      if (a.check) checkAnswer(a.answer, a.check, 'alternatives', k);
      else if (!a.fact) {
        issue(`alternative ${k + 1} needs a "check" (the src/calc call that gives it) or a "fact".`, 'alternatives', k);
      }
    });
    if (q.alternatives.length > 0 && !q.method) {
      issue('a question with alternatives needs a "method" naming the convention of its main answer.', 'method');
    }
    // A trap is a wrong answer: it must not fall inside any accepted answer's window.
    const windows = [
      { answer: q.answer, tolerance: toleranceFor(q.answer, q.tolerance, q.toleranceRelative) },
      ...q.alternatives.map((a) => ({
        answer: a.answer,
        tolerance: toleranceFor(a.answer, a.tolerance ?? q.tolerance, a.toleranceRelative ?? q.toleranceRelative),
      })),
    ];
    q.traps.forEach((t, k) => {
      const hit = windows.find((w) => matches(new calc.Decimal(t.answer), { ...w, atMost: q.maximum }));
      if (hit)
        issue(
          `trap ${k + 1} (${t.answer}) is graded right: it lies within ${hit.answer} ± ${hit.tolerance}.`,
          'traps',
          k,
        );
    });
  }

  if (q.type === 'generated') {
    const known = templateRanges(q.template);
    for (const [name, spec] of Object.entries(q.ranges)) {
      if (!(name in known)) {
        issue(
          `the template "${q.template}" has no range named "${name}" (it has ${Object.keys(known).join(', ')}).`,
          'ranges',
          name,
        );
      } else if (!Array.isArray(spec)) {
        const r = spec;
        if (!(r.step > 0)) issue(`the step of range "${name}" must be above zero.`, 'ranges', name);
        if (!(r.min <= r.max)) issue(`range "${name}" has its min above its max.`, 'ranges', name);
      }
    }
    for (let seed = 0; seed < BUILD_SEEDS; seed++) {
      try {
        generate(q.template, seed * 7919 + 1, q.ranges);
      } catch (error) {
        issue(`its ranges give an unsolvable question: ${(error as Error).message}`, 'ranges');
        return;
      }
    }
  }
}

export const quizBankSchema = z
  .object({
    /** The slug of the lesson the bank belongs to; the file must be named <lesson>.yaml. */
    lesson: idSchema,
    questions: z.array(questionSchema),
  })
  .superRefine((bank, ctx) => {
    const seen = new Map<string, number>();
    bank.questions.forEach((q, i) => {
      const before = seen.get(q.id);
      if (before !== undefined) {
        ctx.addIssue({
          code: 'custom',
          message: `Question id "${q.id}" is used twice (questions ${before + 1} and ${i + 1}); ids must be unique.`,
          path: ['questions', i, 'id'],
        });
      } else seen.set(q.id, i);
      checkQuestion(q, i, ctx);
    });
    const numeric = bank.questions.filter((q) => q.type === 'numeric' || q.type === 'generated').length;
    const generated = bank.questions.filter((q) => q.type === 'generated').length;
    const min = BANK_MINIMUMS;
    if (bank.questions.length < min.questions || numeric < min.numeric || generated < min.generated) {
      ctx.addIssue({
        code: 'custom',
        message:
          `A lesson's bank needs at least ${min.questions} questions, ${min.numeric} of them numeric and ` +
          `${min.generated} of those generated; this one has ${bank.questions.length}, ${numeric} and ${generated}.`,
        path: ['questions'],
      });
    }
  });

export type QuizBank = z.output<typeof quizBankSchema>;
