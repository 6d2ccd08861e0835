/** The generated entries of the built site, read from src/content/articles/ (for browser tests). */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { articleSchema, type Article } from '../../src/schemas/article.ts';

const root = path.resolve(import.meta.dirname, '../..');

/** Every article entry's validated frontmatter, by file name order. */
export function loadArticles(): Article[] {
  const dir = path.join(root, 'src/content/articles');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.mdx'))
    .sort()
    .map((file) => {
      const text = readFileSync(path.join(dir, file), 'utf8');
      const frontmatter = /^---\n([\s\S]*?)\n---\n/.exec(text)?.[1] ?? '';
      return articleSchema.parse(parse(frontmatter));
    });
}

/** The raw bytes of a corpus source as text. */
export function readSource(file: string): string {
  return readFileSync(path.join(root, 'corpus/sources', file), 'utf8');
}
