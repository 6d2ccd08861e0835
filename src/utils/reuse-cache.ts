/**
 * The shared-passage detection's memo (src/core/text-reuse.ts, `ReuseMemo`) kept on disk between builds, beside the
 * entries (src/content/.articles.reuse.json), so a rebuild after one changed source aligns only the paragraph pairs
 * and diffs only the passages it has not seen: at 1,000 generated articles detection took about 2 s in every build.
 * The file is keyed by the detection's own code (src/core/text-reuse.ts and text-reuse/) and options; one of another version, or unreadable, is ignored (a
 * full detection, never an error). Only the results a build used are written back, so the file does not grow with
 * edits. Hand-written: a JSON file of one map is all it needs.
 * openReuseMemo() -> { get('a…'), set('a…', [0, 52, 10, 61]), save() }
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ReuseMemo } from '../core/text-reuse/memo.ts';
import type { ReuseOptions } from '../core/text-reuse/options.ts';
import { ENTRIES_DIR } from './corpus-paths.ts';

const FILE = path.join(path.dirname(ENTRIES_DIR), `.${path.basename(ENTRIES_DIR)}.reuse.json`);

/** What the memo's results depend on besides the texts: the detection's code (its module and its steps' modules) and its options. */
function version(options: ReuseOptions): string {
  const core = path.resolve(process.cwd(), 'src/core');
  const steps = readdirSync(path.join(core, 'text-reuse'))
    .filter((name) => name.endsWith('.ts'))
    .sort()
    .map((name) => path.join(core, 'text-reuse', name));
  const hash = createHash('sha256');
  for (const file of [path.join(core, 'text-reuse.ts'), ...steps]) hash.update(readFileSync(file, 'utf8'));
  return hash.update(JSON.stringify(options)).digest('hex');
}

/** The memo of the last build (empty when there is none of this version), and `save()` to keep what this build used. */
export function openReuseMemo(options: ReuseOptions, file = FILE): ReuseMemo & { save(): void; hits: number; misses: number } {
  const expected = version(options);
  let previous = new Map<string, readonly number[]>();
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as { version?: string; results?: Record<string, number[]> };
    if (data.version === expected && data.results !== undefined) previous = new Map(Object.entries(data.results));
  } catch {
    // No memo yet, or an unreadable one: everything is computed.
  }
  const used = new Map<string, readonly number[]>();
  const memo = {
    hits: 0,
    misses: 0,
    get(key: string) {
      const value = used.get(key) ?? previous.get(key);
      if (value === undefined) memo.misses++;
      else {
        memo.hits++;
        used.set(key, value);
      }
      return value;
    },
    set(key: string, value: readonly number[]) {
      used.set(key, value);
    },
    save() {
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify({ version: expected, results: Object.fromEntries(used) }));
      renameSync(temporary, file);
    },
  };
  return memo;
}
