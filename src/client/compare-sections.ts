/**
 * The comparison of two articles as DOM (src/client/compare-view.ts fetches them): a header naming both, the topics
 * both treat and those only one treats with their passages, the passages both carry, and the works both cite. DOM
 * methods only: every text from the article files is a text node, so nothing from a source becomes markup.
 * renderComparison(a, b) -> <div><div class="compare-header">…</div><section class="compare-section">Topics both treat (2)…</section>…</div>
 */
import { formatCount, plural } from '../core/count.ts';
import type { CompareData, ComparePassage, CompareTopic } from '../utils/compare-data.ts';

/** Passages shown per article and topic before "Show all". */
const SHOWN = 3;

type Child = Node | string | null | undefined | false;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  for (const child of children) if (child !== null && child !== undefined && child !== false) node.append(child);
  return node;
}

/** An article's title as the view names it: in square brackets when the ingest took it from the text, as citations mark it. */
export function shownTitle(article: Pick<CompareData, 'title' | 'titleInferred'>): string {
  return article.titleInferred ? `[${article.title}]` : article.title;
}

/** The passages the two articles share (src/utils/reuse.ts): each version of a and of b of the same cluster, as a's paragraph and text and b's. */
export function sharedPassages(a: CompareData, b: CompareData): { a: string; b: string; textA: string; textB: string }[] {
  return a.shared.flatMap((item) =>
    b.shared.filter((other) => other.cluster === item.cluster).map((other) => ({ a: item.paragraph, b: other.paragraph, textA: item.text, textB: other.text })),
  );
}

/** A passage: its text with the terms that counted marked, exactly as the article has it, and a link to it. */
function passage(article: CompareData, item: ComparePassage, shared: ReadonlySet<string>): HTMLLIElement {
  const text = el('p');
  let cursor = 0;
  for (const mark of item.marks) {
    if (mark.start > cursor) text.append(item.text.slice(cursor, mark.start));
    text.append(el('mark', { 'data-term': mark.term }, item.text.slice(mark.start, mark.end)));
    cursor = mark.end;
  }
  if (cursor < item.text.length) text.append(item.text.slice(cursor));
  const isShared = shared.has(item.id);
  return el(
    'li',
    isShared ? { class: 'compare-passage shared-passage', 'data-shared-passage': '' } : { class: 'compare-passage' },
    el('blockquote', { cite: `${article.path}#${item.id}` }, text),
    el(
      'p',
      { class: 'passage-evidence' },
      isShared && el('span', { class: 'badge' }, 'Shared passage'),
      isShared && ' ',
      `Strength ${item.strength} · `,
      el('a', { href: `${article.path}#${item.id}` }, 'Read in context', el('span', { class: 'sr-only' }, `: ${shownTitle(article)}`)),
    ),
  );
}

function passages(article: CompareData, topic: CompareTopic, shared: ReadonlySet<string>): HTMLElement {
  const cell = el('div', { class: 'compare-cell', 'data-article': article.slug });
  cell.append(el('p', { class: 'compare-cell-title' }, el('a', { href: article.path }, shownTitle(article))));
  cell.append(
    el(
      'p',
      { class: 'meta' },
      topic.stance === null ? 'No stance set' : el('span', { class: 'stance', 'data-stance': topic.stance }, `Stance: ${topic.stance} (set by the curator)`),
      ` · ${plural(topic.passages.length, 'passage')}`,
    ),
  );
  const first = el('ol', { class: 'passages' }, ...topic.passages.slice(0, SHOWN).map((item) => passage(article, item, shared)));
  cell.append(first);
  if (topic.passages.length > SHOWN) {
    cell.append(
      el(
        'details',
        { class: 'more-passages' },
        el('summary', {}, `Show all ${formatCount(topic.passages.length)} passages`),
        el('ol', { class: 'passages', start: String(SHOWN + 1) }, ...topic.passages.slice(SHOWN).map((item) => passage(article, item, shared))),
      ),
    );
  }
  return cell;
}

function topicHeading(topic: CompareTopic, level: 'h3' | 'h4'): HTMLElement {
  return el(
    level,
    { class: 'compare-topic-heading' },
    el('a', { href: topic.path }, topic.label),
    topic.onEveryArticle && el('span', { class: 'meta' }, ' (on every article, so it does not tell them apart)'),
  );
}

function header(a: CompareData, b: CompareData): HTMLElement {
  const side = (article: CompareData, which: string) =>
    el(
      'div',
      { class: 'compare-side', 'data-side': which },
      el('p', { class: 'compare-which meta' }, which === 'a' ? 'First article' : 'Second article'),
      el(
        'p',
        { class: 'compare-title' },
        el('a', { href: article.path, 'data-compare-article': article.slug }, article.title),
        article.titleInferred && ' [title taken from its opening text]',
      ),
      el('p', { class: 'meta' }, article.byline),
    );
  return el('div', { class: 'compare-header' }, side(a, 'a'), side(b, 'b'));
}

/**
 * The topics both articles treat, in rows, the strongest evidence first (the sum of both articles' passage
 * strengths); then, side by side, the topics only one of them treats. A passage the two share is marked.
 */
function topicSections(a: CompareData, b: CompareData, sharedA: ReadonlySet<string>, sharedB: ReadonlySet<string>): HTMLElement[] {
  const topicsB = new Map(b.topics.map((topic) => [topic.slug, topic]));
  const both = a.topics
    .filter((topic) => topicsB.has(topic.slug))
    .map((topic) => ({ a: topic, b: topicsB.get(topic.slug)! }))
    .sort((x, y) => y.a.strength + y.b.strength - (x.a.strength + x.b.strength) || x.a.label.localeCompare(y.a.label, 'en'));
  const onlyA = a.topics.filter((topic) => !topicsB.has(topic.slug));
  const topicsA = new Set(a.topics.map((topic) => topic.slug));
  const onlyB = b.topics.filter((topic) => !topicsA.has(topic.slug));

  const bothSection = el('section', { class: 'compare-section', 'aria-labelledby': 'compare-both' });
  bothSection.append(el('h2', { id: 'compare-both' }, `Topics both treat (${both.length})`));
  if (both.length === 0) bothSection.append(el('p', {}, 'These two articles share no topic.'));
  else bothSection.append(el('p', { class: 'meta' }, 'Strongest evidence first: the sum of both articles’ passage strengths on the topic.'));
  for (const row of both) {
    bothSection.append(
      el(
        'section',
        { class: 'compare-row', 'data-topic': row.a.slug, 'aria-label': row.a.label },
        topicHeading(row.a, 'h3'),
        el('div', { class: 'compare-columns' }, passages(a, row.a, sharedA), passages(b, row.b, sharedB)),
      ),
    );
  }

  const only = (article: CompareData, list: CompareTopic[], id: string, sharedIds: ReadonlySet<string>) => {
    const section = el('section', { class: 'compare-section compare-only', 'aria-labelledby': id, 'data-only': article.slug });
    section.append(el('h2', { id }, `Only in “${shownTitle(article)}” (${list.length})`));
    if (list.length === 0) section.append(el('p', {}, 'Every topic of this article is one the other treats too.'));
    for (const topic of list)
      section.append(el('div', { class: 'compare-only-topic', 'data-topic': topic.slug }, topicHeading(topic, 'h3'), passages(article, topic, sharedIds)));
    return section;
  };
  return [
    bothSection,
    el('div', { class: 'compare-columns compare-only-columns' }, only(a, onlyA, 'compare-only-a', sharedA), only(b, onlyB, 'compare-only-b', sharedB)),
  ];
}

/** The passages both articles carry (src/utils/reuse.ts), each pair side by side with a link to each. */
function sharedSection(a: CompareData, b: CompareData, shared: ReturnType<typeof sharedPassages>): HTMLElement {
  const section = el('section', { class: 'compare-section', 'aria-labelledby': 'compare-shared' });
  section.append(el('h2', { id: 'compare-shared' }, `Passages both carry (${shared.length})`));
  if (shared.length === 0) section.append(el('p', {}, 'No wording appears in both.'));
  else {
    section.append(
      el('p', { class: 'meta' }, 'The same words, verbatim or nearly, in both articles (marked “Shared passage” above where they are passages on a topic).'),
    );
    for (const pair of shared)
      section.append(
        el(
          'div',
          { class: 'compare-columns', 'data-shared-pair': '' },
          el(
            'blockquote',
            { cite: `${a.path}#${pair.a}` },
            el('p', {}, pair.textA),
            el('p', { class: 'meta' }, el('a', { href: `${a.path}#${pair.a}` }, `In “${shownTitle(a)}”`)),
          ),
          el(
            'blockquote',
            { cite: `${b.path}#${pair.b}` },
            el('p', {}, pair.textB),
            el('p', { class: 'meta' }, el('a', { href: `${b.path}#${pair.b}` }, `In “${shownTitle(b)}”`)),
          ),
        ),
      );
  }
  return section;
}

/** The works both articles cite, then each article's list of works with those the other cites too marked. */
function worksSection(a: CompareData, b: CompareData): HTMLElement {
  const worksB = new Set(b.works.map((work) => work.id));
  const bothWorks = a.works.filter((work) => worksB.has(work.id));
  const section = el('section', { class: 'compare-section', 'aria-labelledby': 'compare-works' });
  section.append(el('h2', { id: 'compare-works' }, `Works both cite (${bothWorks.length})`));
  if (bothWorks.length === 0) section.append(el('p', {}, 'They cite no work in common.'));
  else
    section.append(
      el(
        'ul',
        { class: 'compare-shared-works' },
        ...bothWorks.map((work) =>
          el(
            'li',
            { 'data-shared-work': work.id },
            el('a', { href: work.url, rel: 'noopener noreferrer' }, work.label),
            ' · ',
            el('a', { href: work.path }, 'who cites it'),
          ),
        ),
      ),
    );
  const list = (article: CompareData) =>
    el(
      'div',
      { class: 'compare-cell', 'data-article': article.slug },
      el('h3', {}, `Cited by “${shownTitle(article)}” (${article.works.length})`),
      article.works.length === 0
        ? el('p', {}, 'No work cited.')
        : el(
            'ol',
            { class: 'compare-works' },
            ...article.works.map((work) => {
              const common = (article === a ? worksB : new Set(a.works.map((item) => item.id))).has(work.id);
              return el(
                'li',
                common ? { class: 'shared-work', 'data-shared-work': work.id } : {},
                el('a', { href: work.inCorpus === null ? work.url : `/articles/${work.inCorpus}/` }, work.label),
                common && ' ',
                common && el('span', { class: 'badge' }, 'Both cite it'),
              );
            }),
          ),
    );
  section.append(el('div', { class: 'compare-columns' }, list(a), list(b)));
  return section;
}

/** The whole view of two articles: who they are, their topics, the passages they share and the works they cite. */
export function renderComparison(a: CompareData, b: CompareData): HTMLElement {
  const shared = sharedPassages(a, b);
  const sharedA = new Set(shared.map((pair) => pair.a));
  const sharedB = new Set(shared.map((pair) => pair.b));
  const root = el('div');
  root.append(header(a, b), ...topicSections(a, b, sharedA, sharedB), sharedSection(a, b, shared), worksSection(a, b));
  return root;
}
