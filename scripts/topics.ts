/**
 * `npm run topics`: how the topic classifier fares on labelled texts, and why it tags what it tags.
 *
 *   npm run topics -- --eval ../shared/labelled/labels.tsv   precision and recall per topic and per text, and totals
 *   npm run topics -- --eval LABELS.tsv --cv [--background DIR]   and two-fold cross-validation of the thresholds
 *                                                            (settings tagging > 1% of DIR's off-subject articles are out)
 *   npm run topics -- --explain FILE [FILE ...]              for each topic of corpus/topics.yaml, why it was or was not assigned
 *   npm run topics -- --tagged DIR                           which articles of the files in DIR get which topics (refused files skipped)
 *   --topics FILE                                            another taxonomy (default corpus/topics.yaml)
 *
 * Each text goes through the real ingest pipeline (scripts/topics/ingest-texts.ts), so the figures are what the
 * site would show. The work is in scripts/topics/ (labels.ts, eval.ts, explain.ts); this file reads and prints.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseTopics } from '../src/core/taxonomy.ts';
import { explainTopics } from './ingest/classify.ts';
import { crossValidate, formatCrossValidation } from './topics/cross-validate.ts';
import { evaluateTopics, formatEvalReport } from './topics/eval.ts';
import { formatExplanation } from './topics/explain.ts';
import { ingestTexts } from './topics/ingest-texts.ts';
import { parseLabels } from './topics/labels.ts';

const root = path.resolve(import.meta.dirname, '..');

function main(): number {
  // 1. Options and the taxonomy.
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      eval: { type: 'string' },
      cv: { type: 'boolean' },
      background: { type: 'string' },
      tagged: { type: 'string' },
      explain: { type: 'boolean' },
      topics: { type: 'string', default: path.join(root, 'corpus/topics.yaml') },
    },
  });
  const topics = parseTopics(readFileSync(values.topics, 'utf8'), path.relative(root, values.topics));
  const slugs = topics.map((topic) => topic.slug);
  const read = (file: string) => ({ file: path.basename(file), bytes: readFileSync(file) });

  // 2. --eval: ingest every labelled text beside labels.tsv, compare with the labels, print the tables.
  if (values.eval !== undefined) {
    const labels = parseLabels(readFileSync(values.eval, 'utf8'), values.eval, slugs);
    const dir = path.dirname(values.eval);
    const texts = ingestTexts(
      labels.map((label) => read(path.join(dir, label.file))),
      topics,
    );
    for (const line of formatEvalReport(evaluateTopics(texts, labels, slugs))) console.log(line);
    // --cv: two-fold cross-validation of the thresholds over the same texts.
    if (values.cv) {
      const dir = values.background;
      const background =
        dir === undefined
          ? []
          : readdirSync(dir)
              .filter((file) => file !== 'SOURCES.md')
              .flatMap((file) => ingestTexts([read(path.join(dir, file))], topics, true));
      for (const line of [
        '',
        `off-subject background: ${background.length} articles`,
        ...formatCrossValidation(
          crossValidate(
            texts,
            labels,
            topics,
            background.map((text) => text.paragraphs),
          ),
        ),
      ])
        console.log(line);
    }
    return 0;
  }

  // 3. --tagged DIR: what every article of every file in DIR gets (off-subject inputs should get nothing).
  if (values.tagged !== undefined) {
    const dir = values.tagged;
    const files = readdirSync(dir).filter((file) => file !== 'SOURCES.md');
    const texts = files.flatMap((file) => ingestTexts([read(path.join(dir, file))], topics, true));
    for (const text of texts) if (text.topics.length > 0) console.log(`${text.file}: "${text.title}": ${text.topics.join(', ')}`);
    console.log(`${texts.filter((text) => text.topics.length > 0).length} of ${texts.length} articles got a topic`);
    return 0;
  }

  // 4. --explain: each file's articles, every topic's verdict.
  if (values.explain && positionals.length > 0) {
    for (const file of positionals) {
      for (const text of ingestTexts([read(file)], topics)) {
        console.log(`${text.file}: "${text.title}": ${text.topics.length > 0 ? text.topics.join(', ') : 'no topic'}`);
        for (const line of formatExplanation(explainTopics(text.paragraphs, topics), text.paragraphs)) console.log(line);
      }
    }
    return 0;
  }
  console.error('usage: npm run topics -- --eval LABELS.tsv | --explain FILE [FILE ...]');
  return 2;
}

process.exitCode = main();
