/**
 * Derived data of the whole corpus, computed once per build and handed to every page: topic counts,
 * passages side by side, topic co-occurrence, related articles, previous/next, sources.
 * buildCorpusIndex([a(topics: x,y), b(topics: y)], [x, y]) -> { articlesByTopic: { x: [a], y: [a, b] }, ... }
 */
import type { Article, Passage } from '../schemas/article.ts';
import type { Topic } from '../schemas/topic.ts';
import { slugifyName, UNKNOWN_SOURCE_SLUG, uniqueSlugs } from '../core/slug.ts';

/** A topic with the articles that carry it. */
export interface TopicEntry {
  topic: Topic;
  articles: Article[];
  /** For each article (same order), the paragraphs where the topic appears. */
  passages: { article: Article; passages: Passage[] }[];
  /** Other topics by how many of this topic's articles also carry them, most first. */
  related: { topic: Topic; shared: number }[];
  /** True when every article of a corpus of two or more carries it: then it does not tell articles apart. */
  onEveryArticle: boolean;
}

/** An article related to another, with the topics they share (rarest first). */
export interface RelatedArticle {
  article: Article;
  score: number;
  shared: Topic[];
}

/** A publication or feed, or the honest group of articles whose outlet is not known. */
export interface SourceGroup {
  slug: string;
  name: string;
  known: boolean;
  articles: Article[];
}

export interface CorpusIndex {
  /** Articles newest first; undated last, by title. */
  articles: Article[];
  /** Topics that at least one article carries, most articles first. */
  topics: TopicEntry[];
  topicBySlug: Map<string, TopicEntry>;
  /** Up to `RELATED_LIMIT` related articles per article slug. */
  related: Map<string, RelatedArticle[]>;
  /** Neighbours in date order (oldest to newest; undated after dated, by title). */
  neighbours: Map<string, { previous: Article | null; next: Article | null }>;
  sources: SourceGroup[];
}

/** How many related articles an article page shows. */
export const RELATED_LIMIT = 4;

/** Build the index; pure and deterministic (no locale, clock or file system). */
export function buildCorpusIndex(input: readonly Article[], topicList: readonly Topic[]): CorpusIndex {
  const articles = [...input].sort(newestFirst);
  const topics = buildTopics(articles, topicList);
  const topicBySlug = new Map(topics.map((entry) => [entry.topic.slug, entry]));
  return {
    articles,
    topics,
    topicBySlug,
    related: buildRelated(articles, topicBySlug),
    neighbours: buildNeighbours(articles),
    sources: buildSources(articles),
  };
}

function buildTopics(articles: readonly Article[], topicList: readonly Topic[]): TopicEntry[] {
  const entries = topicList
    .map((topic) => {
      const tagged = articles.filter((article) => article.topics.includes(topic.slug));
      return {
        topic,
        articles: tagged,
        passages: tagged.map((article) => ({
          article,
          passages: article.passages.filter((passage) => passage.topics.includes(topic.slug)),
        })),
        related: [] as { topic: Topic; shared: number }[],
        onEveryArticle: articles.length >= 2 && tagged.length === articles.length,
      };
    })
    .filter((entry) => entry.articles.length > 0)
    .sort((a, b) => b.articles.length - a.articles.length || compare(a.topic.label, b.topic.label));
  // Co-occurrence counted once per article and pair of its topics: O(articles x topics^2), not O(topics^2 x articles^2).
  const shared = new Map<string, Map<string, number>>(entries.map((entry) => [entry.topic.slug, new Map()]));
  for (const article of articles) {
    const carried = [...new Set(article.topics)].filter((slug) => shared.has(slug));
    for (const slug of carried) {
      const counts = shared.get(slug)!;
      for (const other of carried) if (other !== slug) counts.set(other, (counts.get(other) ?? 0) + 1);
    }
  }
  for (const entry of entries) {
    const counts = shared.get(entry.topic.slug)!;
    entry.related = entries
      .filter((other) => other !== entry && counts.has(other.topic.slug))
      .map((other) => ({ topic: other.topic, shared: counts.get(other.topic.slug)! }))
      .sort((a, b) => b.shared - a.shared || compare(a.topic.label, b.topic.label));
  }
  return entries;
}

/**
 * Related articles: shared topics weighted by rarity, sum of ln(N / articles with the topic); ties go to
 * more shared topics, then the newer article. Scores come from the topics' article lists (an inverted
 * index): for an article, each of its topics adds its weight to every article that carries it, in typed
 * arrays, and one pass keeps the best few; articles with the same topics share the work. Topics are broad
 * (an article carries several, a topic covers a large share of the corpus), so this is still about
 * N^2/2 additions at worst, but additions of numbers rather than the 10^8 set intersections and sorts of
 * ranking every pair (tests/unit/corpus-index-scale.test.ts checks the result against that definition).
 */
function buildRelated(articles: readonly Article[], topicBySlug: ReadonlyMap<string, TopicEntry>): Map<string, RelatedArticle[]> {
  const weight = (slug: string) => Math.log(articles.length / (topicBySlug.get(slug)?.articles.length ?? articles.length));
  const byWeight = (a: string, b: string) => weight(b) - weight(a) || compare(a, b);
  // Articles by rank in the final tie-break: newest first, then input order (as a stable sort leaves it).
  const ranked = articles
    .map((article, index) => ({ article, index }))
    .sort((a, b) => newestFirst(a.article, b.article) || a.index - b.index)
    .map(({ article }) => article);
  // Each article's indexed topics, heaviest first (the order in which the pairwise definition sums them).
  const topicsOf = ranked.map((article) => [...new Set(article.topics)].filter((slug) => topicBySlug.has(slug)).sort(byWeight));
  const carriers = new Map<string, number[]>();
  topicsOf.forEach((topics, rank) => {
    for (const slug of topics) {
      const list = carriers.get(slug) ?? [];
      list.push(rank);
      carriers.set(slug, list);
    }
  });
  const scores = new Float64Array(ranked.length);
  const counts = new Uint16Array(ranked.length);
  const best = new Map<string, { rank: number; score: number; count: number }[]>();
  const related = new Map<string, RelatedArticle[]>();
  topicsOf.forEach((topics, self) => {
    const key = topics.join('\n');
    let top = best.get(key);
    if (top === undefined) {
      scores.fill(0);
      counts.fill(0);
      for (const slug of topics) {
        const value = weight(slug);
        for (const rank of carriers.get(slug)!) {
          scores[rank] += value;
          counts[rank]++;
        }
      }
      // The best RELATED_LIMIT + 1, so that leaving out the article itself still leaves enough; ranks ascend,
      // so a candidate only displaces one that is strictly worse.
      top = [];
      // A candidate must beat the current last one once the list is full (and score above zero at all).
      let floorScore = 0;
      let floorCount = Infinity;
      for (let rank = 0; rank < ranked.length; rank++) {
        const score = scores[rank]!;
        if (score < floorScore || !(score > 0)) continue;
        const count = counts[rank]!;
        if (score === floorScore && count <= floorCount) continue;
        const at = top.findIndex((other) => score > other.score || (score === other.score && count > other.count));
        top.splice(at === -1 ? top.length : at, 0, { rank, score, count });
        if (top.length > RELATED_LIMIT + 1) top.pop();
        if (top.length > RELATED_LIMIT) ({ score: floorScore, count: floorCount } = top.at(-1)!);
      }
      best.set(key, top);
    }
    related.set(
      ranked[self]!.slug,
      top
        .filter(({ rank }) => rank !== self)
        .slice(0, RELATED_LIMIT)
        .map(({ rank, score }) => {
          const other = new Set(topicsOf[rank]);
          return { article: ranked[rank]!, score, shared: topics.filter((slug) => other.has(slug)).map((slug) => topicBySlug.get(slug)!.topic) };
        }),
    );
  });
  return related;
}

function buildNeighbours(newestFirstArticles: readonly Article[]): CorpusIndex['neighbours'] {
  const dated = newestFirstArticles.filter((article) => article.publishedAt !== null).reverse();
  const undated = newestFirstArticles.filter((article) => article.publishedAt === null);
  const order = [...dated, ...undated];
  return new Map(order.map((article, index) => [article.slug, { previous: order[index - 1] ?? null, next: order[index + 1] ?? null }]));
}

function buildSources(articles: readonly Article[]): SourceGroup[] {
  const groups = new Map<string | null, SourceGroup>();
  for (const article of articles) {
    const group = groups.get(article.outlet) ?? {
      slug: UNKNOWN_SOURCE_SLUG,
      name: article.outlet ?? 'Unknown outlet',
      known: article.outlet !== null,
      articles: [],
    };
    group.articles.push(article);
    groups.set(article.outlet, group);
  }
  // Known outlets by name; the unknown group last. Two names with the same slug ("Café", "Cafe") get -2, -3 in that order.
  const sorted = [...groups.values()].sort((a, b) => Number(b.known) - Number(a.known) || compare(a.name, b.name));
  const known = sorted.filter((group) => group.known);
  const { slugs } = uniqueSlugs(known.map((group) => ({ slug: slugifyName(group.name), label: group.name })));
  known.forEach((group, index) => (group.slug = slugs[index]!));
  return sorted;
}

/** Newest first; undated after dated; ties by title. */
export function newestFirst(a: Article, b: Article): number {
  const left = a.publishedAt ?? '';
  const right = b.publishedAt ?? '';
  return left !== right ? (left < right ? 1 : -1) : compare(a.title, b.title);
}

// Code-unit order, not localeCompare: output must not depend on the build machine's locale.
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
