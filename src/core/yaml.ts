/**
 * YAML -> validated data, with errors naming file, key and line:column: the curator's files (catalog,
 * topics) and the entries' frontmatter. `yaml` is the project's one YAML library (it keeps node positions).
 * ("title: 3", z.object({ title: z.string() })) -> throws "file:1:8: key title: Invalid input: expected string"
 */
import { isMap, isSeq, LineCounter, parse, parseDocument, type Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import { IngestError } from './errors.ts';

/** Parse YAML text and validate it; an empty file is `empty`. */
export function parseYamlFile<S extends z.ZodType>(text: string, file: string, schema: S, empty: unknown): z.infer<S> {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const firstError = document.errors[0];
  if (firstError) {
    const { line, col } = lineCounter.linePos(firstError.pos[0]);
    throw new IngestError(`invalid YAML: ${firstError.message.split('\n')[0]}`, { file, line, column: col });
  }
  const data: unknown = document.contents === null ? empty : document.toJS();
  const result = schema.safeParse(data ?? empty);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const keyPath = issue.path.map(String);
  const node = nodeAt(document.contents, keyPath);
  const place = node?.range ? lineCounter.linePos(node.range[0]) : undefined;
  throw new IngestError(`key ${keyPath.join('.') || '(root)'}: ${issue.message}`, { file, line: place?.line, column: place?.col });
}

/** The deepest YAML node along a key path (the key itself when the value is missing). */
function nodeAt(root: unknown, keyPath: readonly string[]): YamlNode | undefined {
  let node = root as YamlNode | undefined;
  for (const key of keyPath) {
    if (isSeq(node)) {
      const item = node.items[Number(key)];
      if (item === undefined) return node;
      node = item as YamlNode;
    } else if (isMap(node)) {
      const pair = node.items.find((item) => String((item.key as { value?: unknown })?.value) === key);
      if (!pair) return node;
      node = (pair.value ?? pair.key) as YamlNode;
    } else {
      return node;
    }
  }
  return node;
}

/** YAML text as plain data with the core schema (JSON's types only: a date stays a string); throws on bad YAML. */
export function parseYaml(text: string): unknown {
  return parse(text, { schema: 'core', prettyErrors: false, uniqueKeys: true });
}
