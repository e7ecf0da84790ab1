/** Vite's `?raw` import of the shipped window files: the file's text (`&server`: the copy only the server render reads). */
declare module '*.csv?raw' {
  const text: string;
  export default text;
}
declare module '*.csv?raw&server' {
  const text: string;
  export default text;
}
/** The stories' file as text, for the server render only (see serverWindows.ts). */
declare module '*.json?raw&server' {
  const text: string;
  export default text;
}
