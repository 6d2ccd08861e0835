/**
 * A draft and its final slug -> the entry: language -> classify -> serialize -> check. The body is serialized and parsed
 * back first, so paragraph ids and passages come from the MDX as the site will read it; the entry is
 * validated with the site's article schema and passes the safety gate (src/core/mdx-safety.ts) or throws.
 * draft "A headline" + "a-headline" -> { label: "a.txt", slug: "a-headline", article: { topics: [...], ... }, mdx: "---\n..." }
 */
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { articleSchema, type Article } from '../../src/schemas/article.ts';
import type { Topic } from '../../src/schemas/topic.ts';
import { IngestError } from '../../src/core/errors.ts';
import { parseMdx } from '../../src/core/mdx.ts';
import { checkBodyTree, checkEntryMdx } from '../../src/core/mdx-safety.ts';
import { paragraphIds } from '../../src/core/paragraph-id.ts';
import { plainText } from '../../src/core/plain-text.ts';
import { classifyTopics, type ClassifiedParagraph } from './classify.ts';
import { assignLanguage } from './language.ts';
import { bodyParagraphs, proseText } from './mdast-text.ts';
import { serializeBody, serializeEntry } from './serialize.ts';
import type { Draft } from './to-article.ts';

/** One generated entry. */
export interface Entry {
  /** The source as messages name it: `file` or `file item N`. */
  label: string;
  slug: string;
  article: Article;
  mdx: string;
}

/** Make the entry of `draft` under `slug`; `label` names it in errors. */
export function makeEntry(draft: Draft, slug: string, label: string, topics: readonly Topic[]): Entry {
  const body = serializeBody(draft.body);
  const bodyTree = parseMdx(body);
  const classified = assignTopics(bodyTree, draft.article.title, draft.catalogTopics, topics, label);
  const stance = checkStance(draft.catalogStance, classified.topics, topics, label);
  const expectedText = plainText(draft.body);
  // Here, not in a format's drafting, so every source format gets its language the same way.
  const language = assignLanguage({ catalog: draft.catalogLang, declared: draft.declaredLang, text: `${draft.article.title}\n${expectedText}` });
  // The safety gate, on the body's parse: an entry that is exactly frontmatter + this body is checked by it.
  const verdict = checkBodyTree(bodyTree, label, expectedText);
  const article = {
    ...draft.article,
    lang: language.lang,
    origins: { ...draft.article.origins, lang: language.origin },
    warnings: language.note === undefined ? draft.article.warnings : [...draft.article.warnings, language.note],
  };
  const result = articleSchema.safeParse({ ...article, slug, ...classified, ...(stance && { stance }) });
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new IngestError(`entry field ${issue.path.join('.')}: ${issue.message}`, { file: label });
  }
  const mdx = serializeEntry(result.data, draft.body);
  checkEntryMdx(mdx, body, verdict, label, expectedText);
  return { label, slug, article: result.data, mdx };
}

/** The entry's topics (the catalog's, else the classifier's) and its passages, from the body as MDX reads it. */
function assignTopics(bodyTree: Root, title: string, catalogTopics: string[] | undefined, topics: readonly Topic[], label: string) {
  const classified = classifyTopics(classifierParagraphs(bodyTree, title), topics);
  const chosen = catalogTopics ?? classified.topics;
  const unknown = chosen.find((topic) => !topics.some((known) => known.slug === topic));
  if (unknown !== undefined) throw new IngestError(`catalog topic "${unknown}" is not in corpus/topics.yaml`, { file: label });
  return { topics: chosen, passages: groupPassages(classified.passages, chosen) };
}

/** What the classifier reads of a body: each anchored paragraph's id and prose, and the title and the headings it
 * sits under. Paragraph ids come from the body as MDX will read it back, so they match the site's ids exactly. */
export function classifierParagraphs(bodyTree: Root, title: string): ClassifiedParagraph[] {
  const paragraphs = bodyParagraphs(bodyTree);
  const ids = paragraphIds(paragraphs.map((paragraph) => paragraph.text));
  // Headings in reading order with where they start; a paragraph sits under the last one of each rank before it.
  const headings: { rank: number; at: number; text: string }[] = [];
  visit(bodyTree, 'heading', (node) => {
    const text = proseText(node).trim();
    if (text !== '' && node.position) headings.push({ rank: node.depth, at: node.position.start.offset ?? 0, text });
  });
  return paragraphs.map((paragraph, index) => {
    const at = paragraph.node.position?.start.offset ?? 0;
    const above: (typeof headings)[number][] = [];
    for (const heading of headings) {
      if (heading.at >= at) break;
      while (above.length > 0 && above.at(-1)!.rank >= heading.rank) above.pop();
      above.push(heading);
    }
    return { id: ids[index]!, text: paragraph.prose, headings: [title, ...above.map((heading) => heading.text)] };
  });
}

/**
 * The catalog's stances, when it sets any: each for a topic the article carries (set by the catalog or chosen by
 * the classifier), else an error that says which topics it does carry. Never filled in for a topic it leaves out.
 */
function checkStance(stance: Draft['catalogStance'], chosen: readonly string[], topics: readonly Topic[], label: string): Article['stance'] {
  if (stance === undefined || Object.keys(stance).length === 0) return undefined;
  for (const topic of Object.keys(stance)) {
    if (!topics.some((known) => known.slug === topic))
      throw new IngestError(`catalog stance for topic "${topic}", which is not in corpus/topics.yaml`, { file: label });
    if (!chosen.includes(topic)) {
      throw new IngestError(
        `catalog stance for topic "${topic}", which this article does not carry (its topics: ${chosen.join(', ') || 'none'}); add it to the entry's topics or remove the stance`,
        { file: label },
      );
    }
  }
  // In the article's topic order, so the entry does not depend on how the catalog lists them.
  return Object.fromEntries(chosen.flatMap((topic) => (stance[topic] === undefined ? [] : [[topic, stance[topic]]])));
}

/** One passage per paragraph, listing its topics (only the article's chosen ones), in reading order. */
function groupPassages(passages: readonly { topic: string; id: string; text: string }[], chosen: readonly string[]): Article['passages'] {
  const byId = new Map<string, { id: string; topics: string[]; text: string }>();
  for (const { topic, id, text } of passages) {
    if (!chosen.includes(topic)) continue;
    const passage = byId.get(id) ?? { id, topics: [], text: text.trim() };
    passage.topics.push(topic);
    byId.set(id, passage);
  }
  return [...byId.values()];
}
