// Trap logs (RULES.md): realistic synthesised job logs where an infrastructure phrase stands where
// it cannot have ended the job. One behaviour each; the built-in library, as on a repository
// without configuration.
import { describe, expect, it } from "vitest";
import { builtinPatterns } from "../../src/classify/builtins/index.js";
import { classify, compilePatternSet, type Verdict } from "../../src/classify/index.js";
import { normaliseLog } from "../../src/logs/index.js";
import { ghaLog } from "./helpers.js";

const compiled = compilePatternSet(builtinPatterns().map((pattern) => ({ pattern, origin: "builtin" as const })));
const verdict = (text: string): Verdict => classify({ log: normaliseLog(text), compiled });
/** 1-based line of the first line containing `needle` in a ghaLog (timestamps included). */
const lineOf = (log: string, needle: string) => log.split("\n").findIndex((l) => l.includes(needle)) + 1;

describe("a passing test's output never explains the failure", () => {
  it("pytest: a fault-injection test prints ENOSPC and passes, another test fails on an assertion", () => {
    const log = ghaLog([
      "============================= test session starts ==============================",
      "collected 2 items",
      "tests/test_store.py::test_write_survives_full_disk OSError: [Errno 28] No space left on device: '/tmp/pytest-1/full/blob'",
      "PASSED                                                                   [ 50%]",
      "tests/test_api.py::test_total FAILED                                     [100%]",
      "=================================== FAILURES ===================================",
      "__________________________________ test_total __________________________________",
      "    def test_total():",
      ">       assert total([1, 2]) == 4",
      "E       assert 3 == 4",
      "tests/test_api.py:7: AssertionError",
      "=========================== short test summary info ============================",
      "FAILED tests/test_api.py::test_total - assert 3 == 4",
      "========================= 1 failed, 1 passed in 0.12s ==========================",
    ]);
    const v = verdict(log);
    expect(v).toMatchObject({ class: "genuine", category: "test-failure", line: lineOf(log, "E       assert 3 == 4") });
  });

  it("go test -v: a passing test logs a full disk, a later test panics with nothing recognisable", () => {
    const log = ghaLog([
      "=== RUN   TestWriteFullDisk",
      "    store_test.go:40: write /tmp/TestWriteFullDisk/blob: no space left on device (injected)",
      "--- PASS: TestWriteFullDisk (0.01s)",
      "=== RUN   TestIndex",
      "panic: runtime error: index out of range [3] with length 3 [recovered]",
      "--- FAIL: TestIndex (0.00s)",
      "FAIL\tgithub.com/acme/store\t0.02s",
    ]);
    const v = verdict(log);
    expect(v.class).toBe("genuine");
    expect(v.matchedText).toContain("index out of range");
  });

  it("jest: a passing suite's console shows ECONNRESET, a failing suite's assertion decides", () => {
    const log = ghaLog([
      " PASS  src/retry.test.ts",
      "  ● Console",
      "    console.warn",
      "      request to https://registry.npmjs.org/left-pad failed, reason: read ECONNRESET",
      " FAIL  src/sum.test.ts",
      "  ● sum › adds",
      "",
      "    expect(received).toBe(expected) // Object.is equality",
      "",
      "    Expected: 4",
      "    Received: 3",
      "Tests:       1 failed, 1 passed, 2 total",
      "npm ERR! code ELIFECYCLE",
    ]);
    const v = verdict(log);
    expect(v).toMatchObject({ class: "genuine", line: lineOf(log, "expect(received).toBe(expected)") });
  });
});

describe("a warning a tool recovered from never explains the failure", () => {
  it("cargo retries a spurious network error, recovers, and the job fails on a compile error", () => {
    const log = ghaLog([
      "    Updating crates.io index",
      "warning: spurious network error (2 tries remaining): [28] Timeout was reached (Operation timed out after 30000 milliseconds with 0 out of 0 bytes received)",
      "  Downloaded serde v1.0.200",
      "   Compiling app v0.1.0 (/home/runner/work/app/app)",
      "error[E0308]: mismatched types",
      "  --> src/main.rs:4:18",
      "error: could not compile `app` (bin \"app\") due to 1 previous error",
    ]);
    const v = verdict(log);
    expect(v).toMatchObject({ class: "genuine", category: "build-error", line: lineOf(log, "error[E0308]") });
  });

  it("cargo recovers from the warning but nothing genuine follows: the warning still does not count", () => {
    const log = ghaLog(["warning: spurious network error (2 tries remaining): [28] Timeout was reached", "  Downloaded serde v1.0.200", "   Compiling app v0.1.0", "Segmentation fault (core dumped)"]);
    expect(verdict(log).class).toBe("genuine");
  });

  it("when the retries run out and the step ends on the error, it counts", () => {
    const log = ghaLog([
      "warning: spurious network error (1 tries remaining): [28] Timeout was reached",
      "error: failed to download from `https://static.crates.io/api/v1/crates/serde/1.0.200/download`",
      "Caused by:",
      "  [28] Timeout was reached (Operation timed out after 30000 milliseconds with 0 out of 0 bytes received)",
    ]);
    expect(verdict(log)).toMatchObject({ class: "flaky", patternId: "cargo.download" });
  });
});

describe("only the failing step counts", () => {
  it("the phrase only in post-job cleanup", () => {
    const log = ghaLog(["Segmentation fault (core dumped)"], { cleanup: ["tar: cache.tgz: Cannot write: No space left on device", "Warning: Failed to save: Unable to reserve cache"] });
    expect(verdict(log).class).toBe("genuine");
  });

  it("the phrase only in a later step (an if: failure() report step)", () => {
    const body = ["##[group]Run make test", "make test", "##[endgroup]", "Segmentation fault (core dumped)", "##[error]Process completed with exit code 139."];
    const later = ["##[group]Run cat reports/*.txt", "cat reports/*.txt", "##[endgroup]", "java.net.SocketException: Connection reset by peer"];
    const log = [...body, ...later, "Post job cleanup.", "Cleaning up orphan processes"].map((l) => `2024-05-01T10:00:00.0000000Z ${l}`).join("\n");
    expect(verdict(log).class).toBe("genuine");
  });
});

describe("memory: the OS killing a process is flaky, a heap limit is the code's", () => {
  it("the compiler killed for memory is not a compile error", () => {
    const v = verdict(ghaLog(["[ 42%] Building CXX object src/CMakeFiles/core.dir/big.cpp.o", "c++: fatal error: Killed signal terminated program cc1plus", "compilation terminated.", "make[2]: *** [src/CMakeFiles/core.dir/build.make:76: src/big.cpp.o] Error 1"]));
    expect(v).toMatchObject({ class: "flaky", patternId: "oom.compiler-killed", category: "memory" });
  });

  it("a jest worker killed from outside", () => {
    const v = verdict(ghaLog([" RUNS  src/big.test.ts", "A jest worker process (pid=4242) was terminated by another process: signal=SIGKILL, exitCode=null."]));
    expect(v).toMatchObject({ class: "flaky", patternId: "oom.worker-sigkill" });
  });

  it("exit code 137 ending the step", () => {
    expect(verdict(ghaLog(["Running tests…"], { exitCode: 137 }))).toMatchObject({ class: "flaky", patternId: "oom.exit-137" });
  });

  it("'JavaScript heap out of memory' in a test is genuine, and quoted", () => {
    const log = ghaLog([
      " RUNS  src/parse.test.ts",
      "<--- Last few GCs --->",
      "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory",
      " 1: 0xb090e0 node::Abort() [node]",
    ]);
    const v = verdict(log);
    expect(v).toMatchObject({ class: "genuine", line: lineOf(log, "JavaScript heap out of memory") });
  });
});

describe("the quoted line is the decisive error, never a wrapper", () => {
  it.each([
    ["make + gcc", ["cc -c src/a.c", "src/a.c:12:5: error: 'x' undeclared (first use in this function)", "make: *** [Makefile:8: a.o] Error 1"], "error: 'x' undeclared"],
    ["npm + tsc", ["> tsc -p .", "src/a.ts(3,7): error TS2322: Type 'string' is not assignable to type 'number'.", "npm ERR! code ELIFECYCLE", "npm ERR! errno 2"], "error TS2322"],
    [
      "Maven surefire",
      [
        "[ERROR] Tests run: 3, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 0.1 s <<< FAILURE! - in com.acme.SumTest",
        "[ERROR] adds(com.acme.SumTest)  Time elapsed: 0.01 s  <<< FAILURE!",
        "org.opentest4j.AssertionFailedError: expected: <4> but was: <3>",
        "[ERROR] Tests run: 3, Failures: 1, Errors: 0, Skipped: 0",
        "[ERROR] Failed to execute goal org.apache.maven.plugins:maven-surefire-plugin:3.2.5:test (default-test) on project sum: There are test failures.",
        "[ERROR] -> [Help 1]",
      ],
      "AssertionFailedError",
    ],
    ["Gradle", ["SumTest > adds() FAILED", "    org.opentest4j.AssertionFailedError at SumTest.java:12", "", "3 tests completed, 1 failed", "FAILURE: Build failed with an exception."], "AssertionFailedError at SumTest.java:12"],
    ["go test", ["--- FAIL: TestSum (0.00s)", "    sum_test.go:9: Sum(1, 2) = 3, want 4", "FAIL", "FAIL\tgithub.com/acme/sum\t0.01s"], "sum_test.go:9"],
  ])("%s", (_name, lines, needle) => {
    const log = ghaLog(lines);
    const v = verdict(log);
    expect(v.class).toBe("genuine");
    expect(v.line).toBe(lineOf(log, needle));
    expect(v.excerpt).toContain(needle);
  });

  it("fail closed: nothing recognisable stays genuine with no line rather than a wrapper", () => {
    const v = verdict(ghaLog(["make: *** [Makefile:3: all] Error 2"]));
    expect(v).toMatchObject({ class: "genuine", line: null, patternId: "sift.genuine.unknown" });
  });
});
