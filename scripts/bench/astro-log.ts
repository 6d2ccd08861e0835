/**
 * Astro's own timings, read from the log of an `astro build`: setup (content sync, config), bundling, page rendering,
 * the pages built, and the costliest routes (the per-page times Astro prints, summed by route).
 *   "[build] 1204 page(s) built in 45.08s" … -> { pages: 1204, phases: { 'bundle (Vite)': 9.1, … }, routes: [...] }
 */
import { readFileSync } from 'node:fs';

/** The pages of one route and the time Astro gave them. */
export interface RouteTime {
  route: string;
  pages: number;
  ms: number;
}

/** "1m 26s", "45.08s", "476ms" -> seconds. */
function duration(text: string): number {
  let seconds = 0;
  for (const [, value, unit] of text.matchAll(/([\d.]+)\s*(ms|m|s)\b/g)) seconds += Number(value) * (unit === 'ms' ? 0.001 : unit === 'm' ? 60 : 1);
  return seconds;
}

/** Astro's own timings from its build log: setup (content sync, config), bundling, page rendering; pages per route. */
export function astroTimings(log: string): { pages: number; phases: Record<string, number>; routes: RouteTime[] } {
  const text = readFileSync(log, 'utf8').replace(/\x1b\[[0-9;]*m/g, '');
  const phases: Record<string, number> = {};
  const setup = /\[build\] Collecting build info\.\.\.\s*\n.*\[build\] ✓ Completed in ([^\n]+)\./.exec(text);
  if (setup) phases['setup (content sync, types)'] = duration(setup[1]!);
  const bundled = /\[vite\] ✓ built in ([^\n]+)/.exec(text);
  if (bundled) phases['bundle (Vite)'] = duration(bundled[1]!);
  const rendered = /generating static routes[\s\S]*?\n[^\n]*✓ Completed in ([^\n]+)\./.exec(text);
  if (rendered) phases['render (static routes)'] = duration(rendered[1]!);
  const pages = Number(/\[build\] (\d+) page\(s\) built in/.exec(text)?.[1] ?? 0);
  const routes = new Map<string, { pages: number; ms: number }>();
  for (const [, page, ms, unit] of text.matchAll(/[├└]─ (\S+) \(\+([\d.]+)(ms|s)\)/g)) {
    const route = page!
      .replace(/^\/articles\/[^/]+\//, '/articles/[slug]/')
      .replace(/^\/topics\/[^/]+\//, '/topics/[slug]/')
      .replace(/^\/sources\/raw\/[^/]+\/?$/, '/sources/raw/[file]')
      .replace(/^\/sources\/(?!raw\/)[^/]+\//, '/sources/[slug]/');
    const entry = routes.get(route) ?? { pages: 0, ms: 0 };
    entry.pages++;
    entry.ms += Number(ms) * (unit === 's' ? 1000 : 1);
    routes.set(route, entry);
  }
  return {
    pages,
    phases,
    routes: [...routes]
      .map(([route, value]) => ({ route, ...value, ms: Math.round(value.ms) }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 12),
  };
}
