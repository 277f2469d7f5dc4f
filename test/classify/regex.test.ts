import { describe, expect, it } from "vitest";
import { compileRegex, PatternRegexError, regexProblem } from "../../src/classify/index.js";
import { countedRepetitions } from "../../src/classify/regex.js";

describe("compileRegex (the one RE2 factory)", () => {
  it.each([
    ["a(?=b)", "look-ahead"],
    ["a(?!b)", "look-ahead"],
    ["(?<=a)b", "look-behind"],
    ["(?<!a)b", "look-behind"],
    ["(a)\\1", "back-reference"],
    ["(?<n>a)\\k<n>", "back-reference"],
    ["(?>a)", "atomic group"],
    ["[abc", "missing ]"],
    ["a{2,1}", "invalid repetition"],
  ])("rejects %s with a reason naming %s and the pattern id", (source, reason) => {
    let error: unknown;
    try {
      compileRegex(source, { id: "my.pattern", field: "regex" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PatternRegexError);
    const e = error as PatternRegexError;
    expect(e.patternId).toBe("my.pattern");
    expect(e.reason).toContain(reason);
    expect(e.message).toContain('pattern "my.pattern"');
    expect(e.message).toContain(JSON.stringify(source));
  });

  it("does not mistake escaped or bracketed syntax for look-around", () => {
    expect(regexProblem(String.raw`\(\?=x\)`, { id: "x" })).toBeUndefined();
    expect(regexProblem("[(?=]+", { id: "x" })).toBeUndefined();
    expect(regexProblem(String.raw`\\1`, { id: "x" })).toBeUndefined();
  });

  it("compiles once and hands back the cached RE2", () => {
    const a = compileRegex("cache-me \\d+", { id: "x" });
    const b = compileRegex("cache-me \\d+", { id: "y" });
    expect(a).toBe(b);
    expect(compileRegex("cache-me \\d+", { id: "x", flags: "g" })).not.toBe(a);
  });

  it("accepts RE2 syntax JavaScript lacks, such as inline flags", () => {
    expect(compileRegex("(?i)no space left", { id: "x" }).test("NO SPACE LEFT")).toBe(true);
  });

  it("counts {m,n} repetitions outside classes and escapes, and refuses a pattern whose sum passes the budget", () => {
    expect(countedRepetitions("a{2}b{3,}c{1,5}")).toBe(10);
    expect(countedRepetitions("[{9}]\\{8} x{,3} {oops}")).toBe(0);
    expect(() => compileRegex("[a-z]{1,1000}[0-9]{1,1000}", { id: "ok" })).not.toThrow();
    expect(() => compileRegex("[a-z]{1,1000}[0-9]{1,1000}x{1}", { id: "over" })).toThrow(/add up to 2001, more than 2000/);
  });
});

