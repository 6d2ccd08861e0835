/**
 * Topics YAML text -> validated topic list (src/schemas/topic.ts), errors with file, key and line:column.
 * "- slug: enforcement\n  label: Enforcement\n  ..." -> [{ slug: "enforcement", ... }]
 */
import { topicsFileSchema, type Topic } from '../../src/schemas/topic.ts';
import { parseYamlFile } from './yaml-file.ts';

/** Parse and validate corpus/topics.yaml; `file` is its name for messages. */
export function parseTopics(text: string, file: string): Topic[] {
  return parseYamlFile(text, file, topicsFileSchema, []);
}
