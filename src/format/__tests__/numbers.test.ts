import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatMoney, formatPercent, formatMultiple, formatUsd, formatPrice, formatValue } from '../numbers.ts';

test('money keeps the exact decimal and shows its unit', () => {
  assert.equal(formatMoney('1234.5', { unit: 'USDT' }), '1,234.50 USDT');
  assert.equal(formatMoney('-0.004125', { unit: 'BTC' }), '-0.004125 BTC');
  assert.equal(formatMoney('12.005', { unit: 'USDT', signed: true }), '+12.01 USDT');
  // More digits than a double can hold still format exactly.
  assert.equal(formatMoney('123456789012345678.125', { unit: 'USDT' }), '123,456,789,012,345,678.13 USDT');
});

test('percentages, multiples, dollars and prices', () => {
  assert.equal(formatPercent('0.0964'), '9.64%');
  assert.equal(formatPercent('-0.05', { signed: true }), '-5%');
  assert.equal(formatMultiple('10'), '10x');
  assert.equal(formatUsd('10000'), '$10,000.00');
  assert.equal(formatUsd('500', { digits: 0 }), '$500');
  assert.equal(formatPrice('54300.5'), '54,300.50 USDT');
  assert.equal(formatPrice('0.123456', { digits: 4 }), '0.1235 USDT');
  assert.equal(formatValue('0.5', { kind: 'percent' }), '50%');
});

test('a decimal.js-like value is formatted from its exact string', () => {
  const d = { toFixed: () => '0.1' };
  assert.equal(formatPercent(d), '10%');
});

test('non-finite numbers are refused rather than shown', () => {
  assert.throws(() => formatMoney(Number.NaN, { unit: 'USDT' }), /non-finite/);
  assert.throws(() => formatPercent(Number.POSITIVE_INFINITY), /non-finite/);
});
