import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CalcInputError } from '../../calc/index.ts';
import { MAX_INPUT_LENGTH, isNumberText, readLooseNumber, readNumber, readPercent } from '../number.ts';

/** The error `run` throws, which must be a CalcInputError (anything else fails the test). */
function inputError(run: () => unknown): CalcInputError {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof CalcInputError, `expected a CalcInputError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the input to be refused');
}

const entry = { label: 'entry price', min: 0, minOpen: true, unit: 'USDT' } as const;

test('a typed number is read exactly, with spaces around it', () => {
  assert.equal(readNumber(' 50000.25 ', 'entry', entry).toFixed(), '50000.25');
  assert.equal(readNumber('1e-4', 'rate', { label: 'rate' }).toFixed(), '0.0001');
});

test('each refusal names the field and says what to type, in the reader’s words', () => {
  const empty = inputError(() => readNumber('  ', 'entry', entry));
  assert.deepEqual([empty.field, empty.code, empty.message], ['entry', 'required', 'Enter the entry price.']);
  const word = inputError(() => readNumber('abc', 'entry', entry));
  assert.deepEqual([word.code, word.message], ['not_a_number', 'The entry price must be a number, like 1500 or 0.25.']);
  const zero = inputError(() => readNumber('0', 'entry', entry));
  assert.deepEqual([zero.code, zero.message], ['out_of_range', 'The entry price must be more than 0 USDT.']);
  const huge = inputError(() => readNumber('1e999', 'entry', entry));
  assert.equal(huge.code, 'out_of_range');
  const range = inputError(() => readNumber('12', 'days', { label: 'number of days', min: 0, max: 10, minOpen: true }));
  assert.equal(range.message, 'The number of days must be above 0 and at most 10.');
  const whole = inputError(() => readNumber('2.5', 'count', { label: 'count', integer: true }));
  assert.equal(whole.message, 'The count must be a whole number.');
});

test('a percentage is typed in percent and returned as the fraction calc takes', () => {
  // 0.05 % = 0.05 / 100 = 0.0005.
  assert.equal(readPercent('0.05', 'fee', { label: 'fee', min: 0, max: 1 }).toFixed(), '0.0005');
  const over = inputError(() => readPercent('2', 'fee', { label: 'fee', min: 0, max: 1 }));
  assert.equal(over.message, 'The fee must be between 0% and 1%.');
});

test('every input is capped in length before any pattern runs', () => {
  const long = '9'.repeat(100_000) + 'x';
  const e = inputError(() => readNumber(long, 'entry', entry));
  assert.equal(e.code, 'out_of_range');
  assert.match(e.message, new RegExp(`at most ${MAX_INPUT_LENGTH} characters`));
  assert.equal(isNumberText(long), false);
  const loose = readLooseNumber(long);
  assert.equal(loose.ok, false);
});

test('numbers as people write them in prose: grouping commas, currency and units, a typographic minus', () => {
  const value = (text: string, unit?: string) => {
    const r = readLooseNumber(text, unit ? { unit } : {});
    assert.ok(r.ok, text);
    return r.value.toFixed();
  };
  assert.equal(value('45,226.13'), '45226.13');
  assert.equal(value('$45,226'), '45226');
  assert.equal(value('45226 USDT'), '45226');
  assert.equal(value('-12.5 %', '%'), '-12.5');
  assert.equal(value('\u22123'), '-3');
  for (const bad of ['1,2,3', '12.5.5', '4 5', 'ten', '']) assert.equal(readLooseNumber(bad).ok, false, bad);
  const r = readLooseNumber('45.226,13');
  assert.ok(!r.ok);
  assert.match(r.errors.answer ?? '', /commas only between thousands/);
});

test('any text is either read or refused with a CalcInputError on its field, never another error', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 60 }), (text) => {
      try {
        const d = readNumber(text, 'x', { label: 'x' });
        assert.ok(d.isFinite());
      } catch (error) {
        assert.ok(error instanceof CalcInputError);
        assert.equal(error.field, 'x');
      }
    }),
  );
});

test('isNumberText accepts exactly the texts readNumber reads as a number (bounds aside)', () => {
  fc.assert(
    fc.property(fc.oneof(fc.string({ maxLength: 45 }), fc.double().map(String)), (raw) => {
      const text = raw.trim();
      let code: string | null = null;
      try {
        readNumber(text, 'x', { label: 'x' });
      } catch (error) {
        assert.ok(error instanceof CalcInputError);
        code = error.code;
      }
      // A text isNumberText accepts is never refused as "not a number" or "required".
      if (isNumberText(text)) assert.ok(code === null || code === 'out_of_range', `${text}: ${code}`);
      // A text readNumber reads is one isNumberText accepts.
      if (code === null) assert.ok(isNumberText(text), text);
    }),
  );
});
