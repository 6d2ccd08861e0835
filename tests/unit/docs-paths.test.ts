/**
 * The README and docs/ name only files that exist: every project path they name in backticks (`scripts/ingest.ts`,
 * `src/pages/topics/[slug]/index.astro`, a bare `pipeline.ts`) and every link to another file of the project, so a
 * file moved or removed cannot stay named in the docs. What the build writes (git-ignored: `dist/`,
 * `src/content/articles/<slug>.mdx`), site addresses (`/references/`) and `../shared` are not project files and are
 * not checked; `<slug>` or `*` in a path matches any name. A record that must name a file that is gone (a decision
 * in docs/decisions/ saying what was dropped) names it without code marks, beside the commit that removed it.
 *
 *   "`scripts/ingest/pool.ts` drafts sources in workers" -> docs/performance.md names scripts/ingest/pool.ts, which does not exist
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

/** A .gitignore's patterns as regular expressions on root-relative paths (see `ignoredBy`). */
function ignorePatterns(folder: string): RegExp[] {
  let text: string;
  try {
    text = readFileSync(path.join(root, folder, '.gitignore'), 'utf8');
  } catch {
    return [];
  }
  const base = folder === '' ? '' : `${folder}/`;
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#') && !line.startsWith('!'))
    .map((pattern) => {
      const name = pattern.replace(/\/$/, '');
      const anywhere = !name.includes('/');
      const glob = RegExp.escape(name.replace(/^\//, '')).replaceAll('\\*', '[^/]*');
      return new RegExp(`^${RegExp.escape(base)}${anywhere ? '(?:.*/)?' : ''}${glob}(?:/|$)`);
    });
}

/**
 * Every file and folder of the project as root-relative paths with `/` (folders ending in `/`), and what git
 * ignores: the places the build writes, which are not walked. The .gitignore files are read here rather than git
 * asked, so the test runs in a copy without .git; only the patterns such files use here are understood (a pattern
 * with no inner slash matches at any depth below its file's folder, `*` within a name).
 */
function walkProject(): { entries: string[]; ignored: RegExp[] } {
  const entries: string[] = [];
  const ignored: RegExp[] = [];
  const walk = (folder: string) => {
    ignored.push(...ignorePatterns(folder));
    for (const entry of readdirSync(path.join(root, folder), { withFileTypes: true })) {
      const relative = folder === '' ? entry.name : `${folder}/${entry.name}`;
      if (relative === '.git' || relative === 'node_modules' || ignored.some((pattern) => pattern.test(relative))) continue;
      if (entry.isDirectory()) {
        entries.push(`${relative}/`);
        walk(relative);
      } else entries.push(relative);
    }
  };
  walk('');
  return { entries, ignored };
}
const { entries, ignored } = walkProject();
const files = entries.filter((entry) => !entry.endsWith('/'));

/** A glob of one path (`*` and `<name>` match within a segment) as a regular expression. */
function globRegExp(glob: string): RegExp {
  const body = glob
    .split(/(<[^<>/]+>|\*)/)
    .map((part, i) => (i % 2 === 1 ? '[^/]*' : RegExp.escape(part)))
    .join('');
  return new RegExp(`^${body}$`);
}

const topLevel = new Set(entries.filter((entry) => !entry.slice(0, -1).includes('/')).map((entry) => entry.replace(/\/$/, '')));
const CODE_FILE = /^[^./][^/]*\.(?:ts|mts|mjs|astro|mdx|tsx)$/;

/** The project paths a backtick span names: each word that starts with a top-level file or folder, or is a bare source file name. */
function namedPaths(span: string): string[] {
  return span
    .split(/\s+/)
    .map((word) => word.replace(/^[("']+|[)"',;.]+$/g, '').replace(/:\d+(?::\d+)?$/, ''))
    .filter((word) => {
      if (word === '' || word.startsWith('/') || word.startsWith('../') || word.startsWith('-') || /^[a-z]+:/i.test(word)) return false;
      const first = word.split('/')[0]!;
      if (word.includes('/')) return topLevel.has(first);
      return topLevel.has(word) || CODE_FILE.test(word);
    });
}

/** Whether a path named in a doc is a file or folder of the project, or lies where the build writes. */
function exists(named: string): boolean {
  const clean = named.replace(/\/$/, '');
  if (ignored.some((pattern) => pattern.test(clean))) return true;
  if (!clean.includes('/')) return files.some((file) => path.posix.basename(file) === clean) || topLevel.has(clean);
  const pattern = globRegExp(clean);
  return entries.some((entry) => pattern.test(entry.replace(/\/$/, '')));
}

const docs = ['README.md', ...files.filter((file) => file.startsWith('docs/') && file.endsWith('.md'))].sort();

/** The paths a Markdown file names: in inline code (outside fenced blocks), and as relative link targets (resolved from the file). */
function pathsIn(doc: string): { named: string; line: number }[] {
  const found: { named: string; line: number }[] = [];
  let fenced = false;
  for (const [index, line] of readFileSync(path.join(root, doc), 'utf8').split('\n').entries()) {
    if (/^\s*(?:```|~~~)/.test(line)) fenced = !fenced;
    if (fenced) continue;
    for (const match of line.matchAll(/`([^`]+)`/g)) for (const named of namedPaths(match[1]!)) found.push({ named, line: index + 1 });
    for (const match of line.replace(/`[^`]*`/g, '').matchAll(/\]\(([^)\s]+)\)/g)) {
      const target = match[1]!.replace(/#.*$/, '');
      if (target === '' || /^[a-z]+:/i.test(target) || target.startsWith('/')) continue;
      const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(doc), target));
      if (!resolved.startsWith('../')) found.push({ named: resolved, line: index + 1 });
    }
  }
  return found;
}

describe('paths named in the README and docs/', () => {
  test('the check sees a path in backticks, a bare file name and a link target, and knows what the build writes', () => {
    expect(namedPaths('node scripts/bench/references-time.ts <entries dir>')).toEqual(['scripts/bench/references-time.ts']);
    expect(namedPaths('pipeline.ts')).toEqual(['pipeline.ts']);
    expect(namedPaths('/references/')).toEqual([]);
    expect(namedPaths('.mdx')).toEqual([]);
    // Brackets are part of a name (Astro's routes); `<name>` and `*` match any name.
    expect(globRegExp('src/pages/topics/[slug]/<page>.astro').test('src/pages/topics/[slug]/[...page].astro')).toBe(true);
    expect(globRegExp('src/pages/topics/[slug]/index.astro').test('src/pages/topics/s/index.astro')).toBe(false);
    expect(exists('tests/unit/docs-paths.test.ts')).toBe(true);
    expect(exists('docs-paths.test.ts')).toBe(true);
    expect(exists('tests/unit/no-such-module.ts')).toBe(false);
    expect(exists('no-such-module.ts')).toBe(false);
    expect(exists('src/content/articles/<slug>.mdx')).toBe(true);
    expect(exists('dist/concordance/data/')).toBe(true);
    expect(exists('tests/fixture-corpus/build/entries/')).toBe(true);
  });

  test('the check reads the paths the docs name (it cannot go quiet by finding none)', () => {
    expect(docs.flatMap((doc) => pathsIn(doc)).length).toBeGreaterThan(docs.length * 5);
  });

  test.each(docs)('%s names only files that exist', (doc) => {
    const missing = pathsIn(doc)
      .filter(({ named }) => !exists(named))
      .map(({ named, line }) => `${doc}:${line}: ${named}`);
    expect(missing).toEqual([]);
  });
});
