// Genuine verdicts carry the failing tests of the failing step (and only of that step).
import { describe, expect, it } from "vitest";
import { ghaLog, verdictOf } from "./helpers.js";

describe("verdict.tests", () => {
  it("a genuine test failure names its failing tests", () => {
    const v = verdictOf(ghaLog(["tests/test_a.py::test_one PASSED", "FAILED tests/test_a.py::test_two - assert 1 == 2", "==== 1 failed, 1 passed in 0.1s ===="]), []);
    expect(v.class).toBe("genuine");
    expect(v.tests).toEqual([{ id: "tests/test_a.py::test_two", file: "tests/test_a.py" }]);
  });

  it("a genuine test failure carries the tests its runner re-tried until they passed, apart from the failing ones", () => {
    const v = verdictOf(
      ghaLog([
        "=========================== rerun test summary info ============================",
        "RERUN tests/test_net.py::test_download",
        "RERUN tests/test_net.py::test_upload",
        "=========================== short test summary info ============================",
        "FAILED tests/test_net.py::test_upload - ConnectionResetError",
        "=================== 1 failed, 1 passed, 2 rerun in 4.02s ===================",
      ]),
      [],
    );
    expect(v.class).toBe("genuine");
    expect(v.tests).toEqual([{ id: "tests/test_net.py::test_upload", file: "tests/test_net.py" }]);
    expect(v.flakyReports).toEqual([{ id: "tests/test_net.py::test_download", file: "tests/test_net.py", how: expect.stringContaining("pytest") }]);
  });

  it("tests named outside the failing step do not count", () => {
    const v = verdictOf(ghaLog(["src/a.c:3:5: error: expected ';' before '}' token"], { setup: ["FAILED tests/test_setup.py::test_env - flaky setup check"] }), []);
    expect(v.class).toBe("genuine");
    expect(v.tests).toBeUndefined();
  });

  it("a flaky verdict carries no tests", () => {
    const v = verdictOf(ghaLog(["FAILED tests/test_a.py::test_two - ConnectionResetError", "curl: (6) Could not resolve host: example.com"]), [
      { id: "net.dns", regex: "Could not resolve host", class: "flaky", category: "network" },
    ]);
    expect(v.class).toBe("flaky");
    expect(v.tests).toBeUndefined();
  });
});
