/** The generated entries of a built site (the real corpus's by default), for browser tests. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { articleSchema, type Article } from '../../src/schemas/article.ts';
import { CORPUS_SITE, type Site } from './sites.ts';

/** Every article entry's validated frontmatter, by file name order. */
export function loadArticles(site: Site = CORPUS_SITE): Article[] {
  return readdirSync(site.entries)
    .filter((file) => file.endsWith('.mdx'))
    .sort()
    .map((file) => {
      const text = readFileSync(path.join(site.entries, file), 'utf8');
      const frontmatter = /^---\n([\s\S]*?)\n---\n/.exec(text)?.[1] ?? '';
      return articleSchema.parse(parse(frontmatter));
    });
}

/** The body of an article's entry: its MDX after the frontmatter. */
export function entryBody(article: Article, site: Site = CORPUS_SITE): string {
  const text = readFileSync(path.join(site.entries, `${article.slug}.mdx`), 'utf8');
  return text.replace(/^---\n[\s\S]*?\n---\n/, '');
}

/** The raw bytes of a corpus source. */
export function readSource(file: string, site: Site = CORPUS_SITE): Buffer {
  return readFileSync(path.join(site.corpus, 'sources', file));
}
