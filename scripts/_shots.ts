import { launchBrowser } from './bench/measure-browser.ts';
import { serveStatic } from './static-server.ts';
const [dist, ...pages] = process.argv.slice(2);
const server = await serveStatic(dist!);
const browser = await launchBrowser();
for (const scheme of ['light', 'dark'] as const) for (const width of [360, 1280]) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
  await context.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) => route.abort());
  const page = await context.newPage();
  for (const p of pages) {
    await page.goto(server.origin + p, { waitUntil: 'networkidle' });
    const name = `/tmp/shots/${p.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home'}-${width}-${scheme}.png`;
    await page.screenshot({ path: name, fullPage: true });
    console.log(name);
  }
  await context.close();
}
await browser.close();
await server.close();
