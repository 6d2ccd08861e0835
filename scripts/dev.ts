/**
 * `npm run dev`: the curator's loop. Ingests the corpus, starts Astro's dev server, and watches the corpus
 * folder (sources/, catalog.yaml, topics.yaml): every change runs the same incremental ingest again (only the
 * sources that changed are ingested; scripts/ingest.ts), and the site's articles loader picks up the entries it
 * wrote (src/loaders/articles.ts), so the open page reloads. A failed ingest leaves the previous entries in place,
 * prints its errors here and writes them to the dev status file, which every page shows as a notice until a run
 * succeeds (src/components/DevIngestNotice.astro). The search index is not rebuilt: `npm run build` does that.
 *
 *   npm run dev                           the project's corpus, on http://localhost:4321/
 *   npm run dev -- --port 4440 --host 127.0.0.1 --root DIR    anything but the options below goes to `astro dev`
 *   --corpus DIR / --out DIR              another corpus and entries folder (the server is told through DOSSIER_*)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, watch } from 'node:fs';
import path from 'node:path';
import { devStatusFile, ingestReportFile } from '../src/core/ingest-files.ts';
import { writeFileAtomic } from './lib/atomic-write.ts';
import { devStatusSchema, ingestReportSchema, type DevStatus } from '../src/schemas/ingest-report.ts';

const root = path.resolve(import.meta.dirname, '..');

/** The corpus options, and every other argument for `astro dev`. */
function parseOptions(args: readonly string[]): { corpus: string; out: string; astro: string[] } {
  const options = { corpus: path.join(root, 'corpus'), out: path.join(root, 'src/content/articles') };
  const astro: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [name, inline] = arg.split(/=(.*)/s, 2) as [string, string | undefined];
    if (name === '--corpus' || name === '--out') {
      const value = inline ?? args[++i];
      if (value === undefined) throw new Error(`${name} needs a folder`);
      options[name === '--corpus' ? 'corpus' : 'out'] = path.resolve(value);
    } else astro.push(arg);
  }
  return { ...options, astro };
}

const { corpus, out, astro } = parseOptions(process.argv.slice(2));
const statusFile = devStatusFile(out);
let run = 0;

/** Run the ingest once (in a child process, as `npm run ingest`; after the first run with --changes, so it tells only
 * what the changed sources became); its output goes to this terminal. */
function ingest(): Promise<DevStatus> {
  const changes = run > 0 ? ['--changes'] : [];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, 'scripts/ingest.ts'), '--corpus', corpus, '--out', out, ...changes], {
      cwd: root,
      stdio: ['ignore', 'inherit', 'pipe'],
    });
    let stderr = '';
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => {
      stderr += chunk;
      process.stderr.write(chunk);
    });
    child.on('close', (code) => {
      // Every source left out is named (with --changes only the changed ones are printed, so ask the report).
      const errors = [
        ...new Set([
          ...stderr
            .split('\n')
            .map((line) => line.trim())
            .filter((line) => line.startsWith('error: ') || line.startsWith('ingest failed'))
            .map((line) => line.replace(/^error: /, '')),
          ...reportErrors(),
        ]),
      ];
      if (code !== 0 && errors.length === 0) errors.push(`the ingest exited with code ${code}`);
      resolve({ run: ++run, ok: code === 0 && errors.length === 0, errors });
    });
  });
}

/** The errors of the sources the last ingest left out, from its report (none when it cannot be read). */
function reportErrors(): string[] {
  try {
    const report = ingestReportSchema.parse(JSON.parse(readFileSync(ingestReportFile(out), 'utf8')));
    return report.sources.flatMap((source) => (source.error === null ? [] : [source.error]));
  } catch {
    return [];
  }
}

/** Write the status for the site (a page never reads half of it). */
function writeStatus(status: DevStatus): void {
  writeFileAtomic(statusFile, `${JSON.stringify(devStatusSchema.parse(status))}\n`);
}

/** One ingest at a time: a change during a run asks for one more run after it. */
let running = false;
let pending = false;
async function reingest(): Promise<void> {
  if (running) {
    pending = true;
    return;
  }
  running = true;
  do {
    pending = false;
    const status = await ingest();
    writeStatus(status);
    console.log(
      status.ok
        ? 'dev: entries up to date'
        : `dev: entries up to date but for ${status.errors.length} source(s) left out (named on every page until fixed); the site keeps their last good entries`,
    );
  } while (pending);
  running = false;
}

// 1. A first ingest, so the server starts with entries (a failure is shown like any later one).
if (!existsSync(path.join(corpus, 'sources'))) {
  console.error(`dev: no sources folder in ${corpus}`);
  process.exit(1);
}
await reingest();

// 2. Astro's dev server on the same entries and corpus.
const server: ChildProcess = spawn(process.execPath, [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'dev', ...astro], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    DOSSIER_ENTRIES: out,
    DOSSIER_TOPICS: path.join(corpus, 'topics.yaml'),
    DOSSIER_SOURCES: path.join(corpus, 'sources'),
  },
});

// 3. Watch the corpus folder (catalog.yaml, topics.yaml) and sources/ (only files directly in it are sources), each
// folder itself, not recursively; editors' hidden and backup files are not sources.
let timer: ReturnType<typeof setTimeout> | undefined;
const watched = (folder: string, wanted: (name: string) => boolean) =>
  watch(folder, (_event, name) => {
    const file = name === null ? '' : String(name);
    if (file.startsWith('.') || file.endsWith('~') || (file !== '' && !wanted(file))) return;
    clearTimeout(timer);
    timer = setTimeout(() => void reingest(), 200);
  });
const watchers = [watched(corpus, (name) => name === 'catalog.yaml' || name === 'topics.yaml'), watched(path.join(corpus, 'sources'), () => true)];
console.log(`dev: watching ${corpus}/ (sources, catalog, topics); search is rebuilt only by \`npm run build\``);

// 4. Stop together: the server's exit ends the watcher; a signal stops the server.
server.on('exit', (code, signal) => {
  for (const watcher of watchers) watcher.close();
  clearTimeout(timer);
  process.exit(code ?? (signal ? 1 : 0));
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
