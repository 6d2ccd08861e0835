/**
 * Titles and outlet names -> URL slugs, and uniqueness across the corpus. Other scripts are transliterated
 * first (the `transliteration` package: Cyrillic, Greek, CJK, German ß...), so every title gives a readable slug.
 * "A Critical Assessment of the “IAEA for AI” Model" -> "a-critical-assessment-of-the-iaea-for-ai-model"
 * "Новости ИИ" -> "novosti-ii"; "Straße" -> "strasse"
 */
import { transliterate } from 'transliteration';

/** Longest slug, cut at a word boundary. */
const SLUG_MAX_LENGTH = 60;

/** Kebab-case ASCII: transliterated, accents and apostrophes dropped, any other run of non-alphanumerics one hyphen. */
function kebab(text: string): string {
  return transliterate(
    text
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .replace(/['’‘]/g, ''),
  )
    .toLowerCase()
    .replace(/'/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A kebab-case ASCII slug for a title; "article" when nothing is left. */
export function slugify(title: string): string {
  const ascii = kebab(title);
  if (ascii.length <= SLUG_MAX_LENGTH) return ascii || 'article';
  const cut = ascii.slice(0, SLUG_MAX_LENGTH + 1);
  const boundary = cut.lastIndexOf('-');
  return (boundary > 20 ? cut.slice(0, boundary) : cut.slice(0, SLUG_MAX_LENGTH)).replace(/-+$/g, '');
}

/** Path segments under `/sources/` that are not outlets: the raw source files live at `/sources/raw/`, the list's later pages at `/sources/page/<n>/`. */
const RESERVED_SOURCE_SLUGS: ReadonlySet<string> = new Set(['raw', 'page']);

/** The `/sources/<slug>/` segment of the articles whose outlet is not known. */
export const UNKNOWN_SOURCE_SLUG = 'unknown-outlet';

/** A slug for an outlet name ("Yathārth" -> "yatharth"); never a reserved segment ("Raw" -> "raw-outlet"). */
export function slugifyName(name: string): string {
  const slug = kebab(name);
  if (RESERVED_SOURCE_SLUGS.has(slug)) return `${slug}-outlet`;
  return slug === '' || slug === UNKNOWN_SOURCE_SLUG ? 'outlet' : slug;
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
