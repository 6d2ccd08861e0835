/**
 * The one error type of the ingest: it names the source file and, where known, line:column.
 * new IngestError('expected a feed item title', { file: 'feed.xml', line: 3, column: 7 })
 *   -> "feed.xml:3:7: expected a feed item title"
 */
export interface ErrorPlace {
  /** Source file name as the curator knows it (relative to the corpus). */
  file: string;
  /** 1-based line, when the problem has a position. */
  line?: number;
  /** 1-based column, when the problem has a position. */
  column?: number;
}

/** A problem with one source or catalog entry that the curator must fix. */
export class IngestError extends Error {
  readonly file: string;
  readonly line: number | undefined;
  readonly column: number | undefined;
  /** The message without its place. */
  readonly detail: string;

  constructor(message: string, place: ErrorPlace, options?: { cause?: unknown }) {
    super(`${formatPlace(place)}: ${message}`, options);
    this.name = 'IngestError';
    this.file = place.file;
    this.line = place.line;
    this.column = place.column;
    this.detail = message;
  }
}

/** `file`, `file:line` or `file:line:column`. */
function formatPlace({ file, line, column }: ErrorPlace): string {
  if (line === undefined) return file;
  return column === undefined ? `${file}:${line}` : `${file}:${line}:${column}`;
}

/** 1-based line and column of a character offset in a text. */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset && index < text.length; index++) {
    if (text.charCodeAt(index) === 10) {
      line++;
      lineStart = index + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
