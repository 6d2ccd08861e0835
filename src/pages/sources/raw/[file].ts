/**
 * `/sources/raw/<file>`: a raw source exactly as received, byte for byte (verified against the
 * SHA-256 in the entries). Static hosts pick the content type from the file name; this endpoint's
 * header (text/plain or application/xml) applies in dev and on servers that honour it.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { rawContentType } from '../../../core/media-types.ts';
import { pageKey } from '../../../utils/page-keys.ts';
import { rawSources, readRawSource, type RawSource } from '../../../utils/raw-sources.ts';

export const getStaticPaths = (async () => {
  const articles = await getCollection('articles');
  return rawSources(articles.map((entry) => entry.data)).map((source) => ({
    params: { file: source.file },
    props: { source },
    cacheKey: pageKey({ sha256: source.sha256, format: source.format }),
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ source: RawSource }> = async ({ props }) => {
  const bytes = await readRawSource(props.source);
  return new Response(bytes, { headers: { 'Content-Type': rawContentType(props.source.format, bytes) } });
};
