/** The one seeded pseudo-random generator of the project: simulations, generated quiz questions and random replays. */

/**
 * mulberry32: a tiny 32-bit seeded PRNG giving floats in [0, 1); the same seed always gives the same sequence, on the
 * server and in every browser. Not for anything secret.
 * Source: Tommy Ettinger's mulberry32 (public domain), as listed in bryc/code "PRNGs" (github.com/bryc/code).
 * @example const rand = mulberry32(42); rand() // 0.6011037519201636
 */
export function mulberry32(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
