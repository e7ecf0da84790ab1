import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quizBankSchema } from '../schema.ts';

const single = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  type: 'single',
  section: 'long-and-short',
  concepts: ['pnl-scales-with-notional'],
  concept: 'A short gains when the price falls.',
  prompt: 'You short bitcoin and the price falls. What happens?',
  choices: [
    { text: 'You gain.', correct: true, explanation: 'A short profits from a fall.' },
    { text: 'You lose.', explanation: 'That is what happens to a long.' },
  ],
  ...extra,
});

const numeric = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  type: 'numeric',
  section: 'a-worked-example-a-10x-long',
  concepts: ['fees-and-slippage'],
  concept: 'Fees are charged on the position size.',
  prompt: 'What does opening a 20,000 USDT position cost at a 0.05% fee?',
  answer: 10,
  tolerance: 0.01,
  unit: 'USDT',
  explanation: 'The fee is 0.05% of 20,000 USDT.',
  check: { fn: 'tradingFee', input: { quantity: 0.4, price: 50000, feeRate: 0.0005 } },
  ...extra,
});

const generated = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  type: 'generated',
  section: 'liquidation-comes-before-your-margin-is-gone',
  concepts: ['liquidation-before-full-loss'],
  concept: 'Where an isolated position is liquidated.',
  template: 'isolated-liquidation',
  ...extra,
});

const bank = (questions: unknown[]) => ({ lesson: 'what-leverage-is', questions });
const good = () => [
  single('s1'),
  single('s2'),
  single('s3'),
  single('s4'),
  single('s5'),
  numeric('n1'),
  generated('g1'),
  generated('g2', { ranges: { leverage: [5, 10] } }),
];

function messages(value: unknown): string[] {
  const r = quizBankSchema.safeParse(value);
  assert.equal(r.success, false, 'the bank should be refused');
  return r.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];
}

test('a complete bank passes, with numbers kept as exact decimal strings', () => {
  const parsed = quizBankSchema.parse(bank(good()));
  assert.equal(parsed.questions.length, 8);
  const n = parsed.questions[5];
  assert.ok(n?.type === 'numeric');
  assert.equal(n.answer, '10');
  assert.deepEqual(n.hints, []);
});

test('a single-choice question with no correct answer is refused, naming the question', () => {
  const q = single('no-answer', {
    choices: [
      { text: 'A', explanation: 'Not this one.' },
      { text: 'B', explanation: 'Not this one either.' },
    ],
  });
  const m = messages(bank([...good(), q]));
  assert.ok(
    m.some(
      (x) => x.startsWith('questions.8.choices') && x.includes('Question "no-answer"') && x.includes('exactly one'),
    ),
    m.join('\n'),
  );
});

test('a single-choice question with two correct answers, or a multiple one with none, is refused', () => {
  const two = single('two', {
    choices: [
      { text: 'A', correct: true, explanation: 'Right answer.' },
      { text: 'B', correct: true, explanation: 'Also marked right.' },
    ],
  });
  const none = single('none', {
    type: 'multiple',
    choices: [
      { text: 'A', explanation: 'Not this one.' },
      { text: 'B', explanation: 'Not this one either.' },
    ],
  });
  const m = messages(bank([...good(), two, none]));
  assert.ok(
    m.some((x) => x.includes('Question "two"') && x.includes('it has 2')),
    m.join('\n'),
  );
  assert.ok(
    m.some((x) => x.includes('Question "none"') && x.includes('at least one')),
    m.join('\n'),
  );
});

test('a duplicate question id is refused, naming the id and both places', () => {
  const m = messages(bank([...good(), single('s2')]));
  assert.ok(
    m.some((x) => x.startsWith('questions.8.id') && /"s2" is used twice \(questions 2 and 9\)/.test(x)),
    m.join('\n'),
  );
});

test('a tolerance below zero is refused, naming the question', () => {
  const m = messages(bank([...good(), numeric('negative', { tolerance: -1 })]));
  assert.ok(
    m.some((x) => x.startsWith('questions.8.tolerance') && x.includes('Question "negative"')),
    m.join('\n'),
  );
  const rel = messages(bank([...good(), numeric('negative-rel', { toleranceRelative: -0.01 })]));
  assert.ok(
    rel.some((x) => x.includes('Question "negative-rel"') && x.includes('relative')),
    rel.join('\n'),
  );
});

test('a fixed numeric answer that disagrees with its calc check is refused', () => {
  const m = messages(bank([...good(), numeric('wrong-fee', { answer: 20 })]));
  assert.ok(
    m.some(
      (x) =>
        x.startsWith('questions.8.answer') && x.includes('Question "wrong-fee"') && x.includes('tradingFee gives 10'),
    ),
    m.join('\n'),
  );
  const bad = messages(bank([...good(), numeric('no-fn', { check: { fn: 'noSuchFunction', input: {} } })]));
  assert.ok(
    bad.some((x) => x.includes('Question "no-fn"') && x.includes('noSuchFunction')),
    bad.join('\n'),
  );
});

test('an answer rounded as written is checked to its own decimal places', () => {
  const liq = numeric('liq', {
    answer: 45226.13,
    unit: 'USDT',
    check: {
      fn: 'liquidationPrice',
      input: {
        side: 'long',
        quantity: 0.2,
        entryPrice: 50000,
        marginMode: 'isolated',
        leverage: 10,
        maintenanceMarginRate: 0.005,
      },
      pick: 'price',
    },
  });
  assert.equal(quizBankSchema.safeParse(bank([...good(), liq])).success, true);
  const pct = numeric('pct', {
    answer: 9.55,
    unit: '%',
    check: { ...(liq.check as object), pick: 'distance', abs: true, scale: 100 },
  });
  assert.equal(quizBankSchema.safeParse(bank([...good(), pct])).success, true);
});

test('each alternative convention is checked against calc, and the main answer must name its convention', () => {
  const liqInput = {
    side: 'long',
    quantity: 0.2,
    entryPrice: 50000,
    marginMode: 'isolated',
    leverage: 10,
    maintenanceMarginRate: 0.005,
  };
  // Measured at entry (Bybit): 50,000 × (1 − 0.1 + 0.005) = 45,250.
  const bybit = { fn: 'liquidationPrice', input: { ...liqInput, maintenanceBasis: 'entry' }, pick: 'price' };
  const both = (extra: Record<string, unknown>) =>
    numeric('liq', {
      answer: 45226.13,
      tolerance: 5,
      unit: 'USDT',
      method: 'the maintenance margin at the liquidation price',
      check: { fn: 'liquidationPrice', input: liqInput, pick: 'price' },
      alternatives: [{ answer: 45250, method: 'the maintenance margin at entry', check: bybit }],
      ...extra,
    });
  assert.equal(quizBankSchema.safeParse(bank([...good(), both({})])).success, true);
  const wrong = messages(
    bank([
      ...good(),
      both({ alternatives: [{ answer: 45260, method: 'the maintenance margin at entry', check: bybit }] }),
    ]),
  );
  assert.ok(
    wrong.some((x) => x.startsWith('questions.8.alternatives.0.answer') && x.includes('liquidationPrice gives 45250')),
    wrong.join('\n'),
  );
  const unchecked = messages(
    bank([...good(), both({ alternatives: [{ answer: 45250, method: 'the maintenance margin at entry' }] })]),
  );
  assert.ok(
    unchecked.some((x) => x.includes('needs a "check"')),
    unchecked.join('\n'),
  );
  const unnamed = messages(bank([...good(), both({ method: undefined })]));
  assert.ok(
    unnamed.some((x) => x.startsWith('questions.8.method')),
    unnamed.join('\n'),
  );
});

test('a trap that would be graded right is refused', () => {
  const m = messages(
    bank([...good(), numeric('trap-inside', { traps: [{ answer: 10.005, explanation: 'Too close to the answer.' }] })]),
  );
  assert.ok(
    m.some((x) => x.startsWith('questions.8.traps.0') && x.includes('is graded right')),
    m.join('\n'),
  );
});

test('generated questions must name a known template and ranges it can solve', () => {
  const unknown = quizBankSchema.safeParse(bank([...good(), generated('g3', { template: 'no-such-template' })]));
  assert.equal(unknown.success, false);
  assert.ok(unknown.error?.issues.some((i) => i.path.join('.') === 'questions.8.template'));
  const m = messages(bank([...good(), generated('g4', { ranges: { leverag: [10] } })]));
  assert.ok(
    m.some((x) => x.includes('Question "g4"') && x.includes('no range named "leverag"')),
    m.join('\n'),
  );
  const unsolvable = messages(bank([...good(), generated('g5', { ranges: { leverage: [200], mmr: [0.01] } })]));
  assert.ok(
    unsolvable.some((x) => x.includes('Question "g5"') && x.includes('unsolvable')),
    unsolvable.join('\n'),
  );
  const reversed = messages(bank([...good(), generated('g6', { ranges: { entry: { min: 5, max: 1, step: 1 } } })]));
  assert.ok(
    reversed.some((x) => x.includes('Question "g6"') && x.includes('min above its max')),
    reversed.join('\n'),
  );
});

test('a bank needs at least 8 questions, 3 numeric, 2 generated', () => {
  const m = messages(bank(good().slice(0, 7)));
  assert.ok(
    m.some((x) => x.includes('at least 8 questions')),
    m.join('\n'),
  );
  const fewGenerated = messages(bank([...good().slice(0, 7), single('s6')]));
  assert.ok(
    fewGenerated.some((x) => x.includes('this one has 8, 2 and 1')),
    fewGenerated.join('\n'),
  );
});

test('every question names at least one concept, in kebab-case', () => {
  const r = quizBankSchema.safeParse(
    bank([...good(), single('no-concepts', { concepts: [] }), single('bad', { concepts: ['Bad Id'] })]),
  );
  const paths = r.error?.issues.map((i) => i.path.join('.'));
  assert.ok(paths?.includes('questions.8.concepts') && paths.includes('questions.9.concepts.0'), JSON.stringify(paths));
});

test('ids and sections must be kebab-case', () => {
  const r = quizBankSchema.safeParse(bank([...good(), single('Bad Id'), single('ok', { section: '#Heading' })]));
  assert.equal(r.success, false);
  const paths = r.error?.issues.map((i) => i.path.join('.'));
  assert.ok(paths?.includes('questions.8.id') && paths.includes('questions.9.section'), JSON.stringify(paths));
});
