/**
 * Input limits with no calculation code, for views and URL parsing that load before (or without) src/calc. The
 * reader itself is number.ts, which re-exports them.
 */

/** The longest text any numeric input accepts (form fields also carry it as `maxLength`). */
export const MAX_INPUT_LENGTH = 40;
