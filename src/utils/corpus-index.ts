/**
 * Derived data of the whole corpus, computed once per build and handed to every page: topic counts,
 * passages side by side, topic co-occurrence, related articles, previous/next, sources.
 * buildCorpusIndex([a(topics: x,y), b(topics: y)], [x, y]) -> { articlesByTopic: { x: [a], y: [a, b] }, ... }
 */
import type { Article, Passage } from '../schemas/article.ts';
import type { Topic } from '../schemas/topic.ts';

/** A topic with the articles that carry it. */
export interface TopicEntry {
  topic: Topic;
  articles: Article[];
  /** For each article (same order), the paragraphs where the topic appears. */
  passages: { article: Article; passages: Passage[] }[];
  /** Other topics by how many of this topic's articles also carry them, most first. */
  related: { topic: Topic; shared: number }[];
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

/** How many related critiques an article page shows. */
export const RELATED_LIMIT = 4;
/** Slug of the group of articles whose outlet is unknown. */
export const UNKNOWN_SOURCE_SLUG = 'unknown-outlet';

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
      };
    })
    .filter((entry) => entry.articles.length > 0)
    .sort((a, b) => b.articles.length - a.articles.length || compare(a.topic.label, b.topic.label));
  for (const entry of entries) {
    entry.related = entries
      .filter((other) => other !== entry)
      .map((other) => ({ topic: other.topic, shared: other.articles.filter((article) => entry.articles.includes(article)).length }))
      .filter((relation) => relation.shared > 0)
      .sort((a, b) => b.shared - a.shared || compare(a.topic.label, b.topic.label));
  }
  return entries;
}

/** Related articles: shared topics weighted by rarity, sum of ln(N / articles with the topic). */
export function buildRelated(articles: readonly Article[], topicBySlug: ReadonlyMap<string, TopicEntry>): Map<string, RelatedArticle[]> {
  const weight = (slug: string) => Math.log(articles.length / (topicBySlug.get(slug)?.articles.length ?? articles.length));
  const related = new Map<string, RelatedArticle[]>();
  for (const article of articles) {
    const ranked = articles
      .filter((other) => other !== article)
      .map((other) => {
        const shared = article.topics.filter((slug) => other.topics.includes(slug) && topicBySlug.has(slug));
        shared.sort((a, b) => weight(b) - weight(a) || compare(a, b));
        return { article: other, score: shared.reduce((sum, slug) => sum + weight(slug), 0), shared: shared.map((slug) => topicBySlug.get(slug)!.topic) };
      })
      .filter((candidate) => candidate.score > 0)
      .sort((a, b) => b.score - a.score || b.shared.length - a.shared.length || newestFirst(a.article, b.article));
    related.set(article.slug, ranked.slice(0, RELATED_LIMIT));
  }
  return related;
}

function buildNeighbours(newestFirstArticles: readonly Article[]): CorpusIndex['neighbours'] {
  const dated = newestFirstArticles.filter((article) => article.publishedAt !== null).reverse();
  const undated = newestFirstArticles.filter((article) => article.publishedAt === null);
  const order = [...dated, ...undated];
  return new Map(order.map((article, index) => [article.slug, { previous: order[index - 1] ?? null, next: order[index + 1] ?? null }]));
}

function buildSources(articles: readonly Article[]): SourceGroup[] {
  const groups = new Map<string, SourceGroup>();
  for (const article of articles) {
    const name = article.outlet ?? 'Unknown outlet';
    const slug = article.outlet === null ? UNKNOWN_SOURCE_SLUG : slugifyName(article.outlet);
    const group = groups.get(slug) ?? { slug, name, known: article.outlet !== null, articles: [] };
    group.articles.push(article);
    groups.set(slug, group);
  }
  // Known outlets by name; the unknown group last.
  return [...groups.values()].sort((a, b) => Number(b.known) - Number(a.known) || compare(a.name, b.name));
}

/** Kebab-case ASCII for an outlet name ("Yathārth" -> "yatharth"). */
export function slugifyName(name: string): string {
  const slug = name.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/['’]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return slug === '' || slug === UNKNOWN_SOURCE_SLUG ? 'outlet' : slug;
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
