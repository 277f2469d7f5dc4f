// Runners' own flaky reports: a test the runner saw fail and then pass on its own re-try. Each
// case also checks the test is not listed as failing; near-misses re-try and still fail.
import { describe, expect, it } from "vitest";
import { failingTests } from "../../src/classify/failing-tests.js";
import { runnerFlakyReports } from "../../src/classify/runner-flaky-reports.js";

const at = (lines: string[]) => (n: number) => lines[n - 1] ?? "";
const flaky = (lines: string[]) => runnerFlakyReports(at(lines), 1, lines.length).map((r) => [r.runner, r.id, r.line]);
const failing = (lines: string[]) => failingTests(at(lines), 1, lines.length).tests.map((t) => t.id);

describe("runner flaky reports", () => {
  it("pytest-rerunfailures: RERUN in the summary, and no FAILED in the end", () => {
    const log = [
      "tests/test_net.py RF.",
      "=================================== FAILURES ===================================",
      "________________________________ test_upload ________________________________",
      "=========================== rerun test summary info ============================",
      "RERUN tests/test_net.py::test_download",
      "RERUN tests/test_net.py::test_upload",
      "=========================== short test summary info ============================",
      "FAILED tests/test_net.py::test_upload - ConnectionResetError",
      "=================== 1 failed, 1 passed, 2 rerun in 4.02s ===================",
    ];
    expect(flaky(log)).toEqual([["pytest", "tests/test_net.py::test_download", 5]]);
    expect(failing(log)).toEqual(["tests/test_net.py::test_upload"]);
  });

  it("pytest verbose: RERUN then PASSED; a run cut before its summary proves nothing", () => {
    expect(flaky(["tests/test_net.py::test_download RERUN [ 50%]", "tests/test_net.py::test_download PASSED [ 50%]"])).toEqual([["pytest", "tests/test_net.py::test_download", 2]]);
    expect(flaky(["RERUN tests/test_net.py::test_download"])).toEqual([]);
  });

  it("jest retryTimes: logged retries of a test that then passed, not of one that failed", () => {
    const log = [
      "  LOGGING RETRY ERRORS  api client retries on 503",
      "   RETRY 1 ",
      "    expect(received).toBe(expected) // Object.is equality",
      " PASS  src/api.test.ts",
      "  LOGGING RETRY ERRORS  cart applies a discount",
      "   RETRY 1 ",
      " FAIL  src/cart.test.ts",
      "  ● cart › applies a discount",
      "Tests:       1 failed, 9 passed, 10 total",
    ];
    expect(flaky(log)).toEqual([["jest", "api client retries on 503", 1]]);
    expect(failing(log)).toEqual(["cart › applies a discount"]);
  });

  it("vitest: a passing test marked (retry xN)", () => {
    expect(flaky(["   ✓ src/api.test.ts > api > retries on 503 12ms (retry x2)", "   ✓ src/api.test.ts > api > parses 1ms"])).toEqual([["vitest", "api > retries on 503", 1]]);
  });

  it("Playwright: its flaky list and a (retry #1) pass", () => {
    const log = ["  ✘  1 [chromium] › home.spec.ts:3:1 › has title (1.0s)", "  ✓  2 [chromium] › home.spec.ts:3:1 › has title (retry #1) (0.9s)", "  1 flaky", "    [chromium] › home.spec.ts:3:1 › has title ─────", "  3 passed (4.0s)"];
    expect(flaky(log)).toEqual([["playwright", "[chromium] has title", 2]]);
    expect(failing(log)).toEqual([]);
  });

  it("Gradle test-retry: FAILED then PASSED in the same task, not across tasks", () => {
    const log = [
      "> Task :core:test",
      "com.acme.NetTest > downloads() FAILED",
      "    java.net.SocketTimeoutException at NetTest.java:20",
      "com.acme.NetTest > downloads() PASSED",
      "> Task :app:test",
      "com.acme.AppTest > starts() FAILED",
      "> Task :app:integrationTest",
      "com.acme.AppTest > starts() PASSED",
    ];
    expect(flaky(log)).toEqual([["gradle", "com.acme.NetTest > downloads()", 4]]);
    expect(failing(log)).toEqual(["com.acme.AppTest > starts()"]);
  });

  it("Maven surefire: the Flakes section and the Flakes count", () => {
    const log = [
      "[ERROR] com.acme.NetTest.downloads  Time elapsed: 5.01 s  <<< ERROR!",
      "java.net.SocketTimeoutException: Read timed out",
      "[INFO] Results:",
      "[INFO] ",
      "[WARNING] Flakes: ",
      "[WARNING] com.acme.NetTest.downloads",
      "[ERROR]   Run 1: NetTest.downloads:20 » SocketTimeout Read timed out",
      "[INFO]   Run 2: PASS",
      "[INFO] ",
      "[WARNING] Tests run: 12, Failures: 0, Errors: 0, Skipped: 0, Flakes: 1",
    ];
    expect(flaky(log)).toEqual([["maven", "com.acme.NetTest.downloads", 6]]);
    expect(failing(log)).toEqual([]);
  });

  it("Maven surefire: a test whose every re-run failed is failing", () => {
    const log = [
      "[ERROR] Failures: ",
      "[ERROR] com.acme.CartTest.total",
      "[ERROR]   Run 1: CartTest.total:42 expected: <90> but was: <100>",
      "[ERROR]   Run 2: CartTest.total:42 expected: <90> but was: <100>",
      "[INFO] ",
      "[ERROR] Tests run: 12, Failures: 1, Errors: 0, Skipped: 0",
    ];
    expect(flaky(log)).toEqual([]);
    expect(failing(log)).toEqual(["com.acme.CartTest.total"]);
  });

  it("nextest: TRY 2 PASS after TRY 1 FAIL, and its FLAKY summary line; retries that ran out are failures", () => {
    const log = [
      "  TRY 1 FAIL [   0.003s] my-crate net::tests::downloads",
      "  TRY 2 PASS [   0.002s] my-crate net::tests::downloads",
      "  TRY 1 FAIL [   0.003s] my-crate cart::tests::total",
      "  TRY 2 FAIL [   0.003s] my-crate cart::tests::total",
      "     Summary [   0.021s] 2 tests run: 1 passed (1 flaky), 1 failed",
      "   FLAKY 2/2 [   0.002s] my-crate net::tests::downloads",
      "        FAIL [   0.003s] my-crate cart::tests::total",
    ];
    expect(flaky(log)).toEqual([["nextest", "my-crate net::tests::downloads", 2]]);
    expect(failing(log)).toEqual(["my-crate cart::tests::total"]);
  });

  it("a test that failed in one job configuration and passed in another is not a runner re-try", () => {
    const log = ["py38: FAILED tests/test_a.py::test_one", "FAILED tests/test_a.py::test_one - assert 1 == 2", "tests/test_a.py::test_one PASSED [100%]"];
    expect(flaky(log)).toEqual([]);
  });
});
