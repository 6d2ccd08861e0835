/**
 * `node scripts/serve-dist.ts [--port 4329] [--dir dist]`: serve a built site (dist/, or another folder relative
 * to the project) on 127.0.0.1, for `npm start` (port 4321) and the browser tests. (Astro's own preview allows one
 * server per project, which clashes with a running one, and sends feeds as text/xml without a charset and BibTeX
 * with no type at all; scripts/lib/static-server.ts sends each file's type and charset, and compresses text as a static
 * host does.)
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { serveStatic } from './lib/static-server.ts';

const { values } = parseArgs({ options: { port: { type: 'string', default: '4329' }, dir: { type: 'string', default: 'dist' } } });
const server = await serveStatic(path.resolve(import.meta.dirname, '..', values.dir), Number(values.port));
console.log(`serving ${values.dir}/ at ${server.origin}/`);
