// The `stopword` package (3.1.5) ships no type declarations: its lists are named arrays of words.
declare module 'stopword' {
  const lists: Record<string, readonly string[]>;
  export = lists;
}
