// What test runners say about individual tests, read from normalised log lines: one event per
// "this test failed / passed / will be re-run / is flaky" line. Each runner's shapes live in a
// test-lines-*.ts recogniser; this file finds the lines they care about (the recognisers'
// triggers combined, tried on blocks of lines, then one RE2.Set per line of a block that matched)
// and hands each such line to the recognisers whose trigger matches it.
// PURE: no I/O, no clock.
import { compileRegex, compileRegexSet, type RE2 } from "./regex.js";

export type TestRunner =
  | "pytest"
  | "unittest"
  | "jest"
  | "vitest"
  | "mocha"
  | "playwright"
  | "go"
  | "cargo"
  | "nextest"
  | "maven"
  | "gradle"
  | "rspec"
  | "minitest"
  | "phpunit"
  | "ctest"
  | "dotnet"
  | "tap"
  | "gtest";

/**
 * fail: the runner reports the test failed (a final failure or one attempt of it);
 * pass: it passed; rerun: the runner re-runs it after a failed attempt;
 * flaky: the runner itself says it failed and then passed on its own re-try.
 */
export type TestOutcome = "fail" | "pass" | "rerun" | "flaky";

export interface TestEvent {
  runner: TestRunner;
  /** Runner-specific canonical id (see each recogniser for its form). */
  id: string;
  /** The test's file as the runner prints it (relative to the runner's root), when it gives one. */
  file?: string;
  /** 1-based line of the log. */
  line: number;
  outcome: TestOutcome;
  /** A weaker shape (a section header, a class-level line) used only when nothing better names the test. */
  fallback?: boolean;
  /** How the runner said so, for flaky events ("pytest-rerunfailures re-ran it and it passed"). */
  how?: string;
}

/** What a recogniser sees: the range's lines (index 0 = log line firstLine) and a sink for events. */
export interface LineScan {
  readonly lines: readonly string[];
  readonly firstLine: number;
  emit(index: number, event: Omit<TestEvent, "line">): void;
}

export interface Recogniser {
  /** Line-anchored RE2 source (flag "m") of the lines this recogniser wants to see. */
  trigger: string;
  line(index: number, text: string, scan: LineScan): void;
  /** Called once after the last line (for state that waits on a later line, e.g. go's package). */
  finish?(scan: LineScan): void;
}

/** Regexes of the recognisers: RE2 through the one factory, compiled once and cached there. */
export function re(source: string, name: string): RE2 {
  return compileRegex(source, { id: `sift.tests.${name}` });
}

/** Longest line handed to recognisers: longer lines are cut (ids never need more). */
const MAX_LINE = 2000;
/** Lines a section reader may walk forward from its header. */
export const SECTION_LINES = 5000;

interface Prepared {
  any: RE2;
  set: InstanceType<typeof RE2.Set>;
}
const prepared = new Map<string, Prepared>();

function prepare(triggers: string[]): Prepared {
  const key = triggers.join("\u0000");
  let p = prepared.get(key);
  if (!p) {
    p = { any: compileRegex(triggers.map((t) => `(?:${t})`).join("|"), { id: "sift.tests.trigger", flags: "m" }), set: compileRegexSet(triggers, "") };
    prepared.set(key, p);
  }
  return p;
}

/** Lines tested at once by the combined trigger: most blocks of a log hold no line of interest. */
const BLOCK = 64;

/** Runs recognisers over `lines` (line firstLine first) and returns their events in line order. */
export function scanTestLines(lines: readonly string[], firstLine: number, recognisers: readonly Recogniser[]): TestEvent[] {
  const events: TestEvent[] = [];
  const scan: LineScan = {
    lines,
    firstLine,
    emit: (index, event) => events.push({ ...event, line: firstLine + index }),
  };
  if (recognisers.length === 0 || lines.length === 0) return events;
  const { any, set } = prepare(recognisers.map((r) => r.trigger));
  for (let start = 0; start < lines.length; start += BLOCK) {
    const block = lines.slice(start, start + BLOCK).map((l) => l.slice(0, MAX_LINE));
    if (!any.test(block.join("\n"))) continue;
    for (let k = 0; k < block.length; k++) {
      const text = block[k] as string;
      for (const r of set.match(text)) recognisers[r]?.line(start + k, text, scan);
    }
  }
  for (const r of recognisers) r.finish?.(scan);
  return events.sort((a, b) => a.line - b.line);
}
