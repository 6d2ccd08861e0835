/**
 * Why each topic of the taxonomy was or was not given to one article, in words: for every topic its verdict
 * (scripts/ingest/classify.ts explainTopics), the terms that matched in which paragraphs, which paragraphs
 * are passages, and the rule that stopped it. Pure: verdicts and paragraphs in, lines out.
 * formatExplanation([{ slug: 'x', assigned: false, stoppedBy: 'passages', passageCount: 1, ... }], paragraphs)
 *   -> ['- x: not assigned: 1 passage(s), 2 needed', '    ¶3 [passage] strong "iaea"  "The IAEA…"']
 */
import type { TopicVerdict } from '../ingest/classify.ts';
import { DEFAULT_CLASSIFY_OPTIONS, type ClassifyOptions } from '../../src/core/topic-rules.ts';

/** The verdicts as lines: assigned topics first, then the others, each with its paragraphs. */
export function formatExplanation(
  verdicts: readonly TopicVerdict[],
  paragraphs: readonly { text: string }[],
  options: Partial<ClassifyOptions> = {},
): string[] {
  const o = { ...DEFAULT_CLASSIFY_OPTIONS, ...options };
  // Rule 5's spread: the paragraphs that mention the topic and their distinct terms, against what it needs.
  const mentions = (v: TopicVerdict): string => {
    const terms = new Set(v.paragraphs.flatMap((p) => p.terms.map((t) => t.term)));
    return `mentioned in ${v.paragraphs.length} paragraph(s) with ${terms.size} distinct term(s) (${o.spreadMentions} and 1 in ${Math.round(1 / o.spreadShare)}, with ${o.spreadTerms}, give it)`;
  };
  const reason = (v: TopicVerdict): string => {
    switch (v.stoppedBy) {
      case null:
        return v.passageCount > 0
          ? `ASSIGNED (score ${v.score}, ${v.passageCount} passages, terms: ${v.evidenceTerms.join(', ')})`
          : `ASSIGNED (score ${v.score}, no passage; ${mentions(v)})`;
      case 'no match':
        return 'not assigned: no term of the topic occurs';
      case 'passages':
        return `not assigned: ${v.passageCount} passage(s), ${o.minPassages} needed (or 1 and a score of ${o.minScoreOnePassage}; score ${v.score}); ${mentions(v)}`;
      case 'terms':
        return `not assigned: its passages hold ${v.evidenceTerms.length} distinct term(s), ${o.minArticleTerms} needed`;
      case 'weighty term':
        return `not assigned: no strong term or phrase among its passages' terms (${v.evidenceTerms.join(', ')})`;
    }
  };
  const ordered = [...verdicts.filter((v) => v.assigned), ...verdicts.filter((v) => !v.assigned)];
  const lines: string[] = [];
  for (const v of ordered) {
    lines.push(`- ${v.slug}: ${reason(v)}`);
    for (const p of v.paragraphs) {
      const terms =
        p.terms.map((t) => (t.strong ? `strong "${t.term}"` : `"${t.term}"`)).join(', ') +
        (p.headingTerms.length > 0 ? ` (under a heading with ${p.headingTerms.map((t) => `"${t}"`).join(', ')})` : '');
      const text = (paragraphs[p.index]?.text ?? '').replace(/\s+/g, ' ');
      lines.push(`    ¶${p.index + 1} ${p.isPassage ? '[passage]' : '         '} ${terms}  "${text.length > 90 ? `${text.slice(0, 90)}…` : text}"`);
    }
  }
  return lines;
}
