/**
 * Text reuse, step 2's fingerprints (winnowing, Schleimer et al. 2003): every run of `shingle` words is hashed; of
 * each `window` consecutive hashes the smallest is the paragraph's fingerprint, so any run of shingle + window - 1
 * words two paragraphs share gives both the same fingerprint. Runs of stopwords only are not hashed.
 * fingerprints(['a', 'shared', 'run', 'of', 'words']) -> Map { 1401276547 => 1 } (hash -> the first word of its shingle)
 */
import { REUSE_OPTIONS, type ReuseOptions } from './options.ts';
import { Lexicon } from './words.ts';

/** The winnowed fingerprints of a word list: hash -> the first word of its shingle (each hash once, first place). */
export function fingerprints(keys: readonly string[], options: Pick<ReuseOptions, 'shingle' | 'window'> = REUSE_OPTIONS): Map<number, number> {
  const lexicon = new Lexicon();
  return fingerprintIds(lexicon.of(keys), lexicon, options);
}

export function fingerprintIds(ids: Int32Array, lexicon: Lexicon, options: Pick<ReuseOptions, 'shingle' | 'window'>): Map<number, number> {
  const { shingle, window } = options;
  const hashes: number[] = [];
  for (let i = 0; i + shingle <= ids.length; i++) {
    // A run of stopwords only ("one of the") is everywhere: it is no evidence of reuse.
    let any = false;
    let h = 0x811c9dc5;
    for (let k = i; k < i + shingle; k++) {
      any ||= lexicon.content[ids[k]!]!;
      h = Math.imul(h ^ lexicon.hashes[ids[k]!]!, 0x01000193) >>> 0;
      h = (h ^ (h >>> 15)) >>> 0;
    }
    hashes.push(any ? h : -1);
  }
  const chosen = new Map<number, number>();
  const pick = (from: number, to: number): void => {
    let best = -1;
    for (let i = from; i < to; i++) if (hashes[i]! >= 0 && (best === -1 || hashes[i]! <= hashes[best]!)) best = i;
    if (best !== -1 && !chosen.has(hashes[best]!)) chosen.set(hashes[best]!, best);
  };
  if (hashes.length <= window) pick(0, hashes.length);
  else for (let i = 0; i + window <= hashes.length; i++) pick(i, i + window);
  return chosen;
}
