/**
 * `/reuse.json` and its parts (`/reuse/<n>.json`), built from the build's shared passages (src/utils/reuse.ts): the
 * index gives the thresholds and lists the parts; part n holds the passages of page n of /reuse/ with every version
 * of each (the page shows six). Links are absolute on the public address, or site paths without one. Pure.
 * buildReusePart(clusters, site, 2) -> { part: { number: 2, of: 5, page: '/reuse/page/2/', … }, clusters: [passages 21-40] }
 */
import { REUSE_OPTIONS } from '../core/text-reuse/options.ts';
import { articlePath, reusePartPath, reusePassagePath, reusePath, siteUrl } from '../core/urls.ts';
import { REUSE_SCHEMA_VERSION, type ReuseExport, type ReusePart } from '../schemas/reuse-export.ts';
import { citedTitle } from './citation.ts';
import { PAGE_SIZE, pageCount, slicePage } from './pagination.ts';
import type { SharedPassage } from './reuse.ts';

/** Site paths of the exports' schemas. */
export const REUSE_SCHEMA_PATHS = { index: '/reuse.schema.json', part: '/reuse-part.schema.json' } as const;

/** `/reuse.json`. */
export function buildReuseExport(clusters: readonly SharedPassage[], site: URL | undefined): ReuseExport {
  return {
    $schema: siteUrl(REUSE_SCHEMA_PATHS.index, site),
    schemaVersion: REUSE_SCHEMA_VERSION,
    site: site === undefined ? null : siteUrl('/', site),
    thresholds: { ...REUSE_OPTIONS },
    clusterCount: clusters.length,
    parts: Array.from({ length: reusePartCount(clusters) }, (_, i) => siteUrl(reusePartPath(i + 1), site)),
  };
}

/** How many parts (pages of /reuse/) the passages fill. */
export function reusePartCount(clusters: readonly SharedPassage[]): number {
  return pageCount(clusters.length, PAGE_SIZE.reusePassages);
}

/** `/reuse/<part>.json`. */
export function buildReusePart(clusters: readonly SharedPassage[], site: URL | undefined, part: number): ReusePart {
  const of = reusePartCount(clusters);
  return {
    $schema: siteUrl(REUSE_SCHEMA_PATHS.part, site),
    schemaVersion: REUSE_SCHEMA_VERSION,
    reuse: siteUrl('/reuse.json', site),
    part: {
      number: part,
      of,
      page: siteUrl(reusePath(undefined, part), site),
      previous: part > 1 ? siteUrl(reusePartPath(part - 1), site) : null,
      next: part < of ? siteUrl(reusePartPath(part + 1), site) : null,
    },
    clusters: slicePage(clusters, part, PAGE_SIZE.reusePassages).map(({ id, articles, versions }) => ({
      id,
      url: siteUrl(reusePath(id, part), site),
      permalink: siteUrl(reusePassagePath(id), site),
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
  };
}
