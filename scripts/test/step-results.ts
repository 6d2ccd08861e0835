/**
 * What each step of `npm test` (scripts/test-all.ts) contributed to its totals, read from the step's exit code and
 * its runner's JSON report: passed and failed tests (vitest, Playwright, the HTML checker's pages), a failure outside
 * any test counted as one, and a note for the summary.
 *   testResult('unit tests', 1, readUnitCounts('test-results/unit.json')) -> { passed: 812, failed: 2, note: '812 passed, 2 failed' }
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

/** What one step contributed to the totals, and how to describe it in the summary. */
export interface StepResult {
  name: string;
  passed: number;
  failed: number;
  note: string;
}

/** Counts read from a test runner's JSON report; `extraFailures` are failures outside any test (load errors). */
interface Counts {
  passed: number;
  failed: number;
  extraFailures: number;
}

// A step without tests of its own: a failure counts as one.
export function checkResult(name: string, code: number): StepResult {
  return code === 0 ? { name, passed: 0, failed: 0, note: 'passed' } : { name, passed: 0, failed: 1, note: `FAILED (exit code ${code})` };
}

// A test step: counts come from its report; a failing exit with no failure to show for it counts as one.
export function testResult(name: string, code: number, counts: Counts | string): StepResult {
  if (typeof counts === 'string') {
    return { name, passed: 0, failed: 1, note: `FAILED (exit code ${code}; ${counts})` };
  }
  let failed = counts.failed + counts.extraFailures;
  const notes = [`${counts.passed} passed, ${counts.failed} failed`];
  if (counts.extraFailures > 0) notes.push(`${counts.extraFailures} error(s) outside tests`);
  if (code !== 0 && failed === 0) {
    failed = 1;
    notes.push(`exit code ${code} with no failing test`);
  }
  return { name, passed: counts.passed, failed, note: notes.join('; ') };
}

// The HTML check: each page checked is a test; a skip (no Java) is said, and counts nothing.
export function htmlResult(code: number, htmlReport: string): StepResult {
  const report = readJson(htmlReport) as { passed?: number; failed?: number; skipped?: string } | string;
  if (typeof report === 'object' && report.skipped) return { name: 'HTML check', passed: 0, failed: 0, note: `skipped: ${report.skipped}` };
  const counts = typeof report === 'string' ? report : { passed: report.passed ?? 0, failed: report.failed ?? 0, extraFailures: 0 };
  const result = testResult('HTML check', code, counts);
  return { ...result, note: result.note.replace(/passed, (\d+) failed/, 'pages valid, $1 with errors') };
}

/** The unit tests' counts from vitest's JSON report. */
export function readUnitCounts(unitReport: string): Counts | string {
  const report = readJson(unitReport) as VitestReport | string;
  if (typeof report === 'string') return report;
  // A file that fails to load has no failing test to count, so count the file itself.
  const brokenFiles = (report.testResults ?? []).filter(
    (file) => file.status === 'failed' && !file.assertionResults?.some((test) => test.status === 'failed'),
  ).length;
  return { passed: report.numPassedTests ?? 0, failed: report.numFailedTests ?? 0, extraFailures: brokenFiles };
}

/** The browser tests' counts from Playwright's JSON report. */
export function readE2eCounts(e2eReport: string): Counts | string {
  const report = readJson(e2eReport) as PlaywrightReport | string;
  if (typeof report === 'string') return report;
  const stats = report.stats ?? {};
  // Retries are off, so "flaky" cannot happen; if it ever does, it is not a pass.
  return {
    passed: stats.expected ?? 0,
    failed: (stats.unexpected ?? 0) + (stats.flaky ?? 0),
    extraFailures: report.errors?.length ?? 0,
  };
}

interface VitestReport {
  numPassedTests?: number;
  numFailedTests?: number;
  testResults?: { status?: string; assertionResults?: { status?: string }[] }[];
}

interface PlaywrightReport {
  stats?: { expected?: number; unexpected?: number; flaky?: number };
  errors?: unknown[];
}

// The parsed report, or why there is none.
function readJson(file: string): unknown {
  const shown = path.relative(root, file);
  if (!existsSync(file)) return `no report at ${shown}`;
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return `unreadable report at ${shown}: ${error instanceof Error ? error.message : error}`;
  }
}
