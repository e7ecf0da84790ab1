import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CSV_FIELD, MAX_ROWS, parseCandles } from '../csv.ts';

/** The one message a refused text comes back with. */
function failure(text: string): string {
  const out = parseCandles(text);
  assert.ok(!out.ok, `expected ${JSON.stringify(text.slice(0, 60))} to be refused`);
  const message = out.errors[CSV_FIELD];
  assert.ok(message, JSON.stringify(out.errors));
  return message;
}

const HEADER = 'time,open,high,low,close';

test('reads candles with or without a header, ISO dates or numbers, CRLF and a BOM', () => {
  const out = parseCandles(
    `\uFEFF${HEADER}\r\n2020-03-11,7910,7950,7642,7911\r\n2020-03-12,7913,7929,4860,4970\r\n\r\n`,
  );
  assert.ok(out.ok);
  assert.deepEqual(out.value.candles[1], { time: '2020-03-12', open: 7913, high: 7929, low: 4860, close: 4970 });
  assert.equal(out.value.hasMark, false);
  const numbers = parseCandles('1584000000,1,2,0.5,1.5\n1584086400,1.5,1.6,1.2,1.3');
  assert.ok(numbers.ok && numbers.value.candles.length === 2);
  const header = parseCandles('Date,Open,High,Low,Close\n2021-05-19 00:00,1,2,0.5,1.5');
  assert.ok(header.ok && header.value.candles.length === 1);
});

test('nine columns carry the mark price beside the last price', () => {
  // The hour 2020-03-13T02:00Z of the shipped Black Thursday window, last then mark.
  const out = parseCandles(
    'time,open,high,low,close,mark_open,mark_high,mark_low,mark_close\n' +
      '2020-03-13 02:00,4062.95,5228.23,3621.81,4723.95,4129.89365198,5234.19300285,3801.83057975,4845.56713065',
  );
  assert.ok(out.ok);
  assert.equal(out.value.hasMark, true);
  assert.deepEqual(out.value.candles[0], {
    time: '2020-03-13 02:00',
    open: 4062.95,
    high: 5228.23,
    low: 3621.81,
    close: 4723.95,
    markOpen: 4129.89365198,
    markHigh: 5234.19300285,
    markLow: 3801.83057975,
    markClose: 4845.56713065,
  });
  assert.ok(parseCandles('1,1,2,0.5,1.5,1,2,0.5,1.5\n2,1,2,0.5,1.5,1,2,0.5,1.5').ok);
});

test('an empty file, or a header alone', () => {
  assert.equal(failure(''), 'Line 1: the file is empty.');
  assert.equal(failure('\n  \n'), 'Line 1: the file is empty.');
  assert.match(failure(`${HEADER}\n`), /^Line 1: the file has a header but no candles/);
});

test('the wrong number of columns names the line', () => {
  assert.equal(
    failure(`${HEADER}\n2020-01-01,1,2,0.5,1\n2020-01-02,1,2,0.5`),
    'Line 3: has 4 columns; expected 5: time, open, high, low, close.',
  );
  assert.match(
    failure('2020-01-01,1,2,0.5,1,99'),
    /^Line 1: has 6 columns; expected 5 \(time, open, high, low, close\) or 9/,
  );
  assert.match(failure('2020-01-01;1;2;0.5;1'), /^Line 1: has 1 column;/);
  // Every row has the width of the first one.
  assert.match(failure('1,1,2,0.5,1\n2,1,2,0.5,1,1,2,0.5,1'), /^Line 2: has 9 columns; expected 5:/);
});

test('a value that is not a number names its line and column', () => {
  assert.equal(
    failure(`${HEADER}\n2020-01-01,1,2,0.5,1\n2020-01-02,1,abc,0.5,1`),
    'Line 3, column 3 (high): “abc” is not a number.',
  );
  assert.match(failure('2020-01-01,1,2,,1'), /^Line 1, column 4 \(low\)/);
  assert.match(failure('2020-01-01,1,2,0.5,1,'), /^Line 1: has 6 columns/);
  assert.match(failure('2020-01-01,1e999,2,0.5,1'), /^Line 1, column 2 \(open\): “1e999” is too large/);
  assert.match(failure('2020-01-01,NaN,2,0.5,1'), /^Line 1, column 2 \(open\)/);
  assert.match(failure('2020-01-01,1,Infinity,0.5,1'), /^Line 1, column 3 \(high\)/);
  assert.match(failure('2020-01-01,0,2,0.5,1'), /^Line 1, column 2 \(open\): prices must be above zero/);
  assert.match(failure('2020-01-01,-1,2,0.5,1'), /^Line 1, column 2 \(open\)/);
  assert.match(failure('1,1,2,0.5,1,1,2,0.5,x'), /^Line 1, column 9 \(mark close\): “x” is not a number/);
});

test('a cell longer than 40 characters is refused at once, however it is made', () => {
  const digits = '1'.repeat(20000);
  const started = performance.now();
  assert.match(
    failure(`2020-01-01,${digits}x,2,0.5,1`),
    /^Line 1, column 2 \(open\): “1{20}…” is too long for a number/,
  );
  assert.match(failure(`${digits}x,1,2,0.5,1`), /^Line 1, column 1 \(time\)/);
  assert.match(failure(`2020-01-01T${'1'.repeat(20000)}x,1,2,0.5,1`), /^Line 1, column 1 \(time\)/);
  // The old pattern (\d+\.?\d*) took 0.76 s on 20,000 digits and one bad character; the capped cells take nothing.
  assert.ok(performance.now() - started < 100, `took ${performance.now() - started} ms`);
});

test('a time that is neither a date nor a number', () => {
  assert.match(failure('yesterday,1,2,0.5,1'), /^Line 1, column 1 \(time\): “yesterday” is not a date/);
  assert.match(failure('2020-13-45,1,2,0.5,1'), /^Line 1, column 1 \(time\)/);
});

test('a high below the open or close, or a low above them, for the last and the mark price', () => {
  assert.equal(
    failure('2020-01-01,10,12,9,11\n2020-01-02,10,10.5,9,11'),
    'Line 2, column 3 (high): the high (10.5) is below the close (11).',
  );
  assert.equal(failure('2020-01-01,10,12,10.5,11'), 'Line 1, column 4 (low): the low (10.5) is above the open (10).');
  assert.equal(
    failure('1,10,12,9,11,10,10.5,9,11'),
    'Line 1, column 7 (mark high): the mark high (10.5) is below the mark close (11).',
  );
  assert.equal(
    failure('1,10,12,9,11,10,12,10.5,11'),
    'Line 1, column 8 (mark low): the mark low (10.5) is above the mark open (10).',
  );
});

test('times that do not increase', () => {
  assert.match(
    failure(`${HEADER}\n2020-01-02,1,2,0.5,1\n2020-01-02,1,2,0.5,1`),
    /^Line 3, column 1 \(time\): times must increase: “2020-01-02” is not after the time on line 2/,
  );
  assert.match(failure('5,1,2,0.5,1\n4,1,2,0.5,1'), /^Line 2, column 1/);
});

test(`more than ${MAX_ROWS} rows`, () => {
  const rows = Array.from({ length: MAX_ROWS + 1 }, (_, i) => `${i + 1},1,2,0.5,1`);
  assert.match(failure(`${HEADER}\n${rows.join('\n')}`), new RegExp(`^Line ${MAX_ROWS + 2}: more than 5,000 candles`));
  assert.ok(parseCandles(rows.slice(0, MAX_ROWS).join('\n')).ok);
});

test('property: any text gives candles or one error with a line number, never a throw', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 300 }), (text) => {
      const out = parseCandles(text);
      if (out.ok) {
        for (const c of out.value.candles)
          assert.ok(c.low <= Math.min(c.open, c.close) && c.high >= Math.max(c.open, c.close));
      } else {
        assert.match(out.errors[CSV_FIELD] ?? '', /^Line \d+/);
      }
    }),
    { numRuns: 300 },
  );
});
