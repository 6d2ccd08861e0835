/**
 * Cross-item filter: the same feed item given twice (same guid, and the same link or title, or a guid that is a
 * global URI), by two feeds or twice in one feed, becomes one article: the first in file order is kept and the
 * other copy is left out with a reason naming both. A shared guid that is clearly a different item is kept as a
 * separate article, with a warning.
 * [a.xml item 1 (guid "https://x.org/1"), b.xml item 3 (same guid)] -> kept [a.xml item 1], skipped [b.xml item 3]
 */
import type { DraftSummary } from './draft-summary.ts';

/** Drop the second copies of feed items, in file order. */
export function dropDuplicateItems<T extends { summary: DraftSummary }>(items: readonly T[]) {
  const kept: T[] = [];
  const skipped: { label: string; reason: string }[] = [];
  const notes: string[] = [];
  const byGuid = new Map<string, DraftSummary>();
  for (const item of items) {
    const b = item.summary;
    const { guid, file } = b;
    const a = guid === null ? undefined : byGuid.get(guid);
    if (a === undefined) {
      if (guid !== null) byGuid.set(guid, b);
      kept.push(item);
      continue;
    }
    const same = guid!.includes(':') || (a.url !== null && a.url === b.url) || a.title === b.title;
    const where = a.file === file ? `${a.label} of the same feed` : a.label;
    if (!same) {
      notes.push(`${b.label}: has the same guid "${guid}" as ${where}, but a different title and link; kept as a separate article`);
      kept.push(item);
      continue;
    }
    const identical = a.textHash === b.textHash;
    skipped.push({
      label: b.label,
      reason: `left out: the same item (guid "${guid}") as ${where}, which is kept${identical ? '' : "; the two copies' text differs"}`,
    });
  }
  return { kept, skipped, notes };
}
