/**
 * `node scripts/serve-dist.ts [--port 4329]`: serve the built site in dist/ on 127.0.0.1 for the
 * browser tests. (Astro's own preview allows one server per project, which clashes with a running one.)
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { serveStatic } from './static-server.ts';

const { values } = parseArgs({ options: { port: { type: 'string', default: '4329' } } });
const server = await serveStatic(path.resolve(import.meta.dirname, '..', 'dist'), Number(values.port));
console.log(`serving dist/ at ${server.origin}/`);
