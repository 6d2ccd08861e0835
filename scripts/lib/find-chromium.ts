// Locates a Chromium binary for the browser tests. Run directly to print its path:
//   node scripts/lib/find-chromium.ts
import { spawn } from 'node:child_process';
import { findOnPath, isExecutableFile } from './executables.ts';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

const HOW_TO_GET_ONE = [
  'No Chromium found for the browser tests. Any one of these will do:',
  '  - set CHROMIUM_PATH to an executable Chromium or Chrome binary;',
  '  - on Debian/Ubuntu: apt-get install chromium (provides /usr/bin/chromium);',
  '  - where downloads are allowed: npx playwright install chromium.',
].join('\n');

/** Returns the path of a Chromium to drive with Playwright; installs Debian's only as root with apt-get. */
export async function findChromium(): Promise<string> {
  // 1. An explicit choice wins, but a wrong one is an error rather than silently ignored.
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!isExecutableFile(fromEnv)) {
      throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, which is not an executable file.\n${HOW_TO_GET_ONE}`);
    }
    return fromEnv;
  }

  // 2. The browser Playwright was built against, if `playwright install` has put it there.
  const bundled = await playwrightChromiumPath();
  if (bundled && isExecutableFile(bundled)) return bundled;

  // 3. The distribution package.
  if (isExecutableFile(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;

  // 4. Install the distribution package, where we are allowed to.
  if (process.getuid?.() === 0 && findOnPath('apt-get')) {
    console.error(`find-chromium: no Chromium found; installing Debian's chromium package with apt-get.`);
    await runLoudly('apt-get', ['update']);
    await runLoudly('apt-get', ['install', '-y', 'chromium']);
    if (isExecutableFile(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
    throw new Error(`apt-get installed chromium, but ${DEBIAN_CHROMIUM} is still missing.\n${HOW_TO_GET_ONE}`);
  }

  throw new Error(HOW_TO_GET_ONE);
}

async function playwrightChromiumPath(): Promise<string | undefined> {
  try {
    const { chromium } = await import('@playwright/test');
    return chromium.executablePath();
  } catch {
    // Playwright not installed, or it knows no browser for this platform.
    return undefined;
  }
}

function runLoudly(command: string, args: string[]): Promise<void> {
  console.error(`find-chromium: $ ${command} ${args.join(' ')}`);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      // stdout goes to stderr too, so the CLI's stdout stays just the path.
      stdio: ['ignore', process.stderr, process.stderr],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    child.on('error', (error) => reject(new Error(`Could not start ${command}`, { cause: error })));
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit code ${code}`}).\n${HOW_TO_GET_ONE}`));
    });
  });
}

if (import.meta.main) {
  try {
    console.log(await findChromium());
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
