/** The ingest command as a curator meets it: summary line, clear errors, all-or-nothing output; on a copy of the
 * fixture corpus (tests/fixture-corpus/), whose files the tests name. */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { ingestReportSchema } from '../../src/schemas/ingest-report.ts';
import { copyCorpus, corpusSources, FIXTURE_CORPUS, ingest as ingestInMemory } from '../helpers/ingest-corpus.ts';

const root = path.resolve(import.meta.dirname, '../..');
const script = path.join(root, 'scripts/ingest.ts');
let corpus: string;
let out: string;

function ingest(...args: string[]) {
  return spawnSync(process.execPath, [script, '--corpus', corpus, '--out', out, ...args], { encoding: 'utf8' });
}

beforeEach(() => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dossier-ingest-'));
  corpus = path.join(dir, 'corpus');
  out = path.join(dir, 'articles');
  copyCorpus(FIXTURE_CORPUS, corpus);
});

// Each test runs the real CLI in a child process (about 3 s a run), so allow more than the default 5 s.
describe('npm run ingest', { timeout: 240_000 }, () => {
  test('writes one entry per article and ends with a summary line', () => {
    const expected = ingestInMemory(FIXTURE_CORPUS);
    const result = ingest();
    expect(result.status).toBe(0);
    const summary = `ingest: ${corpusSources(FIXTURE_CORPUS).length} sources, ${expected.entries.length} articles, ${expected.warnings.length} warnings`;
    expect(result.stdout.trim().split('\n').at(-1)).toBe(summary);
    expect(
      readdirSync(out)
        .filter((file) => file.endsWith('.mdx'))
        .sort(),
    ).toEqual(expected.entries.map((entry) => `${entry.slug}.mdx`).sort());
    // With the entries, the run's report for the coverage page: every source, and the articles it became.
    const report = ingestReportSchema.parse(JSON.parse(readFileSync(path.join(out, 'coverage.json'), 'utf8')));
    expect(report.sources.map((source) => source.file)).toEqual(
      corpusSources(FIXTURE_CORPUS)
        .map((source) => source.file)
        .sort(),
    );
    expect(report.sources.flatMap((source) => source.articles.map((article) => article.slug)).sort()).toEqual(
      expected.entries.map((entry) => entry.slug).sort(),
    );
  });

  test('a malformed feed fails with file:line:column and leaves the previous entries untouched', () => {
    expect(ingest().status).toBe(0);
    const before = readdirSync(out).map((file) => readFileSync(path.join(out, file), 'utf8'));
    writeFileSync(path.join(corpus, 'sources/zz-broken.xml'), '<?xml version="1.0"?>\n<rss version="2.0">\n<channel><item><title>x</item>\n</channel></rss>\n');
    const result = ingest();
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('error: zz-broken.xml:3:');
    expect(result.stderr).toContain('previous entries left untouched');
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(readdirSync(out).map((file) => readFileSync(path.join(out, file), 'utf8'))).toEqual(before);
  });

  test('--keep-going reports every broken source in one run', () => {
    writeFileSync(path.join(corpus, 'sources/a-empty.txt'), '');
    writeFileSync(path.join(corpus, 'sources/b-binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]));
    const result = ingest('--keep-going');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('a-empty.txt: file is empty');
    expect(result.stderr).toContain('b-binary.txt: looks like a PNG image, not text');
  });

  test('a feed item with no text is left out with a warning and the rest is published; --strict fails on it and writes nothing', () => {
    expect(ingest().status).toBe(0);
    const before = readdirSync(out).map((file) => readFileSync(path.join(out, file), 'utf8'));
    const feed = (items: string) => `<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Mixed</title>${items}</channel></rss>\n`;
    writeFileSync(
      path.join(corpus, 'sources/zz-mixed.xml'),
      feed('<item><title>Empty</title><guid>e</guid></item><item><title>Full</title><guid>f</guid><description>Some text of its own.</description></item>'),
    );
    const strict = ingest('--strict');
    expect(strict.status).toBe(1);
    expect(strict.stderr).toContain('warning: zz-mixed.xml item 1: left out: item 1 ("Empty") has no <content:encoded>, <description> or itunes:summary');
    expect(strict.stderr).toMatch(/ingest failed \(--strict\): \d+ warning\(s\), 1 of them items left out; previous entries left untouched/);
    expect(readdirSync(out).map((file) => readFileSync(path.join(out, file), 'utf8'))).toEqual(before);
    const result = ingest();
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('warning: zz-mixed.xml item 1: left out:');
    expect(readdirSync(out)).toContain('full.mdx');
    expect(readdirSync(out)).not.toContain('empty.mdx');
  });

  test('--check prints what each source becomes as an aligned table with a total line, and writes nothing', () => {
    const result = ingest('--check');
    expect(result.status).toBe(0);
    const expected = ingestInMemory(FIXTURE_CORPUS);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/^source +articles +title +date +topics +warnings$/);
    const rule = lines[1]!;
    expect(rule).toMatch(/^[- ]+$/);
    // One row per article, each column starting where its header does.
    const starts = [...lines[0]!.matchAll(/\S+/g)].map((match) => match.index);
    const rows = lines.slice(2, 2 + expected.entries.length);
    for (const entry of expected.entries) {
      const row = rows.find((line) => line.startsWith(`${entry.label} `))!;
      expect(row, entry.label).toBeDefined();
      for (const start of starts.slice(1, -1)) expect(row[start - 1], `${entry.label} at column ${start}`).toBe(' ');
    }
    expect(lines[2 + expected.entries.length]).toBe(rule);
    expect(lines[3 + expected.entries.length]).toMatch(
      new RegExp(`^total: ${corpusSources(FIXTURE_CORPUS).length} sources +${expected.entries.length} articles, 0 left out +${expected.warnings.length}$`),
    );
    expect(result.stdout).toContain('check only, nothing written');
    expect(() => readdirSync(out)).toThrow();
  });

  test('an invalid catalog entry names the file and key', () => {
    writeFileSync(path.join(corpus, 'catalog.yaml'), '000_44948af1af52c1da.txt:\n  titel: Typo\n');
    const result = ingest();
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/catalog\.yaml:2:\d+: key 000_44948af1af52c1da\.txt: Unrecognized key: "titel"/);
  });

  test('--check gives each source its warning count and lists the warnings, items left out as such', () => {
    cpSync(path.join(root, 'tests/fixtures/duplicate-guid-across-feeds/sources'), path.join(corpus, 'sources'), { recursive: true });
    const result = ingest('--check');
    expect(result.status).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines.find((line) => line.startsWith('001_c43dd8f296a22087.txt '))).toMatch(/ \/articles\/\S+ +.* \(inferred\) +undated +\S.* +1$/);
    expect(lines).toContain('warning: 001_c43dd8f296a22087.txt: text ends mid-sentence: marked truncated');
    expect(lines.find((line) => line.startsWith('c-refetch.xml item 1 '))).toMatch(/^c-refetch\.xml item 1 +left out +1$/);
    expect(result.stdout).toContain('warning: c-refetch.xml item 1: left out: the same item (guid "tag:dup.example,2025:edited") as a-original.xml item 3');
    expect(lines.find((line) => line.startsWith('total: '))).toMatch(/ [1-9]\d* left out /);
    expect(result.stderr).toBe('');
  });

  test('a folder in sources/ is reported, not silently skipped', () => {
    mkdirSync(path.join(corpus, 'sources/drafts'));
    const result = ingest();
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('warning: drafts: not a file');
  });

  test('every bad-input fixture fails cleanly in one run: named, no stack trace, nothing written', () => {
    const fixtures = path.join(root, 'tests/fixtures');
    // Fixtures whose sources are bad (catalog-only failures need their catalog, so they are left out).
    const bad = readdirSync(fixtures).filter(
      (name) => existsSync(path.join(fixtures, name, 'error.txt')) && !existsSync(path.join(fixtures, name, 'catalog.yaml')),
    );
    expect(bad.length).toBeGreaterThanOrEqual(10);
    const names: string[] = [];
    for (const name of bad) {
      for (const file of readdirSync(path.join(fixtures, name, 'sources'))) {
        names.push(`${name}--${file}`);
        cpSync(path.join(fixtures, name, 'sources', file), path.join(corpus, 'sources', `${name}--${file}`));
      }
    }
    const result = ingest('--keep-going');
    expect(result.status).toBe(1);
    for (const file of names) expect(result.stderr).toContain(`error: ${file}`);
    expect(result.stderr).not.toMatch(/\n\s+at |unexpected failure|failed unexpectedly/);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(path.dirname(out)).filter((entry) => entry.startsWith('articles.'))).toEqual([]);
  });
});
