/** Values each numeric field of the order-fills form must refuse, with a message on that field. */
export const GARBAGE_VALUES: Record<string, string[]> = {
  entry: ['', 'abc', '0', '-5', '1e999', '2.5'],
  margin: ['', 'abc', '0', '-5', '1e999'],
  leverage: ['', 'abc', '0', '-5', '1e999'],
  stop: ['', 'abc', '0', '-5', '1e999'],
  limit: ['', 'abc', '-5', '1e999'],
  tp: ['', 'abc', '0', '-5', '1e999'],
  mmr: ['', 'abc', '0', '-5', '1e999'],
};
