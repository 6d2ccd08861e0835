import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { classifyTopics, type ClassifiedParagraph } from '../../scripts/ingest/classify.ts';
import { describeRules } from '../../src/core/topic-rules.ts';
import { termPattern } from '../../src/core/topic-terms.ts';
import { topicSchema, topicsFileSchema, type Topic, type TopicInput } from '../../src/schemas/topic.ts';

const topic = (input: TopicInput): Topic => topicSchema.parse(input);

const TOPICS: Topic[] = [
  topic({
    slug: 'iaea-nuclear-analogy',
    label: 'The IAEA and nuclear analogy',
    description: 'Whether nuclear governance is a model for AI.',
    terms: ['nuclear', 'proliferation', 'fissile'],
    strong: ['iaea', 'npt', 'non-proliferation'],
  }),
  topic({
    slug: 'verification-and-monitoring',
    label: 'Verification and monitoring',
    description: 'How compliance could be checked.',
    terms: ['monitor*', 'inspection*', 'audit*'],
    strong: ['verif*', 'chip tracking'],
  }),
  topic({
    slug: 'open-source-and-open-weights',
    label: 'Open source and open weights',
    description: 'Whether publishing weights is safer.',
    terms: ['permissionless'],
    strong: ['open source', 'open weights'],
  }),
  topic({
    slug: 'international-forums',
    label: 'International forums',
    description: 'Which venues host AI governance.',
    terms: ['un', 'forum', "world's"],
    strong: ['gpai', 'g7'],
  }),
  topic({
    slug: 'catastrophic-risk',
    label: 'Catastrophic risk',
    description: 'How serious the risks are.',
    terms: ['existential', 'catastrophic'],
    strong: ['existential risk'],
  }),
];

const paragraphs = (...texts: string[]): ClassifiedParagraph[] => texts.map((text, i) => ({ id: `p-${i + 1}`, text }));

/** Topics whose passages include the single paragraph given. */
function passageTopics(text: string): string[] {
  const result = classifyTopics(paragraphs(text), TOPICS, { minTopics: 0, minPassages: 1, minArticleTerms: 0, requireWeightyTerm: false });
  return result.passages.map((p) => p.topic);
}

describe('classifyTopics: one paragraph', () => {
  it.each([
    ['chip tracking maps to verification', 'Chip tracking would let inspectors see where the GPUs are.', ['verification-and-monitoring']],
    ['the NPT and the IAEA map to the nuclear analogy', 'The NPT created the IAEA safeguards regime for fissile material.', ['iaea-nuclear-analogy']],
    ['open weights map to open source', 'With open weights, anyone can audit the model.', ['open-source-and-open-weights']],
    ['a paragraph with no terms maps to nothing', 'The weather in Geneva was mild that week.', []],
    ['one ordinary term alone is not a passage', 'Nuclear power plants are expensive.', []],
    ['two distinct ordinary terms make a passage', 'Nuclear proliferation slowed after 1970.', ['iaea-nuclear-analogy']],
    ['a repeated ordinary term is still one term', 'Nuclear, nuclear, nuclear.', []],
    ['an inflected form matches a trailing-* term', 'Monitoring and verifying compute is hard.', ['verification-and-monitoring']],
    ['a hyphen in the text matches a space in the term', 'Open-source developers would be hit first.', ['open-source-and-open-weights']],
    ['matching ignores case', 'THE IAEA.', ['iaea-nuclear-analogy']],
  ])('%s', (_name, text, expected) => {
    expect(passageTopics(text)).toEqual(expected);
  });
});

describe('classifyTopics: whole words', () => {
  it.each([
    ['"gpai" does not match inside another word', 'The megpaix and gpais projects.', 0],
    ['"gpai" matches on its own', 'Members of GPAI met in Paris.', 2],
    ['"un" does not match "under", "fund" or "unilateral"', 'Under the fund, unilateral moves continued.', 0],
    ['"un" matches before a possessive', 'The UN’s panel reported.', 1],
    ['"un" matches next to punctuation and hyphens', '(UN) and UN-backed talks.', 1],
    ['"g7" matches with its digit', 'At the G7 summit.', 2],
    ['a letter with a diacritic is part of the word', 'The forumé met.', 0],
  ])('%s', (_name, text, score) => {
    const result = classifyTopics(paragraphs(text), TOPICS, { minTopics: 0 });
    expect(result.scores['international-forums'] ?? 0).toBe(score);
  });

  it('builds patterns that refuse word characters on either side', () => {
    expect(termPattern('un').test('under')).toBe(false);
    expect(termPattern('un').test('fun')).toBe(false);
    expect(termPattern('un').test('un')).toBe(true);
    expect(termPattern('verif*').test('verification')).toBe(true);
    expect(termPattern('verif*').test('unverified')).toBe(false);
  });
});

describe('classifyTopics: apostrophes', () => {
  it.each([
    ['a straight-apostrophe term matches curly text', 'The world’s forum.'],
    ['a straight-apostrophe term matches straight text', "The world's forum."],
    ['a straight-apostrophe term matches a modifier-letter apostrophe', 'The worldʼs forum.'],
  ])('%s', (_name, text) => {
    expect(passageTopics(text)).toEqual(['international-forums']);
  });

  it('a curly-apostrophe term matches straight text', () => {
    const curly = topic({ slug: 'curly', label: 'Curly', description: 'Test.', terms: ['x'], strong: ['nation’s security'] });
    const result = classifyTopics(paragraphs("The nation's security."), [curly], { minPassages: 1, minArticleTerms: 1 });
    expect(result.topics).toEqual(['curly']);
  });
});

describe('classifyTopics: overlapping matches', () => {
  it('counts only the longest of overlapping matches', () => {
    const result = classifyTopics(paragraphs('An existential risk.'), TOPICS, { minTopics: 0 });
    expect(result.scores['catastrophic-risk']).toBe(2);
  });
});

describe('classifyTopics: an article', () => {
  const article = paragraphs(
    'Chip tracking and inspections could verify a treaty.',
    'The IAEA and the NPT are the model Altman cites.',
    'Verification is the hard part: data centres are closed.',
    'Nuclear proliferation was slowed, not stopped.',
    'Open weights let researchers audit models.',
    'Some mention the UN.',
  );

  it('assigns topics with enough passages, best score first, ties by slug', () => {
    const result = classifyTopics(article, TOPICS);
    expect(result.topics).toEqual(['verification-and-monitoring', 'iaea-nuclear-analogy']);
    expect(result.scores).toEqual({
      'verification-and-monitoring': 8,
      'iaea-nuclear-analogy': 6,
      'open-source-and-open-weights': 2,
      'international-forums': 1,
    });
  });

  it('lists passages in paragraph order', () => {
    const result = classifyTopics(article, TOPICS);
    expect(result.passages.map((p) => `${p.id} ${p.topic}`)).toEqual([
      'p-1 verification-and-monitoring',
      'p-2 iaea-nuclear-analogy',
      'p-3 verification-and-monitoring',
      'p-4 iaea-nuclear-analogy',
    ]);
    expect(result.passages[0].text).toBe(article[0].text);
  });

  it('orders passages of one paragraph by topic rank', () => {
    const both = paragraphs('The IAEA would need chip tracking.', 'Verification first, as the NPT requires.', 'Audits and inspections.');
    expect(classifyTopics(both, TOPICS).passages.map((p) => `${p.id} ${p.topic}`)).toEqual([
      'p-1 verification-and-monitoring',
      'p-1 iaea-nuclear-analogy',
      'p-2 verification-and-monitoring',
      'p-2 iaea-nuclear-analogy',
      'p-3 verification-and-monitoring',
    ]);
  });

  it('needs evidence in more than one paragraph, with distinct terms: one strong paragraph alone gives no topic', () => {
    const one = paragraphs('The IAEA, the NPT and non-proliferation.', 'Nothing here.');
    expect(classifyTopics(one, TOPICS).topics).toEqual([]);
    const two = paragraphs('The IAEA, the NPT and non-proliferation.', 'Nothing here.', 'The IAEA again.');
    expect(classifyTopics(two, TOPICS).topics).toEqual(['iaea-nuclear-analogy']);
  });

  it('reads list items with their neighbours: one term each, three distinct terms side by side make passages', () => {
    const items = paragraphs('Audits of every lab.', 'Inspections on site.', 'Monitoring of power use.', 'Audits again.');
    const spaced = paragraphs(
      'Audits of every lab.',
      'Nothing here.',
      'Nothing here.',
      'Inspections on site.',
      'Nothing here.',
      'Nothing here.',
      'Monitoring of power use.',
    );
    const loose = { requireWeightyTerm: false };
    // Two paragraphs either way: every item sees the three distinct terms.
    expect(classifyTopics(items, TOPICS, loose).passages.map((p) => p.id)).toEqual(['p-1', 'p-2', 'p-3', 'p-4']);
    // One paragraph either way: the first and last items see two distinct terms around them, the middle ones three.
    expect(classifyTopics(items, TOPICS, { ...loose, passageWindow: 1 }).passages.map((p) => p.id)).toEqual(['p-2', 'p-3']);
    expect(classifyTopics(spaced, TOPICS, loose).topics).toEqual([]);
    expect(classifyTopics(items, TOPICS, { ...loose, passageWindow: 0 }).topics).toEqual([]);
  });

  it('reads a paragraph with the title and headings it sits under, which are never passages themselves', () => {
    const under = (headings: string[]) => paragraphs('Audits of every lab.', 'Nothing here.', 'Inspections, by law.').map((p) => ({ ...p, headings }));
    const loose = { requireWeightyTerm: false };
    expect(classifyTopics(under(['A report', 'Verification']), TOPICS, loose).passages.map((p) => p.id)).toEqual(['p-1', 'p-3']);
    expect(classifyTopics(under(['A report', 'Verification']), TOPICS, { ...loose, useHeadings: false }).topics).toEqual([]);
    expect(classifyTopics(under(['A report', 'Costs']), TOPICS, loose).topics).toEqual([]);
  });

  it('takes one passage when the topic scores high and another paragraph returns to it', () => {
    const once = paragraphs('The IAEA, the NPT and non-proliferation.', 'Nothing here.', 'Nothing here.', 'Nuclear, again.');
    expect(classifyTopics(once, TOPICS).topics).toEqual(['iaea-nuclear-analogy']);
    expect(classifyTopics(once, TOPICS, { minScoreOnePassage: 8 }).topics).toEqual([]);
  });

  it('takes the one passage of a one-paragraph text (a feed item summary), and of no longer text', () => {
    const summary = paragraphs('Audits and chip tracking, by law.');
    expect(classifyTopics(summary, TOPICS).topics).toEqual(['verification-and-monitoring']);
    expect(classifyTopics(summary, TOPICS, { shortText: 0 }).topics).toEqual([]);
    expect(classifyTopics(paragraphs('Audits and chip tracking, by law.', 'Nothing here.'), TOPICS).topics).toEqual([]);
  });

  it('gives the topic an article keeps returning to, one term at a time, and quotes every paragraph that mentions it', () => {
    const race = topic({
      slug: 'race-dynamics',
      label: 'Race dynamics',
      description: 'Whether competition pushes speed over safety.',
      terms: ['race', 'speed', 'pause', 'head start', 'defection', 'first mover*'],
      strong: ['arms race'],
    });
    const filler = ['Nothing here.', 'Nothing here.', 'Nothing here.'];
    const mentions = ['A race.', 'Speed.', 'A pause.', 'A head start.', 'Defection.', 'A race again.'];
    const spread = paragraphs(...mentions.flatMap((text) => [text, ...filler]));
    const result = classifyTopics(spread, [race]);
    expect(result.topics).toEqual(['race-dynamics']);
    expect(result.passages.map((p) => p.text)).toEqual(mentions);
    // Five paragraphs are not enough, nor are six that hold four terms between them, nor one phrase-less word list.
    expect(classifyTopics(paragraphs(...mentions.slice(0, 5).flatMap((text) => [text, ...filler])), [race]).topics).toEqual([]);
    const four = ['A race.', 'Speed.', 'A pause.', 'A head start.', 'A race again.', 'Speed again.'];
    expect(classifyTopics(paragraphs(...four.flatMap((text) => [text, ...filler])), [race]).topics).toEqual([]);
    expect(classifyTopics(spread, [race], { spreadMentions: Infinity }).topics).toEqual([]);
    // In a long text (a hard-wrapped one has a paragraph per line) six mentions are too few: one paragraph in 25 must mention it.
    const long = paragraphs(...mentions.flatMap((text) => [text, ...Array.from({ length: 30 }, () => 'Nothing here.')]));
    expect(classifyTopics(long, [race]).topics).toEqual([]);
  });

  it('is deterministic: same output on repeat and whatever the order of the topics', () => {
    const first = classifyTopics(article, TOPICS);
    expect(classifyTopics(article, TOPICS)).toEqual(first);
    const reversed = classifyTopics(article, [...TOPICS].reverse());
    expect(reversed.topics).toEqual(first.topics);
    expect(reversed.passages).toEqual(first.passages);
    expect(Object.entries(reversed.scores)).toEqual(Object.entries(first.scores));
  });

  it('breaks score ties by slug', () => {
    const tie = paragraphs('The IAEA.', 'The NPT.', 'Open weights.', 'Open source.');
    expect(classifyTopics(tie, TOPICS).topics).toEqual(['iaea-nuclear-analogy', 'open-source-and-open-weights']);
  });
});

describe('classifyTopics: a minimum number of topics, when one is set (the default is none)', () => {
  it('by default an article with only weak matches gets no topic', () => {
    expect(classifyTopics(paragraphs('Some mention the UN.', 'An audit happened.', 'Nuclear power.'), TOPICS).topics).toEqual([]);
    // One common word in many paragraphs is not evidence either: it needs a second term, one of them strong or a phrase.
    expect(classifyTopics(paragraphs('Nuclear power.', 'Nuclear waste.', 'Nuclear families.'), TOPICS).topics).toEqual([]);
  });

  it('tops up with the best-scoring remaining topic that matched at all', () => {
    const text = paragraphs('The IAEA inspects.', 'The NPT binds.', 'Some mention the UN.', 'A catastrophic storm.', 'Existential dread.');
    const result = classifyTopics(text, TOPICS, { minTopics: 2 });
    // catastrophic-risk scores 2 (two ordinary terms in two paragraphs), ahead of forums (1) and verification (1).
    expect(result.topics).toEqual(['iaea-nuclear-analogy', 'catastrophic-risk']);
    expect(result.passages.filter((p) => p.topic === 'catastrophic-risk').map((p) => p.id)).toEqual(['p-4', 'p-5']);
  });

  it('tops up to two even when nothing reaches the thresholds', () => {
    const result = classifyTopics(paragraphs('Some mention the UN.', 'An audit happened.', 'Nuclear power.'), TOPICS, { minTopics: 2 });
    expect(result.topics).toEqual(['iaea-nuclear-analogy', 'international-forums']);
  });

  it('adds no topic that never matched', () => {
    expect(classifyTopics(paragraphs('The IAEA.', 'The NPT.'), TOPICS).topics).toEqual(['iaea-nuclear-analogy']);
    expect(classifyTopics(paragraphs('Nothing at all.'), TOPICS)).toEqual({ topics: [], passages: [], scores: {} });
  });

  it('honours a different minimum', () => {
    const result = classifyTopics(paragraphs('The IAEA.', 'The NPT.', 'The UN.', 'An audit.'), TOPICS, { minTopics: 3 });
    expect(result.topics).toEqual(['iaea-nuclear-analogy', 'international-forums', 'verification-and-monitoring']);
  });
});

describe('describeRules', () => {
  it('states the thresholds in force', () => {
    const rules = describeRules({ minPassages: 3 }).join('\n');
    expect(rules).toContain('at least 3 passages');
    expect(rules).toContain('There is no minimum');
    expect(describeRules({ minTopics: 2 }).join('\n')).toContain('at least 2 topics');
  });
});

describe('corpus/topics.yaml', () => {
  const raw = YAML.parse(readFileSync(new URL('../../corpus/topics.yaml', import.meta.url), 'utf8'));
  const topics = topicsFileSchema.parse(raw);

  it('validates, with 12 to 20 topics and unique slugs', () => {
    expect(topics.length).toBeGreaterThanOrEqual(12);
    expect(topics.length).toBeLessThanOrEqual(20);
    expect(new Set(topics.map((t) => t.slug)).size).toBe(topics.length);
  });

  it('gives every topic a label, a description and at least one term', () => {
    for (const t of topics) {
      expect(t.label.trim()).not.toBe('');
      expect(t.description.trim()).not.toBe('');
      expect(t.terms.length + t.strong.length).toBeGreaterThan(0);
    }
  });
});

describe('topic schema', () => {
  const base = { label: 'L', description: 'D', terms: ['a'] };

  it('rejects duplicate slugs in the file', () => {
    expect(
      topicsFileSchema.safeParse([
        { slug: 'a', ...base },
        { slug: 'a', ...base },
      ]).success,
    ).toBe(false);
  });

  it.each([['Nuclear'], ['two  spaces'], ['*prefix'], [' padded'], ['']])('rejects the term %j', (term) => {
    expect(topicSchema.safeParse({ slug: 'a', ...base, terms: [term] }).success).toBe(false);
  });

  it('rejects a term listed twice in one topic', () => {
    expect(topicSchema.safeParse({ slug: 'a', ...base, strong: ['a'] }).success).toBe(false);
  });

  it('defaults strong terms to none', () => {
    expect(topicSchema.parse({ slug: 'a', ...base }).strong).toEqual([]);
  });
});
