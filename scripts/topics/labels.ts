/**
 * A labelled set's `labels.tsv` (../shared/labelled/): one text per row, the topics a careful reader tagged it
 * with, the topics that would clearly be wrong, and the reader's reason. A text with no expected topic, or whose
 * reason starts "NEAR-MISS", is a near miss: about AI but not about its governance, so it should get no topic.
 * Hand-written: a tab-separated file with a header row and comma lists in two columns is a split, not a parser.
 * "# file\texpected_topics\twrong_topics\tjustification\na.md\tx,y\tz\tWhy." -> [{ file: 'a.md', expected: ['x','y'], wrong: ['z'], nearMiss: false, ... }]
 */

/** One labelled text. */
export interface LabelledText {
  file: string;
  expected: string[];
  wrong: string[];
  justification: string;
  nearMiss: boolean;
}

/** Parse labels.tsv; `name` names it in errors; every topic must be one of `slugs`. */
export function parseLabels(tsv: string, name: string, slugs: readonly string[]): LabelledText[] {
  const list = (cell: string | undefined): string[] =>
    (cell ?? '')
      .split(',')
      .map((slug) => slug.trim())
      .filter((slug) => slug !== '');
  const rows: LabelledText[] = [];
  tsv.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '' || line.startsWith('#')) return;
    const [file, expected, wrong, justification = ''] = line.split('\t');
    if (file === undefined || expected === undefined || wrong === undefined) throw new Error(`${name}:${index + 1}: expected 4 tab-separated columns`);
    const row = { file: file.trim(), expected: list(expected), wrong: list(wrong), justification: justification.trim() };
    for (const slug of [...row.expected, ...row.wrong]) {
      if (!slugs.includes(slug)) throw new Error(`${name}:${index + 1}: topic "${slug}" is not in corpus/topics.yaml`);
    }
    rows.push({ ...row, nearMiss: row.expected.length === 0 || /^NEAR-MISS\b/.test(row.justification) });
  });
  return rows;
}
