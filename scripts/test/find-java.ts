/**
 * Locates a Java runtime for the HTML checker (scripts/test/check-html.ts), as scripts/lib/find-chromium.ts does Chromium:
 * JAVA_HOME's, else `java` on PATH, else Debian's `default-jre-headless` installed with apt-get when we are root;
 * else the reason there is none, for the caller to skip with.
 *   (java on PATH) -> "/usr/bin/java"; (none, not root) -> { reason: "no Java runtime (java) found ..." }
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { findOnPath, isExecutableFile } from '../lib/executables.ts';

/** The path of a `java` binary, or why there is none. */
export async function findJava(): Promise<string | { reason: string }> {
  const fromHome = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : undefined;
  if (fromHome && isExecutableFile(fromHome)) return fromHome;
  const onPath = findOnPath('java');
  if (onPath) return onPath;
  const how = 'install a Java runtime (Debian: apt-get install default-jre-headless) or set JAVA_HOME';
  if (process.getuid?.() !== 0 || !findOnPath('apt-get')) return { reason: `no Java runtime (java) found to run the Nu HTML Checker; ${how}` };
  console.error(`find-java: no Java found; installing Debian's default-jre-headless package with apt-get.`);
  const installed = (await run('apt-get', ['update'])) && (await run('apt-get', ['install', '-y', '--no-install-recommends', 'default-jre-headless']));
  return (installed && findOnPath('java')) || { reason: `apt-get could not install default-jre-headless; ${how}` };
}

// Output goes to stderr, so a caller's stdout stays its own; resolves whether it succeeded.
function run(command: string, args: string[]): Promise<boolean> {
  console.error(`find-java: $ ${command} ${args.join(' ')}`);
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      stdio: ['ignore', process.stderr, process.stderr],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    child.on('error', () => resolve(false));
    child.on('exit', (code) => resolve(code === 0));
  });
}
