// The structure test runners print around each test, as line shapes. Two styles exist:
// trailers end a test's output with its verdict (go test -v, Gradle, unittest, cargo, gtest,
// surefire per class, pytest -v, ctest, dotnet, mocha/jest verbose ticks), and openers start a
// block with the verdict and print the details below it (jest/vitest file headers, TAP, pytest's
// FAILURES sections, cargo's "---- x stdout ----"). Used to tell a passing test's output (which
// never explains a failure) from a failing test's. An opener's block ends at the next marker or at
// the run's own report (summary, coverage table), which belongs to no test.

export type MarkerKind = "start" | "pass" | "fail" | "pass-opener" | "fail-opener" | "end";

export const TEST_MARKERS: Readonly<Record<MarkerKind, string>> = {
  start: [
    String.raw`^=== (?:RUN|CONT|PAUSE) `, // go test -v
    String.raw`^\[ RUN +\] `, // googletest
    String.raw`^\S.* > .+ (?:STARTED|STANDARD_OUT|STANDARD_ERROR)$`, // Gradle test logging
    String.raw`^(?:\[INFO\] )?Running [\w.$]+$`, // Maven surefire / failsafe
    String.raw`^\S+\.py::\S+ (?:\S|$)`, // pytest -v: the node id, the test's own output after it
    String.raw`^test \S+ \.\.\. $`, // cargo test, output before the verdict
  ].join("|"),
  pass: [
    String.raw`^\s*--- PASS: `,
    String.raw`^ok\s+\S+\s+(?:[\d.]+s|\(cached\))`, // go package
    String.raw`^\S.* > .+ PASSED$`, // Gradle
    String.raw`\.\.\. ok$`, // unittest, cargo test
    String.raw`^\[ +OK \] `, // googletest
    String.raw`(?:^|\s)PASSED(?: +\[ *\d+%\])?$`, // pytest -v
    String.raw`^\s*[✓✔√] \S`, // jest/vitest/mocha verbose, PHPUnit testdox
    String.raw`Tests run: \d+, Failures: 0, Errors: 0, Skipped: \d+, Time elapsed: .* (?:- )?in \S+$`, // surefire class
    String.raw`Test +#\d+: .*\bPassed\b`, // ctest
    String.raw`^\s*Passed \S+.*\[[\d.]+ ?m?s\]$`, // dotnet test
  ].join("|"),
  fail: [
    String.raw`^\s*--- FAIL: `,
    String.raw`^FAIL\s+\S+\s+[\d.]+s$`,
    String.raw`^\S.* > .+ FAILED$`,
    String.raw`\.\.\. (?:FAIL|FAILED|ERROR)$`,
    String.raw`^\[ +FAILED +\] `,
    String.raw`(?:^|\s)(?:FAILED|ERROR)(?: +\[ *\d+%\])?$`,
    String.raw`^(?:FAILED|ERROR) \S+::\S+`,
    String.raw`^\s*[✕✖×] \S`,
    String.raw`<<< (?:FAILURE|ERROR)!`,
    String.raw`Test +#\d+: .*\*{3}(?:Failed|Exception)`,
    String.raw`^\s*Failed \S+.*\[[\d.]+ ?m?s\]$`,
  ].join("|"),
  "pass-opener": [
    String.raw`^\s*PASS\s+\S+\.\w+\b`, // jest/vitest file header
    String.raw`^ok \d+ `, // TAP
  ].join("|"),
  "fail-opener": [
    String.raw`^\s*FAIL\s+\S+\.\w+\b`,
    String.raw`^not ok \d+ `,
    String.raw`^_{3,} .+ _{3,}$`, // pytest FAILURES / ERRORS section
    String.raw`^={3,} (?:FAILURES|ERRORS) ={3,}$`,
    String.raw`^---- \S+ std(?:out|err) ----$`, // cargo test
    String.raw`^\s*● (?:\S.* › |[^C\s])`, // jest failure detail (not its "● Console" block)
    String.raw`^\d+\) \S`, // PHPUnit, mocha, RSpec failure detail
  ].join("|"),
  end: [
    String.raw`^(?:Test Suites|Tests|Snapshots|Time): |^Ran all test suites|^Summary of all failing tests$|^Jest: `, // jest's summary
    String.raw`^\s*Test Files\s`, // vitest's summary
    String.raw`^-+\|[-|]+$|^=+ Coverage summary =+$`, // coverage tables (istanbul text, text-summary)
    String.raw`^1\.\.\d+$|^# (?:tests|pass|fail) \d+$`, // TAP plan and totals
  ].join("|"),
};

export const MARKER_KINDS = Object.keys(TEST_MARKERS) as MarkerKind[];
