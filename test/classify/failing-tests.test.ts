// Failing test ids per runner, from output shaped as each runner prints it (trimmed real shapes),
// with the near-misses beside them: passing and skipped tests, "0 failed" summaries, warnings.
import { describe, expect, it } from "vitest";
import { failingTests, MAX_FAILING_TESTS } from "../../src/classify/failing-tests.js";

/** Failing tests of `lines` as [runner, id, file?] (the log is the lines, 1-based). */
function failing(lines: string[]) {
  return failingTests((n) => lines[n - 1] ?? "", 1, lines.length).tests.map((t) => (t.file ? [t.runner, t.id, t.file] : [t.runner, t.id]));
}

describe("pytest", () => {
  it("reads the short summary, keeps parameters, splits off the message", () => {
    const log = [
      "tests/test_api.py::test_ok PASSED                                        [ 33%]",
      "tests/test_api.py::TestClient::test_timeout[ipv6-2] FAILED               [ 66%]",
      "tests/test_api.py::test_skip SKIPPED (needs network)                     [100%]",
      "=================================== FAILURES ===================================",
      "_____________________ TestClient.test_timeout[ipv6-2] _____________________",
      "E       assert 504 == 200",
      "=========================== short test summary info ============================",
      "FAILED tests/test_api.py::TestClient::test_timeout[ipv6-2] - assert 504 == 200",
      "ERROR tests/test_db.py::test_migrate - sqlalchemy.exc.OperationalError: no such table",
      "XFAIL tests/test_api.py::test_known_bug - reason: upstream #12",
      "ERROR tests/test_broken.py - ModuleNotFoundError: No module named 'yaml'",
      "============= 1 failed, 1 passed, 1 skipped, 1 xfailed, 2 errors in 3.21s =============",
    ];
    expect(failing(log)).toEqual([
      ["pytest", "tests/test_api.py::TestClient::test_timeout[ipv6-2]", "tests/test_api.py"],
      ["pytest", "tests/test_db.py::test_migrate", "tests/test_db.py"],
    ]);
  });

  it("names tests from the FAILURES headers when there is no summary (-rN)", () => {
    const log = [
      "=================================== FAILURES ===================================",
      "_____________________________ TestParser.test_empty ____________________________",
      "",
      "    def test_empty(self):",
      ">       assert parse('') == []",
      "E       AssertionError",
      "_ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _",
      "____________________________ ERROR at setup of test_db _____________________________",
      "========================= 1 failed, 1 error in 0.12s ==========================",
    ];
    expect(failing(log)).toEqual([
      ["pytest", "TestParser::test_empty"],
      ["pytest", "test_db"],
    ]);
  });

  it("reads xdist's verbose lines and leaves passing runs out", () => {
    const log = ["[gw1] [ 50%] PASSED tests/test_a.py::test_one ", "[gw0] [100%] FAILED tests/test_a.py::test_two ", "==== 1 failed, 1 passed in 2.01s ===="];
    expect(failing(log)).toEqual([["pytest", "tests/test_a.py::test_two", "tests/test_a.py"]]);
  });

  it("names nothing on a green run, a warnings summary or 0 failed", () => {
    const log = [
      "tests/test_a.py::test_one PASSED                                         [100%]",
      "=============================== warnings summary ===============================",
      "tests/test_a.py::test_one",
      "  DeprecationWarning: pkg_resources is deprecated",
      "======================== 1 passed, 1 warning in 0.05s =========================",
      "0 failed",
    ];
    expect(failing(log)).toEqual([]);
  });
});

describe("unittest", () => {
  it("reads FAIL:/ERROR: headers in the old and the 3.11 form", () => {
    const log = [
      "test_add (tests.test_math.TestMath) ... ok",
      "test_div (tests.test_math.TestMath) ... FAIL",
      "======================================================================",
      "FAIL: test_div (tests.test_math.TestMath)",
      "----------------------------------------------------------------------",
      "AssertionError: 2 != 3",
      "======================================================================",
      "ERROR: test_load (tests.test_io.TestIO.test_load)",
      "----------------------------------------------------------------------",
      "Ran 3 tests in 0.004s",
      "",
      "FAILED (failures=1, errors=1)",
    ];
    expect(failing(log)).toEqual([
      ["unittest", "tests.test_math.TestMath.test_div"],
      ["unittest", "tests.test_io.TestIO.test_load"],
    ]);
  });
});

describe("jest and vitest", () => {
  it("reads ● titles under their FAIL file, once although the summary repeats them", () => {
    const log = [
      " PASS  src/utils.test.ts",
      "  ● Console",
      "    console.log",
      " FAIL  src/cart/cart.test.ts (5.12 s)",
      "  Cart",
      "    ✓ adds an item (3 ms)",
      "    ✕ applies a discount (12 ms)",
      "    ○ skipped removes an item",
      "  ● Cart › applies a discount",
      "",
      "    expect(received).toBe(expected) // Object.is equality",
      "Summary of all failing tests",
      " FAIL  src/cart/cart.test.ts (5.12 s)",
      "  ● Cart › applies a discount",
      "Test Suites: 1 failed, 1 passed, 2 total",
      "Tests:       1 failed, 1 skipped, 2 passed, 4 total",
    ];
    expect(failing(log)).toEqual([["jest", "Cart › applies a discount", "src/cart/cart.test.ts"]]);
  });

  it("does not take jest's warnings or suite errors for tests", () => {
    const log = [
      "● Validation Warning:",
      "  Unknown option \"testURL\" with value \"http://localhost\" was found.",
      " FAIL  src/broken.test.js",
      "  ● Test suite failed to run",
      "    Cannot find module './missing' from 'src/broken.test.js'",
      "Tests:       0 total",
    ];
    expect(failing(log)).toEqual([]);
  });

  it("reads vitest's failure list with its file and nested suites", () => {
    const log = [
      " ❯ src/math.test.ts (3 tests | 1 failed) 8ms",
      "   ✓ math > adds 1ms",
      "   × math > divides > by zero 4ms",
      "⎯⎯⎯⎯⎯⎯⎯ Failed Tests 1 ⎯⎯⎯⎯⎯⎯⎯",
      "",
      " FAIL  src/math.test.ts > math > divides > by zero",
      "AssertionError: expected Infinity to be NaN",
      " FAIL  |unit| src/other.test.ts > parses",
      " Test Files  1 failed (1)",
      "      Tests  1 failed | 2 passed (3)",
    ];
    expect(failing(log)).toEqual([
      ["vitest", "math > divides > by zero", "src/math.test.ts"],
      ["vitest", "parses", "src/other.test.ts"],
    ]);
  });
});

describe("mocha", () => {
  it("joins the title lines of each entry after 'N failing'", () => {
    const log = [
      "  Array",
      "    #indexOf()",
      "      ✔ should return -1 when the value is not present",
      "      1) should return the index",
      "",
      "  1 passing (9ms)",
      "  2 failing",
      "",
      "  1) Array",
      "       #indexOf()",
      "         should return the index:",
      "     AssertionError [ERR_ASSERTION]: -1 == 0",
      "      at Context.<anonymous> (test/array.spec.js:10:14)",
      "",
      "  2) Server \"before all\" hook for \"responds\":",
      "     Error: listen EADDRINUSE: address already in use :::3000",
    ];
    expect(failing(log)).toEqual([
      ["mocha", "Array #indexOf() should return the index"],
      ["mocha", 'Server "before all" hook for "responds"'],
    ]);
  });
});

describe("Playwright", () => {
  it("reads failure headers and the summary, and leaves flaky tests out", () => {
    const log = [
      "Running 3 tests using 2 workers",
      "  ✘  1 [chromium] › tests/login.spec.ts:12:5 › login › rejects a bad password (5.1s)",
      "  ✘  2 [chromium] › tests/home.spec.ts:3:1 › has title (1.0s)",
      "  ✓  3 [chromium] › tests/home.spec.ts:3:1 › has title (retry #1) (0.9s)",
      "  ✓  4 [firefox] › tests/home.spec.ts:9:1 › has link (0.8s)",
      "",
      "  1) [chromium] › tests/login.spec.ts:12:5 › login › rejects a bad password ────────────",
      "    Error: expect(locator).toHaveText(expected) failed",
      "    Retry #1 ───────────────────────────────────────────────────────────────────────",
      "",
      "  1 failed",
      "    [chromium] › tests/login.spec.ts:12:5 › login › rejects a bad password ─────────────",
      "  1 flaky",
      "    [chromium] › tests/home.spec.ts:3:1 › has title ────────────────────────────────────",
      "  1 passed (7.2s)",
    ];
    expect(failing(log)).toEqual([["playwright", "[chromium] login › rejects a bad password", "tests/login.spec.ts"]]);
  });
});

describe("go test", () => {
  it("names subtests with their package, not their parents, and not passing or skipped tests", () => {
    const log = [
      "=== RUN   TestParse",
      "=== RUN   TestParse/empty",
      "--- FAIL: TestParse (0.00s)",
      "    --- FAIL: TestParse/empty (0.00s)",
      "        parse_test.go:14: got 1, want 0",
      "    --- PASS: TestParse/one (0.00s)",
      "--- SKIP: TestSlow (0.00s)",
      "--- FAIL: TestFormat (0.01s)",
      "FAIL",
      "FAIL\tgithub.com/acme/tool/internal/parse\t0.014s",
      "ok  \tgithub.com/acme/tool/internal/util\t0.003s",
      "FAIL\tgithub.com/acme/tool/cmd [build failed]",
      "FAIL",
    ];
    expect(failing(log)).toEqual([
      ["go", "github.com/acme/tool/internal/parse.TestParse/empty"],
      ["go", "github.com/acme/tool/internal/parse.TestFormat"],
    ]);
  });

  it("names the tests still running when the test binary timed out", () => {
    const log = ["panic: test timed out after 10m0s", "running tests:", "\tTestServerShutdown (10m0s)", "", "goroutine 7 [running]:", "FAIL\tgithub.com/acme/srv\t600.123s"];
    expect(failing(log)).toEqual([["go", "github.com/acme/srv.TestServerShutdown"]]);
  });
});

describe("cargo test and nextest", () => {
  it("reads libtest's FAILED lines, not ok or ignored ones, nor the result line", () => {
    const log = [
      "running 3 tests",
      "test parser::tests::parses_empty ... ok",
      "test parser::tests::rejects_tabs ... FAILED",
      "test net::tests::live ... ignored",
      "failures:",
      "    parser::tests::rejects_tabs",
      "test result: FAILED. 1 passed; 1 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.00s",
      "test src/lib.rs - Config::load (line 42) ... FAILED",
    ];
    expect(failing(log)).toEqual([
      ["cargo", "parser::tests::rejects_tabs"],
      ["cargo", "src/lib.rs - Config::load (line 42)"],
    ]);
  });

  it("reads nextest's FAIL lines and not the libtest output it relays", () => {
    const log = [
      "    Starting 3 tests across 2 binaries",
      "        PASS [   0.004s] my-crate parser::tests::parses_empty",
      "        FAIL [   0.005s] my-crate parser::tests::rejects_tabs",
      "--- STDOUT:              my-crate parser::tests::rejects_tabs ---",
      "running 1 test",
      "test parser::tests::rejects_tabs ... FAILED",
      "     Summary [   0.021s] 3 tests run: 2 passed, 1 failed, 0 skipped",
      "        FAIL [   0.005s] my-crate parser::tests::rejects_tabs",
      "error: test run failed",
    ];
    expect(failing(log)).toEqual([["nextest", "my-crate parser::tests::rejects_tabs"]]);
  });
});

describe("Maven surefire and Gradle", () => {
  it("reads surefire 3's per-test line and old surefire's form", () => {
    const log = [
      "[INFO] Tests run: 4, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.1 s - in com.acme.OkTest",
      "[ERROR] Tests run: 3, Failures: 1, Errors: 1, Skipped: 0, Time elapsed: 0.2 s <<< FAILURE! -- in com.acme.CartTest",
      "[ERROR] com.acme.CartTest.appliesDiscount -- Time elapsed: 0.01 s <<< FAILURE!",
      "org.opentest4j.AssertionFailedError: expected: <90> but was: <100>",
      "[ERROR] com.acme.CartTest.loadsPrices -- Time elapsed: 0.02 s <<< ERROR!",
      "testLegacy(com.acme.LegacyTest)  Time elapsed: 0.005 sec  <<< FAILURE!",
      "[ERROR] Failures: ",
      "[ERROR]   CartTest.appliesDiscount:42 expected: <90> but was: <100>",
      "[ERROR] Errors: ",
      "[ERROR]   CartTest.loadsPrices:17 » IllegalState prices not loaded",
      "[ERROR] Tests run: 7, Failures: 1, Errors: 1, Skipped: 0",
    ];
    expect(failing(log)).toEqual([
      ["maven", "com.acme.CartTest.appliesDiscount"],
      ["maven", "com.acme.CartTest.loadsPrices"],
      ["maven", "com.acme.LegacyTest.testLegacy"],
    ]);
  });

  it("falls back on surefire's summary when the per-test lines are not in the range", () => {
    const log = [
      "[ERROR] Failures: ",
      "[ERROR]   CartTest.appliesDiscount:42 expected: <90> but was: <100>",
      "[ERROR]   OrderTest>BaseTest.checksTotals:12 expected: <1> but was: <2>",
      "[INFO] ",
      "[ERROR] Tests run: 7, Failures: 2, Errors: 0, Skipped: 0",
      "[INFO] BUILD FAILURE",
    ];
    expect(failing(log)).toEqual([
      ["maven", "CartTest.appliesDiscount"],
      ["maven", "OrderTest.checksTotals"],
    ]);
  });

  it("reads Gradle's FAILED lines and not PASSED, SKIPPED or the task line", () => {
    const log = [
      "> Task :core:test FAILED",
      "",
      "com.acme.CartTest > addsItem() PASSED",
      "com.acme.CartTest > appliesDiscount() FAILED",
      "    org.opentest4j.AssertionFailedError at CartTest.java:42",
      "com.acme.CartTest > removesItem() SKIPPED",
      "com.acme.PriceTest > Nested > rounds(double) > [2] 0.5 FAILED",
      "3 tests completed, 2 failed, 1 skipped",
      "FAILURE: Build failed with an exception.",
      "BUILD FAILED in 14s",
    ];
    expect(failing(log)).toEqual([
      ["gradle", "com.acme.CartTest > appliesDiscount()"],
      ["gradle", "com.acme.PriceTest > Nested > rounds(double) > [2] 0.5"],
    ]);
  });
});

describe("RSpec, minitest and PHPUnit", () => {
  it("reads RSpec's rerun list, not its examples count", () => {
    const log = [
      "Finished in 0.51 seconds (files took 1.2 seconds to load)",
      "12 examples, 2 failures, 1 pending",
      "",
      "Failed examples:",
      "",
      "rspec ./spec/models/cart_spec.rb:14 # Cart#total applies the discount",
      "rspec './spec/models/order_spec.rb[1:2:1]' # Order when paid ships",
    ];
    expect(failing(log)).toEqual([
      ["rspec", "Cart#total applies the discount", "spec/models/cart_spec.rb"],
      ["rspec", "Order when paid ships", "spec/models/order_spec.rb"],
    ]);
  });

  it("reads minitest's Failure:/Error: blocks", () => {
    const log = [
      "  1) Failure:",
      "CartTest#test_discount [test/cart_test.rb:12]:",
      "Expected: 90",
      "  Actual: 100",
      "",
      "  2) Error:",
      "OrderTest#test_ship:",
      "RuntimeError: boom",
      "5 runs, 6 assertions, 1 failures, 1 errors, 0 skips",
    ];
    expect(failing(log)).toEqual([
      ["minitest", "CartTest#test_discount", "test/cart_test.rb"],
      ["minitest", "OrderTest#test_ship"],
    ]);
  });

  it("reads PHPUnit's failure and error lists, not its risky or skipped lists", () => {
    const log = [
      "There was 1 error:",
      "",
      "1) App\\Tests\\OrderTest::testShip",
      "RuntimeError: boom",
      "",
      "--",
      "",
      "There was 1 failure:",
      "",
      "1) App\\Tests\\CartTest::testTotal with data set \"empty\" (array())",
      "Failed asserting that 0 matches expected 1.",
      "",
      "There was 1 risky test:",
      "",
      "1) App\\Tests\\SlowTest::testNothing",
      "This test did not perform any assertions",
      "",
      "ERRORS!",
      "Tests: 10, Assertions: 20, Errors: 1, Failures: 1, Risky: 1.",
    ];
    expect(failing(log)).toEqual([
      ["phpunit", "App\\Tests\\OrderTest::testShip"],
      ["phpunit", 'App\\Tests\\CartTest::testTotal with data set "empty"'],
    ]);
  });
});

describe("ctest, dotnet test, TAP and GoogleTest", () => {
  it("reads ctest's list of failed tests, not the ones that did not run", () => {
    const log = [
      "1/3 Test #1: unit_parse .......................   Passed    0.01 sec",
      "2/3 Test #2: unit_net .........................***Failed    0.02 sec",
      "3/3 Test #3: unit_slow ........................***Timeout  60.00 sec",
      "33% tests passed, 2 tests failed out of 3",
      "The following tests FAILED:",
      "\t  2 - unit_net (Failed)",
      "\t  3 - unit_slow (Timeout)",
      "\t  4 - unit_gpu (Disabled)",
      "Errors while running CTest",
    ];
    expect(failing(log)).toEqual([
      ["ctest", "unit_net"],
      ["ctest", "unit_slow"],
    ]);
  });

  it("reads dotnet test's Failed lines, not Passed nor the summary", () => {
    const log = [
      "  Passed Acme.Tests.CartTests.AddsItem [3 ms]",
      "  Failed Acme.Tests.CartTests.AppliesDiscount [12 ms]",
      "  Error Message:",
      "   Assert.Equal() Failure",
      "  Failed Acme.Tests.PriceTests.Rounds(value: 0.5) [< 1 ms]",
      "Failed!  - Failed:     2, Passed:     1, Skipped:     0, Total:     3, Duration: 15 ms - Acme.Tests.dll (net8.0)",
    ];
    expect(failing(log)).toEqual([
      ["dotnet", "Acme.Tests.CartTests.AppliesDiscount"],
      ["dotnet", "Acme.Tests.PriceTests.Rounds(value: 0.5)"],
    ]);
  });

  it("reads TAP's not ok lines except TODO and SKIP", () => {
    const log = ["TAP version 13", "ok 1 - parses", "not ok 2 - formats dates", "not ok 3 - uses the network # SKIP offline", "not ok 4 - new parser # TODO not written", "1..4"];
    expect(failing(log)).toEqual([["tap", "formats dates"]]);
  });

  it("reads GoogleTest's FAILED lines, not its count line", () => {
    const log = [
      "[ RUN      ] Parser.Empty",
      "[       OK ] Parser.Empty (0 ms)",
      "[ RUN      ] Parser.Tabs",
      "[  FAILED  ] Parser.Tabs (1 ms)",
      "[  FAILED  ] 2 tests, listed below:",
      "[  FAILED  ] Parser.Tabs",
      "[  FAILED  ] Sizes/Buffer.Grows/3, where GetParam() = 4",
      " 2 FAILED TESTS",
    ];
    expect(failing(log)).toEqual([
      ["gtest", "Parser.Tabs"],
      ["gtest", "Sizes/Buffer.Grows/3"],
    ]);
  });
});

describe("the list", () => {
  it("is capped, with the rest counted", () => {
    const log = Array.from({ length: MAX_FAILING_TESTS + 7 }, (_, i) => `FAILED tests/test_many.py::test_${i} - assert False`);
    const result = failingTests((n) => log[n - 1] ?? "", 1, log.length);
    expect(result.tests).toHaveLength(MAX_FAILING_TESTS);
    expect(result.more).toBe(7);
    expect(result.tests[0]).toEqual({ id: "tests/test_many.py::test_0", file: "tests/test_many.py", runner: "pytest", line: 1 });
  });

  it("reads only lines from..to", () => {
    const log = ["FAILED tests/a.py::test_before", "--- FAIL: TestInside (0.00s)", "FAIL\tacme/inside\t0.1s", "FAILED tests/a.py::test_after"];
    expect(failingTests((n) => log[n - 1] ?? "", 2, 3).tests).toEqual([{ id: "acme/inside.TestInside", runner: "go", line: 2 }]);
  });
});
