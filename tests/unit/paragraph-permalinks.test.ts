/**
 * A paragraph permalink (`/articles/<slug>/#p-…`) keeps resolving when another paragraph of the
 * source is edited, added or removed: sources before and after an edit go through the real ingest
 * (`ingestSources`), and the ids are read off the entries with the site's own remark plugin. The sources are
 * the fixture corpus's (tests/fixture-corpus/), whose paragraphs the edits name.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Paragraph, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { describe, expect, test } from 'vitest';
import { parseMdx } from '../../src/core/mdx.ts';
import { ingestSources, type Entry } from '../../scripts/ingest/pipeline.ts';
import { remarkParagraphIds } from '../../src/plugins/remark-paragraph-ids.ts';
import { corpusTopics, FIXTURE_CORPUS } from '../helpers/ingest-corpus.ts';

const topics = corpusTopics(FIXTURE_CORPUS);
const PLAIN = '000_44948af1af52c1da.txt';
const FEED = '004_81a243f827e691fc.txt';
const read = (file: string) => readFileSync(path.join(FIXTURE_CORPUS, 'sources', file), 'utf8');

/** Ingest one source given as text; the entries by slug. */
function ingestOne(file: string, text: string): Map<string, Entry> {
  const result = ingestSources([{ file, bytes: new TextEncoder().encode(text) }], { catalog: {}, topics });
  expect(result.errors).toEqual([]);
  return new Map(result.entries.map((entry) => [entry.slug, entry]));
}

/** Paragraph id -> paragraph text, as the site's remark plugin assigns them to the entry's body. */
function anchors(entry: Entry): Map<string, string> {
  const tree = parseMdx(entry.mdx) as Root;
  remarkParagraphIds()(tree);
  const ids = new Map<string, string>();
  visit(tree, (node) => {
    const id = (node.data as { hProperties?: { id?: string } } | undefined)?.hProperties?.id;
    if (id) ids.set(id, toString(node as Paragraph));
  });
  return ids;
}

/** Replace exactly one occurrence of `from`. */
function edit(text: string, from: string, to: string): string {
  expect(text.split(from)).toHaveLength(2);
  return text.replace(from, to);
}

/** Ids of `after` compared with `before`: kept, gone, new. */
function compare(before: Map<string, string>, after: Map<string, string>) {
  return {
    kept: [...before.keys()].filter((id) => after.has(id)),
    gone: [...before.keys()].filter((id) => !after.has(id)),
    added: [...after.keys()].filter((id) => !before.has(id)),
  };
}

describe('plain text', () => {
  const original = read(PLAIN);
  const [slug, entry] = [...ingestOne(PLAIN, original)][0]!;
  const before = anchors(entry);
  const timing = [...before].find(([, text]) => text.startsWith('The timing is the tell'))![0];

  test('the source has enough paragraphs to tell', () => {
    expect(before.size).toBeGreaterThan(10);
    // Every passage the topic pages link to is an id on the page.
    for (const passage of entry.article.passages) expect(before.has(passage.id)).toBe(true);
  });

  test('editing one paragraph changes its id only; every other permalink still resolves to the same text', () => {
    const after = anchors(ingestOne(PLAIN, edit(original, 'Funny how that works.', 'Curious how that works.')).get(slug)!);
    const { kept, gone, added } = compare(before, after);
    expect(gone).toEqual([timing]);
    expect(added).toHaveLength(1);
    expect(after.get(added[0]!)).toContain('Curious how that works.');
    expect(kept).toHaveLength(before.size - 1);
    for (const id of kept) expect(after.get(id)).toBe(before.get(id));
  });

  test('punctuation and spacing edits keep the id (it hashes the letters only)', () => {
    const after = anchors(ingestOne(PLAIN, edit(original, 'Funny how that works.', 'Funny  how that works!')).get(slug)!);
    expect(compare(before, after).gone).toEqual([]);
  });

  test('adding a paragraph and deleting another move no other permalink', () => {
    let text = edit(original, 'The timing is the tell.', 'A new paragraph, added later by the curator.\n\nThe timing is the tell.');
    text = edit(text, "The proposal's likely structure:\n", '');
    const after = anchors(ingestOne(PLAIN, text).get(slug)!);
    const { kept, gone, added } = compare(before, after);
    expect(gone.map((id) => before.get(id))).toEqual(["The proposal's likely structure:"]);
    expect(added.map((id) => after.get(id))).toEqual(['A new paragraph, added later by the curator.']);
    for (const id of kept) expect(after.get(id)).toBe(before.get(id));
  });
});

describe('feed', () => {
  const original = read(FEED);
  const beforeEntries = ingestOne(FEED, original);

  test('editing a paragraph of item 1 moves no permalink of item 1’s other paragraphs nor of item 2', () => {
    const afterEntries = ingestOne(FEED, edit(original, 'Following my AGI Strategy course, I was enrolled', 'After my AGI Strategy course, I enrolled'));
    expect([...afterEntries.keys()]).toEqual([...beforeEntries.keys()]);
    for (const [slug, entry] of beforeEntries) {
      const before = anchors(entry);
      const after = anchors(afterEntries.get(slug)!);
      const { kept, gone, added } = compare(before, after);
      if (entry.article.source.item === 1) {
        expect(gone.map((id) => before.get(id)?.slice(0, 40))).toEqual(['For the past couple of months I’ve been ']);
        expect(added).toHaveLength(1);
        expect(after.get(added[0]!)).toContain('After my AGI Strategy course, I enrolled');
      } else {
        expect(gone).toEqual([]);
        expect(added).toEqual([]);
      }
      for (const id of kept) expect(after.get(id)).toBe(before.get(id));
    }
  }, 120_000); // a whole feed through the ingest
});
