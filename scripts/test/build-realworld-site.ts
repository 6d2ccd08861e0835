/**
 * `node scripts/test/build-realworld-site.ts`: build the site a curator gets from the seeds plus every real feed and text
 * of ../shared/realworld/ (dropped into corpus/sources/ as they are, nothing removed by hand: broken, off-subject,
 * right-to-left and CJK ones too), into tests/realworld-site/build/ (git-ignored), for the browser tests of
 * tests/e2e-realworld/:
 *   1. the corpus: the project's corpus/ (sources, catalog, topics) and ../shared/realworld/'s files, copied with their
 *      times into tests/realworld-site/corpus/ (so the ingest's cache knows them again), and nothing else;
 *   2. `scripts/ingest.ts` -> build/entries/, then `scripts/build.ts --skip-ingest` (the site and its search index), as
 *      `npm run build` does, every line they print also written to build/output.log (the tests read how long it is).
 * Where ../shared/realworld/ is absent it builds nothing and says so; the tests then skip, saying why.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

/** The real inputs (../shared/realworld/, beside the project). */
export const REALWORLD_INPUTS = path.resolve(root, '../shared/realworld');
/** The assembled corpus, laid out as corpus/ is. */
export const REALWORLD_CORPUS = path.join(root, 'tests/realworld-site/corpus');
/** Its generated entries, built site and build output. */
export const REALWORLD_ENTRIES = path.join(root, 'tests/realworld-site/build/entries');
export const REALWORLD_DIST = path.join(root, 'tests/realworld-site/build/dist');
export const REALWORLD_OUTPUT = path.join(root, 'tests/realworld-site/build/output.log');

/** Why the real-world site cannot be built here, or null. */
export function realworldMissing(): string | null {
  return existsSync(path.join(REALWORLD_INPUTS, 'SOURCES.md'))
    ? null
    : `${REALWORLD_INPUTS} is absent (it sits beside the project in CI and on the team's machines)`;
}

/** Copy `from` to `to` unless it is there with the same size and time already; keep its time. */
function copyKept(from: string, to: string): void {
  const source = statSync(from);
  const there = statSync(to, { throwIfNoEntry: false });
  if (there && there.size === source.size && there.mtimeMs === source.mtimeMs) return;
  copyFileSync(from, to);
  utimesSync(to, source.atime, source.mtime);
}

/** The seeds' corpus plus every real input, and nothing else. */
function assembleCorpus(): void {
  const sources = path.join(REALWORLD_CORPUS, 'sources');
  mkdirSync(sources, { recursive: true });
  const wanted = new Map<string, string>();
  for (const file of readdirSync(path.join(root, 'corpus/sources'))) if (!file.startsWith('.')) wanted.set(file, path.join(root, 'corpus/sources', file));
  for (const file of readdirSync(REALWORLD_INPUTS)) if (file !== 'SOURCES.md' && !file.startsWith('.')) wanted.set(file, path.join(REALWORLD_INPUTS, file));
  for (const file of readdirSync(sources)) if (!wanted.has(file)) rmSync(path.join(sources, file));
  for (const [file, from] of wanted) copyKept(from, path.join(sources, file));
  for (const file of ['topics.yaml', 'catalog.yaml']) copyKept(path.join(root, 'corpus', file), path.join(REALWORLD_CORPUS, file));
}

/** Run a project script, its output to this terminal and to `log`; its exit code. */
function run(args: string[], env: NodeJS.ProcessEnv, log: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    for (const [stream, out] of [
      [child.stdout!, process.stdout],
      [child.stderr!, process.stderr],
    ] as const) {
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        out.write(chunk);
        log.push(chunk);
      });
    }
    child.on('error', () => resolve(1));
    child.on('close', (code) => resolve(code ?? 1));
  });
}

/** Build the real-world site; 0 when built (or when there is nothing to build it from, said on stderr). */
export async function buildRealworldSite(): Promise<number> {
  const missing = realworldMissing();
  if (missing !== null) {
    console.error(`build-realworld-site: skipped: ${missing}`);
    return 0;
  }
  assembleCorpus();
  const env = {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    DOSSIER_ENTRIES: REALWORLD_ENTRIES,
    DOSSIER_TOPICS: path.join(REALWORLD_CORPUS, 'topics.yaml'),
    DOSSIER_SOURCES: path.join(REALWORLD_CORPUS, 'sources'),
  };
  const log: string[] = [];
  const steps: [string, string[]][] = [
    ['ingest', ['scripts/ingest.ts', '--corpus', REALWORLD_CORPUS, '--out', REALWORLD_ENTRIES]],
    ['site and search index', ['scripts/build.ts', '--skip-ingest', '--root', 'tests/realworld-site', '--out-dir', REALWORLD_DIST]],
  ];
  for (const [name, args] of steps) {
    const code = await run(args, env, log);
    if (code !== 0) {
      console.error(`build-realworld-site: ${name} failed (exit code ${code})`);
      return code;
    }
  }
  writeFileSync(REALWORLD_OUTPUT, log.join(''));
  return 0;
}

if (import.meta.main) process.exitCode = await buildRealworldSite();
