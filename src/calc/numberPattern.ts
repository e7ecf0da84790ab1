/**
 * The pattern of a number as a person types it, in a module of its own with no decimal.js: form fields and URL
 * parameters check text against it before any calculation code has loaded. decimal.ts re-exports it, and the public
 * name stays `NUMBER_PATTERN` from src/calc/index.ts.
 */

/**
 * A number as a person types it: optional sign, digits with at most one point, optional exponent. The point is part of
 * the optional group so a long run of digits cannot be split two ways: matching is linear in the input's length.
 * Source: the decimal string values decimal.js accepts (https://mikemcl.github.io/decimal.js/#decimal), without its
 * hexadecimal, binary and octal forms, NaN or Infinity.
 */
export const NUMBER_PATTERN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
