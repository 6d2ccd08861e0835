/**
 * /reuse.json and its parts (/reuse/<n>.json), built from the shared passages of the real corpus (ingested in memory):
 * the parts hold every passage once, in the order of /reuse/, page for page, each version exactly as its paragraph
 * has it; all of it valid against the zod schemas and the published JSON Schemas (Ajv, draft 2020-12).
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { parseMdx } from '../../src/core/mdx.ts';
import { anchoredParagraphs, paragraphIds } from '../../src/core/paragraph-id.ts';
import { REUSE_SCHEMA_VERSION, reuseExportSchema, reusePartSchema } from '../../src/schemas/reuse-export.ts';
import { PAGE_SIZE } from '../../src/utils/pagination.ts';
import { buildReuse, type SharedPassage } from '../../src/utils/reuse.ts';
import { buildReuseExport, buildReusePart } from '../../src/utils/reuse-export.ts';
import { ingest } from '../helpers/ingest-corpus.ts';

const site = new URL('https://dossier.test');
const entries = ingest().entries;
const paragraphs = new Map(
  entries.map(({ article, mdx }) => {
    const found = anchoredParagraphs(parseMdx(mdx.replace(/^---\n[\s\S]*?\n---\n/, '')));
    const ids = paragraphIds(found.map(({ text }) => text));
    return [article.slug, found.map(({ text }, index) => ({ id: ids[index]!, text }))];
  }),
);
const { clusters } = buildReuse(
  entries.map((entry) => entry.article),
  paragraphs,
);
const json = (value: unknown) => JSON.parse(JSON.stringify(value));

function validator(schema: z.ZodType) {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  ajv.addFormat('uri', (value: string) => URL.canParse(value));
  return ajv.compile(z.toJSONSchema(schema));
}

describe('/reuse.json and its parts', () => {
  test('the real corpus: every passage, each version exactly as its paragraph has it, valid against the schemas', () => {
    expect(clusters.length).toBeGreaterThan(0);
    const index = json(buildReuseExport(clusters, site));
    expect(index.schemaVersion).toBe(REUSE_SCHEMA_VERSION);
    expect(index.clusterCount).toBe(clusters.length);
    expect(validator(reuseExportSchema)(index)).toBe(true);
    const parts = index.parts.map((_: string, i: number) => json(buildReusePart(clusters, site, i + 1)));
    const validate = validator(reusePartSchema);
    for (const part of parts) expect(validate(part), JSON.stringify(validate.errors)).toBe(true);
    const listed = parts.flatMap((part: { clusters: unknown[] }) => part.clusters);
    expect(listed.map(({ id }: { id: string }) => id)).toEqual(clusters.map(({ id }) => id));
    for (const cluster of listed) {
      for (const version of cluster.versions) {
        const text = paragraphs.get(version.slug)!.find(({ id }) => id === version.paragraph)!.text;
        expect(text.slice(version.start, version.end)).toBe(version.text);
        expect(version.url).toBe(`https://dossier.test/articles/${version.slug}/#${version.paragraph}`);
      }
    }
  });

  test('one part per page of /reuse/, each with every version of its passages and links to /reuse.json and its neighbours', () => {
    // More passages than the real corpus has: copies of its own, each with an id of its own.
    const many: SharedPassage[] = Array.from({ length: 45 }, (_, i) => ({ ...clusters[i % clusters.length]!, id: `r-${i.toString(16).padStart(8, '0')}` }));
    const index = buildReuseExport(many, undefined);
    expect(index.parts).toEqual(['/reuse/1.json', '/reuse/2.json', '/reuse/3.json']);
    const parts = index.parts.map((_, i) => reusePartSchema.parse(json(buildReusePart(many, undefined, i + 1))));
    expect(parts.map((part) => part.clusters.length)).toEqual([PAGE_SIZE.reusePassages, PAGE_SIZE.reusePassages, 5]);
    for (const [i, part] of parts.entries()) {
      expect(part.reuse).toBe('/reuse.json');
      expect(part.part).toEqual({
        number: i + 1,
        of: 3,
        page: i === 0 ? '/reuse/' : `/reuse/page/${i + 1}/`,
        previous: index.parts[i - 1] ?? null,
        next: index.parts[i + 1] ?? null,
      });
      for (const cluster of part.clusters) {
        expect(cluster.url).toBe(`${part.part.page}#${cluster.id}`);
        expect(cluster.permalink).toBe(`/reuse/${cluster.id}/`);
      }
      expect(part.clusters.map((cluster) => cluster.versions.length)).toEqual(many.slice(i * 20, i * 20 + 20).map((cluster) => cluster.versions.length));
    }
  });
});
