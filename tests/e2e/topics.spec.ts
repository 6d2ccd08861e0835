// Topic pages as evidence, over the whole corpus (derived from its entries and taxonomy, nothing named): every
// passage quotes its paragraph exactly and marks at least one of the topic's terms; passages and articles come
// strongest first; in-text topic links are never a single ordinary word; a topic on every article says so; a
// stance appears only where the curator set one; an article's passages beyond the first few are behind "Show all".
// (That "Show all" opens them without a script needs an article with that many passages on one topic: it is tested
// on the fixture corpus, tests/e2e-fixture/topics.spec.ts.)
import type { Element } from 'hast';
import { toString } from 'hast-util-to-string';
import { distPages, elements, type Page } from '../helpers/dist.ts';
import { loadArticles } from '../helpers/entries.ts';
import { corpusTopics } from '../helpers/ingest-corpus.ts';
import { normalize, termMatcher } from '../../src/core/topic-terms.ts';
import type { Topic } from '../../src/schemas/topic.ts';
import { SHOWN_PASSAGES } from '../../src/utils/topic-passages.ts';
import { expect, test } from './fixtures.ts';

const articles = loadArticles();
const bySlug = new Map(articles.map((article) => [article.slug, article]));
const topics = corpusTopics();
const pages = new Map(distPages().map((page) => [page.url, page]));
const carried = topics.filter((topic) => articles.some((article) => article.topics.includes(topic.slug)));

const classes = (node: Element) => (Array.isArray(node.properties['className']) ? node.properties['className'].map(String) : []);
const within = (root: Element, test: (node: Element) => boolean) => elements({ tree: { type: 'root', children: [root] } } as Page, test);
const byClass = (root: Page | Element, name: string) =>
  'tree' in root ? elements(root, (node) => classes(node).includes(name)) : within(root, (node) => classes(node).includes(name));

/** Whether `term` matches the whole of `text`, as the classifier matches (topic-terms.ts). */
const matchesWhole = (term: string, text: string) => {
  const match = termMatcher(term)(normalize(text));
  return match !== null && match[0] === 0 && match[1] === normalize(text).length;
};
/** Strong terms weigh 2, ordinary ones 1 (corpus/topics.yaml; the classifier's rule 3). */
const weight = (topic: Topic, term: string) => (topic.strong.includes(term) ? 2 : topic.terms.includes(term) ? 1 : NaN);

test('every topic page is headed "Passages that mention it" and links to how topics are assigned', () => {
  expect(carried.length).toBeGreaterThan(0);
  for (const topic of carried) {
    const page = pages.get(`/topics/${topic.slug}/`)!;
    const h2 = elements(page, (node) => node.tagName === 'h2').map((node) => toString(node));
    expect(h2, topic.slug).toContain('Passages that mention it');
    expect(elements(page, (node) => node.tagName === 'a' && node.properties['href'] === '/about/#topics').length).toBeGreaterThan(0);
  }
});

test('every passage quotes its paragraph exactly and marks at least one of the topic’s terms, each mark one of them', () => {
  let passages = 0;
  for (const topic of carried) {
    const page = pages.get(`/topics/${topic.slug}/`)!;
    for (const section of byClass(page, 'topic-article')) {
      const slug = String(section.properties['id']).replace(/^article-/, '');
      const article = bySlug.get(slug)!;
      for (const item of within(section, (node) => node.tagName === 'li' && node.properties['dataStrength'] !== undefined)) {
        const quote = within(item, (node) => node.tagName === 'blockquote')[0]!;
        const id = String(quote.properties['cite']).split('#')[1];
        const source = article.passages.find((passage) => passage.id === id)!;
        expect(source.topics, `${slug} ${id}`).toContain(topic.slug);
        // Exactly the paragraph's text, every space where it has one: the marks only wrap words of it.
        const paragraph = within(quote, (node) => node.tagName === 'p')[0]!;
        expect(toString(paragraph)).toBe(source.text);
        const marks = within(quote, (node) => node.tagName === 'mark');
        expect(marks.length, `${topic.slug}: ${slug} ${id} has no mark`).toBeGreaterThan(0);
        for (const mark of marks) {
          const term = String(mark.properties['dataTerm']);
          expect([...topic.terms, ...topic.strong], `${topic.slug}: "${toString(mark)}"`).toContain(term);
          expect(matchesWhole(term, toString(mark)), `${term} marks "${toString(mark)}"`).toBe(true);
        }
        passages++;
      }
    }
  }
  expect(passages).toBe(articles.reduce((sum, article) => sum + article.passages.reduce((n, passage) => n + passage.topics.length, 0), 0));
});

test('passages are ordered by non-increasing strength (from the terms marked), and articles by their strongest passage', () => {
  for (const topic of carried) {
    const page = pages.get(`/topics/${topic.slug}/`)!;
    const strongest: number[] = [];
    for (const section of byClass(page, 'topic-article')) {
      const strengths = within(section, (node) => node.tagName === 'li' && node.properties['dataStrength'] !== undefined).map((item) => {
        const terms = new Set(within(item, (node) => node.tagName === 'mark').map((mark) => String(mark.properties['dataTerm'])));
        const strength = [...terms].reduce((sum, term) => sum + weight(topic, term), 0);
        expect(Number(item.properties['dataStrength'])).toBe(strength);
        return strength;
      });
      expect(strengths, `${topic.slug} ${String(section.properties['id'])}`).toEqual([...strengths].sort((a, b) => b - a));
      strongest.push(strengths[0] ?? 0);
    }
    expect(strongest, topic.slug).toEqual([...strongest].sort((a, b) => b - a));
  }
});

test('no in-text topic link is a single ordinary word: each is a strong term or a term of two or more words', () => {
  const byTopic = new Map(topics.map((topic) => [topic.slug, topic]));
  let links = 0;
  for (const article of articles) {
    const page = pages.get(`/articles/${article.slug}/`)!;
    for (const link of byClass(page, 'topic-link')) {
      const topic = byTopic.get(String(link.properties['dataTopic']))!;
      const text = toString(link);
      const weighty = [...topic.strong, ...topic.terms.filter((term) => /[ -]/.test(term))];
      const ordinary = topic.terms.filter((term) => !/[ -]/.test(term));
      expect(
        weighty.some((term) => matchesWhole(term, text)),
        `${article.slug}: "${text}" links ${topic.slug} by ${ordinary.filter((term) => matchesWhole(term, text)).join(', ') || 'no term'}`,
      ).toBe(true);
      links++;
    }
  }
  expect(links).toBeGreaterThan(0);
});

test('a topic every article carries says so on its page and on /topics/; no other topic does', () => {
  const index = pages.get('/topics/')!;
  for (const topic of carried) {
    const every = articles.length >= 2 && articles.every((article) => article.topics.includes(topic.slug));
    const page = pages.get(`/topics/${topic.slug}/`)!;
    const flagged = elements(page, (node) => node.properties['dataEveryArticle'] !== undefined);
    expect(flagged.length, topic.slug).toBe(every ? 1 : 0);
    if (every) expect(toString(flagged[0]!)).toContain('does not tell them apart');
    const item = elements(index, (node) => node.tagName === 'li' && node.properties['dataTopic'] === topic.slug)[0]!;
    expect(within(item, (node) => node.properties['dataEveryArticle'] !== undefined).length, topic.slug).toBe(every ? 1 : 0);
  }
});

test('a stance is shown only where the curator set one, as set by the curator; the filter only when there is one', () => {
  for (const topic of carried) {
    const page = pages.get(`/topics/${topic.slug}/`)!;
    const sections = byClass(page, 'topic-article');
    for (const section of sections) {
      const article = bySlug.get(String(section.properties['id']).replace(/^article-/, ''))!;
      const given = article.stance?.[topic.slug];
      expect(section.properties['dataStance']).toBe(given ?? 'none');
      const shown = byClass(section, 'stance');
      expect(shown.length).toBe(given ? 1 : 0);
      if (given) expect(toString(shown[0]!)).toMatch(new RegExp(`${given}.*set by the curator`));
    }
    const anySet = sections.some((section) => section.properties['dataStance'] !== 'none');
    expect(byClass(page, 'stance-filter').length, topic.slug).toBe(anySet ? 1 : 0);
  }
});

test('each article shows its strongest passages on a topic first, the rest behind "Show all", which says how many', () => {
  let sections = 0;
  for (const topic of carried) {
    const page = pages.get(`/topics/${topic.slug}/`)!;
    for (const section of byClass(page, 'topic-article')) {
      const slug = String(section.properties['id']).replace(/^article-/, '');
      const count = bySlug.get(slug)!.passages.filter((passage) => passage.topics.includes(topic.slug)).length;
      const more = byClass(section, 'more-passages');
      const passages = (root: Element) => within(root, (node) => node.tagName === 'li' && node.properties['dataStrength'] !== undefined).length;
      expect(passages(section) - more.reduce((sum, details) => sum + passages(details), 0), `${topic.slug}: ${slug}, shown at first`).toBe(
        Math.min(count, SHOWN_PASSAGES),
      );
      expect(more.length, `${topic.slug}: ${slug}, "Show all"`).toBe(count > SHOWN_PASSAGES ? 1 : 0);
      if (count > SHOWN_PASSAGES) {
        expect(passages(more[0]!)).toBe(count - SHOWN_PASSAGES);
        expect(toString(within(more[0]!, (node) => node.tagName === 'summary')[0]!)).toBe(`Show all ${count} passages (${count - SHOWN_PASSAGES} more)`);
      }
      sections++;
    }
  }
  // Each topic's first page lists an article at least.
  expect(sections).toBeGreaterThanOrEqual(carried.length);
});
