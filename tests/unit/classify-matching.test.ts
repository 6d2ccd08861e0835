/**
 * The classifier's fast term matching (a word index, a hand-written matcher where the words are letters and
 * digits only, the sticky pattern at the first word's positions otherwise) finds exactly what the plain
 * whole-word pattern finds, on every paragraph of the real corpus and on edge cases (hyphens, apostrophes,
 * prefixes, words inside words, astral letters, other spaces and dashes); and classifies the same.
 */
import { describe, expect, test } from 'vitest';
import { classifyTopics, type Classification, type ClassifiedParagraph } from '../../scripts/ingest/classify.ts';
import { DEFAULT_CLASSIFY_OPTIONS } from '../../src/core/topic-rules.ts';
import { normalize, termMatcher, termPattern } from '../../src/core/topic-terms.ts';
import { parseMdx } from '../../src/core/mdx.ts';
import { bodyParagraphs } from '../../scripts/ingest/mdast-text.ts';
import type { Topic } from '../../src/schemas/topic.ts';
import { corpusTopics, ingest } from '../helpers/ingest-corpus.ts';

const topics = corpusTopics();
const terms = [...new Set(topics.flatMap((topic) => [...topic.strong, ...topic.terms]))];

function firstMatch(term: string, text: string): [number, number] | null {
  const match = termPattern(term, 'g').exec(text);
  return match ? [match.index, match.index + match[0].length] : null;
}

// Every paragraph of the corpus, checked against the slow reference: the time it takes grows with the corpus.
describe('fast term matching', { timeout: 60_000 }, () => {
  const paragraphs = ingest().entries.flatMap((entry) => entry.article.passages.map((passage) => normalize(passage.text)));
  const edges = [
    "the un's role under iaea-style rules",
    'open-source and open source and open—source models',
    'geopolitical geopolitics geopolitic',
    'xgpai gpai-x unverified verification re-verify',
    'compute-based thresholds; compute threshold, compute thresholds',
  ].map(normalize);

  test('finds the same first match as the whole-word pattern, for every term and text', () => {
    expect(paragraphs.length).toBeGreaterThan(50);
    for (const term of terms) {
      const find = termMatcher(term);
      for (const text of [...paragraphs, ...edges]) expect(find(text), `${term} in ${text.slice(0, 40)}`).toEqual(firstMatch(term, text));
    }
  });
});

/**
 * classifyTopics finds terms through a word index and a hand-written matcher (matchAt), not the regular
 * expressions; this is the module's rules written with termPattern and nothing else, to compare it with.
 */
function referenceClassify(paragraphs: readonly ClassifiedParagraph[], topicList: readonly Topic[]): Classification {
  const o = DEFAULT_CLASSIFY_OPTIONS;
  const texts = paragraphs.map((paragraph) => normalize(paragraph.text));
  const results = topicList.map((topic) => {
    const patterns = [...topic.strong.map((term) => ({ term, strong: true })), ...topic.terms.map((term) => ({ term, strong: false }))].map((p) => ({
      ...p,
      pattern: termPattern(p.term, 'g'),
    }));
    const perParagraph = texts.map((text) => {
      const matches = patterns.flatMap((p) => [...text.matchAll(p.pattern)].map((m) => ({ p, start: m.index, end: m.index + m[0].length })));
      matches.sort((a, b) => b.end - b.start - (a.end - a.start) || Number(b.p.strong) - Number(a.p.strong));
      const taken: { start: number; end: number }[] = [];
      const found = new Set<(typeof patterns)[number]>();
      for (const m of matches) {
        if (taken.some((t) => m.start < t.end && t.start < m.end)) continue;
        taken.push(m);
        found.add(m.p);
      }
      const strong = [...found].filter((p) => p.strong).length;
      return {
        score: strong * o.strongWeight + (found.size - strong) * o.termWeight,
        isPassage: strong >= o.minStrongTerms || found.size >= o.minDistinctTerms,
        found,
      };
    });
    // Rule 4's neighbours: a paragraph with a term is a passage when it and the paragraphs around it hold enough distinct terms.
    perParagraph.forEach((p, index) => {
      const around = new Set(perParagraph.slice(Math.max(0, index - o.passageWindow), index + o.passageWindow + 1).flatMap((q) => [...q.found]));
      if (o.passageWindow > 0 && p.found.size > 0 && around.size >= o.minWindowTerms) p.isPassage = true;
    });
    const score = perParagraph.reduce((sum, p) => sum + p.score, 0);
    const evidence = new Set(perParagraph.filter((p) => p.isPassage).flatMap((p) => [...p.found]));
    const weighty = [...evidence].some((p) => p.strong || /[\s-]/.test(p.term));
    // Rule 5's spread: enough paragraphs mention the topic, with enough distinct terms between them, one of weight.
    const mentioned = new Set(perParagraph.flatMap((p) => [...p.found]));
    const spread =
      perParagraph.filter((p) => p.score > 0).length >= Math.max(o.spreadMentions, o.spreadShare * paragraphs.length) &&
      mentioned.size >= o.spreadTerms &&
      [...mentioned].some((p) => p.strong || /[\s-]/.test(p.term));
    return { slug: topic.slug, perParagraph, score, passageCount: perParagraph.filter((p) => p.isPassage).length, terms: evidence.size, weighty, spread };
  });
  const ranked = results.filter((r) => r.score > 0).sort((a, b) => b.score - a.score || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  const chosen = new Set(
    ranked
      .filter(
        (r) =>
          r.spread ||
          ((r.passageCount >= (paragraphs.length <= o.shortText ? 1 : o.minPassages) ||
            (r.passageCount >= 1 && r.perParagraph.filter((p) => p.score > 0).length >= 2 && r.score >= o.minScoreOnePassage)) &&
            r.terms >= o.minArticleTerms &&
            (r.weighty || !o.requireWeightyTerm)),
      )
      .map((r) => r.slug),
  );
  for (const r of ranked) {
    if (chosen.size >= o.minTopics) break;
    chosen.add(r.slug);
  }
  const assigned = ranked.filter((r) => chosen.has(r.slug));
  const passages: Classification['passages'] = [];
  paragraphs.forEach((paragraph, index) => {
    for (const r of assigned) {
      const p = r.perParagraph[index]!;
      if (r.passageCount > 0 ? p.isPassage : p.score > 0) passages.push({ topic: r.slug, id: paragraph.id, text: paragraph.text });
    }
  });
  return { topics: assigned.map((r) => r.slug), passages, scores: Object.fromEntries(ranked.map((r) => [r.slug, r.score])) };
}

describe('classifier matching', { timeout: 60_000 }, () => {
  const bodies = ingest().entries.map((entry) => bodyParagraphs(parseMdx(entry.mdx)).map(({ text }, index) => ({ id: `p-${index}`, text })));
  // Every term in the ways text can touch it: glued to letters, digits and astral letters, with other
  // separators, with a suffix, capitalised, at the start and end of a paragraph, overlapping another term.
  const variants = (term: string): string[] => {
    const bare = term.replace(/\*$/, '');
    return [
      `${bare} and ${bare}`,
      `x${bare} ${bare}x 9${bare}`,
      `𠀀${bare} ${bare}𠀀, é${bare}`,
      `${bare}s ${bare}ing ${bare}’s ${bare}-style`,
      bare.replace(/[ -]/g, '\u00a0'),
      bare.replace(/[ -]/g, ' \u2011 '),
      bare.replace(/[ -]/g, '—'),
      bare.replace(/[ -]/g, '\t\n'),
      bare.toUpperCase(),
      `(${bare})`,
    ];
  };
  const edges = terms.map((term, index) => variants(term).map((text, at) => ({ id: `e-${index}-${at}`, text })));
  const mixed = edges.map((paragraphs, index) => [...paragraphs, ...(edges[(index * 7 + 3) % edges.length] ?? [])]);

  test('classifies the corpus and every term edge case exactly as the plain regular-expression rules', () => {
    expect(bodies.length).toBeGreaterThan(0);
    for (const paragraphs of [...bodies, ...edges, ...mixed, [], [{ id: 'p-0', text: '' }]]) {
      expect(classifyTopics(paragraphs, topics)).toEqual(referenceClassify(paragraphs, topics));
    }
  });

  test('the fast first match agrees on the edge cases too', () => {
    terms.forEach((term, index) => {
      const find = termMatcher(term);
      const pattern = termPattern(term);
      const texts = [index, index + 1, index + 7].flatMap((at) => edges[at % edges.length]!).map((paragraph) => normalize(paragraph.text));
      for (const text of texts) {
        const match = pattern.exec(text);
        expect(find(text), `${term} in ${text}`).toEqual(match ? [match.index, match.index + match[0].length] : null);
      }
    });
  });
});
