/**
 * Markdown sources against the world: the real texts of ../shared/labelled/ (Markdown with a YAML header, as
 * PauseAI's site and the AI Safety Atlas keep them) are read as Markdown, their header titles become the titles,
 * and no Markdown syntax shows literally in what the site derives from them. Expectations come from the files
 * themselves (their headers read here by the `yaml` package), never written into this test.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { ingestSources } from '../../scripts/ingest/pipeline.ts';
import { corpusTopics, root } from '../helpers/ingest-corpus.ts';

const LABELLED = path.resolve(root, '../shared/labelled');
const present = existsSync(LABELLED);
if (!present) console.warn(`Markdown real-world tests skipped: ${LABELLED} is absent (it sits beside the project on the team's machines)`);

describe.skipIf(!present)('real Markdown sources (../shared/labelled/)', () => {
  const files = present ? readdirSync(LABELLED).filter((file) => file.endsWith('.md') && file !== 'SOURCES.md') : [];
  const sources = files.map((file) => ({ file, bytes: readFileSync(path.join(LABELLED, file)) }));
  const result = ingestSources(sources, { catalog: {}, topics: corpusTopics(), keepGoing: true });

  test('every file is one Markdown article, with no error', () => {
    expect(files.length).toBeGreaterThan(0);
    expect(result.errors.map((error) => error.message)).toEqual([]);
    expect(result.entries).toHaveLength(files.length);
    for (const entry of result.entries) expect(entry.article.source.format, entry.article.source.file).toBe('markdown');
  });

  test.each(files)('%s: the header title is the title, given by the source', (file) => {
    const header = parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(readFileSync(path.join(LABELLED, file), 'utf8'))![1]!) as { title?: unknown };
    const entry = result.entries.find((candidate) => candidate.article.source.file === file)!;
    expect(typeof header.title).toBe('string');
    expect(entry.article.title).toBe(String(header.title).replace(/\s+/g, ' ').trim());
    expect(entry.article.origins.title).toBe('feed');
    expect(entry.slug).not.toBe('article');
  });

  test('no Markdown syntax shows literally in passages, titles and deks', () => {
    for (const entry of result.entries) {
      const texts = [entry.article.title, entry.article.dek ?? '', ...entry.article.passages.map((passage) => passage.text)];
      for (const text of texts) expect(text, entry.article.source.file).not.toMatch(/\*\*\S|\]\(https?:|^#{1,6} |^---$/m);
    }
  });
});
