/**
 * The static file server of `npm start`, the browser tests and the benchmarks: serves one built site folder (dist/ or
 * a generated one) on 127.0.0.1 as a static host would. `sirv` does the serving: the path check (nothing
 * outside the folder), `/articles/x/` -> its index.html, HEAD and ranges. This module adds what the site
 * needs on top: 404.html with a 404 status, the content types the site's endpoints declare, and compression of
 * text files (brotli or gzip, as the request accepts), as every static host sends them.
 * "/articles/x/" -> dist/articles/x/index.html; "/nope/" or "/../secret" -> 404 with dist/404.html
 * "/search/" with "Accept-Encoding: gzip" -> its index.html gzipped, Content-Encoding: gzip, Vary: Accept-Encoding
 */
import { readFileSync, statSync, type Stats } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
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
  '.csv': 'text/csv; charset=utf-8; header=present',
};

/**
 * What is worth compressing: text, and WebAssembly. Pagefind's index files (.pf_fragment, .pf_index, .pf_meta,
 * .pf_filter) and its WebAssembly (.pagefind) are gzip already, unpacked by Pagefind itself: never compressed again.
 * Fonts (woff2, woff) are compressed formats.
 */
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.json', '.xml', '.svg', '.txt', '.bib', '.csv', '.wasm', '.ttf']);

type Encoding = 'br' | 'gzip';

/**
 * The encoding to send for an Accept-Encoding header: brotli before gzip, nothing for "identity", "gzip;q=0" or none.
 * "gzip, deflate, br, zstd" -> "br"; "gzip" -> "gzip"; "" -> undefined
 */
export function chooseEncoding(accept: string | undefined): Encoding | undefined {
  const accepted = new Map<string, number>();
  for (const part of (accept ?? '').split(',')) {
    const [name = '', ...parameters] = part.trim().toLowerCase().split(';');
    const q = parameters.map((parameter) => /^\s*q=([\d.]+)\s*$/.exec(parameter)?.[1]).find((value) => value !== undefined);
    if (name) accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const weight = (encoding: Encoding) => accepted.get(encoding) ?? accepted.get('*') ?? 0;
  return (['br', 'gzip'] as const).find((encoding) => weight(encoding) > 0);
}

// Compressed bytes per file, encoding, size and modification time: a rebuilt file is compressed again, a repeated
// request costs a stat. Brotli at its highest quality and gzip at 9, as a host's pre-compressed files would be.
const compressed = new Map<string, Buffer>();
function compressedFile(file: string, stats: Stats, encoding: Encoding): Buffer {
  const key = `${encoding} ${stats.size} ${stats.mtimeMs} ${file}`;
  let bytes = compressed.get(key);
  if (!bytes) {
    const raw = readFileSync(file);
    bytes =
      encoding === 'br'
        ? brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } })
        : gzipSync(raw, { level: 9 });
    for (const old of compressed.keys()) if (old.endsWith(` ${file}`) && old.startsWith(`${encoding} `)) compressed.delete(old);
    compressed.set(key, bytes);
  }
  return bytes;
}

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
  // The response to compress, and how, found once sirv has chosen the file (setHeaders below); sirv then writes
  // the file's bytes through writeHead/write/end, which sendCompressed replaces for that response.
  const sendCompressed = (request: IncomingMessage, response: ServerResponse, file: string, stats: Stats) => {
    response.setHeader('Vary', 'Accept-Encoding');
    const encoding = chooseEncoding(request.headers['accept-encoding']);
    // A range is of the file's own bytes: sirv sends it as it is.
    if (!encoding || request.headers.range) return;
    const body = compressedFile(file, stats, encoding);
    const writeHead = response.writeHead.bind(response);
    response.writeHead = ((status: number, headers?: Record<string, string | number>) => {
      return writeHead(status, { ...headers, 'Content-Encoding': encoding, 'Content-Length': body.length });
    }) as typeof response.writeHead;
    // sirv pipes the file into the response: its chunks are dropped and the compressed body sent at its end.
    response.write = ((_chunk: unknown, ...rest: unknown[]) => {
      const callback = rest.find((argument) => typeof argument === 'function') as (() => void) | undefined;
      callback?.();
      return true;
    }) as typeof response.write;
    const end = response.end.bind(response);
    response.end = ((..._rest: unknown[]) => end(request.method === 'HEAD' ? undefined : body)) as typeof response.end;
  };
  const requests = new WeakMap<ServerResponse, IncomingMessage>();
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
      const request = requests.get(response);
      if (request && COMPRESSIBLE.has(extension)) sendCompressed(request, response, file, stats);
    },
  });
  const server: Server = createServer((request, response) => {
    requests.set(response, request);
    serve(request, response);
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ origin: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}
