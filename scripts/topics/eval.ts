/**
 * How the classifier's topics compare with a reader's labels (labels.ts): per topic and per text, the topics
 * found (true positives), missed, assigned against the labels (expected by nobody) and clearly wrong (in the
 * wrong column); totals as precision and recall over the expected topics, the share of assigned topics that
 * are clearly wrong, on-subject texts left with no topic and near misses tagged. Pure.
 * evaluateTopics([{ file: 'a.md', topics: ['x'] }], [{ file: 'a.md', expected: ['x', 'y'], wrong: [], ... }])
 *   -> { totals: { expected: 2, found: 1, recall: 0.5, ... }, texts: [...], topics: [...] }
 */
import type { LabelledText } from './labels.ts';

/** Counts for one topic or one text. */
interface Counts {
  /** Expected by the reader. */
  expected: number;
  /** Assigned and expected. */
  found: number;
  /** Assigned in all. */
  assigned: number;
  /** Assigned and in the reader's "clearly wrong" column. */
  wrong: number;
}

interface TextResult extends Counts {
  file: string;
  nearMiss: boolean;
  missed: string[];
  wrongTopics: string[];
  /** Assigned, neither expected nor clearly wrong (mentioned, not discussed at length: counted neither way). */
  neutral: string[];
}

export interface EvalReport {
  texts: TextResult[];
  topics: (Counts & { slug: string })[];
  totals: Counts & {
    recall: number;
    precision: number;
    /** Share of assigned topics (on on-subject texts and near misses alike) that the reader marked clearly wrong. */
    wrongShare: number;
    /** On-subject texts (not near misses) that got no topic. */
    untagged: string[];
    /** Near misses that got a topic. */
    nearMissesTagged: string[];
  };
}

/** Compare each labelled text's assigned topics (`assigned`, by file) with its labels. */
export function evaluateTopics(
  assigned: readonly { file: string; topics: readonly string[] }[],
  labels: readonly LabelledText[],
  slugs: readonly string[],
): EvalReport {
  const byFile = new Map(assigned.map((a) => [a.file, a.topics]));
  const texts = labels.map((label): TextResult => {
    const topics = byFile.get(label.file);
    if (topics === undefined) throw new Error(`no classification for labelled text ${label.file}`);
    const found = topics.filter((t) => label.expected.includes(t));
    const wrongTopics = topics.filter((t) => label.wrong.includes(t));
    return {
      file: label.file,
      nearMiss: label.nearMiss,
      expected: label.expected.length,
      found: found.length,
      assigned: topics.length,
      wrong: wrongTopics.length,
      missed: label.expected.filter((t) => !topics.includes(t)),
      wrongTopics,
      neutral: topics.filter((t) => !label.expected.includes(t) && !label.wrong.includes(t)),
    };
  });
  const topics = slugs.map((slug) => {
    const counts: Counts & { slug: string } = { slug, expected: 0, found: 0, assigned: 0, wrong: 0 };
    for (const label of labels) {
      const got = byFile.get(label.file)!.includes(slug);
      if (label.expected.includes(slug)) counts.expected++;
      if (got) counts.assigned++;
      if (got && label.expected.includes(slug)) counts.found++;
      if (got && label.wrong.includes(slug)) counts.wrong++;
    }
    return counts;
  });
  const sum = (key: keyof Counts) => texts.reduce((total, t) => total + t[key], 0);
  const totals = { expected: sum('expected'), found: sum('found'), assigned: sum('assigned'), wrong: sum('wrong') };
  return {
    texts,
    topics,
    totals: {
      ...totals,
      recall: ratio(totals.found, totals.expected),
      precision: ratio(totals.found, totals.assigned),
      wrongShare: ratio(totals.wrong, totals.assigned, 0),
      untagged: texts.filter((t) => !t.nearMiss && t.assigned === 0).map((t) => t.file),
      nearMissesTagged: texts.filter((t) => t.nearMiss && t.assigned > 0).map((t) => t.file),
    },
  };
}

function ratio(part: number, whole: number, empty = 1): number {
  return whole === 0 ? empty : part / whole;
}

/** The report as lines of text: a table per topic, one per text, then the totals. */
export function formatEvalReport(report: EvalReport): string[] {
  const figure = (part: number, whole: number) => (whole === 0 ? '   -' : (part / whole).toFixed(2));
  const pad = (text: string, width: number) => text.padEnd(width);
  const width = Math.max(...report.topics.map((t) => t.slug.length), ...report.texts.map((t) => t.file.length), 5);
  const lines = [`${pad('topic', width)}  expected  found  assigned  wrong  precision  recall`];
  for (const t of report.topics) {
    lines.push(
      `${pad(t.slug, width)}  ${String(t.expected).padStart(8)}  ${String(t.found).padStart(5)}  ${String(t.assigned).padStart(8)}  ${String(t.wrong).padStart(5)}  ${figure(t.found, t.assigned).padStart(9)}  ${figure(t.found, t.expected).padStart(6)}`,
    );
  }
  lines.push('', `${pad('text', width)}  expected  found  assigned  wrong  recall  missed / clearly wrong`);
  for (const t of report.texts) {
    const notes = [
      t.nearMiss ? 'near miss' : '',
      t.missed.length ? `missed: ${t.missed.join(', ')}` : '',
      t.wrongTopics.length ? `WRONG: ${t.wrongTopics.join(', ')}` : '',
    ]
      .filter(Boolean)
      .join('; ');
    lines.push(
      `${pad(t.file, width)}  ${String(t.expected).padStart(8)}  ${String(t.found).padStart(5)}  ${String(t.assigned).padStart(8)}  ${String(t.wrong).padStart(5)}  ${figure(t.found, t.expected).padStart(6)}  ${notes}`,
    );
  }
  const s = report.totals;
  lines.push(
    '',
    `recall ${s.recall.toFixed(2)} (${s.found} of ${s.expected} expected topics)`,
    `precision ${s.precision.toFixed(2)} (${s.found} of ${s.assigned} assigned topics expected; the rest neutral or wrong)`,
    `clearly wrong ${(100 * s.wrongShare).toFixed(1)}% (${s.wrong} of ${s.assigned} assigned topics)`,
    `on-subject texts with no topic: ${s.untagged.length}${s.untagged.length ? ` (${s.untagged.join(', ')})` : ''}`,
    `near misses tagged: ${s.nearMissesTagged.length}${s.nearMissesTagged.length ? ` (${s.nearMissesTagged.join(', ')})` : ''}`,
  );
  return lines;
}
