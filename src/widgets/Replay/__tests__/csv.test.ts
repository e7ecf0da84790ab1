import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { MAX_ROWS, parseCandles, type CsvError } from '../csv.ts';

function failure(text: string): CsvError {
  const out = parseCandles(text);
  assert.ok(!out.ok, `expected ${JSON.stringify(text.slice(0, 60))} to be refused`);
  return out.error;
}

const HEADER = 'time,open,high,low,close';

test('reads candles with or without a header, ISO dates or numbers, CRLF and a BOM', () => {
  const out = parseCandles(
    `\uFEFF${HEADER}\r\n2020-03-11,7910,7950,7642,7911\r\n2020-03-12,7913,7929,4860,4970\r\n\r\n`,
  );
  assert.ok(out.ok);
  assert.deepEqual(out.candles[1], { time: '2020-03-12', open: 7913, high: 7929, low: 4860, close: 4970 });
  const numbers = parseCandles('1584000000,1,2,0.5,1.5\n1584086400,1.5,1.6,1.2,1.3');
  assert.ok(numbers.ok && numbers.candles.length === 2);
  const header = parseCandles('Date,Open,High,Low,Close\n2021-05-19 00:00,1,2,0.5,1.5');
  assert.ok(header.ok && header.candles.length === 1);
});

test('an empty file, or a header alone', () => {
  assert.deepEqual(failure(''), { line: 1, column: null, message: 'Line 1: the file is empty.' });
  assert.deepEqual(failure('\n  \n'), { line: 1, column: null, message: 'Line 1: the file is empty.' });
  assert.match(failure(`${HEADER}\n`).message, /header but no candles/);
});

test('the wrong number of columns names the line', () => {
  const e = failure(`${HEADER}\n2020-01-01,1,2,0.5,1\n2020-01-02,1,2,0.5`);
  assert.equal(e.line, 3);
  assert.equal(e.column, null);
  assert.equal(e.message, 'Line 3: has 4 columns; expected 5: time, open, high, low, close.');
  assert.equal(failure('2020-01-01,1,2,0.5,1,99').line, 1);
  assert.match(failure('2020-01-01;1;2;0.5;1').message, /has 1 column;/);
});

test('a value that is not a number names its line and column', () => {
  const e = failure(`${HEADER}\n2020-01-01,1,2,0.5,1\n2020-01-02,1,abc,0.5,1`);
  assert.deepEqual(e, { line: 3, column: 3, message: 'Line 3, column 3 (high): “abc” is not a number.' });
  assert.equal(failure('2020-01-01,1,2,,1').column, 4);
  assert.equal(failure('2020-01-01,1,2,0.5,1,').line, 1);
  assert.equal(failure('2020-01-01,1e999,2,0.5,1').column, 2);
  assert.equal(failure('2020-01-01,NaN,2,0.5,1').column, 2);
  assert.equal(failure('2020-01-01,1,Infinity,0.5,1').column, 3);
  assert.match(failure('2020-01-01,0,2,0.5,1').message, /column 2 \(open\): prices must be above zero/);
  assert.match(failure('2020-01-01,-1,2,0.5,1').message, /column 2/);
});

test('a time that is neither a date nor a number', () => {
  const e = failure('yesterday,1,2,0.5,1');
  assert.deepEqual([e.line, e.column], [1, 1]);
  assert.match(e.message, /“yesterday” is not a date/);
  assert.equal(failure('2020-13-45,1,2,0.5,1').column, 1);
});

test('a high below the open or close, or a low above them', () => {
  const high = failure('2020-01-01,10,12,9,11\n2020-01-02,10,10.5,9,11');
  assert.deepEqual([high.line, high.column], [2, 3]);
  assert.equal(high.message, 'Line 2, column 3 (high): the high (10.5) is below the close (11).');
  const low = failure('2020-01-01,10,12,10.5,11');
  assert.deepEqual([low.line, low.column], [1, 4]);
  assert.equal(low.message, 'Line 1, column 4 (low): the low (10.5) is above the open (10).');
});

test('times that do not increase', () => {
  const e = failure(`${HEADER}\n2020-01-02,1,2,0.5,1\n2020-01-02,1,2,0.5,1`);
  assert.deepEqual([e.line, e.column], [3, 1]);
  assert.match(e.message, /times must increase: “2020-01-02” is not after the time on line 2/);
  assert.equal(failure('5,1,2,0.5,1\n4,1,2,0.5,1').line, 2);
});

test(`more than ${MAX_ROWS} rows`, () => {
  const rows = Array.from({ length: MAX_ROWS + 1 }, (_, i) => `${i + 1},1,2,0.5,1`);
  const e = failure(`${HEADER}\n${rows.join('\n')}`);
  assert.equal(e.line, MAX_ROWS + 2);
  assert.match(e.message, /more than 5,000 candles/);
  assert.ok(parseCandles(rows.slice(0, MAX_ROWS).join('\n')).ok);
});

test('property: any text gives candles or one error with a line number, never a throw', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 300 }), (text) => {
      const out = parseCandles(text);
      if (out.ok) {
        for (const c of out.candles)
          assert.ok(c.low <= Math.min(c.open, c.close) && c.high >= Math.max(c.open, c.close));
      } else {
        assert.ok(out.error.line >= 1);
        assert.match(out.error.message, /^Line \d+/);
      }
    }),
    { numRuns: 300 },
  );
});
