// Runners' own flaky reports: tests the runner saw fail and then pass on its own re-try within the
// same run (pytest-rerunfailures, jest retryTimes, vitest retry, Playwright retries, Gradle
// test-retry, surefire rerunFailingTestsCount, nextest retries). Evidence that those tests are
// flaky; never a reason by itself to call a different failing test flaky.
import type { TestEvent, TestRunner } from "./test-events.js";
import { testEventsInRange, testEventsInSource, type LineAt } from "./test-events-in-range.js";
import type { TextSource } from "./text-source.js";

export interface RunnerFlakyReport {
  id: string;
  file?: string;
  runner: TestRunner;
  /** 1-based log line where the runner said so (the passing re-try, or its flaky list). */
  line: number;
  /** The runner's words, as a sentence for the report. */
  how: string;
}

/** One key per test across a runner's forms (jest's retry log joins titles with spaces, its ● with " › "). */
export function testKey(runner: TestRunner, id: string): string {
  return `${runner}\u0000${runner === "jest" ? id.split(" › ").join(" ") : id}`;
}

/** Flaky reports among already scanned events. */
export function runnerFlakyReportsOf(events: readonly TestEvent[]): RunnerFlakyReport[] {
  const out = new Map<string, RunnerFlakyReport>();
  const report = (e: TestEvent, how: string) => {
    const key = testKey(e.runner, e.id);
    const seen = out.get(key);
    if (!seen || seen.line > e.line) out.set(key, { id: e.id, ...(e.file ? { file: e.file } : {}), runner: e.runner, line: e.line, how });
  };
  // A re-run, then a pass, and no failure after that pass: the runner's re-try passed.
  const state = new Map<string, { rerun: boolean; passed?: TestEvent }>();
  for (const e of events) {
    const key = testKey(e.runner, e.id);
    const s = state.get(key) ?? { rerun: false };
    if (e.outcome === "flaky") report(e, e.how ?? `${e.runner} reported it flaky`);
    else if (e.outcome === "rerun") s.rerun = true;
    else if (e.outcome === "pass" && s.rerun) s.passed = e;
    else if (e.outcome === "fail") delete s.passed;
    state.set(key, s);
  }
  for (const s of state.values()) if (s.passed) report(s.passed, `${s.passed.runner} re-ran it after a failure and it passed`);
  return [...out.values()].sort((a, b) => a.line - b.line);
}

/** Flaky reports of lines from..to (see testEventsInRange for how long ranges are read). */
export function runnerFlakyReports(lineAt: LineAt, from: number, to: number): RunnerFlakyReport[] {
  return runnerFlakyReportsOf(testEventsInRange(lineAt, from, to));
}

/** Flaky reports of lines from..to of a TextSource. */
export function runnerFlakyReportsInSource(source: Pick<TextSource, "text">, from: number, to: number): RunnerFlakyReport[] {
  return runnerFlakyReportsOf(testEventsInSource(source, from, to));
}
