/**
 * Topic pages as evidence: what a passage shows of a topic (the terms that counted, marked where they are in
 * the text as written, its strength), found as the classifier finds them; the ranking of passages and
 * articles; which terms may link a mention; and a topic on every article flagged.
 */
import { describe, expect, test } from 'vitest';
import { classifyTopics } from '../../scripts/ingest/classify.ts';
import { comparableText, describeEvidence, isLinkTerm, paragraphEvidence, topicTerms } from '../../src/core/topic-evidence.ts';
import type { Article } from '../../src/schemas/article.ts';
import type { Topic } from '../../src/schemas/topic.ts';
import { buildCorpusIndex } from '../../src/utils/corpus-index.ts';
import { renderArticle } from '../../src/utils/render-article.ts';
import { rankTopic, SHOWN_PASSAGES } from '../../src/utils/topic-passages.ts';
import { testArticle } from '../helpers/article.ts';
import { corpusTopics, ingest } from '../helpers/ingest-corpus.ts';

const nuclear: Topic = {
  slug: 'nuclear',
  label: 'Nuclear',
  description: 'd',
  terms: ['nuclear', 'fissile', 'arms control', 'existential'],
  strong: ['iaea', 'existential risk*', 'nuclear watchdog'],
};

/** The marked pieces of a text, as the topic page marks them. */
const marked = (text: string, topic: Topic = nuclear) => paragraphEvidence(text, topic).marks.map((mark) => text.slice(mark.start, mark.end));

describe('paragraphEvidence', () => {
  test('marks every match that counts, where it is in the text as written', () => {
    const text = 'The IAEA is a nuclear watchdog; the IAEA also talks about Nuclear power.';
    expect(marked(text)).toEqual(['IAEA', 'nuclear watchdog', 'IAEA', 'Nuclear']);
  });

  test('strength is the classifier’s paragraph score: 2 per distinct strong term, 1 per distinct ordinary term, repeats add nothing', () => {
    const evidence = paragraphEvidence('The IAEA, the IAEA and arms control, arms control, and nuclear power.', nuclear);
    expect(evidence.terms).toEqual([
      { term: 'iaea', strong: true },
      { term: 'nuclear', strong: false },
      { term: 'arms control', strong: false },
    ]);
    expect(evidence.strength).toBe(2 + 1 + 1);
  });

  test('of overlapping matches only the longest counts, as in the classifier', () => {
    const evidence = paragraphEvidence('An existential risks argument.', nuclear);
    expect(evidence.terms).toEqual([{ term: 'existential risk*', strong: true }]);
    expect(marked('An existential risks argument.')).toEqual(['existential risks']);
    expect(paragraphEvidence('A nuclear watchdog.', nuclear).terms).toEqual([{ term: 'nuclear watchdog', strong: true }]);
  });

  test('no match: strength 0, nothing marked', () => {
    expect(paragraphEvidence('Nothing of the kind, unclear.', nuclear)).toEqual({ strength: 0, terms: [], marks: [] });
  });

  test('text that normalising changes in length is still marked in place (a ligature, a fullwidth word, curly apostrophes)', () => {
    const text = 'The \uFB01ssile stock under the ＩＡＥＡ’s nuclear watchdog.';
    expect(marked(text)).toEqual(['\uFB01ssile', 'ＩＡＥＡ', 'nuclear watchdog']);
    const composed = 'Cafe\u0301 talk of the IAEA and fissile stock.';
    expect(marked(composed)).toEqual(['IAEA', 'fissile']);
  });

  test('comparableText maps spans of the normalised text back to the text as written', () => {
    const { text, span } = comparableText('\uFB01ssile IAEA');
    expect(text).toBe('fissile iaea');
    expect(span(0, 7)).toEqual({ start: 0, end: 6 });
    expect(span(8, 12)).toEqual({ start: 7, end: 11 });
  });

  // Every passage of the real corpus, for every topic it is a passage for: the page's evidence is the classifier's.
  test('on the real corpus, every passage’s strength is the classifier’s score of that paragraph, with at least one term', { timeout: 60_000 }, () => {
    const topics = new Map(corpusTopics().map((topic) => [topic.slug, topic]));
    const articles = ingest().entries.map((entry) => entry.article);
    let checked = 0;
    for (const article of articles) {
      for (const passage of article.passages) {
        for (const slug of passage.topics) {
          const topic = topics.get(slug)!;
          const evidence = paragraphEvidence(passage.text, topic);
          expect(evidence.terms.length, `${article.slug} ${passage.id} ${slug}`).toBeGreaterThan(0);
          expect(evidence.strength).toBe(classifyTopics([{ id: passage.id, text: passage.text }], [topic]).scores[slug]);
          for (const mark of evidence.marks) expect(evidence.terms.map((term) => term.term)).toContain(mark.term);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });
});

describe('isLinkTerm', () => {
  const [iaea, , watchdog, nuclearTerm, , armsControl] = topicTerms(nuclear);

  test('a strong term or a term of two or more words links; a single ordinary word never does', () => {
    expect([iaea, watchdog, nuclearTerm, armsControl].map((p) => [p!.term, isLinkTerm(p!)])).toEqual([
      ['iaea', true],
      ['nuclear watchdog', true],
      ['nuclear', false],
      ['arms control', true],
    ]);
    const hyphenated = topicTerms({ terms: ['self-reporting'], strong: [] })[0]!;
    expect(isLinkTerm(hyphenated)).toBe(true);
  });

  test('in the taxonomy, no single ordinary word links', () => {
    for (const topic of corpusTopics()) {
      for (const p of topicTerms(topic)) if (!p.strong && !/[ -]/.test(p.term)) expect(isLinkTerm(p), `${topic.slug}: ${p.term}`).toBe(false);
    }
  });

  test('the article renderer links a mention of weight, not a single ordinary word of the same topic', async () => {
    const topics = corpusTopics();
    const forums = topics.find((topic) => topic.slug === 'international-forums')!;
    const single = forums.terms.find((term) => /^[a-z]+\*?$/.test(term) && term.length > 3)!.replace('*', '');
    const strong = forums.strong.find((term) => !term.includes('*'))!;
    const html = (await renderArticle(`The ${single} met.\n\nLater, the ${strong} met.\n`, { label: 'x.mdx', topics: [forums.slug] })).html;
    expect(html.match(/class="topic-link"/g)).toHaveLength(1);
    expect(html).toMatch(new RegExp(`data-topic="international-forums"[^>]*>${RegExp.escape(strong)}</a>`, 'i'));
  });
});

/** A text source on the topic `nuclear`, these paragraphs its passages. */
function article(slug: string, passages: { id: string; text: string }[], extra: Partial<Article> = {}): Article {
  return testArticle(slug, { topics: ['nuclear'], passages: passages.map((passage) => ({ ...passage, topics: ['nuclear'] })), ...extra });
}

describe('rankTopic', () => {
  const index = buildCorpusIndex(
    [
      article('weak', [{ id: 'p-w1', text: 'Nuclear and fissile.' }], { publishedAt: '2026-03-01' }),
      article(
        'strong',
        [
          { id: 'p-s1', text: 'Nuclear.' },
          { id: 'p-s2', text: 'The IAEA as nuclear watchdog.' },
          { id: 'p-s3', text: 'Arms control.' },
          { id: 'p-s4', text: 'The IAEA again.' },
        ],
        { publishedAt: '2025-01-01', stance: { nuclear: 'critiques' } },
      ),
      article('tied-old', [{ id: 'p-t1', text: 'Nuclear and fissile.' }], { publishedAt: '2024-01-01' }),
    ],
    [nuclear],
  );
  const ranked = rankTopic(index.topicBySlug.get('nuclear')!);

  test('each article’s passages strongest first, equal ones in reading order', () => {
    const strong = ranked.find((item) => item.article.slug === 'strong')!;
    expect(strong.passages.map((passage) => [passage.id, passage.evidence.strength])).toEqual([
      ['p-s2', 4],
      ['p-s4', 2],
      ['p-s1', 1],
      ['p-s3', 1],
    ]);
  });

  test('articles by their strongest passage, then total strength, then newest first', () => {
    expect(ranked.map((item) => [item.article.slug, item.strongest, item.total])).toEqual([
      ['strong', 4, 8],
      ['weak', 2, 2],
      ['tied-old', 2, 2],
    ]);
  });

  test('the stance is the curator’s, or null: never filled in', () => {
    expect(ranked.map((item) => item.stance)).toEqual(['critiques', null, null]);
  });

  test('a topic every article carries is flagged; one that some do not is not', () => {
    expect(index.topicBySlug.get('nuclear')!.onEveryArticle).toBe(true);
    const mixed = buildCorpusIndex([article('a', []), article('b', [], { topics: [] })], [nuclear]);
    expect(mixed.topicBySlug.get('nuclear')!.onEveryArticle).toBe(false);
    const alone = buildCorpusIndex([article('a', [])], [nuclear]);
    expect(alone.topicBySlug.get('nuclear')!.onEveryArticle).toBe(false);
  });

  test('the rules in words carry the numbers in force', () => {
    const rules = describeEvidence(SHOWN_PASSAGES).join('\n');
    expect(rules).toContain(`the ${SHOWN_PASSAGES} strongest are shown`);
    expect(rules).toContain('2 for each distinct strong term and 1 for each distinct ordinary term');
  });
});
