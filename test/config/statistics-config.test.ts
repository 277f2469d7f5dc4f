// `statistics:` in .github/sift.yml: validated entry by entry with positions, limits, and merged by id.
import { describe, expect, it } from "vitest";
import { configFromFiles } from "../../src/config/load.js";
import { parseConfigText } from "../../src/config/parse-config-text.js";
import { validateConfig } from "../../src/config/validate.js";

const FILE = "octo/app/.github/sift.yml";
const lineOf = (text: string, needle: string) => text.split("\n").findIndex((l) => l.includes(needle)) + 1;

const yaml = [
  "statistics:",
  "  - id: bundle-size",
  "    regex: 'bundle: (?P<kb>\\d+) kB'",
  "    jobs: ['build*']",
  "    unit: kB",
  "    successful: true",
  "  - id: lookbehind",
  "    regex: '(?<=took )(?P<ms>\\d+)'", // RE2 has no look-behind
  "  - id: unnamed",
  "    regex: 'took (\\d+) ms'", // no named group
  "  - id: Not A Slug", // bad id
  "    regex: 'x (?P<n>\\d+)'",
  "  - id: bundle-size",
  "    regex: 'again (?P<n>\\d+)'", // duplicate id
  "  - id: typo",
  "    regex: 'n=(?P<n>\\d+)'",
  "    succesful: true", // unknown key
  "  - id: empty-ok",
  "    regex: '(?P<n>\\d*)'", // matches an empty line
].join("\n");

describe("statistics: in .github/sift.yml", () => {
  it("keeps the good entries and reports each bad one at its line and column, with its key path", () => {
    const { validated, problems } = parseConfigText(yaml, FILE);
    expect(validated.config.statistics).toEqual([{ id: "bundle-size", regex: "bundle: (?P<kb>\\d+) kB", jobs: ["build*"], unit: "kB", successful: true }]);
    const at = (path: string) => problems.find((p) => p.path === path);
    expect(at("statistics[1].regex")).toMatchObject({ line: lineOf(yaml, "(?<=took"), column: 12, message: expect.stringMatching(/does not compile under RE2: look-behind/) });
    expect(at("statistics[2].regex")).toMatchObject({ line: lineOf(yaml, "took (\\d+) ms"), message: expect.stringContaining("no named group") });
    expect(at("statistics[3].id")).toMatchObject({ line: lineOf(yaml, "Not A Slug"), column: 9, message: expect.stringContaining("slug") });
    expect(at("statistics[4].id")).toMatchObject({ line: lineOf(yaml, "again (?P<n>") - 1, message: expect.stringContaining("duplicate id") });
    expect(at("statistics[5].succesful")).toMatchObject({ line: lineOf(yaml, "succesful"), column: 5, message: expect.stringMatching(/unknown key \(known: id, regex, jobs, unit, successful\)/) });
    expect(at("statistics[6].regex")).toMatchObject({ message: expect.stringContaining("matches an empty line") });
    expect(problems).toHaveLength(6);
  });

  it("bounds the list at 50 statistics, a regex at 4 KiB and 10 named groups", () => {
    const many = Array.from({ length: 60 }, (_, i) => ({ id: `s${i}`, regex: `n${i}=(?P<n>\\d+)` }));
    const capped = validateConfig({ statistics: many }, "f");
    expect(capped.config.statistics).toHaveLength(50);
    expect(capped.problems).toEqual([expect.objectContaining({ path: "statistics", message: expect.stringMatching(/at most 50 statistics: the 10 after/) })]);
    const long = validateConfig({ statistics: [{ id: "long", regex: `(?P<n>\\d+)${"x".repeat(4100)}` }] }, "f");
    expect(long.problems).toEqual([expect.objectContaining({ path: "statistics[0].regex", message: expect.stringMatching(/bytes long; at most 4096/) })]);
    const groups = Array.from({ length: 11 }, (_, i) => `(?P<g${i}>\\d+)`).join(" ");
    expect(validateConfig({ statistics: [{ id: "wide", regex: groups }] }, "f").problems[0]?.message).toContain("11 named groups; at most 10");
    expect(validateConfig({ statistics: "bundle" }, "f").problems).toEqual([expect.objectContaining({ path: "statistics", message: "must be a list of statistics" })]);
  });

  it("combines org and repo statistics by id, the repo's winning, with defaults filled", () => {
    const org = { statistics: [{ id: "bundle", regex: "bundle: (?P<kb>\\d+)", unit: "kB" }, { id: "tests", regex: "(?P<passed>\\d+) passed" }] };
    const repo = { statistics: [{ id: "bundle", regex: "size=(?P<kb>\\d+)", successful: true }], retry: { max_attempts: 2 } };
    const files = [
      { owner: "octo", repo: "app", path: ".github/sift.yml", config: repo },
      { owner: "octo", repo: ".github", path: ".github/sift.yml", config: org },
    ];
    const { settings, problems } = configFromFiles(files, "octo", "app");
    expect(problems).toEqual([]);
    expect(settings.statistics).toEqual([
      { id: "bundle", regex: "size=(?P<kb>\\d+)", unit: "", successful: true },
      { id: "tests", regex: "(?P<passed>\\d+) passed", unit: "", successful: false },
    ]);
    expect(settings.retry.max_attempts).toBe(2);
    expect(configFromFiles([{ ...files[1]!, repo: "app" }], "octo", "app").settings.statistics.map((s) => s.id)).toEqual(["bundle", "tests"]);
  });
});
