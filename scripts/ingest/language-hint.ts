/**
 * A feed's declared language as a hint for its undeclared encoding. The language names the legacy encodings its
 * texts were written in (the HTML Standard's default encoding for each locale, and its family), and CLDR's exemplar
 * characters name the letters it writes: a reading in which every letter beyond ASCII is one of the language's is a
 * reading of that language; one with letters the language never writes ("ă" and "ő" where Portuguese has "ã" and
 * "õ"), or a word mixing scripts ("Sгo"), is not.
 * declaredLanguage('<rss><channel><language>pt-BR</language>…') -> "pt-BR"
 * languageEncodings("pt-BR") -> ["windows-1252", "iso-8859-1", "iso-8859-15"]
 * foreignLetters("A regulação não é simples", "pt") -> []; foreignLetters("A regulaăo nőo", "pt") -> ["ă", "ő"]
 * Hand-written around CLDR's data (cldr-misc-full), which has the letters but not the legacy encodings: no library
 * maps a language to the code pages its texts were saved in, and the HTML Standard's table is a dozen lines.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
/** Where CLDR's locale data is: one `main/<language>/characters.json` per language. */
const CLDR = dirname(require.resolve('cldr-misc-full/package.json'));

/**
 * Legacy encodings of each language, most likely first: the HTML Standard's default encoding for the locale
 * (§ 13.2.3.3, "the user's locale"), then the other encodings of that script in use. Every other language of the
 * Latin script is Western European: windows-1252 (its superset of ISO-8859-1, as browsers read it).
 */
const ENCODINGS: Record<string, readonly string[]> = {
  ar: ['windows-1256', 'iso-8859-6'],
  fa: ['windows-1256', 'iso-8859-6'],
  ur: ['windows-1256', 'iso-8859-6'],
  be: ['windows-1251', 'koi8-r', 'iso-8859-5'],
  bg: ['windows-1251', 'iso-8859-5', 'koi8-r'],
  kk: ['windows-1251'],
  ky: ['windows-1251'],
  mk: ['windows-1251', 'iso-8859-5'],
  ru: ['windows-1251', 'koi8-r', 'iso-8859-5', 'ibm866'],
  sr: ['windows-1251', 'iso-8859-5'],
  tg: ['windows-1251'],
  tt: ['windows-1251'],
  uk: ['windows-1251', 'koi8-u', 'iso-8859-5'],
  cs: ['windows-1250', 'iso-8859-2'],
  hr: ['windows-1250', 'iso-8859-2'],
  hu: ['iso-8859-2', 'windows-1250'],
  pl: ['iso-8859-2', 'windows-1250'],
  ro: ['iso-8859-2', 'windows-1250', 'iso-8859-16'],
  sk: ['windows-1250', 'iso-8859-2'],
  sl: ['iso-8859-2', 'windows-1250'],
  el: ['iso-8859-7', 'windows-1253'],
  et: ['windows-1257', 'iso-8859-13', 'iso-8859-4'],
  lt: ['windows-1257', 'iso-8859-13', 'iso-8859-4'],
  lv: ['windows-1257', 'iso-8859-13', 'iso-8859-4'],
  he: ['windows-1255', 'iso-8859-8'],
  ja: ['shift_jis', 'euc-jp', 'iso-2022-jp'],
  ko: ['euc-kr'],
  ku: ['windows-1254', 'iso-8859-9'],
  tr: ['windows-1254', 'iso-8859-9'],
  th: ['windows-874', 'tis-620'],
  vi: ['windows-1258'],
  zh: ['gb18030', 'gbk', 'big5'],
  'zh-tw': ['big5'],
  'zh-hk': ['big5'],
};
const WESTERN = ['windows-1252', 'iso-8859-1', 'iso-8859-15'] as const;

/** Encodings that read the same letters: chardet says ISO-8859-1 where browsers read windows-1252. */
const SAME_AS: Record<string, string> = { 'iso-8859-1': 'windows-1252', 'iso-8859-9': 'windows-1254', 'tis-620': 'windows-874', gbk: 'gb18030' };

/** An encoding name in one spelling for comparisons: "ISO-8859-1" -> "windows-1252". */
export function encodingKey(name: string): string {
  const lower = name.toLowerCase();
  return SAME_AS[lower] ?? lower;
}

/** The language a feed declares (RSS `<language>` or `<dc:language>`, else the first `xml:lang`), as written; null when none. */
export function declaredLanguage(head: string): string | null {
  const tag = /<(?:dc:)?language>\s*([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*)\s*<\/(?:dc:)?language>/.exec(head)?.[1];
  return tag ?? /\sxml:lang\s*=\s*["']([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*)["']/.exec(head)?.[1] ?? null;
}

/** The primary language subtag, lower case: "pt-BR" -> "pt". */
function primary(tag: string): string {
  return tag.toLowerCase().split(/[-_]/)[0]!;
}

/** The legacy encodings a language's texts were saved in, most likely first; null for a language CLDR does not know. */
export function languageEncodings(tag: string): readonly string[] | null {
  const lower = tag.toLowerCase().replace('_', '-');
  const encodings = ENCODINGS[lower] ?? ENCODINGS[primary(lower)];
  if (encodings !== undefined) return encodings;
  const letters = lettersOf(primary(lower));
  if (letters === null) return null;
  // A language not listed is Western European when CLDR's letters for it are Latin ones.
  return [...letters].every((letter) => /\p{Script=Latin}/u.test(letter)) ? WESTERN : null;
}

const letterCache = new Map<string, Set<string> | null>();

/** The letters (both cases) a language writes, main and auxiliary, from CLDR's exemplar characters; null when CLDR has none. */
function lettersOf(language: string): Set<string> | null {
  if (!/^[a-z]{2,3}$/.test(language)) return null;
  if (letterCache.has(language)) return letterCache.get(language)!;
  const letters = readCldrLetters(language);
  letterCache.set(language, letters);
  return letters;
}

/** CLDR's exemplar letters of a language, main and auxiliary, in both cases; null when CLDR has no file for it. */
function readCldrLetters(language: string): Set<string> | null {
  let data: { main: Record<string, { characters: { exemplarCharacters: string; auxiliary?: string } }> };
  try {
    data = require(join(CLDR, 'main', language, 'characters.json')) as typeof data;
  } catch {
    return null;
  }
  const { exemplarCharacters, auxiliary = '' } = Object.values(data.main)[0]!.characters;
  const letters = new Set<string>();
  for (const letter of unicodeSetLetters(`${exemplarCharacters} ${auxiliary}`)) {
    letters.add(letter);
    letters.add(letter.toUpperCase());
    letters.add(letter.toLowerCase());
  }
  return letters;
}

/** The single letters of a CLDR exemplar set, "[aáàâã b cç {ch} d-f]" -> a á à â ã b c ç d e f (sequences in braces left out). */
function unicodeSetLetters(set: string): string[] {
  const body = set.replace(/\{[^}]*\}/g, ' ').replace(/\\(.)/gu, '$1');
  const letters: string[] = [];
  const chars = [...body.normalize('NFC')];
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!;
    if (chars[i + 1] === '-' && chars[i + 2] !== undefined && /\p{L}/u.test(char) && /\p{L}/u.test(chars[i + 2]!)) {
      for (let code = char.codePointAt(0)!; code <= chars[i + 2]!.codePointAt(0)!; code++) letters.push(String.fromCodePoint(code));
      i += 2;
    } else if (/\p{L}/u.test(char)) letters.push(char);
  }
  return letters;
}

/**
 * The letters beyond ASCII in `text` that the language never writes, and those of words mixing two scripts, each
 * once; empty when every one is the language's. Null for a language CLDR does not know.
 */
export function foreignLetters(text: string, tag: string): string[] | null {
  const language = primary(tag);
  const letters = lettersOf(language);
  if (letters === null) return null;
  const foreign = new Set<string>();
  for (const [word] of text.normalize('NFC').matchAll(/\p{L}+/gu)) {
    const scripts = new Set([...word].map(scriptOf));
    for (const letter of word) {
      if (letter.charCodeAt(0) < 0x80) continue;
      if (!letters.has(letter) || scripts.size > 1) foreign.add(letter);
    }
  }
  return [...foreign];
}

const SCRIPTS = ['Latin', 'Cyrillic', 'Greek', 'Hebrew', 'Arabic', 'Thai', 'Han', 'Hiragana', 'Katakana', 'Hangul', 'Armenian', 'Georgian'] as const;
const SCRIPT_PATTERNS = SCRIPTS.map((script) => [script, new RegExp(`\\p{Script=${script}}`, 'u')] as const);

function scriptOf(letter: string): string {
  return SCRIPT_PATTERNS.find(([, pattern]) => pattern.test(letter))?.[0] ?? 'other';
}

/** A language's name in English ("pt-BR" -> "Portuguese"), for messages; the tag itself when Intl does not know it. */
export function languageName(tag: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(primary(tag)) ?? tag;
  } catch {
    return tag;
  }
}
