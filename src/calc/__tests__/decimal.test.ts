/** Example tests for parsing inputs into Decimals and for tryCalc. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import DecimalJs from 'decimal.js';
import { Decimal, toDecimal, fieldLabel } from '../decimal.ts';
import { CalcInputError, tryCalc } from '../errors.ts';
import { notional } from '../size.ts';
import { throwsCalc } from './helpers.ts';

describe('toDecimal', () => {
  const accepted: [unknown, string][] = [
    [1500, '1500'],
    ['1500', '1500'],
    [' 0.25 ', '0.25'],
    ['1e-4', '0.0001'],
    ['.5', '0.5'],
    ['-3', '-3'],
    [new Decimal('2'), '2'],
    [new DecimalJs('7.5'), '7.5'],
    [0, '0'],
  ];
  for (const [value, expected] of accepted) {
    it(`accepts ${JSON.stringify(String(value))}`, () => assert.equal(toDecimal(value, 'price').toString(), expected));
  }
  const rejected: [unknown, string][] = [
    ['', 'required'],
    ['   ', 'required'],
    [undefined, 'required'],
    [null, 'required'],
    ['abc', 'not_a_number'],
    ['1,000', 'not_a_number'],
    ['0x10', 'not_a_number'],
    ['Infinity', 'not_a_number'],
    ['NaN', 'not_a_number'],
    [Number.NaN, 'not_a_number'],
    [Number.POSITIVE_INFINITY, 'not_finite'],
    [new DecimalJs(Number.NaN), 'not_a_number'],
    [new DecimalJs(Infinity), 'not_finite'],
    ['1e400', 'out_of_range'],
    ['1e16', 'out_of_range'],
    [2e15, 'out_of_range'],
    ['1e-30', 'out_of_range'],
    [{}, 'not_a_number'],
    [true, 'not_a_number'],
  ];
  for (const [value, code] of rejected) {
    it(`rejects ${String(value)} with ${code}`, () =>
      throwsCalc(() => toDecimal(value, 'entryPrice'), 'entryPrice', code));
  }
  it('parses plain digit strings (the fast path form fields take) exactly as the full path does', () => {
    // A surrounding space sends the same text through the pattern-checked path: both must agree on value or error.
    const outcome = (value: string) => {
      try {
        return toDecimal(value, 'price').toString();
      } catch (error) {
        if (!(error instanceof CalcInputError)) throw error;
        return error.code;
      }
    };
    for (const text of ['20', '0000020', '5.', '.', '0.0000000000000000001', '1000000000000000', '1000000000000001']) {
      assert.equal(outcome(text), outcome(` ${text} `), text);
    }
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{0,20}(\.[0-9]{0,24})?$/), (text) =>
        assert.equal(outcome(text), outcome(` ${text} `), text),
      ),
    );
  });
  it('rejects a pasted wall of digits with one stray character, without scanning it quadratically', () => {
    // With a pattern that could split a run of digits two ways, 100,000 digits took minutes to reject.
    throwsCalc(() => toDecimal(`${'1'.repeat(100_000)}x`, 'entryPrice'), 'entryPrice', 'not_a_number');
    throwsCalc(() => toDecimal(`${'1'.repeat(100_000)}.5`, 'entryPrice'), 'entryPrice', 'out_of_range');
  });
  it('keeps 40 significant digits (1/3)', () => assert.equal(new Decimal(1).div(3).toString(), '0.' + '3'.repeat(40)));
  it('re-wraps an instance of another clone at full precision, keeping every digit it had', () => {
    const Foreign = DecimalJs.clone({ precision: 20 });
    // Its own arithmetic stops at 20 digits: 1/3 = 0.333… with 20 threes.
    assert.equal(new Foreign(1).div(3).toString(), '0.' + '3'.repeat(20));
    const one = toDecimal(new Foreign(1), 'quantity');
    assert.equal(one.constructor, Decimal);
    assert.equal(one.div(3).toString(), '0.' + '3'.repeat(40));
    // The constructor does not round, so a 30-digit foreign value arrives whole.
    const long = '1.23456789012345678901234567891';
    assert.equal(toDecimal(new Foreign(long), 'quantity').toString(), long);
    // Our own instances pass through as they are.
    const ours = new Decimal('2.5');
    assert.equal(toDecimal(ours, 'quantity'), ours);
  });
  it('labels fields for beginners', () => {
    assert.equal(fieldLabel('entryPrice'), 'Entry price');
    assert.equal(fieldLabel('walletBalance'), 'Wallet balance');
    assert.equal(fieldLabel('otherPositions[0].markPrice'), 'Mark price of other position 1');
  });
});

describe('tryCalc', () => {
  it('returns the value', () => {
    const result = tryCalc(notional, { quantity: '2', price: '3' });
    assert.ok(result.ok);
    assert.equal(result.value.toString(), '6');
  });
  it('returns the input error with field, code and message', () => {
    const result = tryCalc(notional, { quantity: '2', price: '0' });
    assert.ok(!result.ok);
    assert.ok(result.error instanceof CalcInputError);
    assert.equal(result.error.field, 'price');
    assert.equal(result.error.code, 'must_be_positive');
    assert.equal(result.error.message, 'Price must be greater than zero.');
  });
  it('re-throws bugs that are not input errors', () => {
    assert.throws(
      () =>
        tryCalc(() => {
          throw new TypeError('bug');
        }, {}),
      TypeError,
    );
  });
});
