// Declared flaky tests: `flaky_tests:` globs, and the test ids of `sift:flaky-test` issues.
import { describe, expect, it } from "vitest";
import { flakyTestMatcher, namesTest, testIdsFromIssue } from "../../src/classify/flaky-test-globs.js";

describe("flaky_tests globs", () => {
  const m = flakyTestMatcher(["tests/network/*", "*::test_*timeout*", "com.acme.NetTest.*", "tests/test_a.py::test_p[1-2]", "[unclosed"]);

  it("match ids across `/` and `::`, and files", () => {
    expect(m.match({ id: "tests/network/test_dns.py::test_resolve", file: "tests/network/test_dns.py" })).toEqual({ by: "glob", declared: "tests/network/*" });
    expect(m.match({ id: "tests/api.py::TestClient::test_read_timeout" })).toEqual({ by: "glob", declared: "*::test_*timeout*" });
    expect(m.match({ id: "com.acme.NetTest.downloads" })).toEqual({ by: "glob", declared: "com.acme.NetTest.*" });
    expect(m.match({ id: "tests/test_a.py::test_p[1-2]" })).toEqual({ by: "glob", declared: "tests/test_a.py::test_p[1-2]" });
  });

  it("do not match other tests, nor other cases", () => {
    expect(m.match({ id: "tests/api.py::test_read" })).toBeNull();
    expect(m.match({ id: "com.acme.nettest.downloads" })).toBeNull();
    expect(m.match({ id: "org.acme.CartTest.total" })).toBeNull();
  });

  it("report unusable globs instead of dropping them silently", () => {
    expect(m.problems.map((p) => p.glob)).toEqual(["[unclosed"]);
    expect(flakyTestMatcher(["", "*".repeat(20)]).problems.map((p) => p.reason)).toEqual(["empty glob", "more than 12 stars"]);
  });
});

describe("issue test ids", () => {
  it("read PyTorch's DISABLED title", () => {
    expect(testIdsFromIssue({ title: "DISABLED test_cauchy_kstest_cpu_bfloat16 (__main__.TestTorchDeviceTypeCPU)", body: "Platforms: linux\n\nThis test was disabled because it is failing in CI." })).toEqual([
      "TestTorchDeviceTypeCPU.test_cauchy_kstest_cpu_bfloat16",
    ]);
  });

  it("read ids one per line, in lists, in backticks and in code blocks, and skip prose and file names", () => {
    const body = [
      "These tests time out on the macOS runners:",
      "",
      "- `tests/test_net.py::test_download`",
      "* com.acme.NetTest.downloads",
      "Test file path: `test_torch.py`",
      "",
      "```",
      "api client › retries on 503",
      "# a comment",
      "```",
      "See https://github.com/acme/app/actions/runs/1 for examples.",
    ].join("\n");
    expect(testIdsFromIssue({ title: "Flaky network tests", body })).toEqual(["tests/test_net.py::test_download", "com.acme.NetTest.downloads", "api client › retries on 503"]);
  });

  it("an issue's id names the same test in another runner's form, but a bare name names none", () => {
    expect(namesTest("TestTorchDeviceTypeCPU.test_cauchy", { id: "test/test_torch.py::TestTorchDeviceTypeCPU::test_cauchy" })).toBe(true);
    expect(namesTest("test_cauchy (__main__.TestTorchDeviceTypeCPU)", { id: "test_torch.py::TestTorchDeviceTypeCPU::test_cauchy" })).toBe(true);
    expect(namesTest("test_cauchy", { id: "test_torch.py::TestTorchDeviceTypeCPU::test_cauchy" })).toBe(false);
    expect(namesTest("TestOther.test_cauchy", { id: "test_torch.py::TestTorchDeviceTypeCPU::test_cauchy" })).toBe(false);
    const m = flakyTestMatcher([], ["TestTorchDeviceTypeCPU.test_cauchy"]);
    expect(m.match({ id: "test/test_torch.py::TestTorchDeviceTypeCPU::test_cauchy" })).toEqual({ by: "issue", declared: "TestTorchDeviceTypeCPU.test_cauchy" });
  });
});
