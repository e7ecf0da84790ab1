import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { acceptsParam, numberParam, enumParam, optionalNumberParam, patternParam, type ParamDef } from '../params.ts';
import { paramSchema, paramsSchema } from '../paramsSchema.ts';
import { widgets } from '../../registry.ts';

const defs: ParamDef[] = [
  numberParam,
  optionalNumberParam,
  enumParam(['long', 'short'] as const),
  patternParam(/^\$?\s*(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/),
];

// Strings shaped like what links carry: numbers, near-numbers, words, markup and long junk.
const rawValue = fc.oneof(
  fc.string(),
  fc.stringMatching(/^[+-]?\d{0,40}(\.\d{0,6})?(e[+-]?\d{1,4})?$/),
  fc.constantFrom('', 'long', 'short', 'LONG', '1e999', 'abc', '<script>', '$1,000,000', '1,00', ' 5', '.5', '5.', '-'),
  fc.string({ minLength: 30, maxLength: 40 }),
);

test('the browser validator accepts exactly what the zod schema accepts, for every kind of parameter', () => {
  fc.assert(
    fc.property(fc.constantFrom(...defs), rawValue, (def, value) => {
      return acceptsParam(def, value) === paramSchema(def).safeParse(value).success;
    }),
    { numRuns: 2000 },
  );
});

test('every widget’s defaults satisfy its own generated zod schema, and so does every preset value', () => {
  for (const w of widgets) {
    const schema = paramsSchema(w.params);
    const result = schema.safeParse(Object.fromEntries(Object.entries(w.params.defaults).filter(([, v]) => v !== '')));
    assert.ok(result.success, `${w.id}: ${JSON.stringify(result.error?.issues)}`);
  }
});

test('unknown keys are stripped and bad values are named by the schema', () => {
  const schema = paramsSchema({
    shape: { side: enumParam(['long', 'short'] as const), lev: numberParam },
    defaults: { side: 'long', lev: '10' },
    labels: { side: 'side', lev: 'leverage' },
  });
  assert.deepEqual(schema.parse({ side: 'short', x: '1' }), { side: 'short' });
  const bad = schema.safeParse({ lev: 'abc' });
  assert.equal(bad.success, false);
  assert.deepEqual(bad.error?.issues[0]?.path, ['lev']);
});
