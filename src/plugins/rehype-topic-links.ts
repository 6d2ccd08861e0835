/**
 * Rehype plugin: the first mention of each of the article's topics in its body links to the topic
 * page, at most once per topic per article, and only where the mention is evidence of weight: a strong
 * term or a term of two or more words (isLinkTerm), never a single ordinary word ("summit"). Terms come
 * from corpus/topics.yaml, given as the plugin's options (it reads no file), and match as the classifier matches them (src/core/topic-evidence.ts).
 * Headings, links, code, figures, footnotes, residue and formulas are left alone. These links are the site's, not
 * the author's, and say so: a style of their own, a title naming the topic, and "topic: " before them for a screen reader.
 * "...modeled after nuclear watchdog organizations..." -> "...modeled after <a href="/topics/iaea-nuclear-analogy/">nuclear watchdog</a> organizations..."
 */
import type { Element, ElementContent, Root, Text } from 'hast';
import type { VFile } from 'vfile';
import { hasClass } from '../core/hast.ts';
import { comparableText, isLinkTerm, topicTerms } from '../core/topic-evidence.ts';
import { termMatches } from '../core/topic-terms.ts';
import { topicPath } from '../core/urls.ts';
import type { Topic } from '../schemas/topic.ts';

const SKIP_TAGS = new Set(['a', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'code', 'pre', 'figure', 'sup', 'section']);

type Matcher = (text: string) => [number, number] | null;

/** The taxonomy the links are made from (corpus/topics.yaml, read by whoever configures the plugin: src/utils/render-article.ts). */
export interface TopicLinkOptions {
  topics: readonly Pick<Topic, 'slug' | 'label' | 'terms' | 'strong'>[];
}

/** Topic slug -> its label and the matchers of its terms that may link (strong first). */
function linkPatterns(topics: TopicLinkOptions['topics']): Map<string, { label: string; matchers: Matcher[] }> {
  return new Map(
    topics.map((topic) => [
      topic.slug,
      {
        label: topic.label,
        matchers: topicTerms(topic)
          .filter(isLinkTerm)
          .map((p) => (text: string) => termMatches(text, p, true)[0] ?? null),
      },
    ]),
  );
}

declare module 'vfile' {
  interface DataMap {
    /** The article's topic slugs, from its frontmatter: whose first mentions rehype-topic-links links. */
    topics: readonly string[];
  }
}

/**
 * Link first topic mentions of the taxonomy's topics (`options.topics`, given once); the article's topics come with the
 * file (`file.data.topics`, from its frontmatter).
 */
export function rehypeTopicLinks(options: TopicLinkOptions) {
  const patterns = linkPatterns(options.topics);
  return (tree: Root, file: VFile) => {
    const topics = file.data.topics;
    if (!Array.isArray(topics)) return;
    const remaining = new Set(topics.filter((slug): slug is string => typeof slug === 'string' && patterns.has(slug)));
    walk(tree, remaining, patterns);
  };
}

function walk(parent: Root | Element, remaining: Set<string>, all: Map<string, { label: string; matchers: Matcher[] }>): void {
  for (let index = 0; index < parent.children.length && remaining.size > 0; index++) {
    const child = parent.children[index]!;
    if (child.type === 'element') {
      if (SKIP_TAGS.has(child.tagName) || hasClass(child, 'residue') || hasClass(child, 'math')) continue;
      walk(child, remaining, all);
    } else if (child.type === 'text') {
      const replacement = linkMentions(child, remaining, all);
      if (replacement) {
        parent.children.splice(index, 1, ...replacement);
        index += replacement.length - 1;
      }
    }
  }
}

/** Split a text node around the first mention of each remaining topic. */
function linkMentions(node: Text, remaining: Set<string>, all: Map<string, { label: string; matchers: Matcher[] }>): ElementContent[] | null {
  const { text: comparable, span } = comparableText(node.value);
  const hits: { slug: string; start: number; end: number }[] = [];
  for (const slug of remaining) {
    let first: [number, number] | null = null;
    for (const find of all.get(slug)!.matchers) {
      const match = find(comparable);
      if (match && (first === null || match[0] < first[0])) first = match;
    }
    if (first === null) continue;
    const best = span(first[0], first[1]);
    if (!hits.some((hit) => best.start < hit.end && hit.start < best.end)) hits.push({ slug, ...best });
  }
  if (hits.length === 0) return null;
  hits.sort((a, b) => a.start - b.start);
  const out: ElementContent[] = [];
  let cursor = 0;
  for (const hit of hits) {
    remaining.delete(hit.slug);
    if (hit.start > cursor) out.push({ type: 'text', value: node.value.slice(cursor, hit.start) });
    out.push({
      type: 'element',
      tagName: 'a',
      // Not the author's link but the site's: styled apart, and named "topic: …" to a screen reader by the CSS
      // (.topic-link::before, generated content that is neither copied with the text nor indexed); the title names the topic.
      properties: {
        className: ['topic-link'],
        href: topicPath(hit.slug),
        dataTopic: hit.slug,
        title: `Topic: ${all.get(hit.slug)!.label} (a link this reading room added)`,
      },
      children: [{ type: 'text', value: node.value.slice(hit.start, hit.end) }],
    });
    cursor = hit.end;
  }
  if (cursor < node.value.length) out.push({ type: 'text', value: node.value.slice(cursor) });
  return out;
}
