/**
 * Texts through the real ingest pipeline (scripts/ingest/pipeline.ts), each on its own with no catalog, so the
 * topics measured are the topics the site would show; with each article the paragraphs the classifier read, for
 * --explain. Pure: file names and bytes in.
 * [{ file: 'a.md', bytes }] -> [{ file: 'a.md', title: 'A', topics: ['x'], passages: [{ id, topics: ['x'] }], paragraphs: [{ id, text }] }]
 */
import type { Topic } from '../../src/schemas/topic.ts';
import { parseMdx } from '../../src/core/mdx.ts';
import type { ClassifiedParagraph } from '../ingest/classify.ts';
import { classifierParagraphs } from '../ingest/make-entry.ts';
import { ingestSources, type SourceFile } from '../ingest/pipeline.ts';

/** One article of one text as the ingest made it. */
export interface IngestedText {
  file: string;
  title: string;
  topics: string[];
  /** The passages the entry keeps per paragraph (what topic pages quote). */
  passages: { id: string; topics: string[] }[];
  paragraphs: ClassifiedParagraph[];
}

/** Ingest each source on its own; a source the ingest refuses throws, naming it, unless `skipRefused`. */
export function ingestTexts(sources: readonly SourceFile[], topics: readonly Topic[], skipRefused = false): IngestedText[] {
  return sources.flatMap((source) => {
    const result = ingestSources([source], { catalog: {}, topics, keepGoing: true });
    if (result.errors.length > 0 && !skipRefused) throw new Error(result.errors.map((error) => error.message).join('\n'));
    return result.entries.map((entry) => ({
      file: source.file,
      title: entry.article.title,
      topics: entry.article.topics,
      passages: entry.article.passages.map(({ id, topics: on }) => ({ id, topics: on })),
      paragraphs: classifierParagraphs(parseMdx(entry.mdx), entry.article.title),
    }));
  });
}
