/**
 * An article's language as a BCP 47 tag, and where it came from: the catalog's `lang:` wins, then what the source
 * declares (RSS <language>, Atom xml:lang, JSON Feed `language`), else it is detected from the text by ELD (the
 * Efficient Language Detector, n-gram statistics for 60 languages, with its own reliability test) when the text has
 * enough letters and the detector calls its answer reliable; otherwise it stays unknown, never a guess.
 * { declared: "en-us", text } -> { lang: "en-US", origin: "source" }
 * { text: "זהו טקסט בעברית ..." (60+ letters) } -> { lang: "he", origin: "detected" }
 * { text: "Chapter one" } -> { lang: null, origin: "unknown" }
 * A pure stage applied to every draft whatever its format (make-entry.ts). Tags are canonicalized by Intl
 * ("en-us" -> "en-US", "heb" -> "he"), not by a table of our own. Detection costs about 1 ms an article
 * (measured on ../shared/realworld/; loading the detector's data about 0.5 s once).
 */
import { eld } from 'eld/medium';
import type { LanguageOrigin } from '../../src/schemas/article.ts';

/** Fewer letters than this and the detector is not asked: a title, a caption or a link says too little (ELD calls
 * "Chapter one" reliably English). */
export const MIN_LETTERS = 60;

/** An instance of our own, cleaning addresses and e-mail out of the text before it counts n-grams. */
const detector = eld.newInstance();
detector.enableTextCleanup(true);

/** What is known of one article's language before the stage. */
export interface LanguageInput {
  /** The catalog's `lang:` (already a valid tag: src/schemas/catalog.ts checks it). */
  catalog?: string | undefined;
  /** What the source declares, as written ("en-us", "he_IL"); null or absent when it declares nothing. */
  declared?: string | null | undefined;
  /** The article's plain text (title and body). */
  text: string;
}

export interface LanguageResult {
  lang: string | null;
  origin: LanguageOrigin;
  /** Why a declared language was not taken, for the curator; absent when nothing is to be said. */
  note?: string;
}

/** The language of one article. */
export function assignLanguage({ catalog, declared, text }: LanguageInput): LanguageResult {
  if (catalog !== undefined) return { lang: canonicalTag(catalog) ?? catalog, origin: 'catalog' };
  const fromSource = declared == null || declared.trim() === '' ? null : canonicalTag(declared);
  if (fromSource !== null) return { lang: fromSource, origin: 'source' };
  const detected = detectLanguage(text);
  const note =
    declared != null && declared.trim() !== ''
      ? `the source declares language "${declared.trim()}", which is not a BCP 47 tag: ${detected === null ? 'language shown as unknown' : `"${detected}" detected from the text instead`}`
      : undefined;
  return { lang: detected, origin: detected === null ? 'unknown' : 'detected', ...(note && { note }) };
}

/** A language tag in canonical BCP 47 form ("en-us" -> "en-US", "he_IL" -> "he-IL", "heb" -> "he"), or null when it is
 * not one (or names no language: "und", "mul", "zxx"). */
export function canonicalTag(value: string): string | null {
  try {
    const [tag] = Intl.getCanonicalLocales(value.trim().replace(/_/g, '-'));
    // "und" has no language subtag at all to Intl (`language` is undefined).
    const language = tag === undefined ? undefined : (new Intl.Locale(tag).language as string | undefined);
    if (language === undefined || ['und', 'mul', 'zxx', 'mis'].includes(language)) return null;
    return tag;
  } catch {
    return null;
  }
}

/** The language ELD finds in `text`, when it has enough letters and ELD calls the answer reliable; null otherwise. */
function detectLanguage(text: string): string | null {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (letters < MIN_LETTERS) return null;
  const result = detector.detect(text);
  if (result.language === '' || !result.isReliable()) return null;
  return canonicalTag(result.language);
}
