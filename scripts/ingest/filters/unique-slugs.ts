/**
 * Cross-source filter: every kept draft gets a slug no earlier one has, in file order; a later draft that asks
 * for a taken slug gets `-2`, `-3` (src/core/slug.ts), with a warning.
 * [a.txt wants "x", b.txt wants "x"] -> [a.txt "x", b.txt "x-2"], renamed ['b.txt: slug "x" is taken by a.txt; using "x-2"']
 */
import { uniqueSlugs } from '../../../src/core/slug.ts';
import type { DraftSummary } from './draft-summary.ts';

/** Each item with its final slug, and one message per renamed item. */
export function assignUniqueSlugs<T extends { summary: DraftSummary }>(items: readonly T[]): { slugged: { item: T; slug: string }[]; renamed: string[] } {
  const { slugs, renamed } = uniqueSlugs(items.map(({ summary }) => ({ slug: summary.wantedSlug, label: summary.label })));
  return { slugged: items.map((item, index) => ({ item, slug: slugs[index]! })), renamed };
}
