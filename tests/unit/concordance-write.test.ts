/**
 * Writing the concordance's index into a built site (scripts/search-index/concordance-index.ts): a rebuild leaves the files whose
 * bytes are already there alone, writes the ones that changed, and removes the ones it no longer makes, so the folder
 * always holds exactly what a fresh write would.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { writeConcordance } from '../../scripts/search-index/concordance-index.ts';
import type { SourceArticle } from '../../src/core/concordance.ts';

const sites: string[] = [];
afterEach(() => sites.splice(0).forEach((site) => rmSync(site, { recursive: true, force: true })));

function site(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'dossier-concordance-'));
  sites.push(dir);
  return dir;
}

function article(slug: string, texts: string[]): SourceArticle {
  const blocks = texts.map((text, index) => ({ id: `p-${slug}${index}`, text }));
  return { slug, title: slug, date: 'Undated', iso: null, outlet: null, titleInferred: false, dateInferred: false, blocks };
}

/** Every file under the site's concordance data, with its bytes. */
function files(dir: string): Map<string, string> {
  const data = path.join(dir, 'concordance', 'data');
  const found = new Map<string, string>();
  for (const name of readdirSync(data, { recursive: true, encoding: 'utf8' }).sort()) {
    const file = path.join(data, name);
    if (statSync(file).isFile()) found.set(name, readFileSync(file, 'utf8'));
  }
  return found;
}

const many = (slug: string, count: number) =>
  article(
    slug,
    Array.from({ length: count }, (_, i) => `Paragraph ${i} of ${slug} on oligopoly and compute.`),
  );
const before = [many('alpha', 40), article('beta', ['An American oligopoly, they said.']), many('gamma', 3)];
const after = [many('alpha', 40), article('beta', ['An American oligopoly, they said again.'])];

test('a rebuild writes only what changed, removes what is no longer made, and ends as a fresh write', () => {
  const dir = site();
  const first = writeConcordance(dir, before);
  expect(first.written).toBe(files(dir).size);

  // The same articles again: nothing is written, and the files keep their times.
  const old = new Date(2000, 0, 1);
  for (const name of files(dir).keys()) utimesSync(path.join(dir, 'concordance', 'data', name), old, old);
  expect(writeConcordance(dir, before).written).toBe(0);
  for (const name of files(dir).keys()) expect(statSync(path.join(dir, 'concordance', 'data', name)).mtime).toEqual(old);

  // One article changed and one gone: fewer files written than there are, none of the gone one's left.
  const next = writeConcordance(dir, after);
  const fresh = site();
  writeConcordance(fresh, after);
  expect(files(dir)).toEqual(files(fresh));
  expect(next.written).toBeGreaterThan(0);
  expect(next.written).toBeLessThan(files(dir).size);
  expect([...files(dir).values()].some((text) => text.includes('gamma'))).toBe(false);
});
