/**
 * Progress of a long step on the terminal: on a TTY one line, rewritten at most every `interval` ms, with the
 * count, the rate and the time left; elsewhere (CI, a log file) quiet and line-based: a plain line only when the
 * step has run for `lineEvery` ms since the last one, so a short run prints nothing. `done()` clears the line.
 *   ingest: reading sources  1,200/10,000  12%  850/s  10 s left
 */

/** Where progress goes: a stream, and whether it is a terminal (process.stderr by default). */
interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface ProgressOptions {
  stream?: ProgressStream;
  /** Milliseconds since some fixed time (tests pass their own clock). */
  now?: () => number;
  /** TTY: the least time between two redraws. */
  interval?: number;
  /** Not a TTY: the least time between two lines. */
  lineEvery?: number;
}

export interface Progress {
  /** `done` of `total` finished. */
  update(done: number): void;
  /** The step is over: the TTY line is cleared (the caller prints its own summary). */
  done(): void;
}

const count = new Intl.NumberFormat('en');

/** "12 s", "3 min 05 s", "1 h 02 min". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}

/** The progress line of `done` of `total` after `elapsed` ms. */
export function progressLine(label: string, done: number, total: number, elapsed: number): string {
  const parts = [`${label}  ${count.format(done)}/${count.format(total)}`];
  if (total > 0) parts.push(`${Math.floor((done / total) * 100)}%`);
  const rate = elapsed > 0 ? (done * 1000) / elapsed : 0;
  if (done > 0 && rate > 0) {
    parts.push(`${count.format(Math.round(rate))}/s`);
    if (done < total) parts.push(`${formatDuration((total - done) / rate)} left`);
  }
  return parts.join('  ');
}

/** A progress reporter for `total` units of one step. */
export function createProgress(label: string, total: number, options: ProgressOptions = {}): Progress {
  const { stream = process.stderr, now = () => performance.now(), interval = 100, lineEvery = 5000 } = options;
  const tty = stream.isTTY === true;
  const start = now();
  let last = start;
  let shown = false;
  return {
    update(done) {
      const time = now();
      if (tty) {
        if (time - last < interval && done < total) return;
        let line = progressLine(label, done, total, time - start);
        // Never wider than the terminal, or the line would wrap and \r would not rewrite it.
        if (stream.columns !== undefined && line.length >= stream.columns) line = line.slice(0, Math.max(0, stream.columns - 1));
        stream.write(`\r\x1b[2K${line}`);
        shown = true;
        last = time;
      } else if (time - last >= lineEvery && done < total) {
        stream.write(`${progressLine(label, done, total, time - start)}\n`);
        last = time;
      }
    },
    done() {
      if (tty && shown) stream.write('\r\x1b[2K');
      shown = false;
    },
  };
}
