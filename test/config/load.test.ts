import { describe, expect, it } from "vitest";
import { builtinPatterns } from "../../src/classify/builtins/index.js";
import { configFromFiles, loadConfig } from "../../src/config/index.js";
import { nockRepoFile, testOctokit, useStrictNock } from "../helpers/github-nock.js";

useStrictNock();

const ids = (c: Awaited<ReturnType<typeof loadConfig>>) => c.compiled.patterns.map((p) => p.pattern.id);

describe("loadConfig", () => {
  it("uses the built-ins alone when neither the repo nor the org has a file", async () => {
    nockRepoFile("octo", "app", ".github/sift.yml", null);
    nockRepoFile("octo", ".github", ".github/sift.yml", null);
    const config = await loadConfig(testOctokit(), "octo", "app");
    expect(config.problems).toEqual([]);
    expect(ids(config)).toEqual(builtinPatterns().map((p) => p.id));
    expect(config.settings.retry.max_attempts).toBe(3);
  });

  it("puts repo patterns before org patterns (through _extends) before built-ins, repo settings winning", async () => {
    nockRepoFile(
      "octo",
      "app",
      ".github/sift.yml",
      [
        "_extends: .github",
        "retry: { max_attempts: 2 }",
        "patterns:",
        "  - { id: repo-flake, regex: 'FLAKE [0-9]+', class: flaky }",
        "  - { id: shared, regex: 'repo version', class: known-problem, issue: 'https://github.com/octo/app/issues/1' }",
      ].join("\n"),
    );
    nockRepoFile(
      "octo",
      ".github",
      ".github/sift.yml",
      ["builtins: { disable: [net.dns] }", "retry: { budget_per_hour: 5 }", "patterns:", "  - { id: shared, regex: 'org version', class: flaky }", "  - { id: org-only, regex: 'ORG', class: flaky }"].join("\n"),
    );
    const config = await loadConfig(testOctokit(), "octo", "app");
    expect(config.problems).toEqual([]);
    expect(ids(config).slice(0, 3)).toEqual(["repo-flake", "shared", "org-only"]);
    expect(config.compiled.patterns.find((p) => p.pattern.id === "shared")?.pattern.regex).toBe("repo version");
    expect(ids(config)).not.toContain("net.dns");
    expect(config.settings.retry.max_attempts).toBe(2);
    expect(config.settings.builtins).toEqual({ disable: ["net.dns"] });
  });

  it("reports an _extends whose file is missing, on the file that names it, and keeps the repository's own patterns", async () => {
    nockRepoFile("octo", "app", ".github/sift.yml", ["_extends: octo/defaults", "patterns:", "  - { id: repo-flake, regex: 'FLAKE [0-9]+', class: flaky }"].join("\n"));
    nockRepoFile("octo", "defaults", ".github/sift.yml", null);
    const config = await loadConfig(testOctokit(), "octo", "app");
    expect(ids(config)[0]).toBe("repo-flake");
    expect(config.problems).toEqual([
      {
        file: "octo/app/.github/sift.yml",
        path: "_extends",
        message: "octo/defaults/.github/sift.yml was not found (a missing repository or file, or one the App cannot read): its patterns and settings do not apply",
      },
    ]);
  });

  it("says nothing of the org's .github file it looks for when the repository has none", async () => {
    nockRepoFile("octo", "app", ".github/sift.yml", null);
    nockRepoFile("octo", ".github", ".github/sift.yml", "_extends: elsewhere/base:.github/sift.yml\nretry: { max_attempts: 2 }");
    nockRepoFile("elsewhere", "base", ".github/sift.yml", null);
    const config = await loadConfig(testOctokit(), "octo", "app");
    expect(config.settings.retry.max_attempts).toBe(2);
    expect(config.problems.map((p) => [p.file, p.path])).toEqual([["octo/.github/.github/sift.yml", "_extends"]]);
    expect(config.problems[0]?.message).toMatch(/^elsewhere\/base\/\.github\/sift\.yml was not found/);
  });

  it("reports a pattern RE2 rejects with its file, key and reason, and keeps the others", async () => {
    nockRepoFile(
      "octo",
      "app",
      ".github/sift.yml",
      ["builtins: false", "patterns:", "  - { id: bad, regex: '(?<=x)y', class: flaky }", "  - { id: good, regex: 'ok', class: flaky }"].join("\n"),
    );
    const config = await loadConfig(testOctokit(), "octo", "app");
    expect(ids(config)).toEqual(["good"]);
    expect(config.problems).toHaveLength(1);
    expect(config.problems[0]).toMatchObject({ file: "octo/app/.github/sift.yml", path: "patterns[0].regex", patternId: "bad" });
    expect(config.problems[0]?.message).toMatch(/RE2/);
  });

  it("applies no pattern at all when the file cannot be read, and says so (fail closed)", async () => {
    nockRepoFile("octo", "app", ".github/sift.yml", "patterns: [", 200);
    const config = await loadConfig(testOctokit(), "octo", "app");
    expect(config.compiled.patterns).toEqual([]);
    expect(config.problems[0]?.message).toMatch(/could not be read \(.*invalid YAML/);
  });
});

describe("the pattern-set hash a classification records", () => {
  const pattern = { id: "p", regex: "FLAKE", class: "flaky" };
  const file = (repo: string, config: Record<string, unknown>) => ({ owner: "octo", repo, path: ".github/sift.yml", config });
  const hashOf = (files: Parameters<typeof configFromFiles>[0]) => configFromFiles(files, "octo", "app").compiled.hash;

  it("is the same for the same effective set and changes with each layer", () => {
    const repoLayer = hashOf([file("app", { patterns: [pattern] })]);
    expect(hashOf([file("app", { patterns: [pattern] })])).toBe(repoLayer);
    expect(hashOf([])).not.toBe(repoLayer); // built-ins alone
    expect(hashOf([file(".github", { patterns: [pattern] })])).not.toBe(repoLayer); // the same pattern from the org layer
    expect(hashOf([file("app", { patterns: [pattern], builtins: { disable: ["net.dns"] } })])).not.toBe(repoLayer); // built-ins changed
    expect(hashOf([file("app", { patterns: [pattern], retry: { max_attempts: 2 } })])).toBe(repoLayer); // not a pattern setting
  });
});
