// Shared passages on the real corpus: /reuse/ shows the wording a critique quotes from the press and another article
// paraphrases, with both articles, each link landing on its paragraph; the article pages mark the paragraph "Also in"
// the other, out of the search index; /reuse.json has the same passages. Which articles share it is derived from the
// entries (the ones whose paragraphs use the distinctive words), and what is shared is found by running the detector on
// the entries' paragraphs, as the build does.
import { parseMdx } from '../../src/core/mdx.ts';
import { anchoredParagraphs, paragraphIds } from '../../src/core/paragraph-id.ts';
import { reusePassagePath, reusePath } from '../../src/core/urls.ts';
import { REUSE_SCHEMA_VERSION } from '../../src/schemas/reuse-export.ts';
import { PAGE_SIZE, pageOfIndex } from '../../src/utils/pagination.ts';
import { ALSO_IN_SHOWN, buildReuse, type SharedVersion } from '../../src/utils/reuse.ts';
import { entryBody, loadArticles } from '../helpers/entries.ts';
import { fetchReuse } from './exports.ts';
import { expect, test } from './fixtures.ts';
import { citedTitle } from '../../src/utils/citation.ts';

const articles = loadArticles();
const paragraphs = new Map(
  articles.map((article) => {
    const found = anchoredParagraphs(parseMdx(entryBody(article)));
    const ids = paragraphIds(found.map(({ text }) => text));
    return [article.slug, found.map(({ text }, index) => ({ id: ids[index]!, text }))];
  }),
);
const reuse = buildReuse(articles, paragraphs);

// The press wording: an "American oligopoly" that includes someone's "own company", in the entries that use those words.
const DISTINCTIVE = [/\bAmerican oligopoly\b/, /\bown company\b/];
const using = [...paragraphs].filter(([, list]) => list.some(({ text }) => DISTINCTIVE.every((words) => words.test(text)))).map(([slug]) => slug);
const oligopoly = reuse.clusters.find((cluster) => cluster.versions.some(({ text }) => DISTINCTIVE.every((words) => words.test(text))));
const titleOf = (slug: string) => articles.find((article) => article.slug === slug)!.title;
// The page of /reuse/ that shows it, and the versions shown there.
const oligopolyPath = reusePath(undefined, pageOfIndex(reuse.clusters.indexOf(oligopoly!), PAGE_SIZE.reusePassages));
const shownVersions = oligopoly!.versions.slice(0, PAGE_SIZE.reuseVersions);

test('the entries that use the distinctive wording share it as one passage', () => {
  expect(using.length, 'articles whose paragraphs use the wording').toBeGreaterThanOrEqual(2);
  expect(oligopoly, 'a shared passage with the wording').toBeDefined();
  expect(new Set(oligopoly!.versions.map(({ slug }) => slug))).toEqual(new Set(using));
});

test('/reuse/ shows the shared wording with both articles, the versions side by side, the differences marked', async ({ page }) => {
  await page.goto(oligopolyPath);
  const section = page.locator(`section#${oligopoly!.id}`);
  await expect(section).toBeVisible();
  for (const version of shownVersions) {
    const item = section.locator(`li[data-slug="${version.slug}"]`);
    await expect(item.getByRole('link', { name: titleOf(version.slug), exact: true })).toBeVisible();
    // The version exactly as its paragraph has it, every space kept.
    expect(await item.locator('blockquote').textContent()).toBe(version.text);
  }
  // The versions differ in a word (a paraphrase), and that word is marked on each side.
  const marks = await section.locator('mark.differs').allTextContents();
  expect(marks.length).toBeGreaterThanOrEqual(2);
  for (const mark of marks) expect(oligopoly!.versions.some(({ text }) => text.includes(mark))).toBe(true);
  // A link to the passage's own page, whose address stays.
  await expect(section.getByRole('link', { name: 'Its own page' })).toHaveAttribute('href', reusePassagePath(oligopoly!.id));
  // Sorted by how many articles share a passage.
  const counts = await page.locator('section.shared-passage').evaluateAll((nodes) => nodes.map((node) => Number(node.getAttribute('data-articles'))));
  expect(counts).toEqual([...counts].sort((a, b) => b - a));
  expect(counts.length).toBeLessThanOrEqual(PAGE_SIZE.reusePassages);
});

test('the passage’s own page shows its versions and links its place on /reuse/', async ({ page }) => {
  await page.goto(reusePassagePath(oligopoly!.id));
  const section = page.locator(`section#${oligopoly!.id}`);
  for (const version of shownVersions) expect(await section.locator(`li[data-slug="${version.slug}"] blockquote`).textContent()).toBe(version.text);
  expect(await page.locator('section.shared-passage').count()).toBe(1);
  await page
    .locator('main')
    .getByRole('link', { name: /of the shared passages$/ })
    .click();
  await expect(page).toHaveURL(new RegExp(`${oligopolyPath}#${oligopoly!.id}$`));
  await expect(page.locator(`section#${oligopoly!.id}`)).toBeInViewport();
});

test('each version’s link lands on its paragraph, which holds the version', async ({ page }) => {
  for (const version of shownVersions) {
    await page.goto(oligopolyPath);
    await page.locator(`section#${oligopoly!.id} li[data-slug="${version.slug}"]`).getByRole('link', { name: 'Read it in context' }).click();
    await expect(page).toHaveURL(new RegExp(`/articles/${version.slug}/#${version.paragraph}$`));
    const paragraph = page.locator(`[id="${version.paragraph}"]`);
    await expect(paragraph).toBeInViewport();
    expect(await paragraph.textContent()).toContain(version.text);
  }
});

test('the paragraph on each article page says "Also in:" the other, with links to its paragraph and to the passage, out of the search index', async ({
  page,
}) => {
  for (const version of oligopoly!.versions) {
    await page.goto(`/articles/${version.slug}/`);
    // Right after the paragraph, or after the quotation that holds it.
    const marker = page.locator(`[id="${version.paragraph}"] + .also-in, blockquote:has([id="${version.paragraph}"]) + .also-in`);
    await expect(marker).toBeVisible();
    await expect(marker).toHaveAttribute('data-pagefind-ignore', '');
    expect(await marker.textContent()).toMatch(/^Also in: /);
    // The other articles by title, each at its first version, the first ALSO_IN_SHOWN of them; the rest counted.
    const firstOf = new Map<string, SharedVersion>();
    for (const other of oligopoly!.versions) if (other.slug !== version.slug && !firstOf.has(other.slug)) firstOf.set(other.slug, other);
    for (const other of [...firstOf.values()].slice(0, ALSO_IN_SHOWN)) {
      const link = marker.locator(`a[href="/articles/${other.slug}/#${other.paragraph}"]`);
      await expect(link).toHaveCount(1);
      // As citations give it: an inferred title in brackets, without its own closing full stop.
      expect(await link.textContent()).toBe(citedTitle(articles.find((article) => article.slug === other.slug)!));
    }
    if (firstOf.size > ALSO_IN_SHOWN) expect(await marker.textContent()).toContain(`and ${firstOf.size - ALSO_IN_SHOWN} more`);
    // The passage's own page, an address that stays when the passage moves to another page of /reuse/.
    await expect(marker.getByRole('link', { name: 'compare the versions' })).toHaveAttribute('href', reusePassagePath(oligopoly!.id));
  }
  // A paragraph that shares nothing has no marker: every marker follows a paragraph with a version of some passage.
  for (const slug of using) {
    await page.goto(`/articles/${slug}/`);
    const marked = await page.locator('.also-in').evaluateAll((nodes) =>
      nodes.map((node) => {
        let before = node.previousElementSibling;
        while (before?.classList.contains('also-in')) before = before.previousElementSibling;
        if (before?.tagName === 'BLOCKQUOTE') return [...before.querySelectorAll('.para')].at(-1)?.id;
        return before?.id || node.parentElement?.id;
      }),
    );
    expect(new Set(marked)).toEqual(new Set(reuse.ownVersions.get(slug)!.map((version) => version.paragraph)));
  }
});

test('/reuse.json and its parts have the same passages as the pages, with a schema version and exact spans', async ({ request, page }) => {
  const { reuse: index, parts, clusters } = await fetchReuse(request);
  expect(index.schemaVersion).toBe(REUSE_SCHEMA_VERSION);
  expect(index.clusterCount).toBe(reuse.clusters.length);
  expect(clusters.map(({ id }: { id: string }) => id)).toEqual(reuse.clusters.map(({ id }) => id));
  for (const cluster of clusters as {
    id: string;
    permalink: string;
    versions: { slug: string; paragraph: string; start: number; end: number; text: string }[];
  }[]) {
    // Its own page, which shows it.
    expect(new URL(cluster.permalink, 'http://localhost/').pathname).toBe(reusePassagePath(cluster.id));
    const own = await request.get(new URL(cluster.permalink, 'http://localhost/').pathname);
    expect(own.status()).toBe(200);
    expect(await own.text()).toContain(`id="${cluster.id}"`);
    for (const version of cluster.versions) {
      const text = paragraphs.get(version.slug)!.find(({ id }) => id === version.paragraph)!.text;
      expect(text.slice(version.start, version.end)).toBe(version.text);
    }
  }
  // Part n is page n of /reuse/, passage for passage.
  for (const part of parts.slice(0, 2)) {
    await page.goto(new URL(part.part.page, 'http://localhost/').pathname);
    expect(await page.locator('section.shared-passage').evaluateAll((nodes) => nodes.map((node) => node.id))).toEqual(
      part.clusters.map(({ id }: { id: string }) => id),
    );
  }
});
