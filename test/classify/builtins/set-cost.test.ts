// The engine runs every probe as one RE2 set in a single pass over each segment. A counted repetition
// such as `.{0,400}` compiles to hundreds of states that the set's DFA must combine with every other
// probe's; with 85 built-ins the pass was 5× slower than with `.*` (a probe never spans lines, so the
// bound bought nothing). Keep bounds small, or use `.*`. (Leading alternatives that begin like common
// words cost the same way: see gha.cache-service.)
import { describe, expect, it } from "vitest";
import { builtinPatterns } from "../../../src/classify/builtins/index.js";

const LARGEST_BOUND = 99;

function largestBound(source: string): number {
  let max = 0;
  for (const m of source.matchAll(/(?<!\\)\{(\d+),(\d+)\}/g)) max = Math.max(max, Number(m[2]));
  return max;
}

describe("built-ins stay cheap in the one-pass set", () => {
  it.each(builtinPatterns().map((p) => [p.id, p] as const))("%s has no counted repetition above 99", (_id, p) => {
    // Only the regex joins the set; `unless` runs on the few lines a probe already matched.
    expect(largestBound(p.regex)).toBeLessThanOrEqual(LARGEST_BOUND);
  });
  it("the check sees a large bound when there is one", () => {
    expect(largestBound(String.raw`failed to copy.{0,400}i/o timeout`)).toBe(400);
    expect(largestBound(String.raw`\{0,400\}`)).toBe(0);
  });
});
