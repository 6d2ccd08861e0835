/**
 * How long the works cited take over a folder of generated entries, and the memory they hold: the recording of
 * each body's links and identifiers (the two rehype plugins, run on bodies already parsed and turned into HTML
 * trees, which is not timed: the article page does that anyway) and the grouping of the whole corpus into works
 * (src/utils/works-cited.ts). Figures `npm run bench` prints, not a budget. Also on its own:
 *   node scripts/bench/references-time.ts bench/out/1000/entries
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Root as HastRoot } from 'hast';
import rehypeSlug from 'rehype-slug';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { parse } from 'yaml';
import { parseMdx } from '../../src/core/mdx.ts';
import { rehypeArticleComponents } from '../../src/plugins/rehype-article-components.ts';
import { rehypeIdentifierMentions } from '../../src/plugins/rehype-identifier-mentions.ts';
import { rehypeOutboundLinks } from '../../src/plugins/rehype-outbound-links.ts';
import { remarkParagraphIds } from '../../src/plugins/remark-paragraph-ids.ts';
import { articleSchema, type Article } from '../../src/schemas/article.ts';
import { groupWorksCited, type BodyCitations } from '../../src/utils/works-cited.ts';

export interface ReferencesFigure {
  articles: number;
  links: number;
  mentions: number;
  works: number;
  /** Recording links and identifiers in every body (ms). */
  recordMs: number;
  /** Grouping every citation into works (ms). */
  groupMs: number;
  /** Heap the grouped works hold (MB), and the process's peak resident memory so far (MB). */
  heapMB: number;
  peakMB: number;
}

// The renderer's transforms up to the recording plugins (src/utils/render-article.ts), so the trees are the ones they see.
const toHast = unified()
  .use(remarkParagraphIds)
  .use(remarkRehype, { footnoteLabel: 'Notes', passThrough: ['mdxJsxFlowElement', 'mdxJsxTextElement'] })
  .use(rehypeArticleComponents)
  .use(rehypeSlug);

/** Measure the works cited over the entries of `entriesDir`. */
export async function timeReferences(entriesDir: string): Promise<ReferencesFigure> {
  const files = readdirSync(entriesDir).filter((file) => file.endsWith('.mdx'));
  const prepared: { article: Article; tree: HastRoot; file: VFile }[] = [];
  for (const name of files) {
    const text = readFileSync(path.join(entriesDir, name), 'utf8');
    const frontmatter = /^---\n([\s\S]*?)\n---\n/.exec(text)?.[1] ?? '';
    const article = articleSchema.parse(parse(frontmatter));
    const body = text.slice(frontmatter.length + 8);
    const file = new VFile({ value: body, data: { corpusLinks: {} } });
    prepared.push({ article, tree: (await toHast.run(parseMdx(body), file)) as HastRoot, file });
  }
  const record = rehypeOutboundLinks();
  const mentions = rehypeIdentifierMentions();
  const bodies = new Map<string, BodyCitations>();
  let started = performance.now();
  for (const { article, tree, file } of prepared) {
    record(tree, file);
    mentions(tree, file);
    bodies.set(article.slug, { links: file.data.links ?? [], mentions: file.data.mentions ?? [] });
  }
  const recordMs = performance.now() - started;
  const articles = prepared.map(({ article }) => article);
  prepared.length = 0;
  globalThis.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  started = performance.now();
  const { works } = groupWorksCited(articles, bodies);
  const groupMs = performance.now() - started;
  globalThis.gc?.();
  const heapMB = Math.max(0, process.memoryUsage().heapUsed - heapBefore) / 1024 ** 2;
  const counted = [...bodies.values()];
  return {
    articles: articles.length,
    links: counted.reduce((sum, body) => sum + body.links.length, 0),
    mentions: counted.reduce((sum, body) => sum + body.mentions.length, 0),
    works: works.length,
    recordMs,
    groupMs,
    heapMB,
    peakMB: process.resourceUsage().maxRSS / 1024,
  };
}

/** Measure and print one line (what `npm run bench` calls). */
export async function benchReferences(entriesDir: string): Promise<ReferencesFigure> {
  const figure = await timeReferences(entriesDir);
  const n = (value: number) => value.toLocaleString('en-GB');
  console.log(
    `  works cited: ${n(figure.articles)} articles, ${n(figure.links)} links and ${n(figure.mentions)} identifiers in text -> ${n(figure.works)} works; ` +
      `recorded in ${figure.recordMs.toFixed(0)} ms, grouped in ${figure.groupMs.toFixed(0)} ms, ${figure.heapMB.toFixed(1)} MB held (peak RSS ${figure.peakMB.toFixed(0)} MB)`,
  );
  return figure;
}

if (import.meta.main) await benchReferences(path.resolve(process.argv[2] ?? 'src/content/articles'));
