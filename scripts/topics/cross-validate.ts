/**
 * Two-fold cross-validation of the classifier's thresholds over labelled texts: the texts split in two halves
 * (alternately, in labels.tsv order), the options that do best on one half chosen from a small grid (among those
 * that leave the off-subject background texts untagged, at most 1%) and measured on the other, both ways. A setting that only does well on the half it was chosen on is tuned to the answers.
 * Pure: the texts' paragraphs (as the ingest read them), labels and taxonomy in; figures out.
 * crossValidate(texts, labels, topics) -> { folds: [{ tunedOn: [...], options: {...}, tuned: {...}, heldOut: {...} }, ...], defaults: [...] }
 */
import type { Topic } from '../../src/schemas/topic.ts';
import { DEFAULT_CLASSIFY_OPTIONS, type ClassifyOptions } from '../../src/core/topic-rules.ts';
import { classifyTopics, type ClassifiedParagraph } from '../ingest/classify.ts';
import { evaluateTopics, type EvalReport } from './eval.ts';
import type { LabelledText } from './labels.ts';

/** The thresholds tried: every combination of these values. */
const OPTION_GRID = {
  passageWindow: [0, 1, 2],
  minPassages: [1, 2, 3],
  minScoreOnePassage: [4, 5, 6, 8, Infinity],
  shortText: [0, 1],
  spreadMentions: [6, Infinity],
  minWindowTerms: [2, 3, 4],
} as const satisfies Partial<Record<keyof ClassifyOptions, readonly number[]>>;

/** What one setting gives on some texts. */
interface FoldFigures {
  recall: number;
  wrongShare: number;
  found: number;
  expected: number;
  assigned: number;
  untagged: number;
  nearMissesTagged: number;
}

export interface CrossValidation {
  folds: { tunedOn: string[]; options: Partial<ClassifyOptions>; tuned: FoldFigures; heldOut: FoldFigures; defaultsHeldOut: FoldFigures }[];
}

/** Every combination of OPTION_GRID. */
function grid(): Partial<ClassifyOptions>[] {
  let settings: Partial<ClassifyOptions>[] = [{}];
  for (const [key, values] of Object.entries(OPTION_GRID)) settings = settings.flatMap((s) => values.map((value) => ({ ...s, [key]: value })));
  return settings;
}

function figures(report: EvalReport): FoldFigures {
  const t = report.totals;
  return {
    recall: t.recall,
    wrongShare: t.wrongShare,
    found: t.found,
    expected: t.expected,
    assigned: t.assigned,
    untagged: t.untagged.length,
    nearMissesTagged: t.nearMissesTagged.length,
  };
}

/** The budget's order: no near miss tagged, clearly wrong <= 5%, then most found, fewest untagged, fewest assigned. */
function better(a: FoldFigures, b: FoldFigures): boolean {
  const ok = (f: FoldFigures) => f.nearMissesTagged === 0 && f.wrongShare <= 0.05;
  if (ok(a) !== ok(b)) return ok(a);
  if (!ok(a)) return false;
  if (a.found !== b.found) return a.found > b.found;
  if (a.untagged !== b.untagged) return a.untagged < b.untagged;
  return a.assigned < b.assigned;
}

/** Tune on each half, measure on the other. A setting that tags more than `maxBackgroundShare` of the off-subject
 * `background` articles (the real-world inputs) is out, whatever it does on the labelled texts. */
export function crossValidate(
  texts: readonly { file: string; paragraphs: readonly ClassifiedParagraph[] }[],
  labels: readonly LabelledText[],
  topics: readonly Topic[],
  background: readonly (readonly ClassifiedParagraph[])[] = [],
  maxBackgroundShare = 0.01,
): CrossValidation {
  const slugs = topics.map((topic) => topic.slug);
  const halves = [labels.filter((_, index) => index % 2 === 0), labels.filter((_, index) => index % 2 === 1)];
  const measure = (half: readonly LabelledText[], options: Partial<ClassifyOptions>) => {
    const assigned = half.map((label) => {
      const text = texts.find((t) => t.file === label.file);
      if (text === undefined) throw new Error(`no text for ${label.file}`);
      return { file: label.file, topics: classifyTopics(text.paragraphs, topics, options).topics };
    });
    return figures(evaluateTopics(assigned, half, slugs));
  };
  const settings = grid();
  const offSubject = new Map<Partial<ClassifyOptions>, boolean>();
  const offSubjectOk = (setting: Partial<ClassifyOptions>): boolean => {
    let ok = offSubject.get(setting);
    if (ok === undefined) {
      const limit = Math.floor(maxBackgroundShare * background.length);
      let tagged = 0;
      for (const paragraphs of background) if (classifyTopics(paragraphs, topics, setting).topics.length > 0 && ++tagged > limit) break;
      ok = tagged <= limit;
      offSubject.set(setting, ok);
    }
    return ok;
  };
  return {
    folds: halves.map((half, index) => {
      const other = halves[1 - index]!;
      // Every setting, the first too, must leave the background untagged; the defaults are the fallback.
      let best: Partial<ClassifyOptions> = DEFAULT_CLASSIFY_OPTIONS;
      let bestFigures: FoldFigures | undefined;
      for (const setting of settings) {
        const f = measure(half, setting);
        if ((bestFigures === undefined || better(f, bestFigures)) && offSubjectOk(setting)) [best, bestFigures] = [setting, f];
      }
      bestFigures ??= measure(half, best);
      return {
        tunedOn: half.map((label) => label.file),
        options: best,
        tuned: bestFigures,
        heldOut: measure(other, best),
        defaultsHeldOut: measure(other, DEFAULT_CLASSIFY_OPTIONS),
      };
    }),
  };
}

/** The cross-validation as lines of text. */
export function formatCrossValidation(cv: CrossValidation): string[] {
  const show = (f: FoldFigures) =>
    `recall ${f.recall.toFixed(2)} (${f.found}/${f.expected}), clearly wrong ${(100 * f.wrongShare).toFixed(1)}%, untagged ${f.untagged}, near misses tagged ${f.nearMissesTagged}`;
  return cv.folds.flatMap((fold, index) => [
    `fold ${index + 1}: tuned on ${fold.tunedOn.join(', ')}`,
    `  best options there: ${JSON.stringify(fold.options)}`,
    `  on the tuning half:      ${show(fold.tuned)}`,
    `  on the held-out half:    ${show(fold.heldOut)}`,
    `  defaults, held-out half: ${show(fold.defaultsHeldOut)}`,
  ]);
}
