// Causes group genuine failures by their line with run-specific detail folded, and by failing test.
import { describe, expect, it } from "vitest";
import { causeKeys, causeSignature, failureSignature, MAX_TEST_CAUSES, NO_CAUSE } from "../../src/classify/index.js";

const sig = (line: string) => `genuine:${failureSignature(line)}`;

describe("causeSignature", () => {
  it("folds paths, URLs, numbers, hashes and times, and drops the genuine: prefix", () => {
    expect(causeSignature(sig("src/components/Cart.tsx(12,5): error TS2322: Type 'string' is not assignable to type 'number'."))).toBe(
      "<path>(<n>,<n>): error TS<n>: Type 'string' is not assignable to type 'number'.",
    );
    expect(causeSignature(sig("Error: ENOENT: no such file or directory, open '/home/runner/work/x/x/dist/index.js'"))).toBe(
      "Error: ENOENT: no such file or directory, open '<path>'",
    );
    expect(causeSignature(sig("npm ERR! 404 Not Found - GET https://registry.npmjs.org/@acme%2fwidget - Not found"))).toBe("npm ERR! <n> Not Found - GET <url> - Not found");
    expect(causeSignature(sig("C:\\Users\\me\\project\\src\\main.c:12: error: x"))).toBe("<path>:<n>: error: x");
    expect(causeSignature(sig("AssertionError: expected 3 to equal 4 at 2024-01-02T03:04:05Z in a1b2c3d4e5f6"))).toBe("AssertionError: expected <n> to equal <n> at <time> in <hex>");
  });

  it("gives two runs of one error in different files and workspaces the same key", () => {
    const a = causeSignature(sig("/home/runner/work/app/app/src/a.ts:10:3 - error TS2304: Cannot find name 'foo'."));
    const b = causeSignature(sig("/Users/ci/builds/app/src/lib/b.ts:99:1 - error TS2304: Cannot find name 'foo'."));
    expect(a).toBe(b);
    expect(a).toBe("<path>:<n>:<n> - error TS<n>: Cannot find name 'foo'.");
  });

  it("leaves words with slashes but no file alone, and re-folds old stored signatures the same way", () => {
    expect(causeSignature("genuine:input/output error and/or crash")).toBe("input/output error and/or crash");
    expect(causeSignature("genuine:expected 41 got 42")).toBe(causeSignature(sig("expected 41 got 42")));
    expect(causeSignature("sift.signal.platform-timeout:exceeded the maximum execution time of 360 minutes")).toBe(
      "sift.signal.platform-timeout:exceeded the maximum execution time of <duration>",
    );
  });
});

describe("causeKeys", () => {
  it("counts flaky and known failures by their pattern", () => {
    expect(causeKeys({ verdict: "flaky", patternId: "net.reset", signature: "net.reset:ECONNRESET", testKeys: ["t"] })).toEqual([{ type: "pattern", key: "net.reset" }]);
    expect(causeKeys({ verdict: "known_problem", patternId: "eslint-crash", signature: null, testKeys: [] })).toEqual([{ type: "pattern", key: "eslint-crash" }]);
  });

  it("counts a genuine failure by its line and by each distinct failing test (bounded)", () => {
    const tests = Array.from({ length: 50 }, (_, i) => `test ${i % 30}`);
    const keys = causeKeys({ verdict: "genuine", patternId: "sift.genuine.test-failure", signature: sig("expected 1 to be 2"), testKeys: tests });
    expect(keys[0]).toEqual({ type: "signature", key: "expected <n> to be <n>" });
    expect(keys.slice(1)).toHaveLength(MAX_TEST_CAUSES);
    expect(keys[1]).toEqual({ type: "test", key: "test 0" });
  });

  it("falls back to the pattern, then to 'no pattern matched'; a known problem that was genuine keeps its line", () => {
    expect(causeKeys({ verdict: "genuine", patternId: "sift.signal.no-log", signature: null, testKeys: [] })).toEqual([{ type: "pattern", key: "sift.signal.no-log" }]);
    expect(causeKeys({ verdict: "genuine", patternId: null, signature: null, testKeys: [] })).toEqual([{ type: "pattern", key: NO_CAUSE }]);
    expect(causeKeys({ verdict: "known_problem", patternId: "sift.genuine.compile-error", signature: sig("boom 7"), testKeys: ["t"] })).toEqual([{ type: "signature", key: "boom <n>" }]);
  });
});
