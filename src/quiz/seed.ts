/**
 * Seeds of generated questions, with no calculation code: the quiz view needs them before the reader answers, and the
 * generators (which pull in src/calc) load only when a question is checked or redrawn.
 */

/** A stable 32-bit seed from a text (FNV-1a), so a question's first draw is the same on the server and in the browser. */
export function seedFrom(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A fresh random seed for "Try another". */
export function randomSeed(): number {
  const buf = new Uint32Array(1);
  globalThis.crypto.getRandomValues(buf);
  return buf[0];
}
