/**
 * The concordance index's file format, which the build writes (src/core/concordance.ts, from scripts/) and the
 * browser reads (src/client/concordance/): where it lives, one file of articles, word shards of postings, an
 * article's text in files of 16 blocks, and which shard and text file hold a word or a block. Types and two small
 * functions; no DOM, no file system.
 * textChunk(37) -> { chunk: 2, offset: 5 } (block 37 is the sixth of t/<article>-2.json)
 */

/** Bumped when a file of the index changes shape. */
export const CONCORDANCE_VERSION = 1;

/** Where the index lives in the built site. */
export const CONCORDANCE_DATA = '/concordance/data';

/** The shard a word's postings are in (FNV-1a of its UTF-16 code units). */
export function shardOf(word: string, shards: number): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < word.length; index++) {
    hash ^= word.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % shards;
}

/** An article as the index records it (`articles.json`); the index of the list is the article's number. */
export interface ConcordanceArticle {
  slug: string;
  title: string;
  /** The date as the site displays it ('2 March 2026', or 'Undated'). */
  date: string;
  /** ISO date for sorting, null when undated. */
  iso: string | null;
  /** null when the outlet is not known. */
  outlet: string | null;
  titleInferred: boolean;
  dateInferred: boolean;
  /** The article's language (BCP 47), for its lines' and title's `lang` and `dir`; absent or null when not known. */
  lang?: string | null;
  /** The labels of its topics, for the concordance's topic filter (src/core/analysis/concordance-filters.ts). */
  topics?: string[];
}

/** `articles.json`: the articles, in title order (an article's number is its rank by title), and the number of shards. */
export interface ConcordanceManifest {
  version: number;
  shards: number;
  articles: ConcordanceArticle[];
}

/**
 * A word shard (`w/<n>.json`): word -> its postings, one flat list of numbers: for each article with the
 * word, its number and how many times it has it, then for each occurrence its block, its word position in
 * the block, and the ranks (in the sorted vocabulary) of the word before and the word after it in the block
 * (-1 at the block's edge). [article, count, block, token, before, after, block, token, before, after, article, ...]
 */
export type ConcordanceShard = Record<string, number[]>;

/** A text file (`t/<article>-<chunk>.json`): TEXT_CHUNK blocks of an article (fewer in its last), each its id on the page and its text. */
export type ConcordanceText = Array<[id: string, text: string]>;

/** Blocks per text file: a line fetches a sixteenth-or-so of a long article, not all of it. */
const TEXT_CHUNK = 16;

/** The text file of block `block` of an article, and the block's place in it. */
export function textChunk(block: number): { chunk: number; offset: number } {
  return { chunk: Math.floor(block / TEXT_CHUNK), offset: block % TEXT_CHUNK };
}
