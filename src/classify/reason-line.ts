// A failing test's name, or a build tool's "task failed", is not yet the reason: the line after it
// is (Gradle's indented exception, PHPUnit's "Failed asserting…", Gradle's "> reason" under
// "Execution failed for task"). Follows such a header to the first line that says something.
import { compileRegex } from "./regex.js";

/** Headers whose reason is printed on the lines below them. */
export const HEADER_LINE = String.raw`^\S.* > .+ FAILED$|^\s*--- FAIL: |^\s*● \S|^\s*FAIL\s+\S+\.\w+|^\s*\d+\) \S|Execution failed for task|^> Task \S+ FAILED$|<<< (?:FAILURE|ERROR)!|^\[ERROR\] COMPILATION ERROR`;

const LOOK_AHEAD = 8;
const HOPS = 3;

/** The line holding the reason of the header at `line`, or `line` itself when none follows. */
export function reasonLine(lineOf: (n: number) => string, line: number, to: number, skip: { test(s: string): boolean }): number {
  const header = compileRegex(HEADER_LINE, { id: "sift.reason.header" });
  const filler = compileRegex(String.raw`^\s*$|^\[INFO\]|^\[ERROR\]\s*$|^\s*---\s*$|^FAILURE: |^\* What went wrong`, { id: "sift.reason.filler" });
  let at = line;
  for (let hop = 0; hop < HOPS && header.test(lineOf(at)); hop++) {
    let next: number | undefined;
    for (let n = at + 1; n <= Math.min(to, at + LOOK_AHEAD); n++) {
      const text = lineOf(n);
      if (filler.test(text) || skip.test(text)) continue;
      next = n;
      break;
    }
    if (next === undefined) break;
    at = next;
  }
  return at;
}
