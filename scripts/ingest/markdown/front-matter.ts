/**
 * A Markdown source's front matter block (YAML between `---` lines, TOML between `+++` lines) -> its fields as
 * plain data, or an IngestError naming the file and the line:column of the fault in the file as received.
 * ("title: A\ndate: 2024-05-01", yaml, starting at line 2) -> { title: "A", date: "2024-05-01" }
 * ("title: [A", yaml, line 2) -> throws "post.md:2:8: invalid YAML front matter: ..."
 * Parsing is the `yaml` package (the project's YAML library, core schema: a date stays a string) and `smol-toml`;
 * this module only places their errors in the file and turns TOML dates back into the text the source wrote.
 */
import { LineCounter, parseDocument } from 'yaml';
import { parse as parseToml, TomlDate, TomlError } from 'smol-toml';
import { IngestError } from '../../../src/core/errors.ts';

/** The block as remark-frontmatter gives it: its language, its text (fences excluded) and the file line of its opening fence. */
export interface FrontMatterBlock {
  lang: 'yaml' | 'toml';
  value: string;
  /** 1-based line of the opening `---` / `+++` in the file. */
  fenceLine: number;
}

/** What a curator can do about a bad header, said once for both languages. */
const ADVICE = 'fix the header (quote a value that holds ": " or starts with a special character), or remove it to read the file without metadata';

/** Parse a front matter block into a plain object (keys as written). An empty block is `{}`. */
export function readFrontMatter(block: FrontMatterBlock, file: string): Record<string, unknown> {
  const data = block.lang === 'yaml' ? readYaml(block, file) : readToml(block, file);
  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new IngestError(`the front matter is not a list of "key: value" fields; ${ADVICE}`, { file, line: block.fenceLine + 1, column: 1 });
  }
  return data as Record<string, unknown>;
}

function readYaml(block: FrontMatterBlock, file: string): unknown {
  const lineCounter = new LineCounter();
  const document = parseDocument(block.value, { lineCounter, prettyErrors: false, uniqueKeys: true, schema: 'core' });
  const error = document.errors[0];
  if (error) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    throw new IngestError(`invalid YAML front matter: ${error.message.split('\n')[0]}; ${ADVICE}`, { file, line: block.fenceLine + line, column: col });
  }
  return document.toJS();
}

function readToml(block: FrontMatterBlock, file: string): unknown {
  try {
    return plainToml(parseToml(block.value));
  } catch (error) {
    if (!(error instanceof TomlError)) throw error;
    const reason = error.message.split('\n')[0]!.replace(/^Invalid TOML document: /, '');
    throw new IngestError(
      `invalid TOML front matter: ${reason}; ${ADVICE}`,
      { file, line: block.fenceLine + error.line, column: error.column },
      { cause: error },
    );
  }
}

/** TOML values as JSON-like data: a TOML date or time becomes the text the source wrote ("1979-05-27"). */
function plainToml(value: unknown): unknown {
  if (value instanceof TomlDate) return value.toISOString();
  if (Array.isArray(value)) return value.map(plainToml);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, plainToml(item)]));
  return value;
}
