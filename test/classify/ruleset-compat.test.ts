// The real curated rule set of pytorch/test-infra's log classifier (102 rules, in ../shared/corpus)
// under RE2: which rules compile, and do they still pick the line upstream's own fixtures mark?
// Upstream runs these with Rust's `regex` crate, which (like RE2) has no look-around and no
// back-references, so all 102 are expected to compile; the one difference that matters is that
// RE2's \w \d \s are ASCII-only where Rust's are Unicode-aware.
import { join } from "node:path";
import RE2 from "re2";
import stripAnsi from "strip-ansi";
import { describe, expect, it } from "vitest";
import { regexProblem } from "../../src/classify/regex.js";
import { corpusDir, corpusLogs, readCorpusFile } from "../helpers/corpus.js";
import { loadPytorchRuleset, parsePytorchRuleset } from "../helpers/pytorch-ruleset.js";

const rulesetPath = () => join(corpusDir(), "pytorch-log-classifier-ruleset.toml");

/** Through the app's one RE2 factory, as user patterns are compiled. */
function compileError(pattern: string, id = "pytorch-rule"): string | undefined {
  return regexProblem(pattern, { id });
}

describe("pytorch log-classifier ruleset under RE2", () => {
  it("loads all 102 rules in priority order", () => {
    const rules = loadPytorchRuleset(rulesetPath());
    expect(rules).toHaveLength(102);
    expect(rules[0]?.name).toBe("Operator backwards compatibility");
    expect(rules.at(-1)).toMatchObject({ name: "GHA error", pattern: String.raw`^##\[error\](.*)` });
    expect(rules.find((r) => r.name === "Docker login failure")?.pattern).toBe("Docker login for '.*' failed.*");
  });

  it("compiles every rule: the set of rules RE2 rejects is empty", () => {
    const rejected = loadPytorchRuleset(rulesetPath())
      .map((r) => ({ index: r.index, name: r.name, error: compileError(r.pattern, r.name) }))
      .filter((r) => r.error !== undefined);
    expect(rejected).toEqual([]);
  });

  it("RE2 really rejects what the rule set avoids (look-around, back-references)", () => {
    // Mozilla's buildbotcustom errors.py has one such rule (see ../shared/corpus/patterns).
    expect(compileError(String.raw`(?<!INFO -  Caught Exception: )Remote Device Error`)).toMatch(/look-behind/);
    expect(compileError(String.raw`foo(?=bar)`)).toMatch(/look-ahead/);
    expect(compileError(String.raw`(a)\1`)).toMatch(/back-reference/);
  });

  it("counts the rules whose \\w \\d \\s would be Unicode-aware upstream but ASCII-only here", () => {
    const rules = loadPytorchRuleset(rulesetPath()).filter((r) => /\\[wdsWDS]/.test(r.pattern));
    expect(rules.length).toBe(32);
    expect(new RE2(String.raw`^\w+$`, "u").test("déjà")).toBe(false);
  });
});

// Upstream marks the line its classifier picks with `#=MATCH=# `; the winning rule is named in
// logs/pytorch/PROVENANCE.md. Under RE2 that rule must still match that line.
const upstreamWinner: Record<string, string> = {
  "compile_error.txt": "Compile error",
  "gha_cancellation_shutdown.txt": "GHA cancellation",
  "gha_timeout.txt": "GHA timeout",
  "infra_osdc_pod_failure.txt": "Runner pod failed to come online",
  "lint_lintrunner.txt": "Lintrunner failure",
  "pytest_failures_section.txt": "pytest failure",
  "python_importerror_name.txt": "Python ImportError",
  "test_file_timeout.txt": "Test file timeout",
  "unittest_failed_consistently.txt": "Python unittest failure",
  "uv_python_download_failed.txt": "uv python download metadata fetch failed",
};

describe("pytorch fixtures: the upstream winner still matches its marked line under RE2", () => {
  it.each(Object.entries(upstreamWinner))("%s → %s", (file, ruleName) => {
    const text = readCorpusFile(corpusLogs("pytorch").find((p) => p.endsWith(`/${file}`)) as string);
    const marked = text.split("\n").find((l) => l.startsWith("#=MATCH=# "));
    expect(marked, file).toBeDefined();
    const line = stripAnsi((marked as string).slice("#=MATCH=# ".length).replace(/[‹›]/g, ""))
      .replace(/^\uFEFF?\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z /, "")
      .replace(/\r$/, "");
    const candidates = loadPytorchRuleset(rulesetPath()).filter((r) => r.name === ruleName);
    expect(candidates.length).toBeGreaterThan(0);
    expect(candidates.some((r) => new RE2(r.pattern, "u").test(line)), line).toBe(true);
  });
});

describe("parsePytorchRuleset", () => {
  it("reads literal, multi-line-literal and basic strings", () => {
    const rules = parsePytorchRuleset(
      ["# c", "[[rule]]", "name = 'a'", String.raw`pattern = '^\d+'`, "", "[[rule]]", `name = "b \\"q\\""`, "pattern = '''it's'''"].join("\n"),
    );
    expect(rules).toEqual([
      { index: 0, name: "a", pattern: String.raw`^\d+`, line: 4 },
      { index: 1, name: 'b "q"', pattern: "it's", line: 8 },
    ]);
  });
  it("names the line of anything it does not understand", () => {
    expect(() => parsePytorchRuleset("[[rule]]\nname = 'a'\nflags = 'i'\n", "r.toml")).toThrow("r.toml:3: unexpected line flags = 'i'");
    expect(() => parsePytorchRuleset("[[rule]]\nname = 'a'\n", "r.toml")).toThrow("r.toml:1: [[rule]] without both name and pattern");
  });
});
