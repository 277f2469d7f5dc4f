import { describe, expect, it } from "vitest";
import RE2 from "re2";
import { builtinPatterns } from "../../../src/classify/builtins/index.js";
import { allExamples } from "./all-examples.js";
import { compileBuiltins, lineMatches } from "./line-match.js";

const examples = allExamples;
const compiled = compileBuiltins();
const byId = new Map(compiled.map((c) => [c.pattern.id, c]));

describe("built-in pattern library", () => {
  it("has at least 40 patterns with unique, namespaced ids", () => {
    const ids = builtinPatterns().map((p) => p.id);
    expect(ids.length).toBeGreaterThanOrEqual(40);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9-]+\.[a-z0-9-]+$/);
  });

  it.each(builtinPatterns().map((p) => [p.id, p] as const))("%s compiles under RE2 (regex and unless)", (_id, p) => {
    expect(() => new RE2(p.regex, "u")).not.toThrow();
    if (p.unless !== undefined) expect(() => new RE2(p.unless as string, "u")).not.toThrow();
  });

  it("has examples for exactly the built-in ids, each with a match and a near-miss", () => {
    expect(Object.keys(examples).sort()).toEqual([...byId.keys()].sort());
    for (const [id, ex] of Object.entries(examples)) {
      expect(ex.match.length, id).toBeGreaterThan(0);
      expect(ex.miss.length, id).toBeGreaterThan(0);
    }
  });

  it("known-problem built-ins never re-run; flaky ones say why in a description", () => {
    for (const p of builtinPatterns()) {
      expect(p.description, p.id).toBeTruthy();
      if (p.class === "known-problem") expect(p.retry?.enabled ?? false, p.id).toBe(false);
    }
  });
});

describe.each(Object.entries(examples))("%s", (id, ex) => {
  const c = byId.get(id);
  it.each(ex.match)("matches %s", (line) => {
    expect(c && lineMatches(c, line)).toBe(true);
  });
  it.each(ex.miss)("does not match %s", (line) => {
    expect(c && lineMatches(c, line)).toBe(false);
  });
});
