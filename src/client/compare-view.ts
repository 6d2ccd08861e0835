/**
 * The comparison of two articles in the browser (/compare/?a=<slug>&b=<slug>): reads the two slugs from the
 * address, fetches each article's file (/compare/<slug>.json, src/utils/compare-data.ts) and builds the view with
 * DOM methods only (every text from the files is a text node: nothing from a source becomes markup). Topics both
 * treat come first, in rows, the strongest evidence first; then the topics only one treats; then the works both
 * cite, highlighted in each article's list.
 */
import { formatCount, plural } from '../core/count.ts';
import type { CompareData, ComparePassage, CompareTopic } from '../utils/compare-data.ts';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The article a field names: its slug as given, or the slug of an article address pasted into it (on a large corpus
 * the form takes addresses, see src/components/CompareForm.astro).
 * "https://example.org/articles/a-title/#p-1" -> "a-title"; "/articles/a-title/" -> "a-title"; "a-title" -> "a-title"
 */
export function slugFrom(value: string): string {
  const trimmed = value.trim();
  return /(?:^|\/)articles\/([^/?#]+)/.exec(trimmed)?.[1] ?? trimmed;
}
/** Passages shown per article and topic before "Show all". */
const SHOWN = 3;
const STANCE_LABEL: Record<string, string> = { supports: 'supports', critiques: 'critiques', reports: 'reports' };

type Child = Node | string | null | undefined | false;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  for (const child of children) if (child !== null && child !== undefined && child !== false) node.append(child);
  return node;
}

/** An article's title as the view names it: in square brackets when the ingest took it from the text, as citations mark it. */
function shownTitle(article: Pick<CompareData, 'title' | 'titleInferred'>): string {
  return article.titleInferred ? `[${article.title}]` : article.title;
}

/** The passages the two articles share (src/utils/reuse.ts): each version of a and of b of the same cluster, as a's paragraph and text and b's. */
export function sharedPassages(a: CompareData, b: CompareData): { a: string; b: string; textA: string; textB: string }[] {
  return a.shared.flatMap((item) =>
    b.shared.filter((other) => other.cluster === item.cluster).map((other) => ({ a: item.paragraph, b: other.paragraph, textA: item.text, textB: other.text })),
  );
}

async function load(slug: string): Promise<CompareData | null> {
  const response = await fetch(`/compare/${slug}.json`);
  if (!response.ok) return null;
  const data = (await response.json()) as CompareData;
  // COMPARE_DATA_VERSION of src/utils/compare-data.ts (not imported: that module is the build's, not the browser's).
  return data.schemaVersion === 2 ? data : null;
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
      topic.stance === null
        ? 'No stance set'
        : el('span', { class: 'stance', 'data-stance': topic.stance }, `Stance: ${STANCE_LABEL[topic.stance]} (set by the curator)`),
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

function render(a: CompareData, b: CompareData): HTMLElement {
  const root = el('div');
  root.append(header(a, b));
  const shared = sharedPassages(a, b);
  const sharedA = new Set(shared.map((pair) => pair.a));
  const sharedB = new Set(shared.map((pair) => pair.b));

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
  root.append(bothSection);

  const only = (article: CompareData, list: CompareTopic[], id: string, sharedIds: ReadonlySet<string>) => {
    const section = el('section', { class: 'compare-section compare-only', 'aria-labelledby': id, 'data-only': article.slug });
    section.append(el('h2', { id }, `Only in “${shownTitle(article)}” (${list.length})`));
    if (list.length === 0) section.append(el('p', {}, 'Every topic of this article is one the other treats too.'));
    for (const topic of list)
      section.append(el('div', { class: 'compare-only-topic', 'data-topic': topic.slug }, topicHeading(topic, 'h3'), passages(article, topic, sharedIds)));
    return section;
  };
  root.append(
    el('div', { class: 'compare-columns compare-only-columns' }, only(a, onlyA, 'compare-only-a', sharedA), only(b, onlyB, 'compare-only-b', sharedB)),
  );

  const sharedSection = el('section', { class: 'compare-section', 'aria-labelledby': 'compare-shared' });
  sharedSection.append(el('h2', { id: 'compare-shared' }, `Passages both carry (${shared.length})`));
  if (shared.length === 0) sharedSection.append(el('p', {}, 'No wording appears in both.'));
  else {
    sharedSection.append(
      el('p', { class: 'meta' }, 'The same words, verbatim or nearly, in both articles (marked “Shared passage” above where they are passages on a topic).'),
    );
    for (const pair of shared)
      sharedSection.append(
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
  root.append(sharedSection);

  const worksB = new Set(b.works.map((work) => work.id));
  const bothWorks = a.works.filter((work) => worksB.has(work.id));
  const worksSection = el('section', { class: 'compare-section', 'aria-labelledby': 'compare-works' });
  worksSection.append(el('h2', { id: 'compare-works' }, `Works both cite (${bothWorks.length})`));
  if (bothWorks.length === 0) worksSection.append(el('p', {}, 'They cite no work in common.'));
  else
    worksSection.append(
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
  worksSection.append(el('div', { class: 'compare-columns' }, list(a), list(b)));
  root.append(worksSection);
  return root;
}

/** Read the address, fetch the two articles and show them; or leave the picker, saying what is missing. */
export async function showComparison(): Promise<void> {
  const form = document.querySelector<HTMLFormElement>('[data-compare-form]');
  const view = document.querySelector<HTMLElement>('[data-compare-view]');
  const status = document.querySelector<HTMLElement>('[data-compare-status]');
  const explanation = document.querySelector<HTMLElement>('[data-compare-static]');
  if (form === null || view === null || status === null) return;
  if (explanation !== null) explanation.hidden = true;
  const params = new URLSearchParams(location.search);
  const a = slugFrom(params.get('a') ?? '');
  const b = slugFrom(params.get('b') ?? '');
  // A list of every article, or (on a large corpus) a text field for one's address or slug.
  const selects = {
    a: form.elements.namedItem('a') as HTMLSelectElement | HTMLInputElement,
    b: form.elements.namedItem('b') as HTMLSelectElement | HTMLInputElement,
  };
  if (SLUG.test(a)) selects.a.value = a;
  if (SLUG.test(b)) selects.b.value = b;
  if (!SLUG.test(a) || !SLUG.test(b)) {
    status.textContent = a === '' && b === '' ? 'Choose two articles to compare.' : 'Choose the second article to compare with.';
    return;
  }
  if (a === b) {
    status.textContent = 'Both are the same article: choose another one to compare with.';
    return;
  }
  status.textContent = 'Loading the two articles…';
  const [first, second] = await Promise.all([load(a), load(b)]);
  if (first === null || second === null) {
    status.textContent = `No article here is called “${first === null ? a : b}”: choose another one.`;
    return;
  }
  view.replaceChildren(render(first, second));
  view.hidden = false;
  document.title = `Compare: ${shownTitle(first)} and ${shownTitle(second)} · Dossier`;
  status.textContent = `Comparing “${shownTitle(first)}” and “${shownTitle(second)}”.`;
}
