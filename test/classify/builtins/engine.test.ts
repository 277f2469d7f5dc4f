// The built-in examples through the real engine (normalise → compile → classify), not only the
// per-line check: each match line alone must yield that pattern (or a runner signal that names the
// same cause); no near-miss may yield it.
import { describe, expect, it } from "vitest";
import { builtinPatterns } from "../../../src/classify/builtins/index.js";
import { classify, compilePatternSet } from "../../../src/classify/index.js";
import { normaliseLog } from "../../../src/logs/index.js";
import { allExamples } from "./all-examples.js";

const compiled = compilePatternSet(builtinPatterns().map((pattern) => ({ pattern, origin: "builtin" as const })));
const examples = allExamples;

function verdictFor(line: string) {
  return classify({ log: normaliseLog(`${line}\n`), compiled });
}

describe("built-ins through the engine", () => {
  it("compile without problems", () => {
    expect(compiled.problems).toEqual([]);
  });
  describe.each(Object.entries(examples))("%s", (id, ex) => {
    it.each(ex.match)("classifies %s", (line) => {
      const v = verdictFor(line);
      expect(v.class, JSON.stringify(v)).not.toBe("genuine");
      if (v.patternId !== id) expect(v.patternId, `${id}: ${line}`).toMatch(/^sift\.signal\./);
    });
    it.each(ex.miss)("does not blame %s", (line) => {
      expect(verdictFor(line).patternId).not.toBe(id);
    });
  });
});
