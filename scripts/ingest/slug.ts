/**
 * Titles -> URL slugs, and corpus-wide uniqueness.
 * "A Critical Assessment of the “IAEA for AI” Model" -> "a-critical-assessment-of-the-iaea-for-ai-model"
 */

/** Longest slug, cut at a word boundary. */
export const SLUG_MAX_LENGTH = 60;

/** A kebab-case ASCII slug for a title; "article" when nothing is left. */
export function slugify(title: string): string {
  const ascii = title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’‘]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (ascii.length <= SLUG_MAX_LENGTH) return ascii || 'article';
  const cut = ascii.slice(0, SLUG_MAX_LENGTH + 1);
  const boundary = cut.lastIndexOf('-');
  return (boundary > 20 ? cut.slice(0, boundary) : cut.slice(0, SLUG_MAX_LENGTH)).replace(/-+$/g, '');
}

/** Make slugs unique in the given (deterministic) order: later duplicates get `-2`, `-3`.
 * Returns the final slugs and one message per renamed entry. */
export function uniqueSlugs(wanted: readonly { slug: string; label: string }[]): { slugs: string[]; renamed: string[] } {
  const taken = new Map<string, string>();
  const renamed: string[] = [];
  const slugs = wanted.map(({ slug, label }) => {
    let candidate = slug;
    for (let suffix = 2; taken.has(candidate); suffix++) candidate = `${slug}-${suffix}`;
    if (candidate !== slug) renamed.push(`${label}: slug "${slug}" is taken by ${taken.get(slug)}; using "${candidate}"`);
    taken.set(candidate, label);
    return candidate;
  });
  return { slugs, renamed };
}
