/** Reader-facing names of the residue rules (scripts/ingest/residue-rules.ts). */
const LABELS: Record<string, string> = {
  'related-links': 'related-links list from the source site',
  'cross-promotion': 'promotion of other coverage',
  'reader-prompt': 'prompt from the source site',
  'newsletter-prompt': 'newsletter prompt from the source site',
};

/** The label shown before a residue span. */
export function residueRuleLabel(rule: string): string {
  return LABELS[rule] ?? 'scraper residue';
}
