import { describe, expect, it } from "vitest";
import { validateConfig } from "../../src/config/validate.js";

describe("validateConfig", () => {
  it("collects every problem with its key path and keeps the valid patterns", () => {
    const { config, problems } = validateConfig(
      {
        patterns: [
          { id: "ok", regex: "Connection reset", class: "flaky" },
          { id: "bad-class", regex: "x", class: "sometimes" },
          { id: "lookbehind", regex: "(?<=npm )ERR", class: "flaky" },
          { id: "bad-unless", regex: "x", class: "flaky", unless: "(a)\\1" },
          { id: "ok", regex: "dup", class: "flaky" },
          { regex: "no id", class: "flaky" },
        ],
        retry: { max_attempts: 99 },
        colour: "blue",
      },
      "o/r/.github/sift.yml",
    );
    expect(config.patterns.map((p) => p.id)).toEqual(["ok"]);
    const paths = problems.map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining(["patterns[1].class", "patterns[2].regex", "patterns[3].unless", "patterns[4].id", "patterns[5].id", "retry.max_attempts", "colour"]),
    );
    expect(problems.every((p) => p.file === "o/r/.github/sift.yml")).toBe(true);
    expect(problems.find((p) => p.path === "patterns[2].regex")?.message).toContain("look-behind");
    expect(problems.find((p) => p.path === "patterns[2].regex")?.patternId).toBe("lookbehind");
    expect(config.retry.max_attempts).toBe(3); // the bad value falls back to the default
  });

  it("reads flaky_tests and evidence, with defaults, and reports bad values with their key", () => {
    expect(validateConfig(null, "f").config).toMatchObject({ flaky_tests: [], evidence: { enabled: true, min_flips: 2, window_days: 30 } });
    const ok = validateConfig({ flaky_tests: ["tests/network/*", "Cart › *"], evidence: { min_flips: 3, window_days: 14 } }, "f");
    expect(ok).toMatchObject({ problems: [], config: { flaky_tests: ["tests/network/*", "Cart › *"], evidence: { enabled: true, min_flips: 3, window_days: 14 } } });
    const bad = validateConfig({ flaky_tests: "tests/*", evidence: { min_flips: 0, windows: 3 } }, "f");
    expect(bad.problems.map((p) => p.path).sort()).toEqual(["evidence", "evidence.min_flips", "flaky_tests"]);
    expect(bad.config.evidence).toEqual({ enabled: true, min_flips: 2, window_days: 30 });
  });

  it("reports a file that is not a mapping", () => {
    expect(validateConfig(["a"], "f").problems).toEqual([expect.objectContaining({ path: "", message: expect.stringContaining("mapping") })]);
  });

  it("accepts an empty file", () => {
    expect(validateConfig(null, "f")).toMatchObject({ problems: [], config: { builtins: true, patterns: [] } });
  });
});
