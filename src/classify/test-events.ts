// What test runners say about individual tests, read from normalised log lines: one event per
// "this test failed / passed / will be re-run / is flaky" line. Each runner's shapes live in a
// test-lines-*.ts recogniser; this file finds the lines they care about (the recognisers'
// triggers combined in one RE2, run over the range's bytes in chunks), and hands each such line
// to the recognisers whose trigger matches it (one RE2.Set per line).
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
    p = { any: compileRegex(triggers.map((t) => `(?:${t})`).join("|"), { id: "sift.tests.trigger", flags: "gm" }), set: compileRegexSet(triggers, "") };
    prepared.set(key, p);
  }
  return p;
}

/** Bytes searched per RE2 call: small enough that a call stays cheap, big enough to skip quiet stretches at once. */
const CHUNK = 16 << 10;

/** Indexes (into `lines`) of the lines where `any` matches, found chunk by chunk over the joined bytes. */
function candidates(lines: readonly string[], any: RE2): number[] {
  const out: number[] = [];
  const buf = Buffer.from(lines.join("\n"), "utf8");
  let index = 0; // line index at byte `pos`
  for (let pos = 0; pos < buf.length; ) {
    let end = Math.min(buf.length, pos + CHUNK);
    if (end < buf.length) {
      const nl = buf.indexOf(10, end);
      end = nl === -1 ? buf.length : nl + 1;
    }
    const chunk = buf.subarray(pos, end);
    let line = index;
    let counted = 0;
    any.lastIndex = 0;
    for (let m = any.exec(chunk); m; m = any.exec(chunk)) {
      for (let p = chunk.indexOf(10, counted); p !== -1 && p < m.index; p = chunk.indexOf(10, p + 1)) {
        line++;
        counted = p + 1;
      }
      out.push(line);
      const nl = chunk.indexOf(10, m.index);
      if (nl === -1) break;
      any.lastIndex = nl + 1;
    }
    for (let p = chunk.indexOf(10, counted); p !== -1; p = chunk.indexOf(10, p + 1)) line++;
    index = line;
    pos = end;
  }
  return out;
}

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
  for (const index of candidates(lines, any)) {
    const text = (lines[index] ?? "").slice(0, MAX_LINE);
    for (const r of set.match(text)) recognisers[r]?.line(index, text, scan);
  }
  for (const r of recognisers) r.finish?.(scan);
  return events.sort((a, b) => a.line - b.line);
}
