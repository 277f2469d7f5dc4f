import { constants } from "node:buffer";
import { describe, expect, it } from "vitest";
import { validateConfig } from "../../src/config/validate.js";

describe("validateConfig", () => {
  it("reports globs the app would refuse when it uses them: retry.exclude_workflows and flaky_tests", () => {
    const { problems } = validateConfig({ retry: { exclude_workflows: ["*deploy*", "release{"] }, flaky_tests: ["tests/ok/*", "tests/[bad"] }, "o/r/.github/sift.yml");
    expect(problems).toEqual([
      { file: "o/r/.github/sift.yml", path: "retry.exclude_workflows[1]", message: "unbalanced brackets: no workflow is re-run automatically until it is fixed" },
      { file: "o/r/.github/sift.yml", path: "flaky_tests[1]", message: "unbalanced brackets: this glob declares no test flaky" },
    ]);
  });

  it("reports a built-in id in builtins.disable that no built-in has (a typo would leave the misfiring one on)", () => {
    const { config, problems } = validateConfig({ builtins: { disable: ["net.dns", "gha.runner-lots"] } }, "o/r/.github/sift.yml");
    expect(config.builtins).toEqual({ disable: ["net.dns", "gha.runner-lots"] });
    expect(problems).toEqual([
      { file: "o/r/.github/sift.yml", path: "builtins.disable[1]", message: 'no built-in pattern has the id "gha.runner-lots" (a typo, or one this version of Sift no longer has): it disables nothing' },
    ]);
  });

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
    expect(bad.problems.map((p) => p.path).sort()).toEqual(["evidence.min_flips", "evidence.windows", "flaky_tests"]);
    expect(bad.config.evidence).toEqual({ enabled: true, min_flips: 2, window_days: 30 });
  });

  it("reports a file that is not a mapping", () => {
    expect(validateConfig(["a"], "f").problems).toEqual([expect.objectContaining({ path: "", message: expect.stringContaining("mapping") })]);
  });

  it("accepts an empty file", () => {
    expect(validateConfig(null, "f")).toMatchObject({ problems: [], config: { builtins: true, patterns: [] } });
  });

  it("keeps the first 1000 patterns of a file and reports the rest, without compiling them; reports patterns that are no list", () => {
    const patterns = Array.from({ length: 5000 }, (_, i) => ({ id: `p${i}`, regex: `error ${i}`, class: "flaky" }));
    const started = performance.now();
    const { config, problems } = validateConfig({ patterns }, "f");
    expect(performance.now() - started).toBeLessThan(5000);
    expect(config.patterns).toHaveLength(1000);
    expect(config.patterns.at(-1)?.id).toBe("p999");
    expect(problems).toEqual([expect.objectContaining({ path: "patterns", message: expect.stringMatching(/at most 1000 patterns.*4000/) })]);
    expect(validateConfig({ patterns: { id: "x" } }, "f")).toMatchObject({ config: { patterns: [] }, problems: [{ path: "patterns", message: "must be a list of patterns" }] });
  });

  it("bounds log.max_bytes at 256 MiB, well below the longest string V8 can hold", () => {
    expect(validateConfig({ log: { max_bytes: 256 * 1024 * 1024 } }, "f")).toMatchObject({ problems: [], config: { log: { max_bytes: 256 * 1024 * 1024 } } });
    const { config, problems } = validateConfig({ log: { max_bytes: 1024 * 1024 * 1024 } }, "f");
    expect(problems).toEqual([expect.objectContaining({ path: "log.max_bytes" })]);
    expect(config.log.max_bytes).toBe(64 * 1024 * 1024);
    // the decoded text is at most max_bytes characters: half of what V8 can hold (1 GiB failed with "Cannot create a string longer than…")
    expect(256 * 1024 * 1024).toBeLessThan(constants.MAX_STRING_LENGTH / 1.9);
  });
});

