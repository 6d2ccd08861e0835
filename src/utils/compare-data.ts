/**
 * What the comparison of two articles (`/compare/?a=<slug>&b=<slug>`) reads of each: one small file per article,
 * `/compare/<slug>.json`, with its topics (each with the curator's stance, if set, and its passages on the topic:
 * the text exactly as the article has it, the terms that counted and where, strongest first, as the topic page
 * ranks them: src/utils/topic-passages.ts), and the works it cites (src/utils/works-cited.ts). The page sets
 * two of these side by side in the browser, so no pair is built ahead and no server is needed. Pure.
 * compareData(a, index, works) -> { schemaVersion: 1, slug: "a", title: "…", topics: [{ slug: "x", label: "X", stance: null, passages: [...] }], works: [...] }
 */
import { articlePath, topicPath } from '../core/urls.ts';
import type { Article, Stance } from '../schemas/article.ts';
import type { CorpusIndex } from './corpus-index.ts';
import { formatDate, outletName } from './format.ts';
import { rankedArticle } from './topic-passages.ts';
import { workPath } from './references-export.ts';
import type { OwnVersion } from './reuse.ts';
import type { ArticleWork } from './works-cited.ts';

/** Version of the compare files; the page checks it. */
export const COMPARE_DATA_VERSION = 2;

/** Up to this many articles, the compare form offers each one in a list; beyond, it takes an article's address or
 * slug (two lists of 10,000 titles would make every page that has the form a megabyte or more). */
export const COMPARE_LIST_MAX = 200;

/** `/compare/`, or the comparison of two articles (`?a=<slug>&b=<slug>`), or of one with another to choose (`?a=<slug>`). */
export function comparePath(a?: string, b?: string): string {
  const query = [a === undefined ? '' : `a=${encodeURIComponent(a)}`, b === undefined ? '' : `b=${encodeURIComponent(b)}`].filter(Boolean).join('&');
  return query === '' ? '/compare/' : `/compare/?${query}`;
}

/** A passage of the article on one topic. */
export interface ComparePassage {
  /** Its paragraph id; the link is the article's path with #id. */
  id: string;
  text: string;
  strength: number;
  /** The terms that counted, as offsets into `text`. */
  marks: { start: number; end: number; term: string }[];
}

export interface CompareTopic {
  slug: string;
  label: string;
  path: string;
  /** The curator's stance for this article and topic, or null; never inferred. */
  stance: Stance | null;
  /** True when every article carries the topic: then it does not tell articles apart. */
  onEveryArticle: boolean;
  /** The sum of its passages' strengths (the order of shared topics). */
  strength: number;
  passages: ComparePassage[];
}

interface CompareWork {
  /** The work's id, as on /references/. */
  id: string;
  /** The label this article cites it by, as given. */
  label: string;
  url: string;
  /** Its row on /references/. */
  path: string;
  /** The article here that it is, if any. */
  inCorpus: string | null;
}

export interface CompareData {
  schemaVersion: typeof COMPARE_DATA_VERSION;
  slug: string;
  path: string;
  title: string;
  titleInferred: boolean;
  /** Byline, outlet (when not the author's own name) and date, as the article page shows them. */
  byline: string;
  /** Its topics, in the article's order. */
  topics: CompareTopic[];
  /** The works it cites, in the order it first cites them. */
  works: CompareWork[];
  /** The passages it shares with other articles (src/utils/reuse.ts): its versions, each with its cluster's id. */
  shared: CompareShared[];
}

/**
 * One shared passage as this article has it. The other article of a comparison has its own versions of the same
 * cluster in its own file: listing every other version here would make each file grow with the cluster (thousands
 * of versions in a large corpus) and the files together with its square.
 */
interface CompareShared {
  cluster: string;
  /** This article's paragraph and the shared words in it, exactly as the paragraph has them. */
  paragraph: string;
  text: string;
}

/** What the comparison reads of `article`. */
export function compareData(article: Article, index: CorpusIndex, works: readonly ArticleWork[], shared: readonly OwnVersion[] = []): CompareData {
  const topics = article.topics.flatMap((slug): CompareTopic[] => {
    const entry = index.topicBySlug.get(slug);
    if (entry === undefined) return [];
    const ranked = rankedArticle(entry, article.slug);
    const passages = (ranked?.passages ?? []).map(({ id, text, evidence }) => ({
      id,
      text,
      strength: evidence.strength,
      marks: evidence.marks.map(({ start, end, term }) => ({ start, end, term })),
    }));
    return [
      {
        slug,
        label: entry.topic.label,
        path: topicPath(slug),
        stance: article.stance?.[slug] ?? null,
        onEveryArticle: entry.onEveryArticle,
        strength: ranked?.total ?? 0,
        passages,
      },
    ];
  });
  const byline = [
    article.author ?? 'Author unknown',
    ...(article.outlet === article.author ? [] : [outletName(article)]),
    formatDate(article.publishedAt),
  ].join(' · ');
  return {
    schemaVersion: COMPARE_DATA_VERSION,
    slug: article.slug,
    path: articlePath(article.slug),
    title: article.title,
    titleInferred: article.origins.title === 'inferred',
    byline,
    topics,
    works: works.map((work) => ({
      id: work.id,
      label: work.places[0]!.label,
      url: work.url,
      path: workPath(work),
      inCorpus: work.inCorpus,
    })),
    shared: shared.map(({ cluster, paragraph, text }) => ({ cluster, paragraph, text })),
  };
}

/** What a comparison shows and how, in words, for /about/ and docs. */
export function describeComparison(): string[] {
  return [
    'The topics both articles carry come first, one row each, with each article’s passages on the topic in its own column (the passages of the topic pages, strongest first, the terms that counted marked); rows are ordered by the sum of both articles’ passage strengths.',
    'Then the topics only one of the two carries, each with its passages; the passages both carry (the shared passages, verbatim or nearly), side by side; and the works both cite (by the grouping of the works cited), highlighted in each article’s list of works.',
    'A stance is shown where a curator set one for that article and topic; none is ever inferred.',
    'The page is put together in the browser from one small file per article (/compare/<slug>.json): no pair is built in advance and no server is needed. Without JavaScript the page says so and links every article.',
  ];
}
