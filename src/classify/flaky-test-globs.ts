// Tests a repository declares flaky: `flaky_tests:` globs in .github/sift.yml, and test ids listed
// by open issues labelled `sift:flaky-test` (as PyTorch does with its "DISABLED test_a (__main__.TestX)"
// issues). PURE: the caller fetches the config and the issues.
import picomatch from "picomatch";
import { globProblem } from "./glob-problem.js";

export interface TestRef {
  id: string;
  file?: string;
}

export interface DeclaredMatch {
  by: "glob" | "issue";
  /** The glob or the issue's test id that matched. */
  declared: string;
}

export interface FlakyTestMatcher {
  /** How `test` is declared flaky, or null. */
  match(test: TestRef): DeclaredMatch | null;
  /** Globs that could not be used, with the reason (shown in the report, never silently dropped). */
  problems: { glob: string; reason: string }[];
}

// Case-sensitive (test names are), `*` crosses `/` and `::` (ids are not paths), dots are ordinary.
const GLOB_OPTIONS = { bash: true, dot: true, nocase: false } as const;

const globProblemOf = (glob: string) => globProblem(glob, { maxLength: 300, maxStars: 12, options: GLOB_OPTIONS });

/** Scopes of a test id in any runner's form: `tests/x.py::TestX::test_a` → [tests, x.py, TestX, test_a]. */
export function testScopes(id: string): string[] {
  const unittest = /^(\w+) \(([\w.]+)\)$/.exec(id.trim());
  const flat = unittest ? `${unittest[2]}.${unittest[1]}` : id;
  return flat
    .split(/::| › | > |#|\/|\.(?=[A-Za-z_])/)
    .map((s) => s.trim())
    .filter((s) => s !== "" && s !== "__main__");
}

/**
 * An issue's test id names `test` when they are equal, or when the issue's scopes (at least two:
 * a class and a test) are the last scopes of the test's: `TestX.test_a` names
 * `test/test_x.py::TestX::test_a`. A bare name never matches by suffix (too many tests share it).
 */
export function namesTest(declared: string, test: TestRef): boolean {
  if (declared === test.id) return true;
  const want = testScopes(declared);
  const have = testScopes(test.id);
  if (want.length < 2 || want.length > have.length) return false;
  return want.every((s, i) => s === have[have.length - want.length + i]);
}

/** A matcher over `flaky_tests:` globs and the test ids of `sift:flaky-test` issues. */
export function flakyTestMatcher(globs: readonly string[], issueTestIds: readonly string[] = []): FlakyTestMatcher {
  const problems: FlakyTestMatcher["problems"] = [];
  const tests: { glob: string; test: (s: string) => boolean }[] = [];
  for (const glob of globs) {
    const reason = globProblemOf(glob);
    if (reason) problems.push({ glob, reason });
    else tests.push({ glob, test: picomatch(glob, GLOB_OPTIONS) });
  }
  return {
    problems,
    match(test) {
      for (const { glob, test: isMatch } of tests) {
        // A literal id is its own glob even when it holds brackets (`test_a[1-2]`).
        if (glob === test.id || isMatch(test.id) || (test.file !== undefined && (glob === test.file || isMatch(test.file)))) return { by: "glob", declared: glob };
      }
      const declared = issueTestIds.find((d) => namesTest(d, test));
      return declared === undefined ? null : { by: "issue", declared };
    },
  };
}

const MAX_ISSUE_IDS = 200;
const MAX_ID = 300;

/** One line of an issue that is only a test id (optionally a list item or in backticks), or null. */
function idOfLine(line: string, inCode: boolean): string | null {
  let text = line.trim();
  if (!inCode) text = text.replace(/^(?:[-*+]|\d+\.)\s+(?:\[[ xX]\]\s+)?/, "").replace(/^`([^`]+)`$/, "$1").trim();
  if (text === "" || text.length > MAX_ID || text.startsWith("#") || text.startsWith("//")) return null;
  const unittest = /^(?:DISABLED |FLAKY |UNSTABLE )?(\w+) \(([\w.]+)\)$/.exec(text);
  if (unittest) return `${(unittest[2] as string).replace(/^__main__\./, "")}.${unittest[1]}`;
  if (/^\S+::\S+$/.test(text) || /^[\w:]+#\w+$/.test(text)) return text;
  // Dotted names (JUnit, go, dotnet), but not file names such as `test_foo.py`.
  if (/^[A-Za-z_][\w$]*(?:[./][A-Za-z_][\w$]*)+(?:\([^)]*\))?$/.test(text) && !/\.(?:py|js|ts|rb|java|go|rs|php|cs|md|txt|ya?ml|json)$/.test(text)) return text;
  // In a code block the author says "these are ids": jest/Playwright/Gradle titles too.
  if (inCode && (text.includes(" › ") || text.includes(" > "))) return text;
  return null;
}

/**
 * Test ids an issue declares flaky: its title (`DISABLED test_a (__main__.TestX)`, or a test id
 * after a `DISABLED`/`FLAKY`/`UNSTABLE` prefix) and body lines that are only a test id (one per line,
 * list items, backticks, or lines of a fenced code block). Prose lines are ignored.
 */
export function testIdsFromIssue(issue: { title: string; body?: string | null }): string[] {
  const ids = new Set<string>();
  const title = issue.title.trim().replace(/^(?:DISABLED|FLAKY|UNSTABLE)\s*:?\s+/i, "");
  const fromTitle = idOfLine(title, false);
  if (fromTitle) ids.add(fromTitle);
  let inCode = false;
  for (const line of (issue.body ?? "").split(/\r?\n/)) {
    if (/^\s*(?:```|~~~)/.test(line)) {
      inCode = !inCode;
      continue;
    }
    const id = idOfLine(line, inCode);
    if (id) ids.add(id);
    if (ids.size >= MAX_ISSUE_IDS) break;
  }
  return [...ids];
}
