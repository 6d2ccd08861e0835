// Topic pages on the fixture corpus, whose shape is known: the curator's one stance (tests/fixture-corpus/catalog.yaml:
// the plain text without author or date critiques the nuclear analogy) shown as set by the curator and filterable with
// no script; the strongest passage first with its terms marked, the rest behind "Show all", which opens without a
// script; "Summit", a single ordinary word, never a topic link.
import { SHOWN_PASSAGES } from '../../src/utils/topic-passages.ts';
import { loadArticles } from '../helpers/entries.ts';
import { FIXTURE_SITE } from '../helpers/sites.ts';
import { expect, test } from '../e2e/fixtures.ts';

const articles = loadArticles(FIXTURE_SITE);
const critique = articles.find((article) => article.source.file === '000_44948af1af52c1da.txt')!;
const onTopic = articles.filter((article) => article.topics.includes('iaea-nuclear-analogy'));

test('the catalog’s stance is in the entry, for the topic it names only', () => {
  expect(critique.stance).toEqual({ 'iaea-nuclear-analogy': 'critiques' });
  for (const article of articles) if (article !== critique) expect(article.stance).toBeUndefined();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the stance shows next to its article as set by the curator, and the filter shows one stance at a time', async ({ page }) => {
    await page.goto('/topics/iaea-nuclear-analogy/');
    const sections = page.locator('.topic-article');
    await expect(sections).toHaveCount(onTopic.length);
    const own = page.locator(`[id="article-${critique.slug}"]`);
    await expect(own.locator('.stance')).toHaveText('Stance on this topic: critiques (set by the curator)');
    await expect(page.locator('.stance')).toHaveCount(1);

    const filter = page.getByRole('navigation', { name: 'Show the articles by the stance the curator set:' });
    await expect(filter.getByRole('link')).toHaveText([`All (${onTopic.length})`, 'Critiques (1)', `No stance set (${onTopic.length - 1})`]);
    await filter.getByRole('link', { name: 'Critiques (1)' }).click();
    await expect(page).toHaveURL(/#stance-critiques$/);
    await expect(own).toBeVisible();
    await expect(sections.filter({ visible: true })).toHaveCount(1);
    await expect(page.getByText('Showing the 1 article the curator marked as “critiques”.')).toBeVisible();

    await filter.getByRole('link', { name: /^No stance set/ }).click();
    await expect(own).toBeHidden();
    await expect(sections.filter({ visible: true })).toHaveCount(onTopic.length - 1);

    await filter.getByRole('link', { name: /^All/ }).click();
    await expect(sections.filter({ visible: true })).toHaveCount(onTopic.length);
  });

  test('"Show all" opens the rest of an article’s passages, strongest first after the ones shown', async ({ page }) => {
    // The article with the most passages on one topic: more than a topic page shows at first.
    const [found] = articles
      .flatMap((article) => article.topics.map((topic) => ({ topic, article, count: article.passages.filter((p) => p.topics.includes(topic)).length })))
      .sort((a, b) => b.count - a.count);
    expect(found?.count, 'passages of one fixture article on one topic').toBeGreaterThan(SHOWN_PASSAGES);
    const { topic, article, count } = found!;
    await page.goto(`/topics/${topic}/`);
    const section = page.locator(`[id="article-${article.slug}"]`);
    const hidden = section.locator('details.more-passages .passages > li');
    await expect(hidden.first()).toBeHidden();
    await section.locator('details.more-passages summary').click();
    await expect(hidden.first()).toBeVisible();
    await expect(section.locator('.passages > li')).toHaveCount(count);
    const strengths = await section.locator('.passages > li').evaluateAll((items) => items.map((item) => Number(item.getAttribute('data-strength'))));
    expect(strengths).toEqual([...strengths].sort((a, b) => b - a));
  });

  test('a topic with no stance set offers no stance filter', async ({ page }) => {
    const other = critique.topics.find((slug) => slug !== 'iaea-nuclear-analogy')!;
    await page.goto(`/topics/${other}/`);
    await expect(page.locator('.stance-filter')).toHaveCount(0);
    await expect(page.locator('.stance')).toHaveCount(0);
  });
});

test('the topic page leads with the strongest evidence, its terms marked and named with their strength', async ({ page }) => {
  await page.goto('/topics/iaea-nuclear-analogy/');
  await expect(page.getByRole('heading', { level: 2, name: 'Passages that mention it' })).toBeVisible();
  // The Diplo feed item's opening passage: the IAEA, its safeguards agreements and the NPT (7 points).
  const first = page.locator('.topic-article').first();
  await expect(first.locator('h3')).toHaveText('A Critical Assessment of the “IAEA for AI” Model');
  const passage = first.locator('.passages > li').first();
  await expect(passage).toHaveAttribute('data-strength', '7');
  await expect(passage.locator('mark[data-term="iaea"]').first()).toHaveText('IAEA');
  await expect(passage.locator('mark[data-term="npt"]').first()).toHaveText('NPT');
  await expect(passage.locator('.passage-evidence')).toContainText('Strength 7:');
  await expect(passage.locator('.passage-evidence code').first()).toHaveText('iaea');
  // The rest behind "Show all".
  const more = first.locator('details.more-passages');
  await expect(more.locator('summary')).toHaveText(/^Show all \d+ passages \(\d+ more\)$/);
  await expect(more).not.toHaveAttribute('open');
  // How passages are found and ranked.
  await page.getByRole('link', { name: 'How passages are found and ranked' }).click();
  await expect(page).toHaveURL(/\/about\/#topic-pages$/);
  await expect(page.locator('#topic-pages')).toBeInViewport();
});

test('“Summit”, a single ordinary word, is not a topic link; the forum topic links a term of weight', async ({ page }) => {
  const assessment = articles.find((article) => article.title === 'A Critical Assessment of the “IAEA for AI” Model')!;
  await page.goto(`/articles/${assessment.slug}/`);
  await expect(
    page
      .locator('.prose')
      .getByText(/\bSummit\b/)
      .first(),
  ).toBeVisible();
  await expect(page.locator('.prose a.topic-link', { hasText: /^Summit$/i })).toHaveCount(0);
  await expect(page.locator('.prose a.topic-link[data-topic="international-forums"]')).toHaveText('Secretary-General');
});

test('the topic on every article is flagged on its page and in the topic index', async ({ page }) => {
  const every = [...new Set(articles.flatMap((article) => article.topics))].filter((slug) => articles.every((article) => article.topics.includes(slug)));
  expect(every).toEqual(['us-led-order']);
  await page.goto('/topics/us-led-order/');
  await expect(page.getByRole('note')).toContainText(`On every article. All ${articles.length} articles in this reading room carry this topic`);
  await page.goto('/topics/');
  await expect(page.locator('.topic-grid [data-topic="us-led-order"]')).toContainText('on every article, so it does not tell them apart');
  await expect(page.locator('.topic-grid [data-every-article]')).toHaveCount(1);
});

test('an inferred title is marked on the topic page, the matrix and the home page; a feed’s given title is not', async ({ page }) => {
  expect(critique.origins.title).toBe('inferred');
  await page.goto('/topics/iaea-nuclear-analogy/');
  await expect(page.locator(`[id="heading-${critique.slug}"] .inferred-mark`)).toHaveCount(1);
  await expect(page.locator('.topic-article').first().locator('h3 .inferred-mark')).toHaveCount(0);
  await page.goto('/topics/');
  const column = page.locator('table.article-matrix thead th').filter({ has: page.locator(`a[href="/articles/${critique.slug}/"]`) });
  await expect(column.getByRole('img', { name: 'title inferred from the text' })).toBeVisible();
  await page.goto('/');
  const card = page.locator('.card').filter({ has: page.locator(`a[href="/articles/${critique.slug}/"]`) });
  await expect(card.locator('h3 .inferred-mark')).toHaveAttribute('title', /source gives no headline/);
});
