/**
 * Imports run one way: scripts/ -> src/core (and the shared src/schemas) <- the site in src/. Nothing in src/
 * imports from scripts/; src/core imports only src/core and src/schemas; scripts/ imports nothing else of src/
 * (but the two benchmark timers of the site's own modules, named below with what they may import).
 * Specifiers are read with TypeScript's own pre-processor (ts.preProcessFile), which also reads .astro files'
 * frontmatter and scripts well enough for import statements.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

function sourceFiles(folder: string): string[] {
  return readdirSync(path.join(root, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(?:ts|mts|astro|mdx|mjs)$/.test(entry.name))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}

/** The project files a file imports (relative specifiers only), as paths from the project root. */
function localImports(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(path.join(root, file), 'utf8'), true, true);
  return importedFiles
    .map((imported) => imported.fileName.replace(/\?.*$/, ''))
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => path.relative(root, path.resolve(path.dirname(path.join(root, file)), specifier)));
}

const under = (file: string, folder: string) => file === folder || file.startsWith(`${folder}/`);

/**
 * The scripts that time the site's own code, which is not in src/core, and the site modules (files or folders) each
 * may import: the benchmark measures what the site's build spends there (docs/performance.md).
 */
const SITE_TIMERS: Record<string, readonly string[]> = {
  // The related articles and topic co-occurrence the site computes once per build.
  'scripts/bench/corpus-index-time.ts': ['src/utils/corpus-index.ts'],
  // Each body's links and identifiers as the site's rehype plugins record them, then the works cited grouped.
  'scripts/bench/references-time.ts': ['src/plugins', 'src/utils/works-cited.ts'],
};
const siteModule = (target: string) => under(target, 'src') && !under(target, 'src/core') && !under(target, 'src/schemas');

describe('import direction', () => {
  test('the pre-processor sees the imports of a .ts and an .astro file', () => {
    expect(localImports('src/utils/render-article.ts')).toContain('src/core/mdx.ts');
    expect(localImports('src/layouts/Base.astro')).toContain('src/components/SiteSearch.astro');
  });

  test('nothing in src/ imports from scripts/', () => {
    const wrong = sourceFiles('src').flatMap((file) =>
      localImports(file)
        .filter((target) => under(target, 'scripts'))
        .map((target) => `${file} -> ${target}`),
    );
    expect(wrong).toEqual([]);
  });

  test('src/core imports only src/core and src/schemas', () => {
    const wrong = sourceFiles('src/core').flatMap((file) =>
      localImports(file)
        .filter((target) => !under(target, 'src/core') && !under(target, 'src/schemas'))
        .map((target) => `${file} -> ${target}`),
    );
    expect(wrong).toEqual([]);
  });

  test('scripts/ takes from src/ only the core and the schemas (but the site timers, each only what it times)', () => {
    const wrong = sourceFiles('scripts').flatMap((file) =>
      localImports(file)
        .filter((target) => siteModule(target) && !(SITE_TIMERS[file] ?? []).some((allowed) => under(target, allowed)))
        .map((target) => `${file} -> ${target}`),
    );
    expect(wrong).toEqual([]);
  });

  test('each site timer still imports a site module (else its exemption goes)', () => {
    const stale = Object.keys(SITE_TIMERS).filter((file) => !localImports(file).some(siteModule));
    expect(stale).toEqual([]);
  });
});
