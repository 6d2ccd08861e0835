/**
 * The topic classifier as a benchmark figure with a floor, not exact expectations: on the labelled real texts
 * (../shared/labelled/, labels.tsv) recall at or above RECALL_FLOOR, at most 5% of assigned topics clearly wrong,
 * every on-subject text at least one topic, no near miss tagged (the off-subject real inputs, at most 1% of
 * articles tagged, are measured in realworld.test.ts); on the project's seeds every seed shares a topic with
 * another and every topic an article carries keeps the passages that earned it. The figures are printed.
 * What ../shared holds is skipped, saying why, where it is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { evaluateTopics, formatEvalReport } from '../../scripts/topics/eval.ts';
import { ingestTexts } from '../../scripts/topics/ingest-texts.ts';
import { parseLabels } from '../../scripts/topics/labels.ts';
import { corpusTopics, ingest, root } from '../helpers/ingest-corpus.ts';

// The recall reached on the labelled set when this floor was set (0.82, 51 of 62), less a margin for taxonomy
// edits that trade a topic here for precision elsewhere; raise it with the figure, never to it.
const RECALL_FLOOR = 0.74;

const LABELLED = path.resolve(root, '../shared/labelled');
const labelled = existsSync(path.join(LABELLED, 'labels.tsv'));
if (!labelled) console.warn(`topic benchmark on labelled texts skipped: ${LABELLED} is absent (it sits beside the project on the team's machines)`);

const topics = corpusTopics();
const slugs = topics.map((topic) => topic.slug);

describe.skipIf(!labelled)('labelled real texts on AI governance (../shared/labelled/)', { timeout: 60_000 }, () => {
  const labels = labelled ? parseLabels(readFileSync(path.join(LABELLED, 'labels.tsv'), 'utf8'), 'labels.tsv', slugs) : [];
  const texts = labelled
    ? ingestTexts(
        labels.map((label) => ({ file: label.file, bytes: readFileSync(path.join(LABELLED, label.file)) })),
        topics,
      )
    : [];
  const report = labelled ? evaluateTopics(texts, labels, slugs) : undefined;

  test(`recall >= ${RECALL_FLOOR}, at most 5% of assigned topics clearly wrong`, () => {
    console.log(formatEvalReport(report!).join('\n'));
    expect(labels.length).toBeGreaterThan(0);
    expect(report!.totals.recall).toBeGreaterThanOrEqual(RECALL_FLOOR);
    expect(report!.totals.wrongShare).toBeLessThanOrEqual(0.05);
  });

  test('every on-subject text gets at least one topic, and no near miss gets any', () => {
    expect(report!.totals.untagged).toEqual([]);
    expect(report!.totals.nearMissesTagged).toEqual([]);
  });

  test('every topic a labelled text carries keeps passages that earned it', () => {
    for (const text of texts) {
      for (const topic of text.topics)
        expect(
          text.passages.some((passage) => passage.topics.includes(topic)),
          `${text.file}: ${topic}`,
        ).toBe(true);
    }
  });
});

describe("the project's seeds (corpus/sources with its catalog)", () => {
  const entries = ingest().entries;

  test('every seed shares a topic with another seed', () => {
    const bySource = new Map<string, Set<string>>();
    for (const entry of entries) {
      const file = entry.label.replace(/ item \d+$/, '');
      const set = bySource.get(file) ?? new Set<string>();
      for (const topic of entry.article.topics) set.add(topic);
      bySource.set(file, set);
    }
    expect(bySource.size).toBeGreaterThan(1);
    for (const [file, own] of bySource) {
      const others = [...bySource].filter(([other]) => other !== file).flatMap(([, set]) => [...set]);
      expect(
        [...own].some((topic) => others.includes(topic)),
        `${file} (${[...own].join(', ') || 'no topic'})`,
      ).toBe(true);
    }
  });

  test('every topic an article carries has passages quoting it (topic pages quote them)', () => {
    for (const { article } of entries) {
      for (const topic of article.topics)
        expect(
          article.passages.some((passage) => passage.topics.includes(topic)),
          `${article.slug}: ${topic}`,
        ).toBe(true);
    }
  });
});
