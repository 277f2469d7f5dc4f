// "Kind" has one definition, from the verdict: CI causes are infrastructure, everything the code under
// test did (every genuine failure included) is a test failure.
import { describe, expect, it } from "vitest";
import { failureKind } from "../../src/model/index.js";

describe("failureKind", () => {
  it("counts every genuine failure as test, whatever its category", () => {
    expect(failureKind({ verdict: "genuine", patternId: "sift.genuine.test-failure", category: "test-failure" })).toBe("test");
    expect(failureKind({ verdict: "genuine", patternId: "sift.genuine.build-error", category: "build-error" })).toBe("test");
    expect(failureKind({ verdict: "genuine", patternId: "sift.signal.platform-timeout", category: "timeout" })).toBe("test");
    expect(failureKind({ verdict: "genuine", patternId: "sift.signal.no-log", category: "no-log" })).toBe("test");
    expect(failureKind({ verdict: "genuine", patternId: null, category: null })).toBe("test");
  });

  it("counts flaky and known CI causes as infrastructure", () => {
    for (const [patternId, category] of [["gha.runner-lost", "runner"], ["npm.registry-5xx", "registry"], ["net.reset", "network"], ["disk.full", "disk"], ["oom.killed", "memory"], ["gha.job-timeout", "timeout"]] as const) {
      expect(failureKind({ verdict: "flaky", patternId, category }), `${patternId}`).toBe("infrastructure");
    }
    expect(failureKind({ verdict: "known_problem", patternId: "grid-down", category: "service" })).toBe("infrastructure");
    expect(failureKind({ verdict: "known-problem", patternId: "grid-down", category: "infrastructure" })).toBe("infrastructure");
  });

  it("counts a flaky test, a known broken test and a known problem over a genuine failure as test", () => {
    expect(failureKind({ verdict: "flaky", patternId: "jest.flaky", category: "flaky-test" })).toBe("test");
    expect(failureKind({ verdict: "known_problem", patternId: "eslint-crash", category: "lint" })).toBe("test");
    expect(failureKind({ verdict: "known-problem", patternId: "sift.genuine.test-failure", category: "test-failure" })).toBe("test");
    expect(failureKind({ verdict: "known-problem", patternId: null, category: null })).toBe("test");
  });
});

describe("every built-in infrastructure cause", () => {
  it("counts as infrastructure (a new category must be placed in the kind rule)", async () => {
    const { builtinPatterns } = await import("../../src/classify/builtins/index.js");
    const flaky = builtinPatterns().filter((p) => p.class === "flaky" && p.category !== "flaky-test");
    expect(flaky.length).toBeGreaterThan(50);
    const test = flaky.filter((p) => failureKind({ verdict: "flaky", patternId: p.id, category: p.category ?? null }) !== "infrastructure");
    expect(test.map((p) => `${p.id} (${p.category})`)).toEqual([]);
  });
});
