/**
 * The ingest against the world: every real feed and text in ../shared/realworld/ (copied byte for byte from public
 * repositories; origins and licences in its SOURCES.md, never copied into this project), each ingested on its own,
 * with the outcome a curator would expect written here: accepted or refused (and why), how many articles, how many
 * items left out, the first article's title and byline, the warnings that must be said. Then, over all of them,
 * the classifier's precision on texts that are not about the debate. Skipped, saying why, where the folder is absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { textDirection } from '../../src/core/text-direction.ts';
import { ingestSources, type IngestResult } from '../../scripts/ingest/pipeline.ts';
import { corpusTopics, root } from '../helpers/ingest-corpus.ts';

const REALWORLD = path.resolve(root, '../shared/realworld');
const present = existsSync(path.join(REALWORLD, 'SOURCES.md'));
if (!present) console.warn(`realworld tests skipped: ${REALWORLD} is absent (it sits beside the project in CI and on the team's machines)`);

/** What a curator should see for one input. */
interface Outcome {
  /** A refusal: the error message must match. */
  refused?: RegExp;
  articles?: number;
  leftOut?: number;
  title?: string;
  author?: string | null;
  /** The first article's address. */
  url?: string | null;
  format?: string;
  /** Warnings that must be among the run's (each matched by one). */
  warnings?: RegExp[];
}

const EXPECTED: Record<string, Outcome> = {
  // The centred title under the RFC's two columns of front matter.
  'allergy_rfc2616.txt': { articles: 1, format: 'text', title: 'Hypertext Transfer Protocol -- HTTP/1.1' },
  // Persian Hugo feed: items 3 and 4 are byte for byte the same item (same guid); the repeat is left out.
  'aminrb_fa_hugo_rss.xml': { articles: 12, leftOut: 1, format: 'rss', title: 'آسیب‌پذیری IDOR', author: null },
  'charsetnormalizer_ar_windows1256.txt': { articles: 1, format: 'text', warnings: [/detected windows-1256/, /ends mid-sentence: marked truncated/] },
  'atoma_jsonfeed_org_v1.json': { articles: 1, format: 'json', title: 'Announcing JSON Feed' },
  'efgyt_youtube_playlist_empty_desc.xml': { articles: 14, leftOut: 1, warnings: [/item 1: left out: .*no <content>, <summary> or media:description/] },
  'fastfeedparser_aivarsk_undefined_entity.xml': { refused: /:1176:13: malformed XML: undefined entity "&colon;"/ },
  // Three guids appear four times each: the first copy of each is kept, 9 repeats are left out.
  'fastfeedparser_almonitor_dup_guid.xml': {
    articles: 11,
    leftOut: 9,
    warnings: [/left out: the same item \(guid ".+"\) as .* of the same feed, which is kept/],
  },
  'fastfeedparser_bravelyshe_wp_appeared_first.xml': { articles: 10 },
  'fastfeedparser_davidbau_rss10_iso88591.xml': { articles: 15, format: 'rdf', warnings: [/declares encoding="iso-8859-1" but is valid UTF-8/] },
  'fastfeedparser_dontcodetired_utf8_bom.xml': { articles: 3 },
  'fastfeedparser_jatan_related_lines.xml': { articles: 15 },
  'fastfeedparser_kottke_feed_xml_base.xml': { articles: 60, format: 'atom' },
  'fastfeedparser_learnetto_strong_br.xml': { articles: 30, leftOut: 0 },
  'fastfeedparser_lysxia_code_backticks.xml': { articles: 10, leftOut: 0 },
  'fastfeedparser_makeartwithpython_relative_links.xml': {
    articles: 10,
    warnings: [/link "\/blog\/.+" is relative and nothing in the feed resolves it \(no xml:base; the feed's alternate link "\/blog\/" is not absolute/],
  },
  'fastfeedparser_oscard0m_bare_ampersand.xml': { refused: /:45:48: malformed XML: a bare "&" must be written "&amp;"/ },
  'fastfeedparser_otherwise_table_br.xml': { articles: 10, leftOut: 0 },
  'fastfeedparser_postgis_leading_newline.xml': { articles: 10, warnings: [/1 blank line before the XML declaration: tolerated/] },
  'fastfeedparser_wsj_empty_content.xml': { articles: 20 },
  'feeder_geekpark_zh_rss.xml': { articles: 30, leftOut: 0, format: 'rss', author: null },
  'feedparser_atom03.xml': { articles: 1, title: 'First entry title' },
  'feedparser_eucjp_undeclared.xml': { articles: 1, warnings: [/detected euc-jp/] },
  'feedparser_gb2312_declared.xml': { refused: /feed has no items/ },
  'feedparser_shiftjis_undeclared.xml': { articles: 1, warnings: [/detected shift_jis/] },
  // FeedBurner: the publisher's address (feedburner:origLink), not the ~r/ redirect, which stays in provenance.
  'feedreader_reuters_feedburner_origlink.xml': {
    articles: 10,
    leftOut: 0,
    url: 'http://www.reuters.com/article/us-mideast-crisis-iraq-turkey-abadi-idUSKBN14R0D4?feedType=RSS&feedName=worldNews',
    warnings: [/removed FeedBurner share-button block/, /removed tracking pixel/],
  },
  'feedvalidator_feedburner_origlink.xml': {
    articles: 1,
    title: 'Atom-Powered Robots Run Amok',
    author: 'John Doe',
    url: 'http://example.org/2003/12/13/atom03',
    warnings: [/feedburner:origLink "not an URI" is not a web address: the item's own link is used/],
  },
  'feedvalidator_rss091_doctype.xml': { articles: 1, title: 'Und tschüss.' },
  'feedvalidator_windows1252_declared.xml': { articles: 1 },
  'gofeed_jsonfeed_v11.json': { articles: 1, format: 'json', author: 'author_name', warnings: [/JSON Feed version "1.1" is written without its URL/] },
  'haikugen_gutenberg_alice.txt': { articles: 1, format: 'text' },
  'laminas_honline_atom_feed_author.xml': { articles: 60, author: 'The H', warnings: [/names no author: the byline is the feed's own <author> \("The H"\)/] },
  'laminas_podcast_itunes.xml': { articles: 3 },
  // An e-mail: Subject, From's display name and Date are given; the HTML alternative is left out.
  'mailparser_email_plaintext.eml': {
    articles: 1,
    format: 'text',
    title: 'Have you ever wanted to land on an Aircraft Carrier',
    author: 'Helicopter_flight_simulator',
    warnings: [/left out a text\/html part/],
  },
  'podcastifier_youtube_channel.xml': { articles: 15 },
  'readability_ars_article_page.html': { refused: /this is a web page, not a feed or a plain text/ },
  'readability_medium_article_page.html': { refused: /this is a web page, not a feed or a plain text/ },
  'sumy_news_article_cs.txt': { articles: 1, title: 'Jednalo se o případ chlapce v 6. třídě, který měl problémy s učením' },
  'textmate_emacs_tutorial_he.txt': { articles: 1, format: 'text', title: 'שיעור ראשון בשימוש ב־Emacs. זכויות שימוש ראה בסוף המסמך' },
  // Big5, declared only by an Emacs coding cookie in its last lines: detected.
  'textmate_emacs_tutorial_zh_big5.txt': { articles: 1, format: 'text', title: 'Emacs 快速指南', warnings: [/detected big5/] },
  'uchardet_hu_iso88592.txt': { articles: 1, warnings: [/detected iso-8859-2/] },
  'uchardet_ru_koi8r.txt': { articles: 1, warnings: [/detected koi8-r/] },
  'uchardet_ru_windows1251.txt': { articles: 1, warnings: [/detected windows-1251/] },
  'unisteg_gutenberg_kafka_de.txt': { articles: 1, format: 'text', title: 'DIE VERWANDLUNG' },
};

const files = present ? readdirSync(REALWORLD).filter((file) => file !== 'SOURCES.md') : [];
const topics = corpusTopics();
const results = new Map<string, IngestResult>();
const run = (file: string): IngestResult => {
  let result = results.get(file);
  if (result === undefined) {
    result = ingestSources([{ file, bytes: readFileSync(path.join(REALWORLD, file)) }], { catalog: {}, topics, keepGoing: true });
    results.set(file, result);
  }
  return result;
};

describe.skipIf(!present)('real-world sources (../shared/realworld/)', () => {
  test('every input has its expected outcome written here, and every outcome its input', () => {
    expect(files.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  test.each(files)('%s', (file) => {
    const expected = EXPECTED[file]!;
    const result = run(file);
    const messages = result.errors.map((error) => error.message);
    if (expected.refused) {
      expect(messages).toHaveLength(1);
      expect(messages[0]).toMatch(expected.refused);
      expect(messages[0]!.startsWith(file)).toBe(true);
      return;
    }
    expect(messages).toEqual([]);
    if (expected.articles !== undefined) expect(result.entries).toHaveLength(expected.articles);
    if (expected.leftOut !== undefined) expect(result.skipped).toHaveLength(expected.leftOut);
    const first = result.entries[0]!.article;
    if (expected.title !== undefined) expect(first.title).toBe(expected.title);
    if (expected.author !== undefined) expect(first.author).toBe(expected.author);
    if (expected.url !== undefined) expect(first.url).toBe(expected.url);
    if (expected.format !== undefined) expect(first.source.format).toBe(expected.format);
    for (const warning of expected.warnings ?? [])
      expect(
        result.warnings.some((said) => warning.test(said)),
        String(warning),
      ).toBe(true);
    for (const { article } of result.entries) {
      // Never invented: no placeholder title, and what is not given is unknown.
      expect(article.title.trim()).not.toBe('');
      expect(article.title).not.toMatch(/\uFFFD/);
      if (article.author === null) expect(article.origins.author).toBe('unknown');
    }
  });

  test('every article of an input named for a language other than English carries that language (and RTL its direction)', () => {
    // The inputs name their language in the file name (`_he`, `_zh_`, `_fa_`), as ISO 639-1 codes; `_br` in
    // `strong_br` is an HTML tag, not Breton.
    const tags = new Set(['br', 'hr', 'li', 'ol', 'ul', 'td', 'th', 'tr', 'dd', 'dl', 'dt', 'em']);
    const named = files.flatMap((file) => {
      const code = file
        .split(/[_.]/)
        .find(
          (part) =>
            /^[a-z]{2}$/.test(part) && part !== 'en' && !tags.has(part) && new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' }).of(part),
        );
      return code === undefined || EXPECTED[file]!.refused ? [] : [[file, code] as const];
    });
    expect(named.length).toBeGreaterThan(0);
    for (const [file, code] of named) {
      for (const { article } of run(file).entries) {
        expect(article.lang?.split('-')[0], `${file}: ${article.title}`).toBe(code);
        expect(textDirection(article.lang)).toBe(
          (new Intl.Locale(code).maximize() as unknown as { getTextInfo(): { direction: string } }).getTextInfo().direction,
        );
      }
    }
  });

  test('off-subject texts get no topic: at most 1% of the real-world articles (none is about the debate)', () => {
    const articles = files.flatMap((file) => run(file).entries);
    const withTopic = articles.filter((entry) => entry.article.topics.length > 0);
    console.log(`realworld: ${withTopic.length} of ${articles.length} articles got a topic (${((100 * withTopic.length) / articles.length).toFixed(1)}%)`);
    expect(articles.length).toBeGreaterThan(100);
    expect(withTopic.length / articles.length).toBeLessThanOrEqual(0.01);
  });
});
