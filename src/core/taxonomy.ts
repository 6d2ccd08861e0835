/**
 * The topic taxonomy: corpus/topics.yaml text -> validated topics (src/schemas/topic.ts), with errors naming
 * the file, key and line:column. The one reader of the taxonomy, for the ingest, the content collection and
 * the site's topic links alike.
 * "- slug: enforcement\n  label: Enforcement\n  ..." -> [{ slug: "enforcement", ... }]
 */
import { topicsFileSchema, type Topic } from '../schemas/topic.ts';
import { parseYamlFile } from './yaml.ts';

/** Parse and validate corpus/topics.yaml; `file` is its name for messages. */
export function parseTopics(text: string, file: string): Topic[] {
  return parseYamlFile(text, file, topicsFileSchema, []);
}
