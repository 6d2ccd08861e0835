/**
 * The test and benchmark server: index pages, 404.html, content types, compression as a host sends it, and nothing
 * served from outside its folder.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chooseEncoding, serveStatic } from '../../scripts/lib/static-server.ts';

const SECRET = 'secret outside the site';
// A page long enough that compression shows, and a Pagefind file: gzip inside, which Pagefind unpacks itself.
const LONG_PAGE = `<h1>long</h1>${'<p>the same paragraph again, as a page repeats its markup</p>'.repeat(200)}`;
const PAGEFIND_FILE = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02, 0x03]);
let dir: string;
let server: Awaited<ReturnType<typeof serveStatic>>;

/** GET `target` exactly as written: fetch() would resolve `..` before sending it, and would undo any compression. */
function get(
  target: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<{ status: number; type: string; body: Buffer; headers: Record<string, string | string[] | undefined> }> {
  const { hostname, port } = new URL(server.origin);
  return new Promise((resolve, reject) => {
    request({ hostname, port, path: target, headers, method }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, type: response.headers['content-type'] ?? '', body: Buffer.concat(chunks), headers: response.headers }),
      );
    })
      .on('error', reject)
      .end();
  });
}

/** Write `files` (path -> content) under `root`. */
function writeTree(root: string, files: Record<string, string | Buffer>) {
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  }
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'dossier-static-'));
  // "site" is served; "siteX" beside it shares its name as a prefix, the case a bare startsWith(root) lets through.
  writeTree(path.join(dir, 'site'), {
    'index.html': '<h1>home</h1>',
    '404.html': '<h1>not found page</h1>',
    'articles/x/index.html': '<h1>article x</h1>',
    'sources/raw/index.html': '<h1>raw sources</h1>',
    'sources/raw/utf8.txt': 'caf\u00e9\n',
    'sources/raw/latin1.txt': Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]),
    'sources/raw/feed.xml': '<rss/>',
    'style.css': 'p{}',
    'app.js': '1',
    'corpus.json': '{}',
    'rss.xml': '<rss/>',
    'favicon.svg': '<svg/>',
    'module.wasm': Buffer.from([0, 0x61, 0x73, 0x6d]),
    'corpus.bib': '@article{x}',
    'corpus.csl.json': '[]',
    'fonts/katex.woff2': Buffer.from([0x77, 0x4f, 0x46, 0x32]),
    'notes.txt': 'notes',
    'table.csv': 'a,b\n',
    'pagefind/wasm.en.pagefind': Buffer.from([0x1f, 0x8b]),
    'pagefind/fragment/en_1.pf_fragment': PAGEFIND_FILE,
    'long.html': LONG_PAGE,
  });
  writeTree(path.join(dir, 'siteX'), { 'secret.txt': SECRET });
  writeTree(dir, { 'secret.txt': SECRET });
  server = await serveStatic(path.join(dir, 'site'));
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('serveStatic', () => {
  test.each([
    ['/', 'home'],
    ['/articles/x/', 'article x'],
    ['/sources/raw/', 'raw sources'],
  ])('%s serves its index.html', async (target, heading) => {
    const response = await get(target);
    expect(response.status).toBe(200);
    expect(response.type).toBe('text/html; charset=utf-8');
    expect(response.body.toString()).toContain(heading);
  });

  test.each(['/nope/', '/articles/y/', '/style.css.map'])('%s is a 404 with the site’s 404.html', async (target) => {
    const response = await get(target);
    expect(response.status).toBe(404);
    expect(response.type).toBe('text/html; charset=utf-8');
    expect(response.body.toString()).toContain('not found page');
  });

  test.each([
    '/../secret.txt',
    '/../siteX/secret.txt',
    '/articles/../../siteX/secret.txt',
    '/%2e%2e/siteX/secret.txt',
    '/%2E%2E/secret.txt',
    '/..%2fsiteX%2fsecret.txt',
    '/%2e%2e%2fsecret.txt',
    '/..\\secret.txt',
  ])('%s does not leave the folder', async (target) => {
    const response = await get(target);
    expect(response.status).toBe(404);
    expect(response.body.toString()).not.toContain(SECRET);
  });

  test.each([
    ['/style.css', 'text/css; charset=utf-8'],
    ['/app.js', 'text/javascript; charset=utf-8'],
    ['/corpus.json', 'application/json; charset=utf-8'],
    ['/rss.xml', 'application/xml; charset=utf-8'],
    ['/favicon.svg', 'image/svg+xml'],
    ['/module.wasm', 'application/wasm'],
    ['/corpus.bib', 'application/x-bibtex; charset=utf-8'],
    ['/corpus.csl.json', 'application/json; charset=utf-8'],
    ['/fonts/katex.woff2', 'font/woff2'],
    ['/notes.txt', 'text/plain; charset=utf-8'],
    ['/table.csv', 'text/csv; charset=utf-8; header=present'],
    // As their endpoint says: a charset only when the bytes are UTF-8.
    ['/sources/raw/utf8.txt', 'text/plain; charset=utf-8'],
    ['/sources/raw/latin1.txt', 'text/plain'],
    ['/sources/raw/feed.xml', 'application/xml; charset=utf-8'],
    // Pagefind unpacks its own gzip: plain bytes.
    ['/pagefind/wasm.en.pagefind', 'application/octet-stream'],
  ])('%s is served as %s', async (target, type) => {
    const response = await get(target);
    expect(response.status).toBe(200);
    expect(response.type).toBe(type);
  });

  test.each([
    ['gzip', gunzipSync],
    ['gzip, deflate, br, zstd', brotliDecompressSync],
  ] as const)('a text file asked for with "Accept-Encoding: %s" comes compressed, and unpacks to the file', async (accept, inflate) => {
    const response = await get('/long.html', { 'Accept-Encoding': accept });
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe(accept === 'gzip' ? 'gzip' : 'br');
    expect(response.headers['vary']).toBe('Accept-Encoding');
    expect(response.type).toBe('text/html; charset=utf-8');
    expect(Number(response.headers['content-length'])).toBe(response.body.length);
    expect(response.body.length).toBeLessThan(LONG_PAGE.length / 10);
    expect(inflate(response.body).toString()).toBe(LONG_PAGE);
    // Again, from memory: the same bytes.
    expect((await get('/long.html', { 'Accept-Encoding': accept })).body).toEqual(response.body);
  });

  test('a HEAD request says what the GET would send, without a body', async () => {
    const get_ = await get('/long.html', { 'Accept-Encoding': 'gzip' });
    const head = await get('/long.html', { 'Accept-Encoding': 'gzip' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-encoding']).toBe('gzip');
    expect(head.headers['content-length']).toBe(String(get_.body.length));
    expect(head.body.length).toBe(0);
  });

  test.each<Record<string, string>>([{}, { 'Accept-Encoding': 'identity' }, { 'Accept-Encoding': 'gzip;q=0' }])(
    'a request with %j gets the file as it is',
    async (headers) => {
      const response = await get('/long.html', headers);
      expect(response.headers['content-encoding']).toBeUndefined();
      expect(response.headers['vary']).toBe('Accept-Encoding');
      expect(response.headers['content-length']).toBe(String(Buffer.byteLength(LONG_PAGE)));
      expect(response.body.toString()).toBe(LONG_PAGE);
    },
  );

  test.each(['/pagefind/fragment/en_1.pf_fragment', '/pagefind/wasm.en.pagefind', '/fonts/katex.woff2'])(
    '%s, compressed already, is sent as its bytes whatever the request accepts',
    async (target) => {
      const response = await get(target, { 'Accept-Encoding': 'gzip, deflate, br' });
      expect(response.status).toBe(200);
      expect(response.headers['content-encoding']).toBeUndefined();
      expect(response.body).toEqual(readFileSync(path.join(dir, 'site', target)));
    },
  );

  test('a range is of the file’s own bytes', async () => {
    const response = await get('/long.html', { 'Accept-Encoding': 'gzip', Range: 'bytes=0-12' });
    expect(response.status).toBe(206);
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.body.toString()).toBe('<h1>long</h1>');
  });

  test('raw sources are the bytes on disk', async () => {
    expect((await get('/sources/raw/latin1.txt')).body).toEqual(Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
  });
});

test.each([
  ['gzip, deflate, br, zstd', 'br'],
  ['gzip', 'gzip'],
  ['br;q=0, gzip;q=0.5', 'gzip'],
  ['*', 'br'],
  ['identity', undefined],
  ['gzip;q=0', undefined],
  ['', undefined],
])('Accept-Encoding "%s" -> %s', (accept, encoding) => {
  expect(chooseEncoding(accept)).toBe(encoding);
});

test('`npm start` and `npm run serve` serve dist/ with this server (astro preview sends .xml without a charset, .bib untyped)', () => {
  const { scripts } = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../package.json'), 'utf8')) as { scripts: Record<string, string> };
  expect(scripts['start']).toMatch(/&& node scripts\/serve-dist\.ts\b/);
  expect(scripts['serve']).toMatch(/^node scripts\/serve-dist\.ts\b/);
});
