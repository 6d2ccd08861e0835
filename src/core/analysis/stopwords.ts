/**
 * Stop words (the, of, und, le …) per language, from the maintained lists of the `stopword` package (pinned in
 * package.json), mapped from an article's BCP 47 tag and normalised as the concordance normalises words (lowercase,
 * accents dropped), so 'été' in French's list matches the word the corpus counts as 'ete'. An article whose language
 * is not known is read with English's list (the corpus's commonest language); a language the package has no list
 * for has none. (Not `stopwords-iso`: its English list holds "ai", "open", "world", "order", "state", words this
 * corpus is about; docs/research-tools.md says what each list would change.)
 *   stopWordsFor('fr-CA').has('les') -> true;  stopWordsFor(null).has('the') -> true;  stopWordsFor('xx').size -> 0
 */
import * as lists from 'stopword';
import { normalizeWord } from '../concordance/words.ts';

/** BCP 47 primary language subtag -> the package's list (ISO 639-3 names; a few keyed otherwise). */
const LIST_OF: Record<string, string> = {
  af: 'afr',
  ar: 'ara',
  bn: 'ben',
  br: 'bre',
  bg: 'bul',
  ca: 'cat',
  cs: 'ces',
  da: 'dan',
  de: 'deu',
  el: 'ell',
  en: 'eng',
  eo: 'epo',
  et: 'est',
  eu: 'eus',
  fa: 'fas',
  fi: 'fin',
  fr: 'fra',
  ga: 'gle',
  gl: 'glg',
  gu: 'guj',
  ha: 'hau',
  he: 'heb',
  hi: 'hin',
  hr: 'hrv',
  hu: 'hun',
  hy: 'hye',
  id: 'ind',
  it: 'ita',
  ja: 'jpn',
  ko: 'kor',
  ku: 'kur',
  la: 'lat',
  lv: 'lav',
  lt: 'lit',
  mr: 'mar',
  ms: 'msa',
  my: 'mya',
  nl: 'nld',
  nb: 'nob',
  no: 'nob',
  pa: 'panGu',
  pl: 'pol',
  pt: 'por',
  ro: 'ron',
  ru: 'rus',
  sk: 'slk',
  sl: 'slv',
  so: 'som',
  st: 'sot',
  es: 'spa',
  sw: 'swa',
  sv: 'swe',
  tl: 'tgl',
  th: 'tha',
  tr: 'tur',
  uk: 'ukr',
  ur: 'urd',
  vi: 'vie',
  yo: 'yor',
  zh: 'zho',
  zu: 'zul',
};

const cache = new Map<string, ReadonlySet<string>>();

/** The stop words of an article's language (English's when it is not known), normalised. */
export function stopWordsFor(lang: string | null | undefined): ReadonlySet<string> {
  const primary = (lang ?? 'en').split('-')[0]!.toLowerCase();
  let set = cache.get(primary);
  if (set === undefined) {
    const name = LIST_OF[primary];
    const list = name === undefined ? [] : ((lists as unknown as Record<string, readonly string[] | undefined>)[name] ?? []);
    set = new Set(list.map(normalizeWord));
    cache.set(primary, set);
  }
  return set;
}
