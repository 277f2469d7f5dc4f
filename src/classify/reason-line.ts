// A failing test's name, or a build tool's "task failed", is not yet the reason: the line after it
// is (Gradle's indented exception, PHPUnit's "Failed asserting…", Gradle's "> reason" under
// "Execution failed for task", dotnet's message under "Error Message:"). Follows such a header to
// the first line that says something; a Python traceback to the exception that ends it; Gradle's
// nested `> cause` lines to the deepest. A test's
// start or pass below a header is another test: the header then stays the line.
import { compileRegex } from "./regex.js";
import { allowingStepPrefix, STEP_PREFIX } from "./step-prefix.js";
import { TEST_MARKERS } from "./test-markers.js";

/** Headers whose reason is printed on the lines below them. */
export const HEADER_LINE = allowingStepPrefix(
  [
    String.raw`^\S.* > .+ FAILED$|^\s*--- FAIL: |^\s*● \S|^\s*FAIL\s+\S+\.\w+|^\s*\d+\) \S|Execution failed for task|^> Task \S+ FAILED$|<<< (?:FAILURE|ERROR)!|^\[ERROR\] COMPILATION ERROR`,
    String.raw`^\s*Failed \S+ \[(?:< ?)?[\d.]+ ?m?s\]$|^(?:FAIL|ERROR): \w+ \([\w.]+\)`, // dotnet test, unittest
    String.raw`^error during build:$`, // Vite
  ].join("|"),
);

/** Lines between a header and its reason that say nothing: blanks, rules, section titles, a bare `file:line`, mocha's counts. */
const FILLER_LINE = allowingStepPrefix(
  String.raw`^\s*$|^\[INFO\]|^\[ERROR\]\s*$|^\s*---\s*$|^[-=]{20,}$|^FAILURE: |^\* What went wrong|^\s*Error Message:$|^\s*\S+:\d+$|^\s*\d+ (?:passing|failing|pending)\b`,
);

const TRACEBACK_LINE = allowingStepPrefix(String.raw`^\s*Traceback \(most recent call last\):$`);
/** A line's indentation (after a step prefix). */
const INDENT = String.raw`^(?:${STEP_PREFIX})?(\s*)`;

const LOOK_AHEAD = 8;
const HOPS = 6;
/** Lines a traceback is followed for its exception. */
const TRACEBACK_LINES = 400;

/** The exception line that ends the traceback starting at `line` (the first line not indented deeper), if any. */
function tracebackEnd(lineOf: (n: number) => string, line: number, to: number): number | undefined {
  const indent = compileRegex(INDENT, { id: "sift.reason.indent" });
  const depth = (text: string) => indent.exec(text)?.[1]?.length ?? 0;
  const top = depth(lineOf(line));
  for (let n = line + 1; n <= Math.min(to, line + TRACEBACK_LINES); n++) {
    const text = lineOf(n);
    if (text.trim() === "") continue;
    if (depth(text) <= top) return n;
  }
  return undefined;
}

/** Gradle's `> reason`, whose own reason is a deeper `> …` right below it. */
const CAUSE_LINE = allowingStepPrefix(String.raw`^\s*> \S`);

/** The deeper `> cause` line right below the cause at `line`, if any. */
function deeperCause(lineOf: (n: number) => string, line: number, to: number): number | undefined {
  const indent = compileRegex(String.raw`^(?:${STEP_PREFIX})?(\s*)> \S`, { id: "sift.reason.cause-indent" });
  const depth = (text: string) => indent.exec(text)?.[1]?.length;
  const top = depth(lineOf(line)) ?? 0;
  const below = line + 1 <= to ? depth(lineOf(line + 1)) : undefined;
  return below !== undefined && below > top ? line + 1 : undefined;
}

/** The line holding the reason of the header at `line`, or `line` itself when none follows. */
export function reasonLine(lineOf: (n: number) => string, line: number, to: number, skip: { test(s: string): boolean }): number {
  const header = compileRegex(HEADER_LINE, { id: "sift.reason.header" });
  const filler = compileRegex(FILLER_LINE, { id: "sift.reason.filler" });
  const traceback = compileRegex(TRACEBACK_LINE, { id: "sift.reason.traceback" });
  const cause = compileRegex(CAUSE_LINE, { id: "sift.reason.cause" });
  const another = compileRegex(`${TEST_MARKERS.start}|${TEST_MARKERS.pass}`, { id: "sift.reason.another-test" });
  let at = line;
  for (let hop = 0; hop < HOPS; hop++) {
    const text = lineOf(at);
    let next: number | undefined;
    if (traceback.test(text)) next = tracebackEnd(lineOf, at, to);
    else if (!header.test(text)) next = cause.test(text) ? deeperCause(lineOf, at, to) : undefined;
    else {
      for (let n = at + 1; n <= Math.min(to, at + LOOK_AHEAD); n++) {
        const below = lineOf(n);
        if (filler.test(below) || skip.test(below)) continue;
        if (!another.test(below)) next = n;
        break;
      }
    }
    if (next === undefined) break;
    at = next;
  }
  return at;
}
