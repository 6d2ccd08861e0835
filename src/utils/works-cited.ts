/**
 * The works cited of the corpus: every outbound link and every DOI or arXiv id written in a paragraph or note of
 * every body, grouped into works (the same paper linked from three articles is one work), each with the articles
 * that cite it and their citing paragraphs. Pure and deterministic.
 *
 * Where the citations come from: the rendered bodies, once per build, as the corpus link graph does
 * (src/utils/corpus.ts reads each body's links and mentions from the body cache). The body is the one source of
 * truth for what an article cites and where: the paragraph ids, "para. 12" and "note 3" are the renderer's, and a
 * copy in the entry's frontmatter, written at ingest, would be a second record of the same text that could
 * disagree with it. The body cache makes this as cheap as recording at ingest: a body unchanged is not read again.
 *
 * The rules:
 * - a work is keyed by its address normalised (src/core/url-normalize.ts), or by its DOI or arXiv id
 *   (src/core/work-ids.ts) when its address, or the text of a link to an address that names none, gives one;
 * - a link with no text (around an image) and a link whose text is a number alone (a note number, "[3]") cite no
 *   work, nor does a link to the citing article's own address, nor a link in residue (a feed's sign-off);
 * - a note with neither a link nor an identifier is not a work: nothing in it tells a reference from a remark;
 * - a work's label is a label it is cited by, as given (a link's text, or the note's text for an identifier
 *   written in a note), never made up: the one it is cited by most often, then the longest, then the first; an
 *   identifier written in a paragraph is its own label only when nothing else names the work;
 * - a work is in the corpus when its key is an article's address (the addresses of the link graph).
 * group(articles, bodies) -> [{ key: "arxiv.org/abs/2507.06379", identifier: { scheme: "arxiv", id: "2507.06379" }, label: "Four institutions…",
 *                              citing: [{ article: a, paragraphs: [{ anchor: "user-content-fn-8", place: "note 8", label: "Four institutions…" }] }, …] }]
 */
import { createHash } from 'node:crypto';
import { normalizeUrl } from '../core/url-normalize.ts';
import { identifierUrl, identifiersInText, type WorkIdentifier } from '../core/work-ids.ts';
import type { BodyLink, BodyMention } from '../core/body-records.ts';
import type { Article } from '../schemas/article.ts';
import { addressBook, articleAddresses } from './corpus-links.ts';

/** A paragraph (or note) of a citing article that cites the work, and the label it cites it by. */
interface CitingPlace {
  anchor: string | null;
  place: string | null;
  /** The paragraph's text as the author wrote it. */
  text: string;
  /** The link's text, or the note's text for an identifier written in a note, or the identifier as written. */
  label: string;
  /** The address as the author wrote it; null for an identifier written in text. */
  href: string | null;
}

/** An article that cites the work, with its citing places in reading order, each once. */
interface CitingArticle {
  article: Article;
  places: CitingPlace[];
}

/** One cited work. */
export interface CitedWork {
  /** Its comparison key: the normalised address ("example.com/p/essay"), or "doi.org/<doi>", "arxiv.org/abs/<id>". */
  key: string;
  /** A stable id for links to its row: "work-" + 12 hex digits of the key's SHA-256. */
  id: string;
  /** Its DOI or arXiv id, when it has one. */
  identifier: WorkIdentifier | null;
  /** The address to open it at: the identifier's (doi.org, arXiv's abstract page), else the first address as written. */
  url: string;
  /** The host it is on, without `www.` ("doi.org" and "arxiv.org" for identified works). */
  domain: string;
  /** The label it is shown by (see the rules above). */
  label: string;
  /** Every distinct label it is cited by, most often first, with how often. */
  labels: { label: string; count: number }[];
  /** Every distinct address it is cited at, as written, in the order first cited. */
  addresses: string[];
  /** The article of this corpus it is, if any. */
  inCorpus: Article | null;
  /** The articles that cite it, in index order. */
  citing: CitingArticle[];
}

/** What a body gives the works cited: its links and the identifiers written in it. */
export interface BodyCitations {
  links: readonly BodyLink[];
  mentions: readonly BodyMention[];
}

/**
 * A work as one citing article shows it in its own list: its places in that article and how many other articles
 * cite it, not the whole list of them (that grows with the corpus, and a page showing it would change with every
 * other citing article).
 */
export interface ArticleWork {
  key: string;
  id: string;
  url: string;
  domain: string;
  /** The slug of the article of this corpus it is, if any. */
  inCorpus: string | null;
  /** Where this article cites it, in reading order, each with the label it cites it by. */
  places: CitingPlace[];
  /** How many other articles cite it. */
  others: number;
}

/** The works cited by the corpus, most cited first, then by label, then by key; and each article's own, in reading order. */
export interface WorksCited {
  works: CitedWork[];
  /** Per article slug: the works it cites, in the order it first cites them (its links in reading order, then the identifiers written without one). */
  byArticle: Map<string, ArticleWork[]>;
}

const NOTE_NUMBER = /^\[?\d+\]?$/;
const COLLATOR = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

interface Citation {
  /** The identifier as written, for one written in a paragraph's text; null otherwise. */
  written: string | null;
  key: string;
  identifier: WorkIdentifier | null;
  href: string | null;
  place: CitingPlace;
}

/** The work a link cites, or null when it cites none (see the rules). */
function linkCitation(link: BodyLink, own: ReadonlySet<string>): Citation | null {
  const label = link.label.trim();
  // A link in residue (a feed's sign-off, a subscribe line) is not the author's citation.
  if (label === '' || NOTE_NUMBER.test(label) || link.residue === true) return null;
  const normalized = normalizeUrl(link.href);
  if (normalized === null || own.has(normalized.key)) return null;
  let identifier = identifierOfKey(normalized.key);
  let key = normalized.key;
  if (identifier === null) {
    const named = distinct(identifiersInText(label, { bare: true }));
    if (named.length === 1) {
      identifier = named[0]!;
      key = keyOf(identifier);
    }
  }
  const { anchor, place, text } = link;
  return { written: null, key, identifier, href: link.href, place: { anchor, place, text, label, href: link.href } };
}

function mentionCitation(mention: BodyMention): Citation {
  const identifier = { scheme: mention.scheme, id: mention.id };
  const { anchor, place, text } = mention;
  return {
    written: mention.note ? null : mention.written,
    key: keyOf(identifier),
    identifier,
    href: null,
    place: { anchor, place, text, label: mention.note ? text : mention.written, href: null },
  };
}

function keyOf(identifier: WorkIdentifier): string {
  return identifierUrl(identifier).replace(/^https:\/\//, '');
}

/** The identifier a key stands for ("doi.org/10.1/x", "arxiv.org/abs/2507.06379"), or null. */
function identifierOfKey(key: string): WorkIdentifier | null {
  if (key.startsWith('doi.org/')) return { scheme: 'doi', id: key.slice('doi.org/'.length) };
  if (key.startsWith('arxiv.org/abs/')) return { scheme: 'arxiv', id: key.slice('arxiv.org/abs/'.length) };
  return null;
}

function distinct(identifiers: readonly WorkIdentifier[]): WorkIdentifier[] {
  const seen = new Map<string, WorkIdentifier>();
  for (const { scheme, id } of identifiers) seen.set(`${scheme}:${id}`, { scheme, id });
  return [...seen.values()];
}

/** A work's row id: stable across builds, the same for the same key. */
function workId(key: string): string {
  return `work-${createHash('sha256').update(key).digest('hex').slice(0, 12)}`;
}

/** The works cited by `articles` (in index order), from each body's links and mentions (by slug). */
export function groupWorksCited(articles: readonly Article[], bodies: ReadonlyMap<string, BodyCitations>): WorksCited {
  const book = addressBook(articles);
  const bySlug = new Map(articles.map((article) => [article.slug, article]));
  interface Building {
    key: string;
    identifier: WorkIdentifier | null;
    addresses: string[];
    labels: Map<string, { count: number; first: number; written: boolean }>;
    citing: Map<string, CitingPlace[]>;
  }
  const works = new Map<string, Building>();
  const byArticle = new Map<string, string[]>();
  let order = 0;
  for (const article of articles) {
    const body = bodies.get(article.slug);
    if (body === undefined) continue;
    const own = new Set(articleAddresses(article).map((address) => normalizeUrl(address)!.key));
    // In reading order: a body's links and mentions, each by its place; the links first where they share one.
    const citations = [
      ...body.links.flatMap((link) => linkCitation(link, own) ?? []),
      ...body.mentions.map(mentionCitation).filter((citation) => !own.has(citation.key)),
    ];
    const cited: string[] = [];
    for (const citation of citations) {
      const work: Building = works.get(citation.key) ?? {
        key: citation.key,
        identifier: citation.identifier,
        addresses: [],
        labels: new Map(),
        citing: new Map(),
      };
      works.set(citation.key, work);
      if (citation.href !== null && !work.addresses.includes(citation.href)) work.addresses.push(citation.href);
      const places = work.citing.get(article.slug) ?? [];
      work.citing.set(article.slug, places);
      // One place once: a note that links a paper and writes its arXiv id cites it once there.
      if (places.some((place) => place.anchor === citation.place.anchor && place.text === citation.place.text)) continue;
      places.push(citation.place);
      // An identifier as written is a label only where no text names the work.
      const label = work.labels.get(citation.place.label) ?? { count: 0, first: order++, written: citation.place.label === citation.written };
      label.count++;
      work.labels.set(citation.place.label, label);
      if (!cited.includes(citation.key)) cited.push(citation.key);
    }
    if (cited.length > 0) byArticle.set(article.slug, cited);
  }
  const finished = new Map<string, CitedWork>();
  for (const work of works.values()) {
    const labels = [...work.labels]
      .sort(([a, x], [b, y]) => Number(x.written) - Number(y.written) || y.count - x.count || b.length - a.length || x.first - y.first)
      .map(([label, { count }]) => ({ label, count }));
    const inCorpus = book.get(work.key);
    finished.set(work.key, {
      key: work.key,
      id: workId(work.key),
      identifier: work.identifier,
      url: work.identifier === null ? work.addresses[0]! : identifierUrl(work.identifier),
      domain: work.key.split('/')[0]!,
      label: labels[0]!.label,
      labels,
      addresses: work.addresses,
      inCorpus: inCorpus === undefined ? null : bySlug.get(inCorpus)!,
      citing: [...work.citing].map(([slug, places]) => ({ article: bySlug.get(slug)!, places })),
    });
  }
  return {
    works: [...finished.values()].sort(byCount),
    byArticle: new Map(
      [...byArticle].map(([slug, keys]) => [
        slug,
        keys.map((key): ArticleWork => {
          const work = finished.get(key)!;
          const { citing } = works.get(key)!;
          return {
            key,
            id: work.id,
            url: work.url,
            domain: work.domain,
            inCorpus: work.inCorpus?.slug ?? null,
            places: citing.get(slug)!,
            others: citing.size - 1,
          };
        }),
      ]),
    ),
  };
}

/** Most cited first, then by label (as a reader sorts: case and accents aside, numbers by value), then by key. */
function byCount(a: CitedWork, b: CitedWork): number {
  return b.citing.length - a.citing.length || byName(a, b);
}

/** By label, then by key. */
export function byName(a: CitedWork, b: CitedWork): number {
  return COLLATOR.compare(a.label, b.label) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** The domains of the works, most works first, then by name; with how many works each has. */
export function workDomains(works: readonly CitedWork[]): { domain: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const work of works) counts.set(work.domain, (counts.get(work.domain) ?? 0) + 1);
  return [...counts].map(([domain, count]) => ({ domain, count })).sort((a, b) => b.count - a.count || COLLATOR.compare(a.domain, b.domain));
}

/** The rules of the works cited in words, for /about/ and docs; `counts` of this build when given. */
export function describeWorksCited(counts?: { works: number; identified: number; inCorpus: number }): string[] {
  return [
    'Every link of every article’s text to another site is a citation of the work at that address, recorded with the paragraph or note it stands in; so is a DOI (10.xxxx/…) or arXiv id written in a paragraph after “doi:” or “arXiv:”, or anywhere in a note.',
    'Citations are grouped into works by address, compared without what does not change the page: http or https, “www.”, a trailing slash, the fragment, tracking parameters (utm_*, click ids such as fbclid and gclid), the order of the other parameters, Substack’s reader links and twitter.com for x.com.',
    'A work with a DOI or an arXiv id is one work whatever address or spelling names it: doi.org or dx.doi.org, DOIs compared without case; arXiv’s abstract, PDF and HTML pages and any version (v1, v2) of a paper, its arXiv DOI and alphaXiv’s page of it. A link whose address names neither but whose text gives exactly one is grouped under that identifier.',
    'A work is named by the text an article cites it with, as given: the link’s text, or the note’s text for an identifier written in a note. Of several, the one given most often, then the longest; an identifier alone names a work only when nothing else does. No title, author or date is ever added.',
    'Not a citation: a link around an image, a link whose text is only a note number (“[3]”), a link to the article’s own address, the site’s own links, a link in text set aside as not the author’s (residue: a feed’s sign-off, a subscribe line); a note with neither a link nor an identifier (nothing tells a reference from a remark).',
    'A work whose address is an article of this reading room is marked as such and links to it; those links are also the “Cited in this reading room by” lists.',
    ...(counts === undefined
      ? []
      : [
          `In this build: ${counts.works} ${counts.works === 1 ? 'work' : 'works'}, ${counts.identified} with a DOI or arXiv id, ${counts.inCorpus} in this reading room.`,
        ]),
  ];
}
