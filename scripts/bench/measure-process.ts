/**
 * One command of the benchmark as its own process, measured: wall time, CPU time and peak memory of its whole
 * process tree (GNU time where there is one, and samples of /proc every 250 ms), its output appended to a log; and the
 * machine it ran on.
 *   measure(node, ['scripts/ingest.ts', …], { log }) -> { wallS: 12.3, cpuS: 14.1, peakMB: 410, code: 0 }
 */
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const GNU_TIME = '/usr/bin/time';

/** One child process, measured. */
export interface Measured {
  wallS: number;
  cpuS: number;
  peakMB: number;
}

export interface Machine {
  cpu: string;
  cores: number;
  memoryGB: number;
  node: string;
  os: string;
}

/** The machine the benchmark runs on. */
export function machine(): Machine {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown';
  return {
    cpu: model,
    cores: os.availableParallelism(),
    memoryGB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()}`,
  };
}

/**
 * Run a command and measure it: wall time; CPU time and peak memory from GNU time (`%U + %S`, `%M`) and
 * from sampling the whole process tree in /proc every 250 ms, whichever is larger. GNU time alone misses
 * helpers that are killed rather than waited for (Pagefind's indexing binary), and `%M` is the largest
 * single process, while the tree's sum is what the machine must hold.
 */
export function measure(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; log: string }): Promise<Measured & { code: number }> {
  const timeFile = `${options.log}.time`;
  const useTime = existsSync(GNU_TIME);
  const started = performance.now();
  appendFileSync(options.log, `\n$ ${command} ${args.join(' ')}\n`);
  return new Promise((resolve, reject) => {
    const child = spawn(useTime ? GNU_TIME : command, useTime ? ['-f', '%e %U %S %M', '-o', timeFile, command, ...args] : args, {
      cwd: root,
      env: { ...process.env, FORCE_COLOR: '0', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const tree = { peakKb: 0, ticks: new Map<number, number>() };
    const sampler = setInterval(() => sampleTree(child.pid!, tree), 250);
    child.stdout.on('data', (chunk: Buffer) => appendFileSync(options.log, chunk));
    child.stderr.on('data', (chunk: Buffer) => appendFileSync(options.log, chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(sampler);
      const wall = (performance.now() - started) / 1000;
      const treeCpu = [...tree.ticks.values()].reduce((sum, ticks) => sum + ticks, 0) / CLOCK_TICKS;
      const treePeak = tree.peakKb / 1024;
      if (!useTime || !existsSync(timeFile)) return resolve({ wallS: wall, cpuS: treeCpu, peakMB: treePeak, code: code ?? 1 });
      const [elapsed, user, system, maxKb] = readFileSync(timeFile, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
      rmSync(timeFile, { force: true });
      resolve({ wallS: elapsed!, cpuS: Math.max(user! + system!, treeCpu), peakMB: Math.max(maxKb! / 1024, treePeak), code: code ?? 1 });
    });
  });
}

const CLOCK_TICKS = 100;
const PAGE_KB = 4;

/** One sample of a process tree: the sum of its resident memory, and each process's CPU ticks so far. */
function sampleTree(rootPid: number, tree: { peakKb: number; ticks: Map<number, number> }): void {
  if (!existsSync('/proc/self/stat')) return;
  const parent = new Map<number, number>();
  const stats = new Map<number, { ticks: number; rssKb: number }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue;
    }
    // Fields after the command name (which may hold spaces), from field 3 on.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const pid = Number(name);
    parent.set(pid, Number(fields[1]));
    stats.set(pid, { ticks: Number(fields[11]) + Number(fields[12]), rssKb: Number(fields[21]) * PAGE_KB });
  }
  let rssKb = 0;
  for (const [pid, stat] of stats) {
    let ancestor: number | undefined = pid;
    while (ancestor !== undefined && ancestor > 1 && ancestor !== rootPid) ancestor = parent.get(ancestor);
    if (ancestor !== rootPid) continue;
    rssKb += stat.rssKb;
    tree.ticks.set(pid, Math.max(tree.ticks.get(pid) ?? 0, stat.ticks));
  }
  tree.peakKb = Math.max(tree.peakKb, rssKb);
}

/** A measured command that must succeed: its figures, printed as one line; a failure names its log. */
export async function must(label: string, run: Promise<Measured & { code: number }>, log: string): Promise<Measured> {
  const { code, ...result } = await run;
  if (code !== 0) throw new Error(`${label} failed (exit ${code}); see ${path.relative(root, log)}`);
  console.log(
    `  ${label.padEnd(28)} ${result.wallS.toFixed(1).padStart(7)} s wall ${result.cpuS.toFixed(1).padStart(7)} s CPU ${result.peakMB.toFixed(0).padStart(6)} MB peak`,
  );
  return result;
}
