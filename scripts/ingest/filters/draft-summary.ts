/**
 * What the cross-source filters (duplicate items, unique slugs) and the cache read of a draft: small, plain
 * data, so a source the cache shows to be unchanged need not be drafted again for them.
 * draft of "a.xml item 2" titled "A" -> { label: "a.xml item 2", file: "a.xml", guid, url, title: "A", wantedSlug: "a", textHash, warnings }
 */
import { plainText } from '../../../src/core/plain-text.ts';
import { slugify } from '../../../src/core/slug.ts';
import { sha256 } from '../hash.ts';
import type { Draft } from '../to-article.ts';

export interface DraftSummary {
  label: string;
  file: string;
  guid: string | null;
  url: string | null;
  title: string;
  /** The slug it asks for before uniqueness (catalog slug, else from the title). */
  wantedSlug: string;
  /** SHA-256 of its text with spacing normalised (two copies of a feed item are compared by it). */
  textHash: string;
  warnings: string[];
}

/** Summarize one draft. */
export function summarizeDraft(draft: Draft, label: string): DraftSummary {
  const { source, url, title, warnings } = draft.article;
  return {
    label,
    file: source.file,
    guid: source.guid,
    url,
    title,
    wantedSlug: draft.wantedSlug ?? slugify(title),
    textHash: sha256(plainText(draft.body)),
    warnings: [...warnings],
  };
}
