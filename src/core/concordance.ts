/**
 * The concordance (keyword in context) index, as the build makes it: from each article's blocks (paragraphs,
 * headings, notes) the files of src/core/concordance/format.ts (articles, word shards of postings, texts in files of
 * 16 blocks); the words as src/core/concordance/words.ts counts them. scripts/concordance-index.ts writes them under
 * CONCORDANCE_DATA; the browser reads them with src/core/concordance/lookup.ts. Pure: no file system.
 * buildConcordance([{ slug: 'a', title: 'A', …, blocks: [{ id: 'p-1', text: 'World order.' }] }])
 *   -> { manifest: { version: 1, shards: 1, articles: [{ slug: 'a', … }] }, shard: (0) => { order: [0, 1, 0, 1, 1, -1], world: [0, 1, 0, 0, -1, 0] }, texts: [[[['p-1', 'World order.']]]] }
 */
import {
  CONCORDANCE_VERSION,
  shardOf,
  textChunk,
  type ConcordanceArticle,
  type ConcordanceManifest,
  type ConcordanceShard,
  type ConcordanceText,
} from './concordance/format.ts';
import { normalizeWord, wordSpans } from './concordance/words.ts';

/** Where the build writes the index (the format's own constant, named here too for the build's one import). */
export { CONCORDANCE_DATA } from './concordance/format.ts';

/** One block of an article's indexed text: a paragraph, heading or note with its id on the page. */
export interface SourceBlock {
  id: string;
  text: string;
}

/** What the build gives for each article. */
export interface SourceArticle extends ConcordanceArticle {
  blocks: SourceBlock[];
}

/** The files of the index: `articles.json`, `w/<shard>.json`, and for each article its text files (`t/<article>-<chunk>.json`). */
export interface ConcordanceFiles {
  manifest: ConcordanceManifest;
  /** Word shard `index` (0 to `manifest.shards` - 1), made when asked for: all of them at once would hold every posting twice. */
  shard(index: number): ConcordanceShard;
  texts: ConcordanceText[][];
  /** Each article's number of words (in `articles.json` order), as the index counts them: what trends divide by. */
  words: number[];
  /** Each article's topics, in the same order. */
  topics: Array<readonly string[]>;
}

/** Raw bytes of postings aimed at per shard, estimated at 4 characters a number (shards come out smaller: about 25 KB, 7 KB gzipped, at 1,000 articles). */
const SHARD_TARGET = 48 * 1024;

const titleOrder = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/**
 * Build the whole index from the articles' blocks. Each distinct word is held once, by a number of its own, each
 * block's words as those numbers, and every word's postings in one typed array sized beforehand (a token object per
 * word and a list per posting took about 2.5 GB for 10,000 articles). Shards are made one at a time when asked for.
 */
export function buildConcordance(input: readonly SourceArticle[]): ConcordanceFiles {
  const sorted = [...input].sort((a, b) => titleOrder.compare(a.title, b.title) || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  const ids = new Map<string, number>();
  const vocabulary: string[] = [];
  const blockWords = sorted.map((article) =>
    article.blocks.map((block) => {
      const words: number[] = [];
      for (const [start, end] of wordSpans(block.text)) {
        const norm = normalizeWord(block.text.slice(start, end));
        let id = ids.get(norm);
        if (id === undefined) {
          id = vocabulary.push(norm) - 1;
          ids.set(norm, id);
        }
        words.push(id);
      }
      return Int32Array.from(words);
    }),
  );
  ids.clear();
  // The words in code unit order (as Array.prototype.sort orders strings); a word's rank is its place there.
  const order = vocabulary.map((_, id) => id).sort((a, b) => (vocabulary[a]! < vocabulary[b]! ? -1 : 1));
  const rank = new Int32Array(vocabulary.length);
  order.forEach((id, place) => (rank[id] = place));

  // A word's postings: for each article with it, 2 numbers, and 4 for each occurrence.
  const lastArticle = new Int32Array(vocabulary.length).fill(-1);
  const start = new Int32Array(vocabulary.length + 1);
  blockWords.forEach((blocks, article) => {
    for (const words of blocks)
      for (const id of words) {
        if (lastArticle[id] !== article) {
          lastArticle[id] = article;
          start[id + 1]! += 2;
        }
        start[id + 1]! += 4;
      }
  });
  for (let id = 0; id < vocabulary.length; id++) start[id + 1]! += start[id]!;
  const postings = new Int32Array(start[vocabulary.length]!);
  const next = start.slice(0, vocabulary.length);
  const inArticle = new Int32Array(vocabulary.length);
  lastArticle.fill(-1);
  blockWords.forEach((blocks, article) => {
    const seen: number[] = [];
    for (const words of blocks)
      for (const id of words) {
        if (lastArticle[id] !== article) {
          lastArticle[id] = article;
          inArticle[id] = 0;
          seen.push(id);
        }
        inArticle[id]!++;
      }
    for (const id of seen) {
      postings[next[id]!++] = article;
      postings[next[id]!++] = inArticle[id]!;
    }
    blocks.forEach((words, block) => {
      for (let position = 0; position < words.length; position++) {
        const id = words[position]!;
        postings[next[id]!++] = block;
        postings[next[id]!++] = position;
        postings[next[id]!++] = position > 0 ? rank[words[position - 1]!]! : -1;
        postings[next[id]!++] = position + 1 < words.length ? rank[words[position + 1]!]! : -1;
      }
    });
  });

  // About 4 characters a number, with its comma.
  let bytes = 0;
  vocabulary.forEach((word, id) => (bytes += word.length + 4 + (start[id + 1]! - start[id]!) * 4));
  const count = Math.max(1, Math.ceil(bytes / SHARD_TARGET));
  const inShard: number[][] = Array.from({ length: count }, () => []);
  for (const id of order) inShard[shardOf(vocabulary[id]!, count)]!.push(id);
  return {
    manifest: { version: CONCORDANCE_VERSION, shards: count, articles: sorted.map(({ blocks: _blocks, ...article }) => article) },
    shard: (index) => Object.fromEntries(inShard[index]!.map((id) => [vocabulary[id]!, Array.from(postings.subarray(start[id]!, start[id + 1]!))])),
    texts: sorted.map((article) => {
      const chunks: ConcordanceText[] = [];
      article.blocks.forEach((block, index) => (chunks[textChunk(index).chunk] ??= []).push([block.id, block.text]));
      return chunks;
    }),
    words: blockWords.map((blocks) => blocks.reduce((sum, words) => sum + words.length, 0)),
    topics: sorted.map((article) => article.topics ?? []),
  };
}
