/** The ingest command as a curator meets it: summary line, clear errors, all-or-nothing output. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';

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
  cpSync(path.join(root, 'corpus'), corpus, { recursive: true });
});

describe('npm run ingest', () => {
  test('writes six entries and ends with a summary line', () => {
    const result = ingest();
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split('\n').at(-1)).toMatch(/^ingest: 5 sources, 6 articles, \d+ warnings$/);
    expect(readdirSync(out)).toHaveLength(6);
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
    expect(result.stderr).toContain('b-binary.txt: looks like a binary file');
  });

  test('--check prints what each source becomes and writes nothing', () => {
    const result = ingest('--check');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('004_81a243f827e691fc.txt item 2 -> /articles/a-critical-assessment-of-the-iaea-for-ai-model/');
    expect(result.stdout).toContain('check only, nothing written');
    expect(() => readdirSync(out)).toThrow();
  });

  test('an invalid catalog entry names the file and key', () => {
    writeFileSync(path.join(corpus, 'catalog.yaml'), '000_44948af1af52c1da.txt:\n  titel: Typo\n');
    const result = ingest();
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/catalog\.yaml:2:\d+: key 000_44948af1af52c1da\.txt: Unrecognized key: "titel"/);
  });
});

