/**
 * Guessing the encoding of a source that is not UTF-8 and declares none (decode.ts decides what to do with the
 * guess): chardet's guesses that iconv-lite can read, whether the best one is trusted (DETECTION), a declared
 * language settling close guesses (language-hint.ts), and the wording of the error that refuses an uncertain file.
 *   detectEncoding(<four lines of Russian in windows-1251>)
 *   -> { name: "ISO-8859-8", confidence: 16, trusted: false, tooFew: false, runnerUp: "ISO-8859-7 at 5", ... } (refused)
 *   suggestEncodings(bytes, null, "pt") -> "e.g. windows-1252 or iso-8859-1, which fit Portuguese"
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { encodingKey, foreignLetters, languageEncodings, languageName } from './language-hint.ts';

/**
 * When a detected encoding is trusted: chardet's confidence (0-100) at least `min`, and at least `lead` times the
 * runner-up's, with at least `sample` bytes beyond ASCII to go on. Short single-byte texts score 40-60 with a clear
 * lead; a guess with no lead, or from a handful of bytes, is a coin toss, and publishing its result would publish
 * mojibake as the author's text.
 */
const DETECTION = { min: 40, lead: 2, sample: 16 } as const;

/** One of chardet's guesses: an encoding, its confidence (0-100) and the language it read. */
interface Candidate {
  name: string;
  confidence: number;
  lang?: string | undefined;
}

/** A guess of chardet's as iconv-lite names it: ISO-8859-1 is read as windows-1252, its superset, as browsers do. */
function readingName(name: string): string {
  return /^iso-8859-1$/i.test(name) ? 'windows-1252' : name.toLowerCase();
}

/**
 * chardet's guess that fits the declared language, when its reading holds only letters the language writes and
 * the best guess that does not fit reads letters the language never writes; else no name. `against` says which.
 */
export function settleByLanguage(
  bytes: Uint8Array,
  candidates: readonly Candidate[],
  language: string,
): { name: string | null; confidence?: number; against: string } {
  const none = { name: null, against: '' };
  const fitting = languageEncodings(language)?.map(encodingKey);
  if (fitting === undefined) return none;
  const fits = (candidate: Candidate) => fitting.includes(encodingKey(candidate.name));
  const chosen = candidates.find((candidate) => fits(candidate) && candidate.confidence > 0);
  if (chosen === undefined) return none;
  const name = readingName(chosen.name);
  if (!readsAsLanguage(bytes, name, language)) return none;
  const other = candidates.find((candidate) => !fits(candidate) && candidate.confidence > 0 && candidate.name !== 'ASCII');
  if (other === undefined) return { name, confidence: chosen.confidence, against: '' };
  const foreign = foreignLetters(iconv.decode(Buffer.from(bytes), readingName(other.name)), language) ?? [];
  if (foreign.length === 0) return none;
  const shown = foreign.slice(0, 5).join(' ');
  return { name, confidence: chosen.confidence, against: `, where ${readingName(other.name)} reads letters ${languageName(language)} never writes (${shown})` };
}

/** Whether the bytes read in that encoding as text of that language: every byte a character, every letter its own. */
function readsAsLanguage(bytes: Uint8Array, name: string, tag: string): boolean {
  if (!iconv.encodingExists(name)) return false;
  const reading = iconv.decode(Buffer.from(bytes), name);
  return !reading.includes('\ufffd') && foreignLetters(reading, tag)?.length === 0;
}

/** ": the feed declares pt-BR, but none of its encodings reads it as Portuguese" when that is so; else nothing. */
export function languageMismatch(bytes: Uint8Array, candidates: readonly Candidate[], language: string): string {
  const encodings = languageEncodings(language);
  if (encodings === null) return `; the feed declares its language as ${language}, which the ingest does not know`;
  const reads = encodings.some((name) => readsAsLanguage(bytes, name, language));
  if (!reads)
    return `; the feed declares its language as ${language}, but no encoding of ${languageName(language)} (${encodings.join(', ')}) reads it as ${languageName(language)}`;
  return candidates.length > 0 ? `; the feed declares its language as ${language}, and its letters do not tell the guesses apart` : '';
}

/** "e.g. windows-1252 or iso-8859-1, which fit Portuguese": encodings of the declared language when one of them reads
 * the text as that language, else of the first language chardet's guesses read that one of its encodings does,
 * else chardet's best guess. */
export function suggestEncodings(bytes: Uint8Array, guess: { name: string; candidates: readonly Candidate[] } | null, language: string | null): string {
  const readsAs = (tag: string) => (languageEncodings(tag) ?? []).some((name) => readsAsLanguage(bytes, name, tag));
  const languages = [language, ...(guess?.candidates ?? []).map((candidate) => candidate.lang ?? null)];
  const hint = languages.find((tag): tag is string => tag !== null && languageEncodings(tag) !== null && readsAs(tag));
  if (hint !== undefined) return `e.g. ${languageEncodings(hint)!.slice(0, 2).join(' or ')}, which fit ${languageName(hint)}`;
  return guess === null ? 'e.g. windows-1252' : `e.g. ${readingName(guess.name)}, the best guess`;
}

/** chardet's best guess that iconv-lite can decode, whether it is trusted (DETECTION), the runner-up, and every guess. */
export function detectEncoding(bytes: Uint8Array): {
  name: string;
  confidence: number;
  lang: string | null;
  trusted: boolean;
  tooFew: boolean;
  runnerUp: string | null;
  candidates: Candidate[];
} | null {
  const candidates: Candidate[] = chardet.analyse(bytes).filter((candidate) => iconv.encodingExists(candidate.name));
  const [best, second] = candidates;
  if (best === undefined) return null;
  const beyondAscii = bytes.reduce((count, byte) => count + (byte >= 0x80 ? 1 : 0), 0);
  const leads = second === undefined || best.confidence >= DETECTION.lead * second.confidence || best.confidence === 100;
  const trusted = beyondAscii >= DETECTION.sample && best.confidence >= DETECTION.min && leads;
  return {
    name: best.name,
    confidence: best.confidence,
    lang: best.lang ?? null,
    candidates,
    trusted,
    tooFew: beyondAscii < DETECTION.sample,
    runnerUp: second ? `${second.name} at ${second.confidence}` : null,
  };
}
