/** The ingest command as a curator meets it: summary line, clear errors, a bad source left out while the rest is
 * published (its last good entries kept, stale), --strict all-or-nothing; on a copy of the fixture corpus
 * (tests/fixture-corpus/), whose files the tests name. */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

  test('a malformed feed is left out, named with file:line:column, and every other source is published', () => {
    const expected = ingestInMemory(FIXTURE_CORPUS);
    writeFileSync(path.join(corpus, 'sources/zz-broken.xml'), '<?xml version="1.0"?>\n<rss version="2.0">\n<channel><item><title>x</item>\n</channel></rss>\n');
    const result = ingest();
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('1 source left out of this run (the rest is published)');
    expect(result.stderr).toContain('error: zz-broken.xml:3:');
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(result.stdout.trim().split('\n').at(-1)).toMatch(/, 1 source left out$/);
    expect(readdirSync(out).filter((file) => file.endsWith('.mdx')).length).toBe(expected.entries.length);
    const report = ingestReportSchema.parse(JSON.parse(readFileSync(path.join(out, 'coverage.json'), 'utf8')));
    const broken = report.sources.find((source) => source.file === 'zz-broken.xml')!;
    expect(broken).toMatchObject({ articles: [], stale: false });
    expect(broken.error).toMatch(/^zz-broken\.xml:3:\d+: /);
  });

  test('a source that was good and turns bad keeps its last good entries, flagged stale, until it is fixed', () => {
    expect(ingest().status).toBe(0);
    const report = () => ingestReportSchema.parse(JSON.parse(readFileSync(path.join(out, 'coverage.json'), 'utf8')));
    // A feed of the fixture corpus (the one whose articles are its items).
    const feed = report().sources.find((source) => source.articles.some((article) => article.label.includes(' item ')))!.file;
    const slugs = report()
      .sources.find((source) => source.file === feed)!
      .articles.map((article) => article.slug);
    expect(slugs.length).toBeGreaterThan(0);
    const good = readFileSync(path.join(corpus, 'sources', feed));
    const entries = () => Object.fromEntries(slugs.map((slug) => [slug, readFileSync(path.join(out, `${slug}.mdx`), 'utf8')]));
    const before = entries();
    writeFileSync(path.join(corpus, 'sources', feed), Buffer.concat([good, Buffer.from('\n<unclosed')]));
    for (const run of [1, 2]) {
      const result = ingest();
      expect(result.status, `run ${run}`).toBe(0);
      expect(result.stderr).toContain(`error: ${feed}:`);
      expect(result.stderr).toContain(slugs.length === 1 ? 'its last good article stays published' : `its last good ${slugs.length} articles stay published`);
      expect(entries()).toEqual(before);
      expect(report().sources.find((source) => source.file === feed)).toMatchObject({
        stale: true,
        articles: slugs.map((slug) => expect.objectContaining({ slug })),
      });
    }
    // --strict refuses to publish a corpus with a source left out.
    const strict = ingest('--strict');
    expect(strict.status).toBe(1);
    expect(strict.stderr).toMatch(/ingest failed \(--strict\): 1 source left out/);
    writeFileSync(path.join(corpus, 'sources', feed), good);
    expect(ingest().status).toBe(0);
    expect(report().sources.find((source) => source.file === feed)).toMatchObject({ stale: false, error: null });
    expect(entries()).toEqual(before);
  });

  test('every broken source is reported in one run, and a run with nothing to publish fails', () => {
    writeFileSync(path.join(corpus, 'sources/a-empty.txt'), '');
    writeFileSync(path.join(corpus, 'sources/b-binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]));
    const result = ingest();
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('a-empty.txt: file is empty');
    expect(result.stderr).toContain('b-binary.txt: looks like a PNG image, not text');
    for (const file of readdirSync(path.join(corpus, 'sources')))
      if (!file.startsWith('a-') && !file.startsWith('b-')) rmSync(path.join(corpus, 'sources', file));
    const nothing = ingest();
    expect(nothing.status).toBe(1);
    expect(nothing.stderr).toContain('ingest failed: no source could be read (2 errors); previous entries left untouched');
  });

  test('a corpus with many warnings gets a summary by kind, each saying what to do, and the log file holds every one', () => {
    cpSync(path.join(root, 'tests/fixtures/feed-trackers-and-footers/sources'), path.join(corpus, 'sources'), { recursive: true });
    const all = ingest('--verbose');
    const count = all.stderr.split('\n').filter((line) => line.startsWith('warning: ')).length;
    const result = ingest('--no-cache');
    const log = readFileSync(`${out}.ingest.log`, 'utf8');
    expect(log.split('\n').filter((line) => line.startsWith('warning: '))).toHaveLength(count);
    if (count > 20) {
      expect(result.stderr).toMatch(/^warnings: [\d,]+ in \d+ sources? \(every one in .*articles\.ingest\.log; by source on \/about\/coverage\/\)$/m);
      expect(result.stderr.split('\n').length).toBeLessThan(count);
    } else expect(result.stderr.split('\n').filter((line) => line.startsWith('warning: '))).toHaveLength(count);
  });

  test('--changes tells only what the changed sources became', () => {
    expect(ingest().status).toBe(0);
    writeFileSync(path.join(corpus, 'sources/zz-new.txt'), 'A new text\n\nIts one paragraph says something of its own.\n');
    const result = ingest('--changes');
    expect(result.status).toBe(0);
    expect(result.stderr.trim().split('\n')).toEqual(['zz-new.txt changed: 1 article, 0 warnings']);
    rmSync(path.join(corpus, 'sources/zz-new.txt'));
    expect(ingest('--changes').stderr.trim()).toBe('zz-new.txt removed: its articles are gone');
    expect(ingest('--changes').stderr.trim()).toBe('no source changed');
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
    expect(strict.stderr).toMatch(/ingest failed \(--strict\): 0 sources left out, \d+ warnings?, 1 of them items left out; previous entries left untouched/);
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

  test('every bad-input fixture is left out cleanly in one run: named, no stack trace, the rest published', () => {
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
    const result = ingest();
    expect(result.status).toBe(0);
    for (const file of names) expect(result.stderr).toContain(`error: ${file}`);
    expect(result.stderr).not.toMatch(/\n\s+at |unexpected failure|failed unexpectedly/);
    // The good sources are published; no bad one gave an entry.
    expect(readdirSync(out).filter((file) => file.endsWith('.mdx')).length).toBe(ingestInMemory(FIXTURE_CORPUS).entries.length);
    expect(readdirSync(path.dirname(out)).filter((entry) => entry.startsWith('articles.') && entry !== 'articles.ingest.log')).toEqual([]);
  });
});
