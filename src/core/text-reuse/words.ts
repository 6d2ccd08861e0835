/**
 * Text reuse, step 1: the words of a paragraph, each compared lowercased (NFKC, curly apostrophes straight, hyphens
 * the ASCII one) and kept with its offsets in the text as shown; letters and digits, with inner apostrophes and
 * hyphens ("US-led" is one word). Stopwords (function words) match but alone never make a passage. A run's distinct
 * words are numbered once (Lexicon), so paragraphs hold their words as small integers.
 * words('US-led, it’s') -> [{ key: 'us-led', start: 0, end: 6 }, { key: "it's", start: 8, end: 12 }]
 */

/** Function words that alone never make a passage (they match, but count only once toward a passage's score). */
const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below between both but by can ' +
    'could did do does doing down during each few for from further had has have having he her here hers herself him himself his how ' +
    'i if in into is it its itself just may me might more most much must my myself no nor not now of off on once only or other our ' +
    'ours ourselves out over same she should so some such than that the their theirs them themselves then there these they this those ' +
    'through to too under until up very was we were what when where which while who whom why will with would you your yours yourself ' +
    "yourselves it's that's there's they're we're i'm don't doesn't isn't can't won't"
  ).split(' '),
);

/** A word of a text: compared by `key`, shown as text.slice(start, end). */
export interface Word {
  key: string;
  start: number;
  end: number;
}

export const WORD = /[\p{L}\p{N}]+(?:['’\-‐‑][\p{L}\p{N}]+)*/gu;

/** A word as compared: lowercased, NFKC, curly apostrophe and Unicode hyphens as the ASCII ones (ASCII words need only the first). */
export function wordKey(word: string): string {
  return /^[\x00-\x7f]*$/.test(word) ? word.toLowerCase() : word.normalize('NFKC').toLowerCase().replaceAll('’', "'").replace(/[‐‑]/g, '-');
}

/** The words of a text with their offsets. */
export function words(text: string): Word[] {
  const found: Word[] = [];
  for (const match of text.matchAll(WORD)) found.push({ key: wordKey(match[0]), start: match.index, end: match.index + match[0].length });
  return found;
}

/**
 * The distinct words of a run, each as a small integer with its hash and whether it is content: paragraphs hold
 * their words as arrays of these, so 10,000 articles' 13 million words cost bytes, not objects.
 */
export class Lexicon {
  private ids = new Map<string, number>();
  readonly hashes: number[] = [];
  readonly content: boolean[] = [];

  id(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.hashes.length;
      this.ids.set(key, id);
      this.hashes.push(hash32(key));
      this.content.push(isContentWord(key));
    }
    return id;
  }

  /** A list of keys as ids. */
  of(keys: readonly string[]): Int32Array {
    return Int32Array.from(keys, (key) => this.id(key));
  }
}

/** Whether a word (its key) counts as content. */
function isContentWord(key: string): boolean {
  return !STOPWORDS.has(key);
}

/** 32-bit FNV-1a of a string. */
function hash32(value: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) h = Math.imul(h ^ value.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
