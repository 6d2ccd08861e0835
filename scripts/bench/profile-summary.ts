/**
 * Summarise a V8 CPU profile (`node --cpu-prof`): self time by function and by file, and total
 * (inclusive) time of the functions in our own code, so "where the time goes" is read, not guessed.
 *
 *   node scripts/bench/profile-summary.ts PROFILE.cpuprofile [--top 25] [--match scripts/]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  totalMs: number;
  selfByFunction: { name: string; ms: number }[];
  selfByFile: { file: string; ms: number }[];
  totalByFunction: { name: string; ms: number }[];
}

const shortUrl = (url: string) =>
  url
    .replace(/^file:\/\//, '')
    .replace(/^.*node_modules\//, '~/')
    .replace(/^.*\/work\/main\//, '');

/** Self and inclusive time per function; inclusive time counts a function once per sample even when recursive. */
export function summarise(profile: Profile, match?: string): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const selfTime = new Map<number, number>();
  profile.samples.forEach((id, index) => selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000));
  const label = (node: ProfileNode) => `${node.callFrame.functionName || '(anonymous)'} ${shortUrl(node.callFrame.url)}:${node.callFrame.lineNumber + 1}`;
  const selfByFunction = new Map<string, number>();
  const selfByFile = new Map<string, number>();
  const totalByFunction = new Map<string, number>();
  let totalMs = 0;
  for (const [id, ms] of selfTime) {
    const node = byId.get(id)!;
    totalMs += ms;
    selfByFunction.set(label(node), (selfByFunction.get(label(node)) ?? 0) + ms);
    const file = shortUrl(node.callFrame.url) || `(${node.callFrame.functionName})`;
    selfByFile.set(file, (selfByFile.get(file) ?? 0) + ms);
    const seen = new Set<string>();
    for (let cursor: number | undefined = id; cursor !== undefined; cursor = parent.get(cursor)) {
      const name = label(byId.get(cursor)!);
      if (seen.has(name)) continue;
      seen.add(name);
      if (match === undefined || name.includes(match)) totalByFunction.set(name, (totalByFunction.get(name) ?? 0) + ms);
    }
  }
  const sorted = <K extends string>(map: Map<string, number>, key: K) =>
    [...map].sort((a, b) => b[1] - a[1]).map(([name, ms]) => ({ [key]: name, ms }) as { [P in K]: string } & { ms: number });
  return { totalMs, selfByFunction: sorted(selfByFunction, 'name'), selfByFile: sorted(selfByFile, 'file'), totalByFunction: sorted(totalByFunction, 'name') };
}

if (import.meta.main) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '25' }, match: { type: 'string' } } });
  const top = Number(values.top);
  const summary = summarise(JSON.parse(readFileSync(positionals[0]!, 'utf8')) as Profile, values.match);
  const pct = (ms: number) => `${((100 * ms) / summary.totalMs).toFixed(1).padStart(5)}%`;
  console.log(`total sampled: ${(summary.totalMs / 1000).toFixed(2)} s`);
  console.log('\nself time by file:');
  for (const { file, ms } of summary.selfByFile.slice(0, top)) console.log(`${pct(ms)} ${ms.toFixed(0).padStart(8)} ms  ${file}`);
  console.log('\nself time by function:');
  for (const { name, ms } of summary.selfByFunction.slice(0, top)) console.log(`${pct(ms)} ${ms.toFixed(0).padStart(8)} ms  ${name}`);
  console.log(`\ntotal (inclusive) time by function${values.match ? ` matching ${values.match}` : ''}:`);
  for (const { name, ms } of summary.totalByFunction.slice(0, top)) console.log(`${pct(ms)} ${ms.toFixed(0).padStart(8)} ms  ${name}`);
}
