/**
 * Lighthouse over one page of each type of a built site, for `npm run bench:search`: its CLI (npm `lighthouse`),
 * one run per page, on the project's Chromium (CHROME_PATH, `--headless=new --no-sandbox`), with Lighthouse's
 * default settings (a phone, throttled by simulation). A figure to read, not a test: scores vary with the machine.
 *   lighthousePages("dist") -> [{ type: "home", path: "/" }, { type: "article (longest)", path: "/articles/x/" }, ...]
 *   runLighthouse("http://127.0.0.1:4000", "/", chromium) -> { performance: 1, accessibility: 1, bestPractices: 1, seo: 1, cls: 0 }
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** One page to run Lighthouse on, and what kind of page it is. */
export interface LighthousePage {
  type: string;
  path: string;
}

/** Lighthouse's four category scores (0-1) and the page's cumulative layout shift. */
export interface LighthouseFigure {
  performance: number | null;
  accessibility: number | null;
  bestPractices: number | null;
  seo: number | null;
  cls: number | null;
  /** The weighted audits that did not pass (score under 0.9), by id: what to look at first. */
  failing: string[];
}

/**
 * One page of each type the site has, read from the built folder: the longest article, the first topic, source and
 * passage, the first two sources compared; the pages that read a query from their address with a word the corpus uses.
 */
export function lighthousePages(dist: string): LighthousePage[] {
  const dirs = (folder: string) =>
    existsSync(path.join(dist, folder))
      ? readdirSync(path.join(dist, folder), { withFileTypes: true })
          .filter((entry) => entry.isDirectory() && existsSync(path.join(dist, folder, entry.name, 'index.html')) && !/^\d+$|^page$/.test(entry.name))
          .map((entry) => entry.name)
          .sort()
      : [];
  const articles = dirs('articles');
  const size = (slug: string) => statSync(path.join(dist, 'articles', slug, 'index.html')).size;
  const longest = [...articles].sort((a, b) => size(b) - size(a))[0];
  const [topic] = dirs('topics');
  const [passage] = dirs('reuse');
  const [source] = dirs('sources').filter((slug) => slug !== 'raw');
  const [a, b] = articles;
  // The sources /compare-sources/ can compare: those with word counts (/compare-sources/<slug>.json).
  const folder = path.join(dist, 'compare-sources');
  const [sourceA, sourceB] = existsSync(folder)
    ? readdirSync(folder)
        .filter((name) => name.endsWith('.json'))
        .map((name) => name.slice(0, -'.json'.length))
        .sort()
    : [];
  const pages: (LighthousePage | false | undefined)[] = [
    { type: 'home', path: '/' },
    longest !== undefined && { type: 'article (longest)', path: `/articles/${longest}/` },
    { type: 'topic index', path: '/topics/' },
    topic !== undefined && { type: 'topic', path: `/topics/${topic}/` },
    { type: 'search', path: '/search/?q=iaea' },
    { type: 'concordance', path: '/concordance/?q=iaea' },
    existsSync(path.join(dist, 'trends', 'index.html')) && { type: 'trends', path: '/trends/?q=iaea' },
    existsSync(path.join(dist, 'timeline', 'index.html')) && { type: 'timeline', path: '/timeline/' },
    a !== undefined && b !== undefined && { type: 'compare', path: `/compare/?a=${a}&b=${b}` },
    sourceA !== undefined && sourceB !== undefined && { type: 'compare sources', path: `/compare-sources/?a=${sourceA}&b=${sourceB}` },
    { type: 'works cited', path: '/references/' },
    { type: 'shared passages', path: '/reuse/' },
    passage !== undefined && { type: 'shared passage', path: `/reuse/${passage}/` },
    { type: 'sources', path: '/sources/' },
    source !== undefined && { type: 'source', path: `/sources/${source}/` },
    { type: 'about', path: '/about/' },
  ];
  return pages.filter((page): page is LighthousePage => Boolean(page));
}

/** Run Lighthouse once on `origin` + `pagePath` with the given Chromium; its report's scores. */
export async function runLighthouse(origin: string, pagePath: string, chromium: string): Promise<LighthouseFigure> {
  const cli = fileURLToPath(import.meta.resolve('lighthouse/cli/index.js'));
  const args = [
    cli,
    new URL(pagePath, origin).href,
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu',
    '--only-categories=performance,accessibility,best-practices,seo',
    '--output=json',
    '--output-path=stdout',
    '--quiet',
  ];
  const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, args, { env: { ...process.env, CHROME_PATH: chromium }, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('close', (exit) => resolve({ code: exit ?? 1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
  if (code !== 0) throw new Error(`lighthouse ${pagePath} failed (exit code ${code}): ${stderr.slice(-1000)}`);
  const report = JSON.parse(stdout) as {
    categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] } | undefined>;
    audits: Record<string, { numericValue?: number; score: number | null } | undefined>;
  };
  const weighted = new Set(
    Object.values(report.categories).flatMap((category) => (category?.auditRefs ?? []).filter((ref) => ref.weight > 0).map((ref) => ref.id)),
  );
  return {
    performance: report.categories['performance']?.score ?? null,
    accessibility: report.categories['accessibility']?.score ?? null,
    bestPractices: report.categories['best-practices']?.score ?? null,
    seo: report.categories['seo']?.score ?? null,
    cls: report.audits['cumulative-layout-shift']?.numericValue ?? null,
    failing: [...weighted].filter((id) => {
      const score = report.audits[id]?.score;
      return typeof score === 'number' && score < 0.9;
    }),
  };
}
