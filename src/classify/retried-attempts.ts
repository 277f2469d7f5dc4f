// A test the runner re-ran until it passed (runner-flaky-reports.ts) did pass: the report of its
// failed attempt (Playwright's numbered error block, Gradle's exception under `X > y() FAILED`,
// pytest-rerunfailures' RERUN line) never explains the job's failure. Each such report runs from
// the runner's line for the attempt to the next line the runner says anything about a test.
import { runnerFlakyReportsOf, testKey } from "./runner-flaky-reports.js";
import type { TestEvent } from "./test-events.js";

/** Longest report of one failed attempt. */
const ATTEMPT_LINES = 500;

/** Line ranges [first, last] of failed attempts of tests that passed on the runner's re-try. */
export function retriedAttempts(events: readonly TestEvent[], to: number): [number, number][] {
  const passed = new Set(runnerFlakyReportsOf(events).map((r) => testKey(r.runner, r.id)));
  if (passed.size === 0) return [];
  const ranges: [number, number][] = [];
  events.forEach((e, i) => {
    if ((e.outcome !== "fail" && e.outcome !== "rerun") || e.fallback || !passed.has(testKey(e.runner, e.id))) return;
    const next = events.slice(i + 1).find((x) => x.line > e.line);
    ranges.push([e.line, Math.min(next ? next.line - 1 : to, e.line + ATTEMPT_LINES)]);
  });
  return ranges;
}
