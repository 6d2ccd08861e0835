/**
 * The columns of the topic x source matrix on /topics/: the sources with the most topic-tagged articles (articles
 * carrying at least one topic) first, then by name, up to `size` columns; the other sources with a topic hit summed
 * in one column, and the sources with none summed in a column of their own that says so. With a real corpus the
 * largest sources were feeds off the subject, so columns chosen by size were all empty, every hit in "Other sources".
 * Pure: the index's sources and topics in, the columns out.
 * sourceMatrix([a (3 articles, 2 tagged), b (9, 0), c (1, 1)], topics, 1)
 *   -> { columns: [{ group: a, tagged: 2 }], others: { groups: [c], articles: 1, tagged: 1 }, untouched: { groups: [b], articles: 9 } }
 */
import type { Article } from '../schemas/article.ts';
import type { SourceGroup, TopicEntry } from './corpus-index.ts';

/** A source with a column of its own. */
interface SourceColumn {
  group: SourceGroup;
  /** Its articles carrying at least one topic. */
  tagged: number;
}

/** Sources summed in one column. */
interface SummedSources {
  groups: SourceGroup[];
  articles: number;
  tagged: number;
}

export interface SourceMatrix {
  columns: SourceColumn[];
  /** Sources with a topic hit beyond the columns. */
  others: SummedSources;
  /** Sources none of whose articles carries a topic. */
  untouched: SummedSources;
  /** How many of `articles` carry `entry`'s topic. */
  count: (entry: TopicEntry, articles: readonly Article[]) => number;
}

const COLLATOR = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

function summed(groups: SourceGroup[], tagged: (group: SourceGroup) => number): SummedSources {
  return {
    groups,
    articles: groups.reduce((sum, group) => sum + group.articles.length, 0),
    tagged: groups.reduce((sum, group) => sum + tagged(group), 0),
  };
}

/** The matrix's columns: at most `size` sources by topic hits, the rest summed (with hits, and without). */
export function sourceMatrix(sources: readonly SourceGroup[], topics: readonly TopicEntry[], size: number): SourceMatrix {
  const sets = new Map(topics.map((entry) => [entry, new Set(entry.articles)]));
  const anyTopic = new Set(topics.flatMap((entry) => entry.articles));
  const tagged = new Map(sources.map((group) => [group, group.articles.filter((article) => anyTopic.has(article)).length]));
  const hit = sources.filter((group) => tagged.get(group)! > 0).sort((a, b) => tagged.get(b)! - tagged.get(a)! || COLLATOR.compare(a.name, b.name));
  return {
    columns: hit.slice(0, size).map((group) => ({ group, tagged: tagged.get(group)! })),
    others: summed(hit.slice(size), (group) => tagged.get(group)!),
    untouched: summed(
      sources.filter((group) => tagged.get(group) === 0),
      () => 0,
    ),
    count: (entry, articles) => articles.filter((article) => sets.get(entry)?.has(article)).length,
  };
}
