// The failing tests of a range of a log (the failing step), named as each runner names them:
// pytest/unittest, jest/vitest/mocha/Playwright, go, cargo/nextest, Maven surefire/Gradle,
// RSpec/minitest, PHPUnit, ctest, dotnet, TAP and GoogleTest. Passing, skipped and xfail tests
// are not failures; neither is a test the runner re-tried until it passed (see runner-flaky-reports).
import { runnerFlakyReportsOf, testKey } from "./runner-flaky-reports.js";
import type { TestEvent, TestRunner } from "./test-events.js";
import { testEventsInRange, testEventsInSource, type LineAt } from "./test-events-in-range.js";
import type { TextSource } from "./text-source.js";

export interface FailingTest {
  /** Runner-specific canonical id, e.g. `tests/x.py::TestX::test_a`, `Suite › name`, `pkg.TestX/sub`. */
  id: string;
  /** The test's file as the runner prints it (relative to the runner's root dir: compare by suffix). */
  file?: string;
  runner: TestRunner;
  /** 1-based log line of the first line that names the failure. */
  line: number;
}

export interface FailingTests {
  tests: FailingTest[];
  /** Failing tests found beyond the cap. */
  more: number;
}

export const MAX_FAILING_TESTS = 50;

/** go: a failing subtest makes its parent fail too; the subtest is the one to name. */
function isGoParent(e: TestEvent, failing: readonly TestEvent[]): boolean {
  return e.runner === "go" && failing.some((o) => o.runner === "go" && o.id.startsWith(`${e.id}/`));
}

/** Failing tests among already scanned events. */
export function failingTestsOf(events: readonly TestEvent[], options: { max?: number } = {}): FailingTests {
  const max = options.max ?? MAX_FAILING_TESTS;
  const flaky = new Set(runnerFlakyReportsOf(events).map((r) => testKey(r.runner, r.id)));
  const fails = events.filter((e) => e.outcome === "fail" && !flaky.has(testKey(e.runner, e.id)));
  const seen = new Set<string>();
  const tests: FailingTest[] = [];
  let more = 0;
  for (const e of fails) {
    if (isGoParent(e, fails)) continue;
    const key = `${testKey(e.runner, e.id)}\u0000${e.file ?? ""}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (tests.length >= max) more++;
    else tests.push({ id: e.id, ...(e.file ? { file: e.file } : {}), runner: e.runner, line: e.line });
  }
  return { tests, more };
}

/** Failing tests of lines from..to, each line read through `lineAt` (the last MAX_SCAN_LINES lines). */
export function failingTests(lineAt: LineAt, from: number, to: number, options: { max?: number } = {}): FailingTests {
  return failingTestsOf(testEventsInRange(lineAt, from, to), options);
}

/** Failing tests of lines from..to of a TextSource, read in one piece (cheap for streamed logs). */
export function failingTestsInSource(source: Pick<TextSource, "text">, from: number, to: number, options: { max?: number } = {}): FailingTests {
  return failingTestsOf(testEventsInSource(source, from, to), options);
}
