/**
 * Where a program of the machine is: a file that can be run, or the first of that name on PATH. Shared by the
 * scripts that find (and, as root, install from Debian) what the tests run: Chromium (find-chromium.ts) and Java
 * for the HTML checker (scripts/test/find-java.ts).
 *   findOnPath('apt-get') -> '/usr/bin/apt-get' (or undefined)
 */
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** True for a regular file this process may run. */
export function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first `command` on PATH that can be run, or undefined. */
export function findOnPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && isExecutableFile(join(dir, command))) return join(dir, command);
  }
  return undefined;
}
