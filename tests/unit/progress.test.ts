/** The progress reporter (scripts/lib/progress.ts): one rewritten line with count, rate and time left on a terminal; quiet plain lines elsewhere. */
import { describe, expect, test } from 'vitest';
import { createProgress, formatDuration, progressLine } from '../../scripts/lib/progress.ts';

/** A stream that records what is written, and a clock the test moves. */
function setUp(isTTY: boolean, columns?: number) {
  const written: string[] = [];
  let time = 0;
  const stream = { isTTY, ...(columns !== undefined && { columns }), write: (text: string) => written.push(text) };
  return { written, stream, now: () => time, advance: (ms: number) => (time += ms) };
}

describe('progress', () => {
  test('the line has the count, the share done, the rate and the time left', () => {
    expect(progressLine('ingest: reading sources', 1200, 10000, 2000)).toBe('ingest: reading sources  1,200/10,000  12%  600/s  15 s left');
    expect(progressLine('x', 0, 10, 0)).toBe('x  0/10  0%');
    expect(progressLine('x', 10, 10, 1000)).toBe('x  10/10  100%  10/s');
    expect(formatDuration(185)).toBe('3 min 05 s');
    expect(formatDuration(3720)).toBe('1 h 02 min');
  });

  test('on a terminal: one line, rewritten in place no more than every interval, cleared at the end', () => {
    const { written, stream, now, advance } = setUp(true);
    const progress = createProgress('index', 100, { stream, now, interval: 100 });
    advance(50);
    progress.update(5); // too soon after the start: not drawn
    advance(60);
    progress.update(10);
    advance(10);
    progress.update(11); // too soon again
    advance(100);
    progress.update(50);
    progress.done();
    expect(written).toEqual([`\r\x1b[2K${progressLine('index', 10, 100, 110)}`, `\r\x1b[2K${progressLine('index', 50, 100, 220)}`, '\r\x1b[2K']);
    expect(written.join('')).not.toContain('\n');
  });

  test('on a terminal the line never wraps', () => {
    const { written, stream, now, advance } = setUp(true, 20);
    const progress = createProgress('a long label for a narrow terminal', 10, { stream, now });
    advance(500);
    progress.update(3);
    expect(written[0]!.replace('\r\x1b[2K', '').length).toBeLessThan(20);
  });

  test('not on a terminal: nothing for a short run, then a plain line every lineEvery ms, no control characters', () => {
    const { written, stream, now, advance } = setUp(false);
    const progress = createProgress('ingest', 1000, { stream, now, lineEvery: 5000 });
    for (let done = 0; done < 400; done += 100) {
      advance(1000);
      progress.update(done);
    }
    expect(written).toEqual([]);
    advance(2000);
    progress.update(500);
    advance(1000);
    progress.update(600);
    progress.done();
    expect(written).toEqual([`${progressLine('ingest', 500, 1000, 6000)}\n`]);
    expect(written.join('')).not.toMatch(/[\r\x1b]/);
  });
});
