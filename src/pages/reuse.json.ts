/** `/reuse.json`: every passage several articles share, each version with its paragraph and exact span, with a schema version (see /reuse.schema.json). */
import type { APIRoute } from 'astro';
import { REUSE_OPTIONS } from '../core/text-reuse.ts';
import { articlePath, reusePath, siteUrl } from '../core/urls.ts';
import { REUSE_SCHEMA_VERSION, reuseExportSchema } from '../schemas/reuse-export.ts';
import { citedTitle } from '../utils/citation.ts';
import { getReuse } from '../utils/corpus.ts';
import { jsonBody } from '../utils/corpus-export.ts';
import { PAGE_SIZE, pageOfIndex } from '../utils/pagination.ts';

export const GET: APIRoute = async ({ site }) => {
  const { clusters } = await getReuse();
  // Validated on the way out: the build fails rather than publish a file its own schema rejects.
  const data = reuseExportSchema.parse({
    $schema: siteUrl('/reuse.schema.json', site),
    schemaVersion: REUSE_SCHEMA_VERSION,
    site: site === undefined ? null : siteUrl('/', site),
    thresholds: { ...REUSE_OPTIONS },
    clusterCount: clusters.length,
    clusters: clusters.map(({ id, articles, versions }, index) => ({
      id,
      url: siteUrl(reusePath(id, pageOfIndex(index, PAGE_SIZE.reusePassages)), site),
      articles,
      versions: versions.map(({ article, paragraph, start, end, text }) => ({
        slug: article.slug,
        title: citedTitle(article),
        paragraph,
        url: siteUrl(articlePath(article.slug, paragraph), site),
        start,
        end,
        text,
      })),
    })),
  });
  return new Response(jsonBody(data), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
