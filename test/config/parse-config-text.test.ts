// `.github/sift.yml` as text: every problem with file, line, column and key path.
import { describe, expect, it } from "vitest";
import { keyPath, parseConfigText } from "../../src/config/parse-config-text.js";

const FILE = "octo/app/.github/sift.yml";
const lineOf = (text: string, needle: string) => text.split("\n").findIndex((l) => l.includes(needle)) + 1;
const at = (text: string, path: string) => parseConfigText(text, FILE).problems.find((p) => p.path === path);

const yaml = [
  "retry:",
  "  max_attempts: many", // wrong type
  "  colour: blue", // unknown nested key
  "flavour: vanilla", // unknown key
  "patterns:",
  "  - id: ok",
  "    regex: 'Connection reset'",
  "    class: flaky",
  "  - id: lookbehind",
  "    regex: '(?<=npm )ERR'", // RE2 compile error
  "    class: flaky",
  "  - id: ok # again",
  "    regex: 'again'", // duplicate id
  "    class: flaky",
  "  - id: empty",
  "    regex: ''", // empty
  "    class: flaky",
  "  - id: everything",
  "    regex: '.*'", // matches every line
  "    class: flaky",
  "  - id: lonely-unless",
  "    unless: 'retrying'", // unless without regex
  "    class: flaky",
  "  - id: typo",
  "    regex: 'x+y'",
  "    clas: flaky", // unknown key in a pattern
  "    class: flaky",
].join("\n");

describe("parseConfigText", () => {
  it("reports every kind of problem at its line and column, with its key path", () => {
    const { problems, validated } = parseConfigText(yaml, FILE);
    expect(validated.config.patterns.map((p) => p.id)).toEqual(["ok"]);
    expect(problems.every((p) => p.file === FILE)).toBe(true);
    const expectations: [string, string, RegExp][] = [
      ["retry.max_attempts", "max_attempts: many", /expected number/],
      ["retry.colour", "colour: blue", /unknown key \(known: enabled, max_attempts/],
      ["flavour", "flavour: vanilla", /unknown key/],
      ["patterns[1].regex", "(?<=npm )ERR", /does not compile under RE2: .*look-behind/],
      ["patterns[2].id", "id: ok # again", /duplicate id "ok"/],
      ["patterns[3].regex", "regex: ''", /must not be empty/],
      ["patterns[4].regex", "regex: '.*'", /matches every line/],
      ["patterns[5].unless", "unless: 'retrying'", /`unless` without `regex`/],
      ["patterns[6].clas", "clas: flaky", /unknown key \(known: id, regex, class/],
    ];
    for (const [path, needle, message] of expectations) {
      const problem = problems.find((p) => p.path === path);
      expect(problem, path).toBeDefined();
      expect(problem!.message, path).toMatch(message);
      expect(problem!.line, path).toBe(lineOf(yaml, needle));
    }
    expect(problems).toHaveLength(expectations.length);
    expect(at(yaml, "patterns[1].regex")?.column).toBe(12); // the value, after "    regex: "
    expect(at(yaml, "flavour")?.column).toBe(1); // the unknown key itself
  });

  it("calls a pattern too broad when it matches most lines of the sample", () => {
    const sample = Array.from({ length: 40 }, (_, i) => `[${i}] running test ${i}`);
    const text = "patterns:\n  - { id: broad, regex: 'test', class: flaky }\n  - { id: narrow, regex: 'test 7$', class: flaky }\n";
    const { problems } = parseConfigText(text, FILE, { sample });
    expect(problems).toEqual([expect.objectContaining({ path: "patterns[0].regex", line: 2, message: expect.stringMatching(/matches 40 of 40 lines/) })]);
  });

  it("reports YAML syntax errors and duplicate keys where they are", () => {
    const dup = parseConfigText("retry:\n  enabled: true\n  enabled: false\n", FILE).problems;
    expect(dup).toEqual([expect.objectContaining({ line: 3, message: expect.stringContaining("Map keys must be unique") })]);
    const bad = parseConfigText("patterns:\n  - { id: x, regex: 'a', class: flaky\n", FILE).problems;
    expect(bad[0]?.line).toBeGreaterThanOrEqual(2);
  });

  it("says in words a new user reads: which key is duplicated, which one is missing, and an _extends that is not a name", () => {
    const dup = parseConfigText("retry:\n  enabled: true\n  enabled: false\n", FILE).problems;
    expect(dup).toEqual([{ file: FILE, path: "", line: 3, column: 3, message: 'duplicate key "enabled" (Map keys must be unique)' }]);
    const missing = parseConfigText("patterns:\n  - id: x\n    class: flaky\n", FILE).problems;
    expect(missing).toEqual([{ file: FILE, path: "patterns[0].regex", line: 2, column: 5, message: "required, missing", patternId: "x" }]);
    const message = 'must name a repository: REPO or OWNER/REPO, optionally with :PATH.yml (".github" for the organisation\'s defaults)';
    for (const bad of ["5", "'octo/app/extra'", "'app:sift.txt'"]) {
      expect(parseConfigText(`_extends: ${bad}\n`, FILE).problems).toEqual([{ file: FILE, path: "_extends", line: 1, column: 11, message }]);
    }
    for (const good of [".github", "octo/app", "other:config/sift.yaml"]) expect(parseConfigText(`_extends: ${good}\n`, FILE).problems).toEqual([]);
  });

  it("refuses a billion-laughs file quickly instead of expanding it", () => {
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 10; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(", ")}]`);
    const started = performance.now();
    const { problems } = parseConfigText(levels.join("\n"), FILE);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(problems).toEqual([expect.objectContaining({ path: "", message: expect.stringContaining("Excessive alias count") })]);
  });

  it("refuses a regex over 4 KiB and more than 1000 patterns", () => {
    const long = parseConfigText(`patterns:\n  - { id: long, regex: '${"é".repeat(2100)}', class: flaky }\n`, FILE).problems;
    expect(long).toEqual([expect.objectContaining({ path: "patterns[0].regex", line: 2 })]);
    const many = Array.from({ length: 1001 }, (_, i) => `  - { id: p${i}, regex: 'error ${i}', class: flaky }`).join("\n");
    expect(parseConfigText(`patterns:\n${many}\n`, FILE).problems).toEqual([expect.objectContaining({ path: "patterns", line: 2, message: expect.stringContaining("at most 1000") })]);
  });

  it("splits key paths", () => {
    expect(keyPath("patterns[3].regex")).toEqual(["patterns", 3, "regex"]);
    expect(keyPath("")).toEqual([]);
  });
});
