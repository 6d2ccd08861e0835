/**
 * The static file server of `npm start`, the browser tests and the benchmarks: serves one built site folder (dist/ or
 * a generated one) on 127.0.0.1 as a static host would. `sirv` does the serving: the path check (nothing
 * outside the folder), `/articles/x/` -> its index.html, HEAD and ranges. This module adds what the site
 * needs on top: 404.html with a 404 status, and the content types the site's endpoints declare.
 * "/articles/x/" -> dist/articles/x/index.html; "/nope/" or "/../secret" -> 404 with dist/404.html
 */
import { readFileSync, statSync, type Stats } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import sirv from 'sirv';
import { rawContentType } from '../../src/core/media-types.ts';

// sirv's own table (mrmime) has no .bib, and a charset only on HTML; the build writes every text file as UTF-8.
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.bib': 'application/x-bibtex; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The file sirv chose for `pathname`, whose name gives the content type: sirv tries the path itself, then
 * `<path>/index`, `<path>.html` and `<path>/index.html`; the one with the served file's inode.
 * "/articles/x/" -> "<root>/articles/x/index.html"
 */
function servedFile(root: string, pathname: string, stats: Stats): string {
  const base = path.join(root, pathname.replace(/\/$/, ''));
  const candidates = [base, path.join(base, 'index'), `${base}.html`, path.join(base, 'index.html')];
  // The likeliest first (an inode matches one file whatever the order): a page's index.html on this site.
  if (pathname.endsWith('/')) candidates.reverse();
  return candidates.find((file) => file.startsWith(root + path.sep) && statSync(file, { throwIfNoEntry: false })?.ino === stats.ino) ?? base;
}

/** Serve `root` on `port` (a free one by default); resolves with its origin and a close function. */
export function serveStatic(root: string, port = 0): Promise<{ origin: string; close: () => Promise<void> }> {
  root = path.resolve(root);
  // Raw sources are served as received, so their charset depends on their bytes, as on their endpoint.
  const rawSources = path.join(root, 'sources', 'raw');
  const notFound = (response: ServerResponse) => {
    let page: Buffer | string = 'Not found';
    try {
      page = readFileSync(path.join(root, '404.html'));
    } catch {
      // No 404.html in this site: the plain text above.
    }
    response.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    response.end(page);
  };
  const serve = sirv(root, {
    // Look files up on each request rather than list the folder once at start: a rebuild is served at once.
    dev: true,
    extensions: ['html'],
    onNoMatch: (_request, response) => notFound(response),
    setHeaders: (response, pathname, stats) => {
      const file = servedFile(root, pathname, stats);
      const extension = path.extname(file);
      if (path.dirname(file) === rawSources && extension !== '.html') {
        const bytes = readFileSync(file);
        response.setHeader('Content-Type', rawContentType(extension === '.txt' ? 'text' : 'rss', bytes));
      } else {
        // Pagefind's index files (.pagefind, .pf_*) are gzip inside and unpacked by Pagefind: bytes, no Content-Encoding.
        response.setHeader('Content-Type', TYPES[extension] ?? 'application/octet-stream');
      }
    },
  });
  const server: Server = createServer((request, response) => serve(request, response));
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ origin: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}
