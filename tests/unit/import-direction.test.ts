/**
 * Imports run one way: scripts/ -> src/core (and the shared src/schemas) <- the site in src/. Nothing in src/
 * imports from scripts/; src/core imports only src/core and src/schemas; scripts/ imports nothing else of src/
 * (but the two benchmark timers of the site's own modules, named below with what they may import).
 * src/core is pure and framework-free: of what is not the project's, it imports no Astro, no file system, network or
 * process module (node:crypto's hashing and node:path's joining only).
 * Inside the site, src/plugins/ and src/utils/ run one way too: a plugin imports nothing of src/utils/ (it is given its
 * data as options or with the file, and the types and tree helpers it shares are in src/core/), and of src/utils/
 * only the renderer that configures the plugins (render-article.ts) imports src/plugins/.
 * Specifiers are read with TypeScript's own pre-processor (ts.preProcessFile), which also reads .astro files'
 * frontmatter and scripts well enough for import statements.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
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

  test('src/core imports no Astro and, of Node, only hashing and path joining', () => {
    const wrong = sourceFiles('src/core').flatMap((file) =>
      ts
        .preProcessFile(readFileSync(path.join(root, file), 'utf8'), true, true)
        .importedFiles.map((imported) => imported.fileName)
        .filter((specifier) => /^astro(?::|\/|$)|^@astrojs\//.test(specifier) || (isBuiltin(specifier) && !['node:crypto', 'node:path'].includes(specifier)))
        .map((specifier) => `${file} -> ${specifier}`),
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

  test('src/plugins/ imports nothing of src/utils/', () => {
    const wrong = sourceFiles('src/plugins').flatMap((file) =>
      localImports(file)
        .filter((target) => under(target, 'src/utils'))
        .map((target) => `${file} -> ${target}`),
    );
    expect(wrong).toEqual([]);
  });

  test('of src/utils/, only the renderer that configures the plugins imports src/plugins/', () => {
    const importers = sourceFiles('src/utils').filter((file) => localImports(file).some((target) => under(target, 'src/plugins')));
    expect(importers).toEqual(['src/utils/render-article.ts']);
  });
});
